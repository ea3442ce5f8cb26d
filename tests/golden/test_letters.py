"""The offline cover letter on every golden case, in each supported language, passes every letter check,
and the truthfulness guard has nothing to take out of it (issue 15).

Two sets: the profile/posting cases (``cases/``) with the letter written in English, German and Spanish;
and the 19 real postings (``postings/``) with the strong-match profile, the letter in the language detected
from the posting (German and Spanish postings give German and Spanish letters).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.document_generator import GenerationOptions, generate_documents
from pipeline.document_generator.guard import ground
from pipeline.document_generator.offline.letter import write_cover_letter
from pipeline.document_generator.offline.resume import write_resume
from pipeline.document_generator.phrases import supported_languages
from pipeline.document_generator.relevance import Relevance
from pipeline.inputs import Posting, profile_from_json_resume
from pipeline.job_analyzer import analyze_job
from pipeline.profile_compiler import compile_profile
from pipeline.quality_validator import letter_checks
from tests.golden.case_files import CASES, load
from tests.golden.posting_expectations import load_cases

LANGUAGES = ("en", "de", "es")
OPTIONS = GenerationOptions(date="2026-11-25")


@cache
def case(path: Path) -> dict:
    return load(path)


def failed(checks) -> list[tuple[str, str]]:
    return [(c.name, c.detail) for c in checks if not c.passed]


def test_the_languages_asked_are_supported():
    assert set(LANGUAGES) <= set(supported_languages())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_golden_case_gives_a_letter_that_passes_the_checks(path, language):
    data = case(path)
    profile = profile_from_json_resume(data["profile"])
    analysis = analyze_job(Posting(**data["posting"]))
    compiled = compile_profile(profile, analysis, today=data.get("today"))
    relevance = Relevance.build(analysis, compiled, ())
    letter = write_cover_letter(profile, analysis, compiled, relevance, (), OPTIONS, language=language)
    resume = write_resume(profile, compiled.years_experience, relevance)
    headers = {e.ref: e for s in resume.sections for e in s.entries}
    _, guarded, report = ground(
        resume, letter, profile, headers=headers, years_experience=compiled.years_experience,
        job_title=analysis.title, company=analysis.company,
    )  # fmt: skip

    assert guarded == letter, [r.claim for r in report.removed]  # nothing untrue to take out
    assert letter.language == language
    assert failed(letter_checks(letter, profile, (analysis.title, analysis.company))) == []


@pytest.mark.parametrize("posting", load_cases(), ids=lambda c: c.slug)
def test_every_real_posting_gets_a_letter_in_its_language(posting):
    data = case(Path(__file__).parent / "cases" / "strong_match.json")
    profile = profile_from_json_resume(data["profile"])
    analysis = analyze_job(posting.posting)
    compiled = compile_profile(profile, analysis, today=data.get("today"))
    documents = generate_documents(profile, analysis, compiled, OPTIONS)
    letter = documents.cover_letter

    assert letter is not None
    assert letter.language == posting.language
    assert [r for r in documents.guard.removed if r.document == "cover_letter"] == []
    assert failed(letter_checks(letter, profile, (analysis.title, analysis.company))) == []
