"""A PDF read the way an ATS reads it: the text of both engines, the laid-out lines, the format facts."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from pdfminer.high_level import extract_pages as pdfminer_pages
from pdfminer.layout import LTChar, LTCurve, LTPage, LTTextContainer, LTTextLine

from pipeline.pdf_text import ENGINES, PdfFacts, extract_text, inspect_pdf

VERTICAL_RULE_MIN_HEIGHT = 20.0  # points: a vertical stroke at least this tall separates columns or cells


@dataclass(frozen=True)
class TextLine:
    """One visual line as pdfminer.six lays it out; y grows upwards."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    bold: bool  # every character is set in a bold face
    size: float  # the largest character size, in points


@dataclass(frozen=True)
class Reading:
    texts: tuple[str, ...]  # the whole text per engine, in ``ENGINES`` order
    lines: tuple[TextLine, ...]  # page by page, top to bottom
    vertical_rules: int  # tall vertical strokes: table grids and column dividers
    facts: PdfFacts
    size: int  # bytes


def read_pdf(pdf: bytes) -> Reading:
    lines: list[TextLine] = []
    rules = 0
    for number, page in enumerate(pdfminer_pages(io.BytesIO(pdf)), start=1):
        lines += sorted(page_lines(page, number), key=lambda line: (-line.y1, line.x0))
        rules += sum(1 for element in page if is_vertical_rule(element))
    return Reading(
        texts=tuple(extract_text(pdf, engine) for engine in ENGINES),
        lines=tuple(lines),
        vertical_rules=rules,
        facts=inspect_pdf(pdf),
        size=len(pdf),
    )


def page_lines(page: LTPage, number: int) -> Iterator[TextLine]:
    for box in page:
        if not isinstance(box, LTTextContainer):
            continue
        for line in box:
            if not isinstance(line, LTTextLine):
                continue
            chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
            if chars:
                yield TextLine(
                    page=number,
                    x0=line.x0,
                    y0=line.y0,
                    x1=line.x1,
                    y1=line.y1,
                    text=" ".join(line.get_text().split()),
                    bold=all("bold" in c.fontname.lower() for c in chars),
                    size=round(max(c.size for c in chars), 2),
                )


def is_vertical_rule(element: object) -> bool:
    """A line, rectangle or path much taller than wide (pdfminer reports all three as ``LTCurve``)."""
    return (
        isinstance(element, LTCurve)
        and element.height >= VERTICAL_RULE_MIN_HEIGHT
        and element.height > 4 * max(element.width, 1.0)
    )
