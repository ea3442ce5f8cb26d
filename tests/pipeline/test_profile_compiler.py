"""Stage 2, offline: the candidate's real items ranked against the job, and evidence per requirement."""

import json
import re

import pytest

from pipeline.inputs import Posting, profile_from_json_resume
from pipeline.job_analyzer import analyze_job
from pipeline.profile_compiler import MET, MISSING, TRANSFERABLE, CompiledProfile, compile_profile
from pipeline.serialization import from_data, to_data
from pipeline.text import find_terms


def resolve(doc: dict, ref: str):
    """The value at a profile ref ("work[0].highlights[1]", "basics.summary") inside the JSON Resume doc."""
    value = doc
    for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", ref):
        value = value[name]
        if index:
            value = value[int(index)]
    return value


def row(compiled: CompiledProfile, requirement: str):
    return next(m for m in compiled.matrix if m.requirement == requirement)


def scored_items(compiled: CompiledProfile):
    return (*compiled.bullets, *compiled.roles, *compiled.skills, *compiled.projects)


@pytest.fixture(scope="module")
def example(example_profile, example_posting):
    analysis = analyze_job(example_posting)
    return analysis, compile_profile(example_profile, analysis)


def resume(**sections) -> dict:
    return {"basics": {"name": "Sam Doe"}, **sections}


def job(requirements: str, preferred: str = "") -> Posting:
    description = f"Requirements:\n{requirements}\n" + (f"Nice to have:\n{preferred}\n" if preferred else "")
    return Posting(title="Backend Engineer", company="Acme", description=description)


# --- the example --------------------------------------------------------------------------------------------


def test_example_meets_python_postgresql_kubernetes_with_real_evidence(example, example_resume_doc):
    analysis, compiled = example
    requirements = (*analysis.required, *analysis.preferred)
    for term in ("Python", "PostgreSQL", "Kubernetes"):
        rows = [(m, r) for m, r in zip(compiled.matrix, requirements, strict=True) if term in r.keywords]
        assert rows, term
        for match, requirement in rows:
            assert match.status == MET, match
            assert any(
                find_terms(json.dumps(resolve(example_resume_doc, ref)), [term]) for ref in match.evidence
            )
            for ref in match.evidence:  # each ref shows one of the requirement's terms
                assert find_terms(json.dumps(resolve(example_resume_doc, ref)), requirement.keywords), ref


def test_every_ref_exists_and_every_text_is_the_profiles_own_words(example, example_resume_doc):
    _, compiled = example
    for match in compiled.matrix:
        for ref in match.evidence:
            resolve(example_resume_doc, ref)
    for item in (*compiled.bullets, *compiled.skills):
        value = resolve(example_resume_doc, item.ref)  # a highlight or keyword string, or a skill's dict
        assert (value["name"] if isinstance(value, dict) else value) == item.text
    for item in compiled.roles:
        assert resolve(example_resume_doc, item.ref)["position"] == item.text
    for item in compiled.projects:
        assert resolve(example_resume_doc, item.ref)["name"] == item.text


def test_kafka_is_missing_and_never_added(example):
    _, compiled = example
    assert "Kafka" in compiled.missing_keywords
    assert "Kafka" not in compiled.matched_keywords
    assert row(compiled, "Experience with Kafka").status == MISSING
    assert row(compiled, "Experience with Kafka").evidence == ()
    for item in scored_items(compiled):
        assert "Kafka" not in item.keywords
        assert "kafka" not in item.text.lower()


def test_example_matrix_and_keywords(example):
    analysis, compiled = example
    assert [m.requirement_id for m in compiled.matrix] == [
        r.id for r in (*analysis.required, *analysis.preferred)
    ]
    assert {m.requirement: m.status for m in compiled.matrix} == {
        "5+ years of experience in backend development": MET,
        "Strong Python skills and experience with Flask or Django": MET,
        "Experience with PostgreSQL and Redis": MET,
        "Experience with Docker, Kubernetes and CI/CD": MET,
        "Bachelor's degree in Computer Science or equivalent experience": MET,
        "Terraform": MET,
        "Experience with Kafka": MISSING,
        "AWS certification": MET,
    }
    assert row(compiled, "AWS certification").evidence == ("certificates[0]",)
    asked = [k.term for k in analysis.keywords]
    assert set(compiled.matched_keywords) | set(compiled.missing_keywords) == set(asked)
    assert not set(compiled.matched_keywords) & set(compiled.missing_keywords)
    assert compiled.missing_keywords == ("data modeling", "Kafka")


def test_example_ranking(example):
    _, compiled = example
    for items in (compiled.bullets, compiled.roles, compiled.skills, compiled.projects):
        scores = [item.score for item in items]
        assert scores == sorted(scores, reverse=True)
        assert all(0 <= s <= 1 for s in scores)
    assert compiled.bullets[0].ref == "work[0].highlights[0]"  # REST APIs in Python and Flask
    assert compiled.bullets[0].keywords == ("Python", "Flask", "REST APIs")
    assert compiled.roles[0].ref == "work[0]"
    assert [r.ref for r in compiled.roles] == ["work[0]", "work[1]", "volunteer[0]", "work[2]"]
    assert {item.ref for item in compiled.bullets} >= {"volunteer[0].highlights[0]", "volunteer[0].summary"}


def test_example_years_from_dates(example_profile, example):
    analysis, compiled = example
    assert compiled.years_experience == 5.8  # 2016-07 through 2022-04, the latest date in the profile
    assert compile_profile(example_profile, analysis, today="2026-10-01").years_experience == 10.3


def test_deterministic_and_serializable(example_profile, example):
    analysis, compiled = example
    assert compile_profile(example_profile, analysis) == compiled
    assert from_data(CompiledProfile, to_data(compiled)) == compiled


# --- matrix rules -------------------------------------------------------------------------------------------


def test_related_technology_is_transferable_with_a_note():
    highlights = ["Built APIs with Flask on MySQL"]
    work = {"name": "Shop", "position": "Developer", "startDate": "2020-01", "highlights": highlights}
    profile = profile_from_json_resume(resume(work=[work]))
    compiled = compile_profile(profile, analyze_job(job("- Experience with PostgreSQL\n- Django")))
    postgres, django = compiled.matrix
    assert (postgres.status, postgres.note) == (TRANSFERABLE, "MySQL is related to PostgreSQL")
    assert postgres.evidence == ("work[0].highlights[0]",)
    assert (django.status, django.note) == (TRANSFERABLE, "Flask is related to Django")
    assert {"PostgreSQL", "Django"} <= set(compiled.missing_keywords)  # related is not shown


def test_alternatives_partial_coverage_and_absence():
    profile = profile_from_json_resume(
        resume(skills=[{"name": "Stack", "keywords": ["Django", "Docker", "kubernetes", "go"]}])
    )
    analysis = analyze_job(
        job("- Experience with Flask or Django\n- Docker, Kubernetes and CI/CD\n- Scala and Haskell\n- Go")
    )
    alternatives, partial, absent, go = compile_profile(profile, analysis).matrix
    assert alternatives.status == MET
    assert alternatives.evidence == ("skills[0].keywords[0]",)
    assert partial.status == TRANSFERABLE
    assert partial.note == "partly shown; not shown: CI/CD"
    assert (absent.status, absent.note) == (MISSING, "not shown: Scala, Haskell")
    assert go.status == MET  # "go" as a whole skill-list entry is the Go language


def test_years_and_degree_requirements():
    doc = resume(
        work=[
            {"name": "A", "position": "Engineer", "startDate": "2015-01", "endDate": "2016-12"},
            {"name": "B", "position": "Engineer", "startDate": "2016-07", "endDate": "2017-06"},  # overlaps A
            {"name": "C", "position": "Engineer", "startDate": "2020-01"},  # ongoing
        ],
        education=[{"institution": "Uni", "studyType": "Master of Science", "area": "Physics"}],
    )
    profile = profile_from_json_resume(doc)
    analysis = analyze_job(job("- 5+ years of experience\n- Bachelor's degree\n- 3 years of experience"))
    compiled = compile_profile(profile, analysis, today="2020-12")
    assert compiled.years_experience == 3.5  # 24 months + 6 more of B + 12 of C
    five, degree, three = compiled.matrix
    assert five.status == MISSING and "3.5" in five.note
    assert degree.status == MET and degree.evidence == ("education[0]",)  # a master's covers a bachelor's
    assert three.status == MET and three.evidence == ("work[0]", "work[1]", "work[2]")


def test_ties_keep_profile_order():
    profile = profile_from_json_resume(
        resume(skills=[{"name": "Tools", "keywords": ["Redis", "Docker", "Jira", "Figma"]}])
    )
    compiled = compile_profile(profile, analyze_job(job("- Redis\n- Docker")))
    assert [s.text for s in compiled.skills] == ["Redis", "Docker", "Tools", "Jira", "Figma"]
    assert compiled.skills[0].score == compiled.skills[1].score
