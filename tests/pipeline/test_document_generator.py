"""Stage 3, offline: the documents reorder and quote the profile and never claim what it lacks."""

import json
import re
from dataclasses import replace

import pytest

from pipeline.document_generator import (
    CoverLetter,
    Documents,
    GenerationOptions,
    Line,
    Resume,
    generate_documents,
)
from pipeline.inputs import (
    Profile,
    ProvenanceError,
    profile_from_json_resume,
    profile_refs,
    profile_texts,
    verify_sources,
)
from pipeline.job_analyzer import JobAnalysis, Keyword, Knockout, Requirement
from pipeline.profile_compiler import MET, MISSING, CompiledProfile, RequirementMatch, ScoredItem
from pipeline.serialization import from_data, to_data

JOB_TERMS = {  # term: (weight, required, aliases); as an analysis of examples/job.json would list them
    "Python": (1.0, True, ()),
    "PostgreSQL": (0.9, True, ("Postgres",)),
    "Kubernetes": (0.9, True, ("k8s",)),
    "REST APIs": (0.8, True, ("REST API",)),
    "Flask": (0.8, True, ()),
    "Django": (0.8, True, ()),
    "Redis": (0.8, True, ()),
    "Celery": (0.7, True, ()),
    "Docker": (0.7, True, ()),
    "CI/CD": (0.7, True, ()),
    "AWS": (0.6, False, ("Amazon Web Services",)),
    "Terraform": (0.4, False, ()),
    "Kafka": (0.4, False, ("Apache Kafka",)),
}
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def names(text: str, term: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(term.casefold())}(?!\w)", text.casefold()) is not None


def build_analysis(title: str = "Senior Backend Engineer", company: str = "Parcelhub") -> JobAnalysis:
    keywords = tuple(Keyword(t, w, r, aliases=a) for t, (w, r, a) in JOB_TERMS.items())
    return JobAnalysis(
        title=title,
        company=company,
        seniority="senior",
        required=(
            Requirement("R1", "Strong Python skills and experience with Flask or Django", True, "skill",
                        ("Python", "Flask", "Django")),
            Requirement("R2", "Experience with PostgreSQL and Redis", True, "skill", ("PostgreSQL", "Redis")),
            Requirement("R3", "Experience with Docker, Kubernetes and CI/CD", True, "skill",
                        ("Docker", "Kubernetes", "CI/CD")),
            Requirement("R4", "Bachelor's degree in Computer Science", True, "education"),
        ),
        preferred=(Requirement("R5", "Experience with Kafka", False, "skill", ("Kafka",)),),
        responsibilities=("Design and build REST APIs in Python",),
        keywords=keywords,
        years_experience=5,
        knockouts=(Knockout("degree", "Bachelor's degree in Computer Science", "bachelor"),),
    )  # fmt: skip


def score(text: str) -> float:
    return min(1.0, 0.25 * sum(names(text, term) for term in JOB_TERMS))


def ranked(items: list[ScoredItem]) -> tuple[ScoredItem, ...]:
    return tuple(sorted(items, key=lambda i: -i.score))


def build_compiled(profile: Profile, years: float = 10.0) -> CompiledProfile:
    """What compile_profile would roughly give: items scored by the job terms they name."""
    texts = profile_texts(profile)
    bullet_refs = [r for r in texts if r.startswith("work[") and ("highlights" in r or r.endswith("summary"))]
    skill_refs = [r for r in texts if r.startswith("skills[") and ".keywords[" in r]

    def item(ref: str) -> ScoredItem:
        return ScoredItem(ref, texts[ref], score(texts[ref]))

    shown = tuple(t for t in JOB_TERMS if any(names(text, t) for text in texts.values()))
    return CompiledProfile(
        bullets=ranked([item(r) for r in bullet_refs]),
        roles=ranked([item(e.ref) for e in profile.experiences]),
        skills=ranked([item(r) for r in skill_refs]),
        projects=ranked([item(p.ref) for p in profile.projects]),
        matrix=(
            RequirementMatch("R1", "Strong Python skills", True, MET, ("work[0].highlights[0]",)),
            RequirementMatch("R5", "Experience with Kafka", False, MISSING),
        ),
        matched_keywords=shown,
        missing_keywords=tuple(t for t in JOB_TERMS if t not in shown),
        years_experience=years,
    )


def generate(profile: Profile, **options) -> Documents:
    options = GenerationOptions(date="2026-10-05", **options)
    return generate_documents(profile, build_analysis(), build_compiled(profile), options)


def resume_lines(resume: Resume) -> list[Line]:
    return [line for s in resume.sections for line in (*s.lines, *(b for e in s.entries for b in e.bullets))]


def letter_lines(letter: CoverLetter) -> list[Line]:
    return [line for paragraph in letter.paragraphs for line in paragraph]


def all_text(documents: Documents) -> str:
    """Everything either document prints, except the caller-given date."""
    resume, letter = documents.resume, documents.cover_letter
    parts = [resume.name, resume.headline, *resume.contact]
    for section in resume.sections:
        parts.append(section.heading)
        for entry in section.entries:
            parts += [entry.title, entry.organization, entry.location, entry.start_date, entry.end_date]
    parts += [line.text for line in resume_lines(resume)]
    if letter:
        parts += [letter.salutation, *letter.recipient, *letter.contact, letter.closing, letter.signature]
        parts += [line.text for line in letter_lines(letter)]
    return "\n".join(parts)


def words(letter: CoverLetter) -> int:
    return sum(len(line.text.split()) for line in letter_lines(letter))


def section(resume: Resume, kind: str):
    return next(s for s in resume.sections if s.kind == kind)


@pytest.fixture
def documents(example_profile) -> Documents:
    return generate(example_profile)


def test_resume_header_and_standard_sections(documents, example_profile):
    resume = documents.resume
    assert resume.name == "Jordan Alvarez"
    assert resume.headline == "Backend Engineer"
    assert resume.contact == (
        "jordan.alvarez@example.com",
        "+1 415 555 0142",
        "San Francisco, California, US",
        "https://jordanalvarez.dev",
        "https://github.com/jalvarez",
        "https://www.linkedin.com/in/jordan-alvarez",
    )
    assert [s.heading for s in resume.sections] == [
        "Summary", "Skills", "Experience", "Projects", "Education", "Certifications", "Languages",
    ]  # fmt: skip
    assert documents.generator == "offline"
    assert documents.fallback_reason == ""


def test_every_line_cites_refs_the_profile_has(documents, example_profile):
    refs = profile_refs(example_profile)
    lines = resume_lines(documents.resume) + letter_lines(documents.cover_letter)
    assert all(set(line.sources) <= refs for line in lines)
    assert documents.guard.checked_claims == sum(bool(line.sources) for line in lines) > 20


def test_resume_bullets_quote_the_profile(documents, example_profile):
    texts = profile_texts(example_profile)
    for kind in ("experience", "projects"):
        for entry in section(documents.resume, kind).entries:
            assert entry.bullets
            for bullet in entry.bullets:
                (source,) = bullet.sources
                assert source.startswith(entry.ref)
                assert bullet.text == texts[source]


def test_summary_quotes_its_sentences_then_one_sentence_of_matched_skills(documents, example_profile):
    summary = section(documents.resume, "summary").lines
    assert {line.text for line in summary[:2]} == {
        "Backend engineer with 7 years of experience building Python services and data pipelines.",
        "Led the move of a monolith to services on Kubernetes and cut p95 latency by 40%.",
    }
    assert all(line.sources == ("basics.summary",) for line in summary[:2])
    strengths = summary[2]
    assert strengths.text == "Key skills include Python, PostgreSQL, Kubernetes, Flask and Django."
    assert set(strengths.sources) == {"skills[0]", "skills[1]", "skills[2]"}


def test_summary_states_years_only_when_the_profile_summary_does_not(example_profile):
    quiet = replace(example_profile, summary="Builds Python services.")
    analysis = build_analysis()
    documents = generate_documents(quiet, analysis, build_compiled(quiet, years=10.4), GenerationOptions())
    strengths = section(documents.resume, "summary").lines[-1]
    assert strengths.text.startswith("10 years of experience; key skills include Python")
    assert {"work[0]", "work[1]", "work[2]"} <= set(strengths.sources)


def test_skills_keep_profile_groups_with_asked_skills_first(documents, example_profile):
    lines = section(documents.resume, "skills").lines
    assert [line.text for line in lines] == [
        "Backend: Python, Flask, Django, REST APIs, Celery, SQLAlchemy",
        "Data: PostgreSQL, Redis, SQL, ETL",
        "Infrastructure: Kubernetes, Docker, CI/CD, AWS, Terraform, GitHub Actions",
        "Practices: pytest, code review, mentoring",
    ]
    listed = {name for skill in example_profile.skills for name in skill.keywords}
    for line in lines:
        assert set(line.text.split(": ")[1].split(", ")) <= listed
    assert [line.sources for line in lines] == [
        ("skills[0]",),
        ("skills[1]",),
        ("skills[2]",),
        ("skills[3]",),
    ]


def test_roles_newest_first_with_bullets_by_relevance(documents, example_profile):
    entries = section(documents.resume, "experience").entries
    assert [e.organization for e in entries] == [
        "Brightline Logistics",
        "Cobalt Health",
        "Northwind Analytics",
    ]
    compiled = {b.ref: b.score for b in build_compiled(example_profile).bullets}
    for entry in entries:
        scores = [b.score for b in entry.bullets]
        assert scores == sorted(scores, reverse=True)
        assert scores == [compiled[b.sources[0]] for b in entry.bullets]
    assert entries[0].bullets[0].text.startswith("Designed REST APIs in Python and Flask")


def test_older_roles_are_trimmed(example_profile):
    old = example_profile.experiences[2]
    many = tuple(replace(old.highlights[0], ref=f"work[2].highlights[{i}]") for i in range(5))
    profile = replace(
        example_profile, experiences=(*example_profile.experiences[:2], replace(old, highlights=many))
    )
    entries = section(generate(profile).resume, "experience").entries
    assert len(entries[2].bullets) == 3
    assert len(entries[0].bullets) == 6


def test_emphasize_moves_a_matching_bullet_to_the_front(documents, example_profile):
    brightline = section(documents.resume, "experience").entries[0]
    assert "Redis" not in brightline.bullets[0].text
    emphasized = section(generate(example_profile, emphasize=("Redis",)).resume, "experience").entries[0]
    assert emphasized.bullets[0].text.startswith("Built event pipelines with Celery and Redis")
    assert emphasized.bullets[0].score == 1.0


def test_emphasize_brings_a_shown_skill_forward_and_ignores_an_unshown_one(example_profile):
    resume = generate(example_profile, emphasize=("pytest", "Kafka", "Rust")).resume
    skills = section(resume, "skills").lines
    assert skills[0].text == "Practices: pytest, code review, mentoring"
    assert section(resume, "summary").lines[2].text.startswith("Key skills include pytest, Python")
    northwind = section(resume, "experience").entries[2]
    assert "pytest" in northwind.bullets[0].text
    assert "Kafka" not in all_text(generate(example_profile, emphasize=("Kafka",)))


def test_no_posting_only_skill_appears(documents, example_resume_doc):
    profile_text = json.dumps(example_resume_doc, ensure_ascii=False)
    text = all_text(documents)
    assert "Kafka" not in text
    for term in JOB_TERMS:
        if not names(profile_text, term):
            assert not names(text, term), term


def test_every_number_printed_occurs_in_the_profile(documents, example_resume_doc):
    profile_text = json.dumps(example_resume_doc, ensure_ascii=False)
    numbers = set(NUMBER.findall(all_text(documents)))
    assert {"30", "40", "2016"} <= numbers
    assert [n for n in numbers if n not in profile_text] == []


def test_employers_titles_and_dates_come_from_the_profile(documents, example_profile):
    texts = profile_texts(example_profile)
    for kind in ("experience", "projects", "education"):
        for entry in section(documents.resume, kind).entries:
            facts = texts[entry.ref]
            for value in (entry.organization, entry.start_date, entry.end_date):
                assert value in facts
            assert all(word in facts for word in entry.title.split() if word != "in")


def test_cover_letter_names_the_job_and_stays_in_length(documents):
    letter = documents.cover_letter
    assert 250 <= words(letter) <= 400
    assert letter.salutation == "Dear Parcelhub Hiring Team,"
    assert letter.recipient == ("Hiring Team", "Parcelhub")
    assert letter.date == "2026-10-05"
    assert letter.signature == "Jordan Alvarez"
    assert letter.closing == "Sincerely,"
    assert (letter.language, letter.note) == ("en", "")
    assert letter.paragraphs[0][0].text == (
        "I am applying for the Senior Backend Engineer position at Parcelhub, and this letter sets out what "
        "I would bring to it."
    )
    assert letter.paragraphs[0][1].text == (
        "My current position, which I have held since 2021, is Senior Backend Engineer at "
        "Brightline Logistics."
    )


def test_cover_letter_cites_achievements_with_their_sources(documents, example_profile):
    texts = profile_texts(example_profile)
    results = documents.cover_letter.paragraphs[1]
    assert results[0].text.startswith("A few results from my work speak to what your posting asks for first")
    cited = [line for line in results if any(".highlights[" in ref for ref in line.sources)]
    assert len(cited) == 3
    for line in cited:
        highlight, role = line.sources
        source = texts[highlight]
        # the documented light rephrase keeps every word of the highlight, the verb lower-cased
        assert line.text.endswith(f", I {source[0].lower()}{source[1:]}.") or line.text.endswith(
            f" I also {source[0].lower()}{source[1:]}."
        )
        assert highlight.startswith(role)
    openers = [" ".join(line.text.split()[:3]) for line in cited]
    assert len(set(openers)) == 3  # no two achievements open alike
    assert cited[0].text.startswith("At Brightline Logistics, I designed REST APIs in Python and Flask")


def test_cover_letter_names_each_skill_once_and_degrees_before_languages(documents, example_profile):
    letter = documents.cover_letter
    fit = letter.paragraphs[2]
    asked = next(line for line in fit if line.text.startswith("Your posting also names "))
    assert asked.text == (
        "Your posting also names PostgreSQL, Django, Docker, CI/CD and Terraform, all of which are among the "
        "skills I bring to this role."
    )
    texts = profile_texts(example_profile)
    listed = asked.text.removeprefix("Your posting also names ").split(", all of which")[0]
    cited = " ".join(texts[ref] for ref in asked.sources)
    assert all(names(cited, skill) for skill in listed.replace(" and ", ", ").split(", "))
    body = [line.text for paragraph in letter.paragraphs for line in paragraph]
    for skill in ("Python", "PostgreSQL", "Kubernetes", "Docker", "Terraform", "Redis"):
        assert sum(names(text, skill) for text in body) <= 1, skill
    degree = next(
        i for i, t in enumerate(body) if t.startswith("I hold a Bachelor of Science in Computer Science")
    )
    spoken = next(i for i, t in enumerate(body) if t.startswith("I speak English"))
    assert degree < spoken
    assert "I also hold the AWS Certified Solutions Architect - Associate." in body


def test_no_cover_letter_when_not_asked(example_profile):
    documents = generate(example_profile, cover_letter=False)
    assert documents.cover_letter is None
    assert documents.resume == generate(example_profile).resume


def test_same_input_same_output(example_profile):
    assert generate(example_profile, emphasize=("Redis",)) == generate(example_profile, emphasize=("Redis",))


def test_documents_survive_serialization(documents):
    assert from_data(Documents, json.loads(json.dumps(to_data(documents)))) == documents


def test_asking_for_the_llm_writer_falls_back_to_offline(example_profile):
    documents = generate(example_profile, generator="llm")
    assert documents.generator == "offline"
    assert documents.fallback_reason


def test_thin_profile_gives_a_short_letter_without_padding():
    profile = profile_from_json_resume(
        {
            "basics": {"name": "Sam Lee"},
            "work": [
                {
                    "name": "Acme",
                    "position": "Developer",
                    "startDate": "2024-01",
                    "highlights": ["Shipped a Flask app"],
                }
            ],
            "skills": [{"name": "Python"}],
        }
    )
    compiled = build_compiled(profile, years=1.5)
    documents = generate_documents(profile, build_analysis(), compiled, GenerationOptions())
    assert documents.resume.headline == "Developer"
    assert [s.heading for s in documents.resume.sections] == ["Summary", "Skills", "Experience"]
    summary = section(documents.resume, "summary").lines
    assert summary[0].text == "1 year of experience; key skills include Python."
    assert words(documents.cover_letter) < 250
    assert "At Acme, I shipped a Flask app." in all_text(documents)


def test_non_latin_profile_flows_through():
    profile = profile_from_json_resume(
        {
            "basics": {"name": "Ελένη Παπαδοπούλου", "label": "Μηχανικός λογισμικού",
                       "summary": "Γράφω Python."},
            "work": [
                {"name": "Ψηφιακή Αθηνά", "position": "Προγραμματίστρια", "startDate": "2020-01",
                 "highlights": ["Σχεδίασα REST APIs σε Python για 12 πελάτες"]},
                {"name": "Яндекс", "position": "Разработчик", "startDate": "2017-01", "endDate": "2019-12",
                 "highlights": ["Поддерживал сервисы на Django и PostgreSQL"]},
            ],
            "skills": [{"name": "Εργαλεία", "keywords": ["Python", "Django", "PostgreSQL"]}],
        }
    )  # fmt: skip
    analysis = build_analysis(company="Ακμή")
    documents = generate_documents(profile, analysis, build_compiled(profile), GenerationOptions())
    text = all_text(documents)
    assert documents.resume.name == "Ελένη Παπαδοπούλου"
    assert documents.resume.headline == "Μηχανικός λογισμικού"
    experience = section(documents.resume, "experience").entries
    assert [e.organization for e in experience] == ["Ψηφιακή Αθηνά", "Яндекс"]
    assert experience[1].bullets[0].text == "Поддерживал сервисы на Django и PostgreSQL"
    assert "Εργαλεία: Python, PostgreSQL, Django" in text
    assert "One result from my work at Ψηφιακή Αθηνά: Σχεδίασα REST APIs σε Python για 12 πελάτες." in text
    assert documents.cover_letter.salutation == "Dear Ακμή Hiring Team,"
    assert from_data(Documents, to_data(documents)) == documents


def test_verify_sources_rejects_an_unknown_ref(example_profile):
    refs = profile_refs(example_profile)
    assert verify_sources([("work[0].highlights[0]",), ()], refs) == 1
    with pytest.raises(ProvenanceError, match="work\\[9\\]"):
        verify_sources([("work[9]",)], refs)


def test_profile_refs_name_basics_fields_and_nested_items(example_profile):
    texts = profile_texts(example_profile)
    assert texts["basics.summary"] == example_profile.summary
    assert texts["basics.label"] == "Backend Engineer"
    assert texts["basics.location"] == "San Francisco, California, US"
    assert texts["work[1].highlights[2]"].startswith("Wrote data migrations")
    assert texts["skills[2].keywords[4]"] == "CI/CD"
    assert texts["education[0].courses[1]"] == "Databases"
    assert (
        texts["certificates[0]"]
        == "AWS Certified Solutions Architect - Associate, Amazon Web Services, 2022-04"
    )
    assert "volunteer[0].highlights[0]" in texts
    assert profile_refs(example_profile) == frozenset(texts)


def test_a_bare_profile_gives_sparse_documents_not_invented_ones():
    profile = profile_from_json_resume({"basics": {"name": "Sam Lee"}})
    documents = generate_documents(
        profile, build_analysis(), build_compiled(profile, 0.0), GenerationOptions()
    )
    assert documents.resume.headline == ""
    assert documents.resume.sections == ()
    letter = documents.cover_letter
    assert [len(p) for p in letter.paragraphs] == [1, 5]  # the application and the close: nothing invented
    assert all(not line.sources for line in letter_lines(letter))
    assert documents.guard.checked_claims == 0
