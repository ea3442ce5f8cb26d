"""Stage 4: the ATS score is computed from the text read back out of the rendered PDF."""

from __future__ import annotations

import copy
import io
import json
from dataclasses import replace

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from pipeline.document_generator import GenerationOptions, generate_documents
from pipeline.inputs import Posting, profile_from_json_resume
from pipeline.job_analyzer import Keyword, analyze_job
from pipeline.profile_compiler import compile_profile
from pipeline.quality_validator import (
    DEFAULT_TARGET,
    SCORING_VERSION,
    emphasizable,
    score_pdf,
    validate_quality,
)
from pipeline.quality_validator.keywords import keyword_coverage
from pipeline.quality_validator.knockouts import knockout_flags
from pipeline.quality_validator.sections import has_contact, heading_kind
from pipeline.quality_validator.weights import COMPONENT_WEIGHTS, PENALTIES, SECTION_WEIGHTS
from pipeline.render import render_resume_pdf
from pipeline.render.fonts import BOLD, FONTS_DIR, REGULAR, register_typefaces
from pipeline.serialization import to_data

TODAY = "2026-11"
NURSE = {
    "basics": {
        "name": "Grace Okafor",
        "label": "Registered Nurse",
        "email": "grace.okafor@example.com",
        "phone": "+1 312 555 0107",
        "summary": "Registered nurse with 8 years of experience in intensive care.",
    },
    "work": [
        {
            "name": "Lakeshore General Hospital",
            "position": "ICU Nurse",
            "startDate": "2018-04",
            "highlights": ["Cared for critically ill patients in a 24-bed ICU", "Trained 12 new nurses"],
        }
    ],
    "education": [
        {
            "institution": "Loyola University Chicago",
            "studyType": "Bachelor of Science",
            "area": "Nursing",
            "startDate": "2012-09",
            "endDate": "2016-06",
        }
    ],
    "skills": [{"name": "Clinical", "keywords": ["Critical care", "Patient education"]}],
}


@pytest.fixture(scope="module")
def analysis(example_posting):
    return analyze_job(example_posting)


@pytest.fixture(scope="module")
def compiled(example_profile, analysis):
    return compile_profile(example_profile, analysis, today=TODAY)


def validate(profile, analysis, compiled, options=None, **kwargs):
    options = options or GenerationOptions()
    documents = generate_documents(profile, analysis, compiled, options)
    return validate_quality(profile, analysis, compiled, documents, options, **kwargs)


def regenerator(profile, analysis, compiled, options, calls):
    """A ``regenerate`` callback like the worker's that records the terms it was asked to emphasize."""

    def regenerate(terms):
        calls.append(terms)
        return generate_documents(profile, analysis, compiled, replace(options, emphasize=terms))

    return regenerate


# --- hand-made PDFs -----------------------------------------------------------------------------------------

TEXT_SIZE = 10.5


def glyph_image(text: str, height: int = 40) -> Image.Image:
    """``text`` rendered into pixels with the bundled font: what an ATS sees as a picture, not words."""
    font = ImageFont.truetype(str(FONTS_DIR / f"{REGULAR}.ttf"), height - 12)
    width = int(font.getlength(text)) + 8
    image = Image.new("L", (width, height), 255)
    ImageDraw.Draw(image).text((4, 4), text, font=font, fill=0)
    return image


def draw_as_image(canvas: Canvas, text: str, x: float, y: float) -> None:
    image = glyph_image(text)
    canvas.drawImage(ImageReader(image), x, y - 2, width=image.width / 3, height=image.height / 3)


def draw_as_outlines(canvas: Canvas, text: str, x: float, y: float) -> None:
    """The letters as filled vector rectangles, one per run of dark pixels: shapes, no characters."""
    image = glyph_image(text)
    scale = 1 / 3
    for row in range(image.height):
        start = None
        for column in range(image.width + 1):
            dark = column < image.width and image.getpixel((column, row)) < 128
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                top = y - 2 + (image.height - row - 1) * scale
                canvas.rect(x + start * scale, top, (column - start) * scale, scale, stroke=0, fill=1)
                start = None


def resume_pdf(lines, columns: int = 1) -> bytes:
    """A resume drawn on a canvas. ``lines`` are (style, text) with style name | heading | text | image |
    outline; with two columns, every line is repeated in a second column beside the first."""
    register_typefaces()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, invariant=1)
    y = 740.0
    for style, text in lines:
        for column in range(columns):
            x = 50 + column * 290
            if style == "image":
                draw_as_image(canvas, text, x, y)
            elif style == "outline":
                draw_as_outlines(canvas, text, x, y)
            else:
                font, size = {"name": (BOLD, 18), "heading": (BOLD, 13)}.get(style, (REGULAR, TEXT_SIZE))
                canvas.setFont(font, size)
                canvas.drawString(x, y, text)
        y -= 24 if style in ("name", "heading") else 15
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def jordan(skills_line: tuple[str, str], *, heading: str = "Experience", dates: str = "Mar 2021 – Present"):
    """Jordan Alvarez's resume in brief; ``skills_line`` is the one line that varies between tests."""
    return [
        ("name", "Jordan Alvarez"),
        ("text", "jordan.alvarez@example.com | +1 415 555 0142 | San Francisco, California, US"),
        ("heading", "Summary"),
        ("text", "Backend engineer with 7 years of experience building Python services."),
        ("heading", "Skills"),
        ("text", "Backend: Python, Flask, Django, PostgreSQL, Redis, Docker, CI/CD"),
        skills_line,
        ("heading", heading),
        ("text", "Senior Backend Engineer, Brightline Logistics"),
        ("text", f"{dates} | San Francisco, CA"),
        ("text", "• Designed REST APIs in Python and Flask serving 30 million requests per day"),
        ("heading", "Education"),
        ("text", "Bachelor of Science in Computer Science, University of Texas at Austin"),
        ("text", "Aug 2012 – May 2016"),
    ]


def check(report, name: str):
    return next(c for c in report.format_checks if c.name == name)


# --- the strong and the poor match --------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["classic", "modern"])
@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_a_strong_match_reaches_the_target_and_passes_every_format_check(
    example_profile, analysis, compiled, template, page_size
):
    report = validate(
        example_profile, analysis, compiled, GenerationOptions(template=template, page_size=page_size)
    ).report

    assert report.ats_score >= DEFAULT_TARGET == report.target
    assert report.version == SCORING_VERSION
    assert [c.name for c in report.format_checks if not c.passed] == []
    assert {"Python", "Kubernetes", "PostgreSQL", "CI/CD"} <= set(report.matched_keywords)
    assert report.missing_from_profile == report.missing_keywords == ("data modeling", "Kafka")
    assert report.sections_found[:1] == ("contact",)
    assert {"summary", "experience", "education", "skills"} <= set(report.sections_found)
    checks = {c.name: c.passed for c in report.cover_letter_checks}
    assert {"cover_letter_one_page", "cover_letter_extractable", "letter_person", "letter_length"} <= set(
        checks
    )
    assert [name for name, passed in checks.items() if not passed] == []
    assert not report.regenerated and report.emphasized == ()


def test_the_score_is_keyword_fit_times_one_factor_per_penalty(example_profile, analysis, compiled):
    report = validate(example_profile, analysis, compiled).report

    assert {c.name: c.weight for c in report.components} == COMPONENT_WEIGHTS
    assert sum(SECTION_WEIGHTS.values()) == pytest.approx(1.0)
    by_name = {c.name: c for c in report.components}
    expected = by_name["keywords"].score
    for name in PENALTIES:
        expected *= 1 - by_name[name].weight * (1 - by_name[name].score)
    assert report.ats_score == round(expected, 4)
    assert report.version == "ats-2.0"
    assert all(0.0 <= c.score <= 1.0 for c in report.components)


@pytest.mark.parametrize(
    "name", ["Ελένη Παπαδοπούλου", "Дмитрий Иванов", "ليلى حداد", "נועה כהן", "Zoë Ångström-Łukasiewicz"]
)
def test_names_in_other_scripts_are_read_back_as_the_contact(example_resume_doc, analysis, name):
    doc = copy.deepcopy(example_resume_doc)
    doc["basics"]["name"] = name
    profile = profile_from_json_resume(doc)
    compiled = compile_profile(profile, analysis, today=TODAY)

    report = validate(profile, analysis, compiled).report

    assert report.sections_found[:1] == ("contact",)
    assert [c.name for c in report.format_checks if not c.passed] == []
    assert report.ats_score >= DEFAULT_TARGET


def test_a_mismatch_scores_low_lists_its_missing_skills_and_suggests_none_of_them(analysis):
    nurse = profile_from_json_resume(NURSE)
    compiled = compile_profile(nurse, analysis, today=TODAY)
    calls: list[tuple[str, ...]] = []
    options = GenerationOptions()

    result = validate(
        nurse, analysis, compiled, options, regenerate=regenerator(nurse, analysis, compiled, options, calls)
    )
    report = result.report

    assert report.ats_score < 0.6
    assert {"Python", "Kubernetes", "PostgreSQL", "Docker", "Redis"} <= set(report.missing_from_profile)
    assert calls == []  # the profile shows none of the missing keywords: nothing to emphasize
    advice = " ".join(report.suggestions).casefold()
    assert not [term for term in report.missing_from_profile if term.casefold() in advice]


def test_the_score_is_identical_on_two_runs(example_profile, analysis, compiled):
    first = validate(example_profile, analysis, compiled, GenerationOptions(template="modern"))
    second = validate(example_profile, analysis, compiled, GenerationOptions(template="modern"))

    assert to_data(first.report) == to_data(second.report)


def test_the_report_is_small_json_without_the_extracted_text(example_profile, analysis, compiled):
    data = to_data(validate(example_profile, analysis, compiled).report)
    encoded = json.dumps(data)

    assert len(encoded) < 8000
    assert "Designed REST APIs in Python and Flask" not in encoded
    assert data["version"] == SCORING_VERSION
    assert {r["requirement_id"] for r in data["requirements"]} == {f"R{n}" for n in range(1, 9)}


def test_one_page_asked_means_one_page_rendered_and_checked(example_profile, analysis, compiled):
    report = validate(example_profile, analysis, compiled, GenerationOptions(one_page=True)).report

    assert report.pages == 1
    assert check(report, "page_count").passed
    assert report.ats_score >= DEFAULT_TARGET


# --- regeneration -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kafka_profile(example_resume_doc):
    """The example profile with Kafka shown only in the oldest role's fourth bullet, which a first draft
    leaves out (older roles keep three bullets)."""
    doc = copy.deepcopy(example_resume_doc)
    doc["work"][2]["highlights"] = [
        "Maintained ETL jobs in Python and SQL for client reporting",
        "Built Flask APIs in Python on PostgreSQL",
        "Shipped Docker images through CI/CD",
        "Consumed Kafka topics for live dashboards",
    ]
    return profile_from_json_resume(doc)


def test_below_target_it_regenerates_once_with_keywords_the_profile_shows(kafka_profile, analysis):
    compiled = compile_profile(kafka_profile, analysis, today=TODAY)
    options = GenerationOptions()
    calls: list[tuple[str, ...]] = []
    first = validate(kafka_profile, analysis, compiled, options).report
    # ats-2.0 gives full keyword fit from 85 % coverage, so this resume scores 1.0: only a target over 1 asks

    result = validate(kafka_profile, analysis, compiled, options, target=1.01,
                      regenerate=regenerator(kafka_profile, analysis, compiled, options, calls))  # fmt: skip

    assert "Kafka" in first.missing_keywords and "Kafka" not in first.missing_from_profile
    assert emphasizable(first) == ("Kafka",)
    assert calls == [("Kafka",)]  # once, and never "data modeling", which the profile does not show
    assert result.report.regenerated and result.report.emphasized == ("Kafka",)
    assert result.report.ats_score >= first.ats_score  # the fit saturates at 1.0 (ats-2.0)
    assert "Kafka" not in result.report.missing_keywords
    assert "Kafka" in result.report.matched_keywords
    assert "data modeling" in result.report.missing_from_profile
    assert "Consumed Kafka topics for live dashboards" in {
        line.text for s in result.documents.resume.sections for e in s.entries for line in e.bullets
    }


def test_at_or_above_target_nothing_is_regenerated(kafka_profile, analysis):
    compiled = compile_profile(kafka_profile, analysis, today=TODAY)
    calls: list[tuple[str, ...]] = []
    options = GenerationOptions()

    result = validate(kafka_profile, analysis, compiled, options,
                      regenerate=regenerator(kafka_profile, analysis, compiled, options, calls))  # fmt: skip

    assert result.report.ats_score >= DEFAULT_TARGET
    assert calls == [] and not result.report.regenerated


def test_a_regeneration_that_scores_no_better_is_not_kept(kafka_profile, analysis):
    compiled = compile_profile(kafka_profile, analysis, today=TODAY)
    options = GenerationOptions()
    documents = generate_documents(kafka_profile, analysis, compiled, options)

    result = validate_quality(kafka_profile, analysis, compiled, documents, options, target=1.01,
                              regenerate=lambda terms: documents)  # fmt: skip

    assert result.documents is documents
    assert not result.report.regenerated and result.report.emphasized == ("Kafka",)


# --- what an ATS cannot read does not count -----------------------------------------------------------------


@pytest.fixture(scope="module")
def score(example_profile, analysis, compiled):
    return lambda pdf, options=None: score_pdf(pdf, example_profile, analysis, compiled, options)


def test_a_keyword_written_as_text_counts(score):
    report = score(resume_pdf(jordan(("text", "Infrastructure: Kubernetes"))))

    assert "Kubernetes" in report.matched_keywords
    assert [c.name for c in report.format_checks if not c.passed] == []
    assert report.sections_found == ("contact", "summary", "skills", "experience", "education")


@pytest.mark.parametrize("style", ["image", "outline"])
def test_a_keyword_drawn_as_an_image_or_as_outlines_does_not_count(score, style):
    text_only = score(resume_pdf(jordan(("text", "Infrastructure: Kubernetes"))))

    report = score(resume_pdf(jordan((style, "Infrastructure: Kubernetes"))))

    assert "Kubernetes" in report.missing_keywords
    assert "Kubernetes" not in report.missing_from_profile  # the profile shows it: a suggestion says so
    assert any(s.startswith("Mention Kubernetes: your profile says") for s in report.suggestions)
    assert report.ats_score < text_only.ats_score
    assert check(report, "no_images").passed is (style == "outline")


def test_a_page_of_pictures_is_not_extractable(score):
    picture = resume_pdf([("image", "Jordan Alvarez"), ("image", "Python Kubernetes PostgreSQL")])

    report = score(picture)

    assert not check(report, "text_extractable").passed
    assert report.matched_keywords == () and "contact" not in report.sections_found
    assert report.ats_score < 0.5


def test_two_columns_fail_the_single_column_check(score):
    report = score(resume_pdf(jordan(("text", "Kubernetes")), columns=2))

    assert not check(report, "single_column").passed
    assert any(s.startswith("Use a single column") for s in report.suggestions)


def table_pdf() -> bytes:
    """A header, a Skills heading and a two-row, three-cell table with a vertical rule."""
    register_typefaces()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, invariant=1)
    canvas.setFont(BOLD, 18)
    canvas.drawString(50, 740, "Jordan Alvarez")
    canvas.setFont(REGULAR, TEXT_SIZE)
    canvas.drawString(50, 720, "jordan.alvarez@example.com")
    canvas.setFont(BOLD, 13)
    canvas.drawString(50, 695, "Skills")
    canvas.setFont(REGULAR, TEXT_SIZE)
    for row, cells in enumerate((("Python", "Flask", "Django"), ("Redis", "Docker", "CI/CD"))):
        for column, cell in enumerate(cells):
            canvas.drawString(50 + 150 * column, 675 - 15 * row, cell)
    canvas.line(190, 690, 190, 640)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_rows_of_cells_fail_the_table_check(score):
    report = score(table_pdf())

    assert not check(report, "no_tables").passed
    assert check(report, "no_tables").detail == "rows of 3+ cells: 2; vertical rules: 1"


def test_a_creative_heading_fails_the_standard_headings_check(score):
    report = score(resume_pdf(jordan(("text", "Kubernetes"), heading="My Journey")))

    assert not check(report, "standard_headings").passed
    assert "My Journey" in check(report, "standard_headings").detail
    assert "experience" not in report.sections_found


def test_dates_an_ats_cannot_parse_fail_the_dates_check(score):
    report = score(resume_pdf(jordan(("text", "Kubernetes"), dates="Summer 2021 – Present")))

    assert not check(report, "dates_parseable").passed
    assert "summer 2021 - present" in check(report, "dates_parseable").detail


def test_the_page_limit_follows_the_one_page_option(example_profile, analysis, compiled, score):
    documents = generate_documents(example_profile, analysis, compiled, GenerationOptions())
    two_pages = render_resume_pdf(documents.resume, GenerationOptions()).content

    assert check(score(two_pages), "page_count").passed
    assert not check(score(two_pages, GenerationOptions(one_page=True)), "page_count").passed
    assert check(score(two_pages, GenerationOptions(one_page=True)), "page_count").detail == (
        "2 pages (at most 1)"
    )


# --- the parts ----------------------------------------------------------------------------------------------


def test_aliases_acronyms_and_scripts_count_as_the_keyword():
    keywords = (
        Keyword("Kubernetes", 0.6, True, aliases=("k8s",)),
        Keyword("JavaScript", 0.6, True, aliases=("JS",)),
        Keyword("CI/CD", 0.6, True),
        Keyword("machine learning", 0.35, False),
        Keyword("REST APIs", 0.35, False),
        Keyword("naive Bayes", 0.35, False),
    )
    text = (
        "Ran k8s clusters; wrote JS; built continuous integration; 负责机器学习平台; a REST API; naïve Bayes"
    )

    coverage = keyword_coverage(keywords, [text, text])

    assert coverage.missing == ()
    assert coverage.score == 1.0


def test_a_keyword_counts_only_when_both_engines_read_it():
    keywords = (Keyword("Kubernetes", 0.6, True),)

    assert keyword_coverage(keywords, ["Kubernetes", "Kuber netes"]).missing == ("Kubernetes",)


def test_required_keywords_weigh_more_than_preferred_ones():
    keywords = (Keyword("Python", 0.6, True), Keyword("Terraform", 0.6, False))

    only_required = keyword_coverage(keywords, ["Python"])
    only_preferred = keyword_coverage(keywords, ["Terraform"])

    assert only_required.score > only_preferred.score
    assert only_required.score + only_preferred.score == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("WORK EXPERIENCE", "experience"),
        ("Skills & Tools:", "skills"),
        ("Professional Summary", "summary"),
        ("Education", "education"),
        ("Languages", "languages"),
        ("Experience with Kafka", None),
        ("My Journey", None),
    ],
)
def test_standard_headings_are_recognized(line, kind):
    assert heading_kind(line) == kind


def test_contact_needs_the_name_and_a_way_to_reach_the_candidate(example_profile):
    assert has_contact("Jordan Alvarez\n+1 415 555 0142\nSkills", example_profile)
    assert not has_contact("Jordan Alvarez\nSan Francisco\nSkills", example_profile)
    assert not has_contact("Skills\njordan.alvarez@example.com", example_profile)


def test_knockouts_are_settled_from_the_profile_or_left_unknown():
    posting = Posting(
        title="Backend Engineer",
        company="Acme",
        location="Berlin",
        remote=False,
        description=(
            "Requirements:\n- 12+ years of experience with Python\n- Master's degree in Computer Science\n"
            "- Must be authorized to work in the EU\n"
        ),
    )
    analysis = analyze_job(posting)
    nurse = profile_from_json_resume(NURSE)
    flags = {
        f.kind: f for f in knockout_flags(nurse, analysis, compile_profile(nurse, analysis, today=TODAY))
    }

    assert flags["years_experience"].status == "not_met"
    assert (
        "0.0 years in the roles that name the field; 12 asked" in flags["years_experience"].detail
    )  # not the 8.7 in all
    assert flags["degree"].status == "not_met"
    assert flags["work_authorization"].status == "unknown"
    assert flags["location"].status == "unknown"
