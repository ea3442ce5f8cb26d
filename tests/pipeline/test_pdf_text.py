"""Reading PDFs back: normalized text from both engines and the format facts a scorer checks."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from pipeline.quality_validator.reading import (
    ENGINES,
    extract_pages,
    extract_text,
    inspect_pdf,
    normalize,
    page_count,
    text_extractable,
)
from pipeline.render.fonts import REGULAR, register_typefaces


def canvas_pdf(draw, pages: int = 1, page_size=LETTER) -> bytes:
    """A PDF drawn directly on a reportlab canvas; ``draw(canvas, page_index)`` paints each page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=page_size, invariant=1, initialFontName=register_typefaces())
    for index in range(pages):
        draw(canvas, index)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def text_lines(*lines: str, font: str = REGULAR, size: float = 11):
    def draw(canvas, index):
        canvas.setFont(font, size)
        for number, line in enumerate(lines):
            canvas.drawString(72, 700 - 20 * number, f"{line} {index + 1}")

    return draw


@pytest.mark.parametrize("engine", ENGINES)
def test_both_engines_give_one_clean_line_per_visual_line(engine):
    pdf = canvas_pdf(text_lines("Experience", "Senior  Engineer,   Acme", "Ελληνικά και русский"), pages=2)

    assert extract_pages(pdf, engine) == (
        "Experience 1\nSenior Engineer, Acme 1\nΕλληνικά και русский 1",
        "Experience 2\nSenior Engineer, Acme 2\nΕλληνικά και русский 2",
    )
    assert extract_text(pdf, engine) == "\n".join(extract_pages(pdf, engine))


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine 'ocr'"):
        extract_text(canvas_pdf(text_lines("x")), "ocr")


def test_normalize_collapses_whitespace_drops_blank_lines_and_restores_rtl_order():
    visual_hebrew = "םלוע םולש"  # as drawn left to right

    assert (
        normalize("  Summary \n\n\tBuilt\u00a0APIs  \n" + visual_hebrew) == "Summary\nBuilt APIs\nשלום עולם"
    )


def test_facts_of_a_text_only_pdf_with_an_embedded_font():
    facts = inspect_pdf(canvas_pdf(text_lines("Skills", size=10), pages=2, page_size=A4))

    assert facts.pages == page_count(canvas_pdf(text_lines("Skills"), pages=2)) == 2
    assert all(size == pytest.approx(A4, abs=0.01) for size in facts.page_sizes)
    assert facts.images == 0
    assert facts.fonts == ("/AAAAAA+DejaVuSans",)
    assert facts.unembedded_fonts == ()
    assert facts.text_extractable
    assert facts.font_sizes == (10.0,)


def test_facts_flag_images_standard_fonts_and_pages_without_text():
    picture = ImageReader(Image.new("RGB", (8, 8), "navy"))

    def draw(canvas, index):
        if index == 0:
            canvas.setFont("Helvetica", 8)
            canvas.drawString(72, 700, "Scanned resume")
        canvas.drawImage(picture, 72, 400, width=100, height=100)

    facts = inspect_pdf(canvas_pdf(draw, pages=2))

    assert facts.images == 2
    assert facts.unembedded_fonts == ("/Helvetica",)
    assert facts.font_sizes == (8.0,)
    assert not facts.text_extractable


def test_images_drawn_inline_and_inside_forms_are_counted_as_pypdf_counts_them():
    """Images are counted from pdfminer.six's layout: an inline image, an image XObject and one inside a
    form XObject each count, as pypdf's own ``page.images`` (which parses the content stream again) counts
    them; a form drawn twice shows its image twice."""
    picture = ImageReader(Image.new("RGB", (8, 8), "navy"))

    def draw(canvas, index):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, 700, "Resume with pictures")
        canvas.drawInlineImage(Image.new("RGB", (4, 4), "teal"), 72, 600, width=20, height=20)
        canvas.drawImage(picture, 72, 500, width=20, height=20)
        if index == 1:
            canvas.beginForm("logo")
            canvas.drawImage(picture, 0, 0, width=10, height=10)
            canvas.endForm()
            canvas.doForm("logo")
            canvas.translate(100, 0)
            canvas.doForm("logo")

    pdf = canvas_pdf(draw, pages=2)

    assert [len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages] == [2, 3]  # names, not draws
    assert inspect_pdf(pdf).images == 2 + 4


def test_metadata_is_read_back():
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setTitle("Resume - Иван Петров")
    canvas.setAuthor("Иван Петров")
    canvas.save()

    facts = inspect_pdf(buffer.getvalue())

    assert (facts.title, facts.author) == ("Resume - Иван Петров", "Иван Петров")
    assert not facts.text_extractable


def only_in_a_form(canvas, index):
    """Text drawn only inside a form XObject, which pdfminer.six lays out as a figure."""
    canvas.beginForm(f"stamp{index}")
    canvas.setFont(REGULAR, 11)
    canvas.drawString(72, 700, "Inside a form")
    canvas.endForm()
    canvas.doForm(f"stamp{index}")


def blank_then_text(canvas, index, on_every_page: bool = False):
    canvas.setFont(REGULAR, 11)
    canvas.drawString(72, 720, "   ")  # whitespace only, first on the page
    if index == 1 or on_every_page:
        canvas.drawString(72, 700, "Some text")


@pytest.mark.parametrize(
    ("draw", "pages", "expected"),
    [
        (text_lines("Dear hiring team", "Sincerely"), 2, True),
        (text_lines("Ελληνικά και русский"), 1, True),
        (lambda canvas, index: blank_then_text(canvas, index, on_every_page=True), 2, True),
        (blank_then_text, 2, False),  # the first page has only spaces
        (blank_then_text, 1, False),
        (only_in_a_form, 1, False),
        (lambda canvas, index: canvas.rect(72, 72, 200, 200), 1, False),
    ],
)
def test_text_extractable_reads_each_page_only_up_to_its_first_text(draw, pages, expected):
    """The early-stopping read gives what reading every page whole gives (``inspect_pdf``)."""
    pdf = canvas_pdf(draw, pages=pages)

    assert text_extractable(pdf) is expected
    assert inspect_pdf(pdf).text_extractable is expected
    whole = extract_pages(pdf, "pdfminer")
    assert (bool(whole) and all(whole)) is expected
