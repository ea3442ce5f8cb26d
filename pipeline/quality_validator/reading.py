"""A PDF read the way an applicant tracking system reads it, each engine parsing the file once.

Two engines read it, so the scorer can check that they agree: pypdf (in its layout mode, since its plain
mode reorders right-to-left runs on its own) and pdfminer.six. Both texts give one line per visual line,
whitespace collapsed to single spaces, blank lines dropped and pages joined by a newline; right-to-left
lines come back in visual order and are turned back into logical order (``pipeline.render.bidi``: exact
for single-direction lines, approximate for mixed ones). From the same two parses come the laid-out lines
(position, bold, size), the tall vertical strokes of tables and columns, and the format facts.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.high_level import extract_pages as pdfminer_pages
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTItem, LTPage, LTTextContainer, LTTextLine
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import Matrix, Rect
from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject

from pipeline.render.bidi import has_rtl, to_logical

Engine = Literal["pypdf", "pdfminer"]
ENGINES: tuple[Engine, ...] = ("pypdf", "pdfminer")
FONT_FILE_KEYS = ("/FontFile", "/FontFile2", "/FontFile3")
VERTICAL_RULE_MIN_HEIGHT = 20.0  # points: a vertical stroke at least this tall separates columns or cells


@dataclass(frozen=True)
class PdfFacts:
    """What a format check needs: every value is read from the file, none assumed."""

    pages: int
    page_sizes: tuple[tuple[float, float], ...]  # width and height of each page, in points
    images: int  # images drawn over all pages: image XObjects (also inside forms) and inline images
    fonts: tuple[str, ...]  # base font names, sorted
    unembedded_fonts: tuple[str, ...]  # fonts the reader must supply itself
    text_extractable: bool  # every page yields text
    font_sizes: tuple[float, ...]  # distinct sizes of the drawn characters, ascending
    title: str
    author: str


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
    pages: tuple[tuple[str, ...], ...]  # the text of each page, per engine
    lines: tuple[TextLine, ...]  # page by page, top to bottom
    vertical_rules: int  # tall vertical strokes: table grids and column dividers
    facts: PdfFacts
    size: int  # bytes

    def text(self, engine: Engine) -> str:
        return self.texts[ENGINES.index(engine)]


def read_pdf(pdf: bytes) -> Reading:
    """Parse ``pdf`` once with each engine and read everything an ATS or a format check needs."""
    reader = PdfReader(io.BytesIO(pdf))
    layouts = list(pdfminer_pages(io.BytesIO(pdf)))
    pages = (
        tuple(normalize(page.extract_text(extraction_mode="layout")) for page in reader.pages),
        tuple(normalize(layout_text(layout)) for layout in layouts),
    )
    lines: list[TextLine] = []
    for number, layout in enumerate(layouts, start=1):
        lines += sorted(page_lines(layout, number), key=lambda line: (-line.y1, line.x0))
    return Reading(
        texts=tuple("\n".join(page for page in engine if page) for engine in pages),
        pages=pages,
        lines=tuple(lines),
        vertical_rules=sum(1 for layout in layouts for element in layout if is_vertical_rule(element)),
        facts=_facts(reader, layouts, pages[1]),
        size=len(pdf),
    )


def _facts(reader: PdfReader, layouts: list[LTPage], pdfminer_texts: tuple[str, ...]) -> PdfFacts:
    fonts = {name: embedded for page in reader.pages for name, embedded in page_fonts(page).items()}
    sizes = {round(char.size, 2) for layout in layouts for char in characters(layout)}
    metadata = reader.metadata or {}
    return PdfFacts(
        pages=len(reader.pages),
        page_sizes=tuple((float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages),
        images=sum(images_drawn(layout) for layout in layouts),
        fonts=tuple(sorted(fonts)),
        unembedded_fonts=tuple(sorted(name for name, embedded in fonts.items() if not embedded)),
        text_extractable=bool(layouts) and all(pdfminer_texts),
        font_sizes=tuple(sorted(sizes)),
        title=str(metadata.get("/Title", "")),
        author=str(metadata.get("/Author", "")),
    )


def extract_text(pdf: bytes, engine: Engine = "pypdf") -> str:
    """The document's text with one engine, normalized as the module describes."""
    return "\n".join(page for page in extract_pages(pdf, engine) if page)


def extract_pages(pdf: bytes, engine: Engine = "pypdf") -> tuple[str, ...]:
    """The normalized text of each page, with one engine (parsing only with that one)."""
    if engine == "pypdf":
        raw = [page.extract_text(extraction_mode="layout") for page in PdfReader(io.BytesIO(pdf)).pages]
    elif engine == "pdfminer":
        raw = [layout_text(page) for page in pdfminer_pages(io.BytesIO(pdf))]
    else:
        raise ValueError(f"unknown engine {engine!r}; expected one of {ENGINES}")
    return tuple(normalize(text) for text in raw)


def text_extractable(pdf: bytes) -> bool:
    """Every page yields text, as ``PdfFacts.text_extractable`` says, read with pdfminer.six alone.

    Each page is read only up to its first character with text (``FirstText``): the same answer as
    extracting the whole page, at a fraction of the cost.
    """
    manager = PDFResourceManager()
    interpreter = PDFPageInterpreter(manager, FirstText(manager))
    pages = 0
    for page in PDFPage.get_pages(io.BytesIO(pdf)):
        pages += 1
        try:
            interpreter.process_page(page)
        except PageHasText:
            continue
        return False
    return pages > 0


class PageHasText(Exception):  # noqa: N818 -- a signal that ends the page early, not an error
    """Raised by ``FirstText`` at a page's first character with text."""


class FirstText(PDFLayoutAnalyzer):
    """A pdfminer.six device that stops a page at its first character with text drawn on the page itself.

    Exactly when such a character exists, the page's text (``layout_text``, normalized) is not empty:
    layout analysis puts every character drawn outside a figure into a text line, keeps every line that
    is not whitespace only, and ``layout_text`` reads no figures. So both say the same of every page.
    """

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        super().begin_page(page, ctm)
        self.figures = 0

    def begin_figure(self, name: str, bbox: Rect, matrix: Matrix) -> None:
        super().begin_figure(name, bbox, matrix)
        self.figures += 1

    def end_figure(self, name: str) -> None:
        super().end_figure(name)
        self.figures -= 1

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> float:
        if not self.figures:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            if text.strip():
                raise PageHasText
        return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)


def inspect_pdf(pdf: bytes) -> PdfFacts:
    """Pages, page sizes, images, fonts and their embedding, extractable text, text sizes and metadata."""
    return read_pdf(pdf).facts


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def normalize(text: str) -> str:
    """One line per visual line, single spaces, no blank lines, right-to-left lines in logical order."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(to_logical(line) if has_rtl(line) else line for line in lines if line)


def layout_text(page: LTPage) -> str:
    return "".join(element.get_text() for element in page if isinstance(element, LTTextContainer))


def characters(page: LTPage) -> Iterator[LTChar]:
    """Every drawn character of a pdfminer page."""
    for element in page:
        if isinstance(element, LTTextContainer):
            for line in element:
                if isinstance(line, LTTextLine):  # a box may also hold a lone character (a blank line end)
                    yield from (char for char in line if isinstance(char, LTChar))


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


def images_drawn(item: LTItem) -> int:
    """Images pdfminer.six laid out in ``item``: each image XObject drawn (also inside a form XObject) and
    each inline image, wherever it sits in the layout's figures.

    Read from the layout already made, not with pypdf's ``page.images``, which parses the page's content
    stream again to find inline images (7.5 ms for the example's resume; its whole validation about 4 ms
    faster, alternating runs). An image that a page's resources name but the page never draws is not
    counted: nothing of it is on the page.
    """
    if isinstance(item, LTImage):
        return 1
    if isinstance(item, LTContainer):
        return sum(images_drawn(child) for child in item)
    return 0


def is_vertical_rule(element: object) -> bool:
    """A line, rectangle or path much taller than wide (pdfminer reports all three as ``LTCurve``)."""
    return (
        isinstance(element, LTCurve)
        and element.height >= VERTICAL_RULE_MIN_HEIGHT
        and element.height > 4 * max(element.width, 1.0)
    )


def page_fonts(page: PageObject) -> dict[str, bool]:
    """Base font name to whether its program is embedded, for the fonts a page's resources name."""
    resources = page.get("/Resources") or {}
    fonts = resources.get_object().get("/Font") or {}
    return {
        str(font.get("/BaseFont", "")): is_embedded(font)
        for font in (reference.get_object() for reference in fonts.get_object().values())
    }


def is_embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # glyphs are drawn by the PDF's own procedures
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(key in descriptor.get_object() for key in FONT_FILE_KEYS)
