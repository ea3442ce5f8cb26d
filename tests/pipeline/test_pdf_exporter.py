"""Stage 5: the PDFs are text-based, ATS-safe and deterministic; TXT and DOCX carry the same content."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from docx import Document
from pypdf import PdfReader

from pipeline.document_generator import Documents, GenerationOptions, Line, ResumeSection
from pipeline.pdf_exporter import export_documents
from pipeline.quality_validator.reading import ENGINES, extract_text, inspect_pdf, page_count
from pipeline.render import DOCX, PDF, TXT, render_cover_letter_pdf, render_resume_pdf
from pipeline.render.blocks import resume_blocks
from pipeline.render.pdf import BODY_SIZES, RECENT_ENTRIES, Metadata, lay_out
from pipeline.render.templates import BULLET
from pipeline.render.wording import date_range, display_date, letter_date
from tests.pipeline.resume_builders import make_letter, make_resume

HEADINGS = ["SUMMARY", "SKILLS", "EXPERIENCE", "PROJECTS", "EDUCATION", "CERTIFICATIONS", "LANGUAGES"]
LAYOUTS = [(template, size) for template in ("classic", "modern") for size in ("letter", "a4")]
PAGE_POINTS = {"letter": (612.0, 792.0), "a4": (595.276, 841.89)}


def words(text: str) -> str:
    """Text with line breaks and runs of spaces as single spaces: wrapping is the only allowed change."""
    return " ".join(text.split())


def pdf_text_of(resume) -> str:
    """What the PDF should read back as: every block's text in order, bullets with their glyph."""
    return words(
        " ".join(BULLET + b.text if b.kind == "bullet" else b.full_text for b in resume_blocks(resume))
    )


def heading_order(text: str) -> list[str]:
    return [line for line in text.splitlines() if line in HEADINGS]


@pytest.fixture(scope="module")
def two_page_resume():
    return make_resume()


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("template", ["classic", "modern"])
def test_non_latin_names_extract_back_character_for_character(engine, template):
    resume = make_resume(name="Mária Ševčíková-Øster", references=("Αλέξανδρος Παπαδόπουλος", "Иван Петров"))
    text = extract_text(render_resume_pdf(resume, GenerationOptions(template=template)).content, engine)

    assert text.splitlines()[0] == "Mária Ševčíková-Øster"
    assert "Reference: Αλέξανδρος Παπαδόπουλος" in text.splitlines()
    assert "Reference: Иван Петров" in text.splitlines()
    assert words(text) == pdf_text_of(resume)


@pytest.mark.parametrize(("template", "page_size"), LAYOUTS)
def test_both_templates_render_ats_safe_pdfs_in_both_page_sizes(two_page_resume, template, page_size):
    rendered = render_resume_pdf(two_page_resume, GenerationOptions(template=template, page_size=page_size))
    facts = inspect_pdf(rendered.content)
    texts = [extract_text(rendered.content, engine) for engine in ENGINES]

    assert (rendered.kind, rendered.format, rendered.media_type) == ("resume", "pdf", PDF)
    assert rendered.pages == facts.pages == page_count(rendered.content) == 2
    assert len(facts.page_sizes) == 2
    assert all(size == pytest.approx(PAGE_POINTS[page_size], abs=0.01) for size in facts.page_sizes)
    assert facts.images == 0
    assert facts.unembedded_fonts == ()
    assert all("DejaVuSans" in font for font in facts.fonts)
    assert facts.text_extractable
    assert texts[0] == texts[1]
    assert all(heading_order(text) == HEADINGS for text in texts)
    # narrower A4 puts the contact items on two lines, so the separator at the break is not drawn
    assert words(texts[0].replace(" | ", " ")) == pdf_text_of(two_page_resume).replace(" | ", " ")


@pytest.mark.parametrize("engine", ENGINES)
def test_organization_title_dates_and_location_each_read_back_as_a_line(two_page_resume, engine):
    lines = extract_text(render_resume_pdf(two_page_resume, GenerationOptions()).content, engine).splitlines()

    first = lines.index("Brightline Logistics")
    assert lines[first + 1 : first + 4] == [
        "Senior Backend Engineer",
        "Mar 2021 \u2013 Present",
        "San Francisco, CA",
    ]
    second = lines.index("Cobalt Health")
    assert lines[second + 1 : second + 4] == ["Software Engineer", "Jun 2018 \u2013 Feb 2021", "Oakland, CA"]


@pytest.mark.parametrize(("template", "page_size"), LAYOUTS)
def test_one_page_leaves_out_older_roles_before_the_strongest_bullets_of_recent_ones(template, page_size):
    resume = make_resume(roles=8, bullets=6)
    rendered = render_resume_pdf(
        resume, GenerationOptions(template=template, page_size=page_size, one_page=True)
    )

    assert rendered.pages == page_count(rendered.content) == 1
    assert min(inspect_pdf(rendered.content).font_sizes) >= 9
    roles = resume.sections[2].entries
    dropped = set(rendered.dropped)
    assert dropped and len(dropped) == len(rendered.dropped)
    recent, older = roles[:RECENT_ENTRIES], roles[RECENT_ENTRIES:]
    # the builder scores the first bullet highest: the two strongest bullets of every recent role stay
    assert not dropped & {line.sources[0] for role in recent for line in role.bullets[:2]}
    # and older roles lose every bullet before a recent role loses one of its three strongest
    if dropped & {line.sources[0] for role in recent for line in role.bullets[:3]}:
        assert {line.sources[0] for role in older for line in role.bullets} <= dropped
    text = words(extract_text(rendered.content, "pdfminer"))
    kept = [
        line
        for role in roles
        for line in role.bullets
        if line.sources[0] not in dropped and role.ref not in dropped
    ]
    assert kept and all(words(BULLET + line.text) in text for line in kept)


def test_one_page_keeps_the_strongest_bullet_of_every_recent_role():
    rendered = render_resume_pdf(
        make_resume(roles=8, bullets=6), GenerationOptions(page_size="a4", one_page=True)
    )

    assert rendered.pages == 1
    assert not {f"work[{n}].highlights[0]" for n in range(RECENT_ENTRIES)} & set(rendered.dropped)


def test_one_page_leaves_a_short_resume_whole_at_full_size():
    resume = make_resume(roles=1, bullets=2)
    rendered = render_resume_pdf(resume, GenerationOptions(one_page=True))

    assert rendered.pages == 1
    assert rendered.dropped == ()
    assert 10.5 in inspect_pdf(rendered.content).font_sizes


def test_one_page_steps_the_font_down_before_dropping_anything():
    resume = make_resume(roles=2, bullets=5)
    full = render_resume_pdf(resume, GenerationOptions())
    fitted = render_resume_pdf(resume, GenerationOptions(one_page=True))

    assert full.pages == 2
    assert (fitted.pages, fitted.dropped) == (1, ())
    assert 10.5 not in inspect_pdf(fitted.content).font_sizes


@pytest.mark.parametrize(
    ("roles", "bullets"), [(1, 2), (2, 3), (2, 4), (2, 5), (3, 4)]
)  # fits at 10.5, 10, 9.5, 9, none
def test_one_page_takes_the_largest_size_that_fits_whole(roles, bullets):
    """Sizes are tried largest first, then the smallest, then those between; the answer is the same as
    trying them all in order, and only the kept layout is written."""
    resume = make_resume(roles=roles, bullets=bullets)
    options = GenerationOptions(one_page=True)
    metadata = Metadata(f"Resume - {resume.name}", resume.name, "Resume")
    fits = [size for size in BODY_SIZES if lay_out(resume_blocks(resume), options, metadata, size).pages == 1]
    fitted = render_resume_pdf(resume, options)

    if fits:
        assert fitted.dropped == ()
        assert fitted.content == lay_out(resume_blocks(resume), options, metadata, fits[0]).content()
    else:
        assert fitted.dropped


@pytest.mark.parametrize(("roles", "bullets"), [(1, 2), (3, 4), (8, 5)])  # one page, two, three
def test_a_one_page_try_stops_where_a_second_page_would_begin(roles, bullets):
    """Fitting only asks whether a layout takes one page: a try says so exactly as a full layout does, and
    one that runs over stops at its second page, with nothing to write."""
    resume = make_resume(roles=roles, bullets=bullets)
    options, metadata = GenerationOptions(), Metadata(f"Resume - {resume.name}", resume.name, "Resume")
    full = lay_out(resume_blocks(resume), options, metadata, BODY_SIZES[0])
    tried = lay_out(resume_blocks(resume), options, metadata, BODY_SIZES[0], one_page_try=True)

    assert (tried.pages == 1) is (full.pages == 1)
    if full.pages == 1:
        assert tried.content() == full.content()
    else:
        assert tried.pages == 2 and not tried.written
        with pytest.raises(ValueError, match="no PDF"):
            tried.content()


def test_one_page_refuses_what_cannot_fit_even_without_bullets():
    experience = make_resume(roles=8, bullets=0).sections[2]
    crowded = replace(make_resume(), sections=(experience,) * 8)

    with pytest.raises(ValueError, match="does not fit one page"):
        render_resume_pdf(crowded, GenerationOptions(one_page=True))


@pytest.mark.parametrize(("template", "page_size"), LAYOUTS)
def test_cover_letter_is_one_page_with_its_text(template, page_size):
    letter = make_letter()
    rendered = render_cover_letter_pdf(letter, GenerationOptions(template=template, page_size=page_size))
    text = extract_text(rendered.content, "pypdf")

    assert (rendered.kind, rendered.pages) == ("cover_letter", 1)
    assert text.splitlines()[:2] == ["Jordan Alvarez", "jordan.alvarez@example.com | +1 415 555 0142"]
    assert "25 November 2026" in text.splitlines()
    assert text.splitlines()[-2:] == ["Sincerely,", "Jordan Alvarez"]
    assert text == extract_text(rendered.content, "pdfminer")


def test_a_long_cover_letter_shrinks_to_one_page_but_not_below_9_pt():
    rendered = render_cover_letter_pdf(make_letter(paragraphs=5, sentences=5), GenerationOptions())
    sizes = inspect_pdf(rendered.content).font_sizes

    assert rendered.pages == 1
    assert min(sizes) >= 9
    assert 10.5 not in sizes


def test_a_cover_letter_too_long_for_one_page_is_refused():
    with pytest.raises(ValueError, match=r"cover letter does not fit one page at 9\.0 pt"):
        render_cover_letter_pdf(make_letter(paragraphs=8, sentences=8), GenerationOptions())


def test_pdf_metadata_names_the_document_and_the_candidate(two_page_resume):
    resume_meta = PdfReader(
        io.BytesIO(render_resume_pdf(two_page_resume, GenerationOptions()).content)
    ).metadata
    letter_meta = PdfReader(
        io.BytesIO(render_cover_letter_pdf(make_letter(), GenerationOptions()).content)
    ).metadata

    assert (resume_meta.title, resume_meta.author) == ("Resume - Jordan Alvarez", "Jordan Alvarez")
    assert (resume_meta.subject, resume_meta.creator) == ("Resume", "JobWise")
    assert (letter_meta.title, letter_meta.author) == ("Cover letter - Jordan Alvarez", "Jordan Alvarez")


def test_equal_input_gives_identical_bytes(two_page_resume):
    documents = Documents(resume=two_page_resume, cover_letter=make_letter())
    options = GenerationOptions(template="modern", one_page=True)

    first, second = export_documents(documents, options), export_documents(documents, options)

    assert [file.content for file in first] == [file.content for file in second]


@pytest.mark.parametrize("engine", ENGINES)
def test_right_to_left_lines_extract_back_to_logical_order(engine):
    hebrew = "מהנדס תוכנה עם 7 שנות ניסיון בפיתוח שרתים"
    arabic = "مهندس برمجيات لديه خبرة في بناء الخدمات"
    rtl = ResumeSection("summary", "SUMMARY", lines=(Line(hebrew, ("basics.summary",)),))
    skills = ResumeSection("skills", "SKILLS", lines=(Line(arabic, ("skills[0]",)),))
    resume = replace(make_resume(roles=1, bullets=1), sections=(rtl, skills))

    lines = extract_text(render_resume_pdf(resume, GenerationOptions()).content, engine).splitlines()

    assert lines[-4:] == ["SUMMARY", hebrew, "SKILLS", arabic]


def test_export_documents_offers_every_format(two_page_resume):
    files = export_documents(
        Documents(resume=two_page_resume, cover_letter=make_letter()), GenerationOptions()
    )
    without_letter = export_documents(
        Documents(resume=two_page_resume, cover_letter=None), GenerationOptions()
    )

    assert [(f.kind, f.format, f.media_type) for f in files] == [
        ("resume", "pdf", PDF),
        ("resume", "txt", TXT),
        ("resume", "docx", DOCX),
        ("cover_letter", "pdf", PDF),
        ("cover_letter", "txt", TXT),
    ]
    assert [f.format for f in without_letter] == ["pdf", "txt", "docx"]
    assert [f.pages for f in files] == [2, None, None, 1, None]


def test_plain_text_has_the_same_sections_and_content(two_page_resume):
    resume_file, letter_file = (
        file
        for file in export_documents(Documents(two_page_resume, make_letter()), GenerationOptions())
        if file.format == "txt"
    )
    text = resume_file.content.decode("utf-8")

    assert heading_order(text) == HEADINGS
    assert "- Moved 14 services to Kubernetes on AWS, cutting infrastructure cost by 25%" in text.splitlines()
    lines = text.splitlines()
    assert lines[lines.index("Mar 2021 \u2013 Present") + 1] == "San Francisco, CA"
    assert words(text.replace("\n- ", f"\n{BULLET}")) == pdf_text_of(two_page_resume)
    letter = letter_file.content.decode("utf-8")
    assert "\n\nDear Hiring Team,\n\nI designed REST APIs" in letter
    assert letter.endswith("\n\nSincerely,\nJordan Alvarez\n")


def test_docx_has_real_headings_bullets_and_the_same_content(two_page_resume):
    docx = next(
        f
        for f in export_documents(Documents(two_page_resume, None), GenerationOptions())
        if f.format == "docx"
    )
    paragraphs = Document(io.BytesIO(docx.content)).paragraphs

    assert [p.text for p in paragraphs if p.style.name == "Heading 1"] == HEADINGS
    bullets = [p.text for p in paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == 4 * 5 + 1
    assert paragraphs[0].text == "Jordan Alvarez"
    assert words(" ".join(p.text for p in paragraphs)) == words(
        pdf_text_of(two_page_resume).replace(BULLET, "")
    )


def test_unknown_template_or_page_size_is_refused(two_page_resume):
    with pytest.raises(ValueError, match="unknown template 'fancy'"):
        render_resume_pdf(two_page_resume, GenerationOptions(template="fancy"))
    with pytest.raises(ValueError, match="unknown page size 'legal'"):
        render_resume_pdf(two_page_resume, GenerationOptions(page_size="legal"))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2019-03", "Mar 2019"),
        ("2019-03-01", "Mar 2019"),
        ("2019", "2019"),
        ("Spring 2019", "Spring 2019"),
        ("", ""),
    ],
)
def test_profile_dates_are_shown_without_locale(value, shown):
    assert display_date(value) == shown


def test_only_a_current_role_reads_present():
    entry = make_resume().sections[2].entries[0]

    assert date_range(entry, ongoing=True) == "Mar 2021 \u2013 Present"
    assert date_range(entry, ongoing=False) == "Mar 2021"
    assert letter_date("2026-11-05") == "5 November 2026"
    assert letter_date("November 5, 2026") == "November 5, 2026"
