"""The golden set: each case runs the whole offline chain and must score inside its expected range.

A scoring change that moves a case out of its range fails here; see README.md before widening a range.
"""

from __future__ import annotations

import base64
from dataclasses import replace

import pytest

from pipeline.document_generator import GenerationOptions, generate_documents
from pipeline.inputs import Posting, profile_from_json_resume
from pipeline.job_analyzer import analyze_job
from pipeline.profile_compiler import compile_profile
from pipeline.quality_validator import QualityResult, validate_quality
from pipeline.quality_validator.reading import extract_text
from tests.golden.case_files import CASES, load

REQUIRED_KINDS = {
    "strong_match",
    "partial_match",
    "mismatch",
    "non_latin_names",
    "long_career_one_page",
    "acronym_posting",
}


def run_case(case: dict) -> QualityResult:
    """The offline chain, with a ``regenerate`` callback as a worker passes one."""
    profile = profile_from_json_resume(case["profile"])
    analysis = analyze_job(Posting(**case["posting"]))
    compiled = compile_profile(profile, analysis, today=case.get("today"))
    options = GenerationOptions(**case.get("options", {}))

    def regenerate(terms: tuple[str, ...]):
        return generate_documents(profile, analysis, compiled, replace(options, emphasize=terms))

    documents = generate_documents(profile, analysis, compiled, options)
    return validate_quality(profile, analysis, compiled, documents, options, regenerate=regenerate)


def test_the_golden_set_has_every_kind_of_case():
    names = {load(path)["name"] for path in CASES}

    assert names >= REQUIRED_KINDS
    assert [load(path)["name"] for path in CASES] == [path.stem for path in CASES]


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_case_scores_inside_its_range(path):
    case = load(path)
    result = run_case(case)
    report = result.report
    low, high = case["expected"]["min"], case["expected"]["max"]
    why = f"{case['name']}: {case['rationale']} Components: {report.components}"

    assert low <= report.ats_score <= high, why
    if "expect_pages" in case:
        assert report.pages == case["expect_pages"], why
    for term in case.get("expect_missing", ()):
        assert term in report.missing_keywords and term in report.missing_from_profile, why
    for section in case.get("expect_sections", ()):
        assert section in report.sections_found, why
    if "expect_regenerated" in case:
        assert report.regenerated is case["expect_regenerated"], why
    text = " ".join(extract_text(base64.b64decode(result.resume_pdf), "pdfminer").split())
    for absent in case.get("expect_absent_text", ()):
        assert absent not in text, why
    if "expect_recent_bullets" in case:  # each of the 3 newest roles keeps at least that many of its bullets
        roles = result.documents.resume.sections
        experience = next(section for section in roles if section.kind == "experience")
        for entry in experience.entries[:3]:
            shown = [line for line in entry.bullets if " ".join(line.text.split()) in text]
            assert len(shown) >= min(case["expect_recent_bullets"], len(entry.bullets)), (entry.ref, why)


REAL = [load(path) for path in CASES if "posting_file" in load(path)]


def test_at_least_ten_real_world_pairs_with_a_match_and_a_mismatch_per_posting():
    postings = {case["posting_file"] for case in REAL}

    assert len(REAL) >= 10
    for posting in postings:
        kinds = {case["name"].rsplit("_", 1)[1] for case in REAL if case["posting_file"] == posting}
        assert kinds == {"match", "mismatch"}, posting


def test_on_real_postings_every_match_scores_above_every_mismatch_for_the_same_posting():
    scores = {case["name"]: run_case(case).report.ats_score for case in REAL}
    for posting in {case["posting_file"] for case in REAL}:
        mine = [case["name"] for case in REAL if case["posting_file"] == posting]
        matches = [scores[n] for n in mine if n.endswith("_match")]
        mismatches = [scores[n] for n in mine if n.endswith("_mismatch")]
        assert min(matches) > max(mismatches), (posting, scores)
