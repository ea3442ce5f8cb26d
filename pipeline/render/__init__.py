"""The documents on the page: PDF (``pdf``, through ``templates``, ``story`` and ``blocks``), plain text
(``plain_text``) and DOCX (``docx``), with the bundled fonts (``fonts``) and right-to-left text (``bidi``,
``rtl``). Stage 4 renders to score what an ATS reads, stage 5 to export; both through here."""

from pipeline.render.docx import resume_docx
from pipeline.render.fonts import UnsupportedCharactersError
from pipeline.render.pdf import render_cover_letter_pdf, render_resume_pdf
from pipeline.render.plain_text import cover_letter_text, resume_text
from pipeline.render.templates import TEMPLATES
from pipeline.render.types import DOCX, PDF, TXT, FileFormat, RenderedFile

__all__ = [
    "DOCX",
    "PDF",
    "TEMPLATES",
    "TXT",
    "FileFormat",
    "RenderedFile",
    "UnsupportedCharactersError",
    "cover_letter_text",
    "render_cover_letter_pdf",
    "render_resume_pdf",
    "resume_docx",
    "resume_text",
]
