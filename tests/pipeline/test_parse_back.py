"""Parse-back: an ATS-style reader recovers the resume's fields from both templates, and a layout that
glues fields together loses score."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from pipeline.document_generator import GenerationOptions, generate_documents
from pipeline.inputs import Posting, profile_from_json_resume
from pipeline.job_analyzer import analyze_job
from pipeline.profile_compiler import compile_profile
from pipeline.quality_validator import score_pdf
from pipeline.quality_validator.parse_back import expected_from_profile, expected_from_resume, parse_back
from pipeline.quality_validator.resume_reader import read_resume
from pipeline.render import render_resume_pdf
from pipeline.render.fonts import BOLD, REGULAR, register_typefaces
from tests.golden.test_golden import CASES, load

FIELDS = ("employer", "title", "school", "degree")
LATIN = [path for path in CASES if load(path)["name"] not in ("cjk_name_and_keywords", "non_latin_names")]


def documents_for(case: dict, template: str):
    profile = profile_from_json_resume(case["profile"])
    analysis = analyze_job(Posting(**case["posting"]))
    compiled = compile_profile(profile, analysis, today=case.get("today"))
    options = GenerationOptions(template=template)
    return profile, analysis, compiled, generate_documents(profile, analysis, compiled, options), options


@pytest.mark.parametrize("template", ["classic", "modern"])
def test_parse_back_over_the_golden_set_recovers_95_percent_of_entry_fields(template):
    totals = dict.fromkeys(FIELDS, (0, 0))
    for path in LATIN:
        profile, _, _, documents, options = documents_for(load(path), template)
        pdf = render_resume_pdf(documents.resume, options).content
        result = parse_back(read_resume(pdf), expected_from_resume(documents.resume, profile))
        for field in FIELDS:
            found, total = result.by_field.get(field, (0, 0))
            totals[field] = (totals[field][0] + found, totals[field][1] + total)
    for field, (found, total) in totals.items():
        assert total and found / total >= 0.95, (field, found, total)


def glued_pdf(resume) -> bytes:
    """The same words in one run per entry: "Title, Employer, dates | place", title-case headings."""
    register_typefaces()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    y = 740
    canvas.setFont(BOLD, 16)
    canvas.drawString(50, y, resume.name)
    canvas.setFont(REGULAR, 10)
    y -= 18
    canvas.drawString(50, y, " | ".join(resume.contact))
    for section in resume.sections:
        y -= 22
        canvas.setFont(REGULAR, 11)
        canvas.drawString(50, y, section.heading.title())
        canvas.setFont(REGULAR, 9)
        for line in section.lines:
            y -= 12
            canvas.drawString(50, y, line.text[:110])
        for entry in section.entries:
            y -= 12
            glued = ", ".join(
                p for p in (entry.title, entry.organization, entry.start_date, entry.location) if p
            )
            canvas.drawString(50, y, glued)
            for bullet in entry.bullets[:2]:
                y -= 12
                canvas.drawString(60, y, "- " + bullet.text[:100])
        if y < 80:
            canvas.showPage()
            y = 740
    canvas.save()
    return buffer.getvalue()


def test_the_score_drops_on_a_layout_whose_fields_an_ats_cannot_separate():
    case = load(next(path for path in CASES if load(path)["name"] == "strong_match"))
    profile, analysis, compiled, documents, options = documents_for(case, "classic")
    good = score_pdf(render_resume_pdf(documents.resume, options).content, profile, analysis, compiled,
                     options, resume=documents.resume)  # fmt: skip
    bad = score_pdf(
        glued_pdf(documents.resume), profile, analysis, compiled, options, resume=documents.resume
    )

    assert good.parse_back_failed == ()
    assert any(name.endswith(".employer") for name in bad.parse_back_failed)
    assert bad.ats_score < good.ats_score - 0.2
    assert replace(bad, ats_score=0).components[1].name == "parse_back"


FOREIGN = Path(__file__).resolve().parents[1] / "data" / "foreign_resumes"
FOREIGN_EXPECTED = json.loads((FOREIGN / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(key for key in FOREIGN_EXPECTED if key.endswith(".pdf")))
def test_the_reader_reads_resumes_jobwise_did_not_make(name):
    """LibreOffice PDFs in three other layouts: tab-aligned dates, title before employer, two-line entries."""
    profile = profile_from_json_resume(FOREIGN_EXPECTED[name])
    result = parse_back(read_resume((FOREIGN / name).read_bytes()), expected_from_profile(profile))

    assert result.failed == (), result
    assert result.recall == 1.0
