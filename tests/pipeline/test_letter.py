"""The offline cover letter's language, wording and date (issue 15): the posting's language when supported,
English with a note otherwise; the profile's words kept as written; the date written per language."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from pipeline.document_generator import GenerationOptions, generate_documents
from pipeline.document_generator.offline.letter import and_join, article, degree_phrase, letter_language
from pipeline.document_generator.phrases import phrases, supported_languages
from pipeline.inputs import Education, Posting, profile_from_json_resume
from pipeline.job_analyzer import analyze_job
from pipeline.profile_compiler import compile_profile
from pipeline.quality_validator import validate_quality
from pipeline.render import render_cover_letter_pdf
from pipeline.render.plain_text import cover_letter_text
from pipeline.render.wording import letter_date
from pipeline.text.language import detect_language

PROFILE = {
    "basics": {
        "name": "Lena Vogel",
        "email": "lena.vogel@example.com",
        "summary": "I run Kubernetes platforms for teams that ship every day. Lena is calm on call.",
    },
    "work": [
        {
            "name": "Nordlicht GmbH",
            "position": "Platform Engineer",
            "startDate": "2020-03",
            "highlights": [
                "Moved 40 services to Kubernetes with Helm and Argo CD",
                "Cut cloud costs by 30% with Terraform and spot instances",
            ],
        },
        {
            "name": "Hafen Logistik",
            "position": "System Administrator",
            "startDate": "2016-01",
            "endDate": "2020-02",
            "highlights": ["Automated Linux server builds with Ansible for 3 data centres"],
        },
    ],
    "education": [
        {
            "institution": "TU Dresden",
            "studyType": "Bachelor of Science in Informatik",
            "area": "Informatik",
            "endDate": "2015",
        }
    ],
    "skills": [{"name": "Platform", "keywords": ["Kubernetes", "Terraform", "Ansible", "Helm", "Linux"]}],
    "languages": [
        {"language": "Deutsch", "fluency": "Muttersprache"},
        {"language": "English", "fluency": "C1"},
    ],
}
GERMAN = Posting(
    title="DevOps Engineer",
    company="Beispiel AG",
    description=(
        "Deine Aufgaben:\n- Du betreibst unsere Kubernetes-Plattform und entwickelst sie weiter\n"
        "- Du automatisierst Infrastruktur mit Terraform\n"
        "Das bringst du mit:\n- Mindestens 3 Jahre Erfahrung mit Kubernetes\n"
        "- Sehr gute Kenntnisse in Terraform und Ansible\n- Erfahrung mit Linux und Helm\n"
    ),
)
FRENCH = Posting(
    title="Ingénieur DevOps",
    company="Exemple SA",
    description=(
        "Vos missions :\n- Vous gérez notre plateforme Kubernetes et vous la faites évoluer avec l'équipe\n"
        "Votre profil :\n- Au moins 3 ans d'expérience avec Kubernetes et Terraform dans une équipe produit\n"
        "- Vous connaissez Ansible et Linux, et vous aimez le travail en équipe\n"
    ),
)
OPTIONS = GenerationOptions(date="2026-11-25")


def write(posting: Posting):
    profile = profile_from_json_resume(PROFILE)
    analysis = analyze_job(posting)
    compiled = compile_profile(profile, analysis, today="2026-11")
    return profile, analysis, compiled, generate_documents(profile, analysis, compiled, OPTIONS)


def test_every_supported_language_has_every_phrase():
    english = phrases("en")
    assert {"en", "de", "es"} <= set(supported_languages())
    for language in supported_languages():
        table = phrases(language)
        assert set(table) == set(english), language
        for key, value in english.items():
            if isinstance(value, list):
                assert len(table[key]) == len(value) and len(set(table[key])) == len(value), (language, key)


def test_a_german_posting_gets_a_german_letter_with_the_profiles_words_as_written():
    _, _, _, documents = write(GERMAN)
    letter = documents.cover_letter
    assert (letter.language, letter.note) == ("de", "")
    assert letter.salutation == "Sehr geehrte Damen und Herren,"
    assert letter.closing == "Mit freundlichen Grüßen"
    body = [line.text for paragraph in letter.paragraphs for line in paragraph]
    assert body[0].startswith("Hiermit bewerbe ich mich um die Stelle als DevOps Engineer bei Beispiel AG")
    assert "Seit 2020 arbeite ich als Platform Engineer bei Nordlicht GmbH." in body
    assert any(
        t.endswith(": Moved 40 services to Kubernetes with Helm and Argo CD.") for t in body
    )  # as written
    assert documents.guard.removed == ()
    assert "25. November 2026" in cover_letter_text(letter)
    pdf = render_cover_letter_pdf(letter, OPTIONS).content
    assert "25. November 2026" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_an_unsupported_language_gives_english_with_a_note_in_the_report():
    profile, analysis, compiled, documents = write(FRENCH)
    letter = documents.cover_letter
    assert letter.language == "en"
    assert letter.note == (
        "The posting is in French; the cover letter is in English, as French letters are not supported."
    )
    report = validate_quality(profile, analysis, compiled, documents, OPTIONS).report
    notes = {c.name: c for c in report.cover_letter_checks}
    assert notes["cover_letter_language"].detail == letter.note
    assert notes["letter_language"].passed


ENGLISH = Posting(
    "DevOps Engineer",
    "Example Inc",
    "Requirements:\n- 3 years of experience with Kubernetes and Terraform\n"
    "- Experience with Ansible, Linux and Helm\n",
)


def test_the_summary_is_used_only_where_it_speaks_in_the_first_person():
    letter = write(ENGLISH)[3].cover_letter
    body = " ".join(line.text for paragraph in letter.paragraphs for line in paragraph)
    assert letter.language == "en"
    assert "I run Kubernetes platforms for teams that ship every day." in body
    assert "Lena is calm" not in body  # the third-person sentence is never pasted in


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "25 November 2026"),
        ("de", "25. November 2026"),
        ("es", "25 de noviembre de 2026"),
        ("fr", "25 November 2026"),
    ],
)
def test_letter_dates_per_language(language, expected):
    assert letter_date("2026-11-25", language) == expected
    assert letter_date("next Monday", language) == "next Monday"


def test_wording_helpers():
    bsn = Education("education[0]", "X", area="Nursing", study_type="Bachelor of Science in Nursing (BSN)")
    assert degree_phrase(bsn) == "Bachelor of Science in Nursing (BSN)"  # not "(BSN) in Nursing"
    bsc = Education("education[0]", "X", area="Nursing", study_type="Bachelor of Science")
    assert degree_phrase(bsc) == "Bachelor of Science in Nursing"
    assert [article(p) for p in ("MBA", "Associate Degree", "Bachelor of Arts", "BSc")] == [
        "an",
        "an",
        "a",
        "a",
    ]
    assert and_join(["Python", "Go"], "and") == "Python and Go"
    assert and_join(["Java", "Ingeniería"], "y") == "Java e Ingeniería"
    assert and_join(["A", "B", "C"], "und") == "A, B und C"


def test_the_posting_language_is_read_from_its_own_words():
    assert letter_language(analyze_job(GERMAN)) == ("de", "")
    assert detect_language("Buscamos una persona con experiencia en Java para nuestro equipo") == "es"
    assert detect_language("高级后端工程师，负责支付系统") == "zh"
    assert detect_language("ok") == ""
