"""Reading JobPostings out of JSON-LD and job-board pages, checked against readers we did not write.

extruct (Zyte's structured-data extractor) must find the same JobPosting nodes in every page it can read,
and html_text (Zyte's HTML-to-text) must read the same words from every description. Pure functions:
no database. The pages are in tests/data/job_pages, each with a comment naming where its shape comes from.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from pathlib import Path

import html_text
import pytest
from extruct.jsonld import JsonLdExtractor

from api.jobs import jsonld
from api.jobs.plain_text import html_to_text
from api.jobs.posting_import import ImportRefusedError, posting_fields

PAGES = Path(__file__).resolve().parents[1] / "data" / "job_pages"
ALL_PAGES = sorted(path.name for path in PAGES.glob("*.html"))
# extruct reads a page all or nothing: one block that is not JSON and it finds nothing at all.
EXTRUCT_FAILS = {"invalid_then_valid.html"}


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def job_postings(value: object) -> list[dict]:
    """Every JobPosting node in extruct's output, in document order."""
    found: list[dict] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if jsonld.is_job_posting(item):
                found.append(item)
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return found


@pytest.mark.parametrize("name", sorted(set(ALL_PAGES) - EXTRUCT_FAILS))
def test_the_same_job_postings_as_extruct(name):
    theirs = job_postings(JsonLdExtractor().extract(page(name).decode("utf-8")))
    assert jsonld.from_html(page(name)).postings == theirs


def test_a_broken_block_hides_nothing_from_us_but_everything_from_extruct():
    with pytest.raises(json.JSONDecodeError):
        JsonLdExtractor().extract(page("invalid_then_valid.html").decode("utf-8"))
    found = jsonld.from_html(page("invalid_then_valid.html"))
    assert (found.scripts, found.invalid_scripts) == (2, 1)
    assert [posting["title"] for posting in found.postings] == ["QA Engineer"]


def descriptions() -> list[tuple[str, str]]:
    cases = []
    for name in ALL_PAGES:
        for posting in jsonld.from_html(page(name)).postings:
            if isinstance(posting.get("description"), str):
                cases.append((name, posting["description"]))
    return cases


@pytest.mark.parametrize(("name", "description"), descriptions())
def test_descriptions_read_as_html_text_reads_them(name, description):
    """The same words in the same order; we add "- " before list items and drop what frames contain."""
    markup = html.unescape(description) if "<" not in description else description
    theirs = html_text.extract_text(markup, guess_layout=True)
    if name == "jazzhr_script_in_description.html":
        assert "framed text" in theirs  # an <iframe>'s fallback text: html_text keeps it, we drop it
        theirs = theirs.replace("framed text", "")
    ours = html_to_text(description)
    words = [word for word in ours.split() if word != "-"]
    assert words == theirs.split()


def fields(name: str) -> dict:
    return posting_fields(jsonld.from_html(page(name)))


def utc(*parts: int) -> str:
    return datetime(*parts, tzinfo=UTC).isoformat()


# Per page: the fields it must give (None included: it must be empty).
EXPECTED = {
    "greenhouse_escaped_description.html": {
        "title": "Senior Backend Engineer",
        "company": "Northwind Labs",
        "location": "San Francisco, CA, United States",
        "remote": None,
        "employment_type": None,
        "posted_at": utc(2026, 11, 3),
        "external_id": None,
    },
    "linkedin_guest_page.html": {
        "title": "Data Engineer",
        "company": "Contoso Analytics",
        "location": "Austin, TX, US",
        "employment_type": "full_time",
        "posted_at": utc(2026, 11, 18, 9, 31, 5),
        "valid_through": utc(2026, 12, 18, 9, 31, 5),
        "external_id": "Contoso Analytics:4087211932",
    },
    "workday_several_locations.html": {
        "company": "Fabrikam Inc.",
        "location": "Boston, MA, US; Toronto, ON, CA",
        "valid_through": utc(2027, 2, 1, 4, 59, 59),
        "external_id": "Fabrikam:R0051873",
    },
    "stepstone_german.html": {
        "title": "Softwareentwickler Java & Kotlin (m/w/d)",
        "company": "Müller Logistik GmbH",
        "location": "München, Bayern, DE; Hamburg, DE",
        "employment_type": "full_time",
        "posted_at": utc(2026, 11, 25, 7),
        "valid_through": utc(2026, 12, 31),
        "salary_min": 55000.0,
        "salary_max": 72000.0,
        "salary_currency": "EUR",
        "salary_unit": "year",
    },
    "spanish_graph_reference.html": {
        "title": "Desarrollador/a Backend Python",
        "company": "Soluciones Ibéricas S.L.",
        "location": "Madrid, Comunidad de Madrid, ES",
        "employment_type": "full_time",
        "external_id": "Soluciones Ibéricas:OF-2291",
        "salary_min": 40000.0,
        "salary_max": 50000.0,
    },
    "remote_telecommute.html": {
        "company": "Redstone Studio",
        "location": "Austria; Belgium; Spain",
        "remote": True,
        "external_id": None,
        "salary_min": 40000.0,
        "salary_max": 60000.0,
        "salary_currency": "EUR",
        "salary_unit": "year",
    },
    "google_for_jobs_hourly.html": {
        "location": "Mountain View, CA, US",
        "employment_type": "contract",
        "valid_through": utc(2026, 3, 18),
        "external_id": "Google:1234567",
        "salary_min": 40.0,
        "salary_max": 40.0,
        "salary_currency": "USD",
        "salary_unit": "hour",
    },
    "jazzhr_script_in_description.html": {
        "location": "Dover, DE",
        "url": "https://proautomated.applytojob.com/apply/nfHu9c2Sxz/Field-Service-Engineer",
    },
    "naukri_odd_values.html": {
        "location": "Bangalore, IN",
        "employment_type": "full_time",
        "salary_min": None,
        "salary_max": None,
        "salary_currency": None,
    },
    "rallit_korean_odd_values.html": {
        "title": "[백패커/아이디어스] 웹서비스 프론트엔드 개발자(Vue)",
        "company": "(주)백패커",
        "location": "서울, KR",
        "employment_type": None,
        "external_id": "Google:1023",
        "valid_through": utc(9999, 12, 31),
    },
    "invalid_then_valid.html": {"company": "Tailspin Toys", "employment_type": "part_time"},
}
# Per page: lines the description must have, and text it must not.
DESCRIPTION_LINES = {
    "greenhouse_escaped_description.html": [
        "What you'll do", "- Design Python services on PostgreSQL & Redis",
    ],
    "linkedin_guest_page.html": [
        "- Spark and Airflow", "Experience:", "36 months of experience", "bachelor degree",
    ],
    "workday_several_locations.html": ["Team: Cloud Platform", "- On-call one week in six"],
    "stepstone_german.html": ["Ihre Aufgaben", "- Betreuung unserer Schnittstellen für Großkunden"],
    "spanish_graph_reference.html": [
        "¡Buscamos una persona para nuestro equipo de diseño de APIs!", "- Inglés fluido",
    ],
    "remote_telecommute.html": [
        "You will ship Ruby on Rails and React features.", "", "Async-first, four-day week.",
    ],
    "jazzhr_script_in_description.html": ["Fix packaging machines at customer sites.", "Travel 50%."],
    "naukri_odd_values.html": ["Skills:", "Python, Django, REST API"],
    "invalid_then_valid.html": ["Test our flight software.", "Write Playwright suites."],
}  # fmt: skip
NEVER_IN_DESCRIPTION = ("<", "&lt;", "&amp;", "document.cookie", "display:none", "framed text", "steal()")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_board_shape_maps_to_a_posting(name):
    mapped = fields(name)
    assert {key: mapped.get(key) for key in EXPECTED[name]} == EXPECTED[name]
    lines = mapped["description"].splitlines()
    for expected in DESCRIPTION_LINES.get(name, []):
        assert expected in lines, (expected, lines)
    for forbidden in NEVER_IN_DESCRIPTION:
        assert forbidden not in mapped["description"]


@pytest.mark.parametrize(
    ("name", "missing"),
    [("no_jobposting.html", ["JobPosting"]), ("missing_company.html", ["title", "hiringOrganization.name"])],
)
def test_pages_without_a_usable_posting_are_refused_by_name(name, missing):
    with pytest.raises(ImportRefusedError) as refused:
        fields(name)
    assert sorted(refused.value.errors) == sorted(missing)


def test_a_page_with_no_json_ld_says_so():
    with pytest.raises(ImportRefusedError, match="no JSON-LD"):
        posting_fields(jsonld.from_html(b"<html><body><h1>Backend Engineer</h1></body></html>"))


def test_the_first_complete_posting_wins_over_an_incomplete_one():
    document = [
        {"@type": "JobPosting", "title": "Teaser", "description": "x"},
        {"@type": "JobPosting", "title": "Real", "description": "y", "hiringOrganization": "Acme"},
    ]
    assert posting_fields(jsonld.from_json(json.dumps(document)))["title"] == "Real"


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"@type": "https://schema.org/JobPosting"}, True),
        ({"@type": ["WebPage", "JobPosting"]}, True),
        ({"@type": "schema:JobPosting"}, True),
        ({"@type": "JobPostingDraft"}, False),
        ({"type": "JobPosting"}, False),
    ],
)
def test_job_posting_types(document, expected):
    assert jsonld.is_job_posting(document) is expected


def test_depth_and_size_are_bounded():
    deep = "[" * 100_000 + "]" * 100_000
    assert jsonld.from_json(deep).invalid_scripts == 1
    nested: object = {"@type": "JobPosting", "title": "Deep"}
    for _ in range(jsonld.MAX_DEPTH + 5):
        nested = {"child": nested}
    assert jsonld.from_json(json.dumps(nested)).postings == []  # past the depth bound: not looked at


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("85,000", 85000.0),
        ("$100,000", 100000.0),
        ("55.000", 55000.0),
        ("55.000,50", 55000.5),
        ("18,50", 18.5),
        ("40.5", 40.5),
        ("€ 3.200", 3200.0),
        ("8-12 Lacs", None),
        ("competitive", None),
        (True, None),
        (-5, None),
        (float("inf"), None),
    ],
)
def test_salary_figures_as_boards_write_them(value, expected):
    document = {"@type": "JobPosting", "baseSalary": {"currency": "eur", "value": value}}
    mapped = posting_fields(
        jsonld.from_json(
            json.dumps({**document, "title": "t", "description": "d", "hiringOrganization": "c"})
        )
    )
    assert mapped["salary_min"] == expected
    assert mapped["salary_currency"] == ("EUR" if expected is not None else None)


def test_an_inverted_salary_range_is_dropped():
    inverted = {"minValue": 90000, "maxValue": 60000, "unitText": "YEAR"}
    document = {
        "@type": "JobPosting", "title": "t", "description": "d", "hiringOrganization": "c",
        "baseSalary": {"currency": "USD", "value": inverted},
    }  # fmt: skip
    assert posting_fields(jsonld.from_json(json.dumps(document)))["salary_min"] is None


def test_text_is_cleaned_of_what_postgres_and_encoders_refuse():
    # JSON escapes Python's json turns into a NUL, a lone surrogate and a bell character.
    raw = {"@type": "JobPosting", "title": "A<NUL>B <SURROGATE>", "description": "x<BELL>y"}
    document = json.dumps({**raw, "hiringOrganization": "c"})
    for marker, escape in (("<NUL>", "\\u0000"), ("<SURROGATE>", "\\ud800"), ("<BELL>", "\\u0007")):
        document = document.replace(marker, escape)
    mapped = posting_fields(jsonld.from_json(document))
    assert mapped["title"] == "AB ?"
    assert mapped["description"] == "xy"


def test_many_locations_fit_the_column_with_a_count_of_the_rest():
    places = [{"address": {"addressLocality": f"City number {i}", "addressCountry": "DE"}} for i in range(40)]
    document = {"@type": "JobPosting", "title": "t", "description": "d", "hiringOrganization": "c"}
    location = posting_fields(jsonld.from_json(json.dumps({**document, "jobLocation": places})))["location"]
    assert len(location) <= 200
    assert location.startswith("City number 0, DE; City number 1, DE")
    assert location.endswith("more)")


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<ol><li>first</li><li>second</li></ol>", "- first\n- second"),
        ("a<br>b<br><br>c", "a\nb\n\nc"),
        ("Plain\nlines\n\n\nkept", "Plain\nlines\n\nkept"),
        ("<p>source\nnewlines are spaces</p>", "source newlines are spaces"),
        ("&lt;p&gt;escaped &amp;amp; decoded&lt;/p&gt;", "escaped & decoded"),
        ("<script>alert(1)</script><style>p{}</style><noscript>n</noscript>ok", "ok"),
        ("<table><tr><th>Tag</th><td>Wert</td></tr></table>", "Tag Wert"),
        ("", ""),
    ],
)
def test_html_to_text(fragment, text):
    assert html_to_text(fragment) == text
