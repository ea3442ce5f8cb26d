"""Text and format facts read back from a PDF, the way an applicant tracking system would read it.

Two engines are offered so a scorer can check that they agree. Both give one line per visual line,
whitespace collapsed to single spaces, blank lines dropped and pages joined by a newline. pypdf runs in
its layout mode because its plain mode reorders right-to-left runs on its own; in layout mode both
engines return right-to-left lines in visual order, and ``pipeline.bidi.to_logical`` turns those lines
back into logical order (exact for single-direction lines; mixed-direction lines are approximate).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from pdfminer.high_level import extract_pages as pdfminer_pages
from pdfminer.layout import LTChar, LTPage, LTTextContainer
from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject

from pipeline.bidi import has_rtl, to_logical

ENGINES = ("pypdf", "pdfminer")
FONT_FILE_KEYS = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class PdfFacts:
    """What a format check needs: every value is read from the file, none assumed."""

    pages: int
    page_sizes: tuple[tuple[float, float], ...]  # width and height of each page, in points
    images: int  # image XObjects and inline images over all pages
    fonts: tuple[str, ...]  # base font names, sorted
    unembedded_fonts: tuple[str, ...]  # fonts the reader must supply itself
    text_extractable: bool  # every page yields text
    font_sizes: tuple[float, ...]  # distinct sizes of the drawn characters, ascending
    title: str
    author: str


def extract_text(pdf: bytes, engine: str = "pypdf") -> str:
    """The document's text with ``engine`` ("pypdf" or "pdfminer"), normalized as the module describes."""
    return "\n".join(page for page in extract_pages(pdf, engine) if page)


def extract_pages(pdf: bytes, engine: str = "pypdf") -> tuple[str, ...]:
    """The normalized text of each page."""
    if engine == "pypdf":
        raw = [page.extract_text(extraction_mode="layout") for page in PdfReader(io.BytesIO(pdf)).pages]
    elif engine == "pdfminer":
        raw = [layout_text(page) for page in pdfminer_pages(io.BytesIO(pdf))]
    else:
        raise ValueError(f"unknown engine {engine!r}; expected one of {ENGINES}")
    return tuple(normalize(text) for text in raw)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def inspect_pdf(pdf: bytes) -> PdfFacts:
    """Pages, page sizes, images, fonts and their embedding, extractable text, text sizes and metadata."""
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {name: embedded for page in reader.pages for name, embedded in page_fonts(page).items()}
    layouts = list(pdfminer_pages(io.BytesIO(pdf)))
    sizes = {round(char.size, 2) for layout in layouts for char in characters(layout)}
    metadata = reader.metadata or {}
    return PdfFacts(
        pages=len(reader.pages),
        page_sizes=tuple((float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages),
        images=sum(len(page.images) for page in reader.pages),
        fonts=tuple(sorted(fonts)),
        unembedded_fonts=tuple(sorted(name for name, embedded in fonts.items() if not embedded)),
        text_extractable=bool(layouts) and all(normalize(layout_text(layout)) for layout in layouts),
        font_sizes=tuple(sorted(sizes)),
        title=str(metadata.get("/Title", "")),
        author=str(metadata.get("/Author", "")),
    )


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
                yield from (char for char in line if isinstance(char, LTChar))


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
