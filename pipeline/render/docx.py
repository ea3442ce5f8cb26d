"""The resume as a DOCX: real Word headings, bold entry titles and "List Bullet" paragraphs.

python-docx stamps each zip member with the current time, so the package is rewritten with fixed member
times to keep equal input giving equal bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx import Document
from docx.document import Document as WordDocument
from docx.shared import Pt

from pipeline.document_generator import PageSize, Resume
from pipeline.render.blocks import Block, resume_blocks
from pipeline.render.page import PAGE_SIZES, SIDE_MARGIN

FONT = "Calibri"
BODY_SIZE = Pt(10.5)
MARGIN = Pt(SIDE_MARGIN)
FIXED_TIME = datetime(2000, 1, 1)  # the same instant reportlab's invariant mode writes into PDFs
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
STYLE_OF = {"name": "Title", "heading": "Heading 1", "bullet": "List Bullet"}


def resume_docx(resume: Resume, page_size: PageSize) -> bytes:
    """The resume as DOCX bytes, with the same text and order as the PDF."""
    document = Document()
    section = document.sections[0]
    width, height = PAGE_SIZES[page_size]
    section.page_width, section.page_height = Pt(width), Pt(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, BODY_SIZE
    properties = document.core_properties
    properties.title, properties.author, properties.subject = f"Resume - {resume.name}", resume.name, "Resume"
    properties.created = properties.modified = FIXED_TIME
    properties.last_modified_by, properties.revision, properties.comments = "JobWise", 1, ""
    styles = {name: document.styles[name].style_id for name in STYLE_OF.values()}
    for block in resume_blocks(resume):
        add_block(document, block, styles)
    buffer = io.BytesIO()
    document.save(buffer)
    return with_fixed_times(buffer.getvalue())


def add_block(document: WordDocument, block: Block, style_ids: dict[str, str]) -> None:
    """One block as a paragraph. Styles go in by id, looked up once per document: python-docx's own
    ``paragraph.style = ...`` scans the whole style sheet for the default style on every call (about 40 ms
    a resume). Setting ``pStyle`` is the last step of that setter, so the XML is the same; ``add_heading``
    is ``add_paragraph`` with the "Title" or "Heading N" style."""
    if block.kind in ("name", "heading", "bullet"):
        paragraph = document.add_paragraph(block.text)
        paragraph._p.style = style_ids[STYLE_OF[block.kind]]
    else:
        paragraph = document.add_paragraph()
        if block.lead:
            paragraph.add_run(block.lead).bold = True
        paragraph.add_run(block.text).italic = block.kind in ("entry_dates", "entry_location")


def with_fixed_times(package: bytes) -> bytes:
    """The same zip package with every member stamped at one fixed time."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(output, "w") as target:
        for member in source.infolist():
            fixed = zipfile.ZipInfo(member.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(member))
    return output.getvalue()
