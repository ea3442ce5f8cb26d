"""Parse-back: an ATS-style reader recovers the resume's fields from both templates, and a layout that
glues fields together loses score."""

from __future__ import annotations

import io
import itertools
import json
import statistics
from dataclasses import replace
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine
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
from tests.pipeline.resume_builders import make_resume

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


SCRIPTS = {
    "latin": ("Brightline Logistics", "Senior Engineer", "Built the tracking service"),
    "cjk": ("株式会社メルカリ", "高级工程师", "构建了分布式系统"),
    "cyrillic": ("Яндекс", "Старший инженер", "Построил систему отслеживания"),
    "arabic": ("شركة النيل", "مهندس أول", "بنيت نظام التتبع"),
}


def baselines(pdf: bytes) -> list[tuple[float, str]]:
    """(baseline y, text) of every visual line, top to bottom, from the characters' own origins."""
    found = []
    for page in extract_pages(io.BytesIO(pdf)):
        for box in page:
            if isinstance(box, LTTextContainer):
                for line in box:
                    chars = [c for c in line if isinstance(c, LTChar)] if isinstance(line, LTTextLine) else []
                    if chars:
                        found.append((round(chars[0].matrix[5], 2), " ".join(line.get_text().split())))
    return sorted(found, key=lambda item: -item[0])


@pytest.mark.parametrize("script", sorted(SCRIPTS))
@pytest.mark.parametrize("template", ["classic", "modern"])
def test_entries_are_split_by_at_least_one_and_a_half_line_heights_in_every_script(script, template):
    organization, title, bullet = SCRIPTS[script]
    resume = make_resume(roles=2, bullets=2)
    experience = next(s for s in resume.sections if s.kind == "experience")
    entries = tuple(
        replace(
            entry,
            organization=f"{organization} {n}",
            title=title,
            bullets=tuple(replace(line, text=f"{bullet} {n}{b}") for b, line in enumerate(entry.bullets)),
        )
        for n, entry in enumerate(experience.entries[:2])
    )
    resume = replace(resume, sections=(replace(experience, entries=entries),))
    lines = baselines(render_resume_pdf(resume, GenerationOptions(template=template)).content)
    body = [y for y, _ in lines[[text for _, text in lines].index("EXPERIENCE") + 1 :]]
    gaps = [above - below for above, below in itertools.pairwise(body)]  # within the two entries
    usual, entry_gap = statistics.median(gaps), max(gaps)  # line to line; last bullet to the next entry

    assert len(body) >= 10
    assert entry_gap >= 1.5 * usual, (lines, gaps)
