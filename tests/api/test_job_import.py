"""POST /api/v1/jobs/import: a JobPosting from JSON-LD or a job-board page, saved like POST /jobs."""

from __future__ import annotations

import http.server
import json
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ClassVar

import pytest
from alembic import command
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from api import create_app
from models.job import Job
from models.session import make_engine
from tests.conftest import POSTGRES_URL, ThrowawayDatabase, alembic_config, make_config, register

PAGES = Path(__file__).resolve().parents[1] / "data" / "job_pages"
URL = "/api/v1/jobs/import"
PROBLEM = "application/problem+json"
HTML = "text/html; charset=utf-8"
GOOGLE_EXAMPLE = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Software Engineer",
    "description": "<p>Build our <b>search</b> backend.</p><ul><li>Go</li><li>Spanner</li></ul>",
    "identifier": {"@type": "PropertyValue", "name": "Google", "value": "1234567"},
    "datePosted": "2026-01-18",
    "validThrough": "2026-03-18T00:00",
    "employmentType": "FULL_TIME",
    "hiringOrganization": {"@type": "Organization", "name": "Google"},
    "jobLocation": {
        "@type": "Place",
        "address": {"addressLocality": "Mountain View", "addressCountry": "US"},
    },
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {"@type": "QuantitativeValue", "minValue": 150000, "maxValue": 190000, "unitText": "YEAR"},
    },
}


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def import_html(client, auth, body: bytes, content_type: str = HTML):
    return client.post(URL, data=body, content_type=content_type, headers=auth)


def import_json(client, auth, document: object, content_type: str = "application/ld+json"):
    return client.post(URL, data=json.dumps(document), content_type=content_type, headers=auth)


def count_jobs(db_session) -> int:
    return db_session.scalar(select(func.count()).select_from(Job))


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("greenhouse_escaped_description.html", "Senior Backend Engineer"),
        ("linkedin_guest_page.html", "Data Engineer"),
        ("workday_several_locations.html", "Site Reliability Engineer"),
        ("stepstone_german.html", "Softwareentwickler Java & Kotlin (m/w/d)"),
        ("spanish_graph_reference.html", "Desarrollador/a Backend Python"),
        ("remote_telecommute.html", "Full Stack Software Engineer (100% Remote)"),
        ("google_for_jobs_hourly.html", "Software Engineer"),
        ("jazzhr_script_in_description.html", "Field Service Engineer"),
        ("naukri_odd_values.html", "Python Developer"),
        ("rallit_korean_odd_values.html", "[백패커/아이디어스] 웹서비스 프론트엔드 개발자(Vue)"),
        ("invalid_then_valid.html", "QA Engineer"),
    ],
)
def test_board_pages_are_saved_as_the_callers_postings(client, auth, name, title):
    response = import_html(client, auth, page(name))
    assert response.status_code == 201, response.get_json()
    job = response.get_json()
    assert job["title"] == title and job["is_public"] is False
    saved = client.get(f"/api/v1/jobs/{job['id']}", headers=auth).get_json()
    assert saved == job
    assert [j["id"] for j in client.get("/api/v1/jobs", headers=auth).get_json()] == [job["id"]]


def test_the_saved_posting_has_every_mapped_field(client, auth):
    job = import_html(client, auth, page("stepstone_german.html")).get_json()
    assert job["company"] == "Müller Logistik GmbH"
    assert job["location"] == "München, Bayern, DE; Hamburg, DE"
    assert job["employment_type"] == "full_time"
    assert job["posted_at"] == "2026-11-25T07:00:00+00:00"
    assert job["valid_through"] == "2026-12-31T00:00:00+00:00"
    assert (job["salary_min"], job["salary_max"], job["salary_currency"], job["salary_unit"]) == (
        55000.0,
        72000.0,
        "EUR",
        "year",
    )
    assert job["description"].startswith(
        "Ihre Aufgaben\n\n- Entwicklung von Microservices mit Java und Kotlin"
    )
    remote = import_html(client, auth, page("remote_telecommute.html")).get_json()
    assert remote["remote"] is True and remote["location"] == "Austria; Belgium; Spain"


def test_an_imported_posting_is_found_by_search(client, auth):
    import_html(client, auth, page("spanish_graph_reference.html"))
    hits = client.post("/api/v1/jobs/search", json={"keywords": ["Django"]}, headers=auth).get_json()
    assert [hit["title"] for hit in hits["results"]] == ["Desarrollador/a Backend Python"]


@pytest.mark.parametrize(
    ("document", "content_type"),
    [
        (GOOGLE_EXAMPLE, "application/ld+json"),
        (GOOGLE_EXAMPLE, "application/json"),
        ([{"@type": "Organization", "name": "Google"}, GOOGLE_EXAMPLE], "application/ld+json"),
        (
            {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, GOOGLE_EXAMPLE]},
            "application/json",
        ),
    ],
)
def test_json_ld_documents_are_imported(client, auth, document, content_type):
    response = import_json(client, auth, document, content_type)
    assert response.status_code == 201, response.get_json()
    job = response.get_json()
    assert job["external_id"] == "Google:1234567"
    assert job["description"] == "Build our search backend.\n\n- Go\n- Spanner"
    assert (job["salary_min"], job["salary_max"], job["salary_unit"]) == (150000.0, 190000.0, "year")


def test_reimporting_a_posting_updates_the_saved_one(client, auth, other_auth, db_session):
    first = import_json(client, auth, GOOGLE_EXAMPLE)
    assert first.status_code == 201
    changed = {**GOOGLE_EXAMPLE, "title": "Senior Software Engineer", "baseSalary": None}
    again = import_json(client, auth, changed)
    assert again.status_code == 200
    job = again.get_json()
    assert job["id"] == first.get_json()["id"]
    assert job["title"] == "Senior Software Engineer" and job["salary_min"] is None
    assert count_jobs(db_session) == 1

    # Another user saves the same posting as their own.
    theirs = import_json(client, other_auth, GOOGLE_EXAMPLE)
    assert theirs.status_code == 201 and theirs.get_json()["id"] != job["id"]
    # The same requisition number at another employer is another posting.
    elsewhere = {**GOOGLE_EXAMPLE, "identifier": "1234567", "hiringOrganization": "Fabrikam"}
    assert import_json(client, auth, elsewhere).get_json()["external_id"] == "Fabrikam:1234567"
    assert count_jobs(db_session) == 3


def test_a_posting_without_identifier_is_saved_again(client, auth, db_session):
    assert import_html(client, auth, page("greenhouse_escaped_description.html")).status_code == 201
    assert import_html(client, auth, page("greenhouse_escaped_description.html")).status_code == 201
    assert count_jobs(db_session) == 2


def test_a_reimport_keeps_what_the_page_does_not_say(client, auth):
    job = import_json(client, auth, GOOGLE_EXAMPLE).get_json()
    client.patch(f"/api/v1/jobs/{job['id']}", json={"seniority": "senior"}, headers=auth)
    assert import_json(client, auth, GOOGLE_EXAMPLE).get_json()["seniority"] == "senior"


def test_a_page_without_a_job_posting_is_a_422_naming_it(client, auth, db_session):
    response = import_html(client, auth, page("no_jobposting.html"))
    assert response.status_code == 422
    assert response.content_type == PROBLEM
    problem = response.get_json()
    assert "No schema.org JobPosting" in problem["detail"] and "2 JSON-LD block(s)" in problem["detail"]
    assert list(problem["errors"]) == ["JobPosting"]
    assert count_jobs(db_session) == 0


def test_a_posting_without_title_or_company_is_a_422_naming_both(client, auth, db_session):
    response = import_html(client, auth, page("missing_company.html"))
    assert response.status_code == 422
    problem = response.get_json()
    assert sorted(problem["errors"]) == ["hiringOrganization.name", "title"]
    assert "title" in problem["detail"] and "hiringOrganization.name" in problem["detail"]
    no_description = {**GOOGLE_EXAMPLE, "description": "<script>only()</script>"}
    assert list(import_json(client, auth, no_description).get_json()["errors"]) == ["description"]
    assert count_jobs(db_session) == 0


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/ld+json", 422),
        (b"", "application/ld+json", 422),
        (b"", "text/html", 422),
        (b'"just a string"', "application/json", 422),
        (b"\xff\xfe{}", "application/ld+json", 422),
        (b"title: Engineer", "text/plain", 415),
        (b"<JobPosting/>", "application/xml", 415),
    ],
)
def test_bodies_that_hold_no_posting(client, auth, db_session, body, content_type, status):
    response = client.post(URL, data=body, content_type=content_type, headers=auth)
    assert response.status_code == status
    assert response.content_type == PROBLEM
    assert count_jobs(db_session) == 0


def test_a_description_longer_than_a_posting_holds_is_a_422(client, auth, db_session):
    long = {**GOOGLE_EXAMPLE, "description": "<p>" + "word " * 12_000 + "</p>"}
    response = import_json(client, auth, long)
    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["description"]
    assert count_jobs(db_session) == 0


def test_pages_larger_than_the_general_body_limit_are_accepted_up_to_the_import_limit(
    database_url, db_sessionmaker
):
    config = make_config(
        database_url,
        DB_SESSIONMAKER=db_sessionmaker,
        MAX_CONTENT_LENGTH=64 * 1024,
        IMPORT_MAX_BYTES=256 * 1024,
    )
    client = create_app(config).test_client()
    auth = register(client)
    padding = b"<div>" + b"x" * (128 * 1024) + b"</div>"
    big_page = page("workday_several_locations.html").replace(b"<body>", b"<body>" + padding)
    assert import_html(client, auth, big_page).status_code == 201
    too_big = big_page.replace(b"<body>", b"<body>" + padding)
    response = import_html(client, auth, too_big)
    assert response.status_code == 413
    assert response.content_type == PROBLEM
    assert (
        client.post("/api/v1/jobs", data=padding, content_type="application/json", headers=auth).status_code
        == 413
    )


def test_the_page_encoding_is_honoured(client, auth):
    posting = {"@type": "JobPosting", "title": "Bäcker", "description": "Frühschicht"}
    latin1 = (
        '<html><head><meta charset="iso-8859-1"><script type="application/ld+json">'
        f"{json.dumps({**posting, 'hiringOrganization': 'Bäckerei Groß'}, ensure_ascii=False)}"
        "</script></head></html>"
    ).encode("iso-8859-1")
    by_meta = import_html(client, auth, latin1, content_type="text/html").get_json()
    assert (by_meta["title"], by_meta["company"]) == ("Bäcker", "Bäckerei Groß")
    by_header = import_html(client, auth, latin1, content_type="text/html; charset=ISO-8859-1").get_json()
    assert by_header["description"] == "Frühschicht"


def test_text_postgres_would_refuse_is_cleaned_not_a_500(client, auth):
    document = (
        '{"@type":"JobPosting","title":"A\\u0000B","description":"x \\ud800 y","hiringOrganization":"c"}'
    )
    response = client.post(URL, data=document, content_type="application/ld+json", headers=auth)
    assert response.status_code == 201
    assert (response.get_json()["title"], response.get_json()["description"]) == ("AB", "x ? y")


def test_import_needs_a_login(client):
    assert (
        client.post(URL, data=json.dumps(GOOGLE_EXAMPLE), content_type="application/ld+json").status_code
        == 401
    )


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    """A local HTTP server that records every request it gets."""
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_server_fetches_nothing_the_page_points_at(client, auth, recorder):
    posting = {
        "@context": f"{recorder}/context.jsonld",
        "@type": "JobPosting",
        "@id": f"{recorder}/job",
        "title": "Engineer",
        "url": f"{recorder}/apply",
        "description": f'<p>Hi</p><img src="{recorder}/pixel.gif"><iframe src="{recorder}/frame"></iframe>',
        "hiringOrganization": {"@id": f"{recorder}/org"},
        "sameAs": f"{recorder}/same",
    }
    body = (
        f'<html><head><link rel="stylesheet" href="{recorder}/style.css">'
        f'<script src="{recorder}/app.js"></script>'
        f'<script type="application/ld+json">{json.dumps({**posting, "hiringOrganization": "Acme"})}</script>'
        f'</head><body><img src="{recorder}/logo.png"></body></html>'
    )
    assert import_html(client, auth, body.encode()).status_code == 201
    assert import_json(client, auth, posting).status_code == 422  # the organization is only a reference
    assert _Recorder.hits == []


def test_put_clears_the_imported_fields_a_replacement_leaves_out(client, auth):
    job = import_json(client, auth, GOOGLE_EXAMPLE).get_json()
    posting = {"title": "Engineer", "company": "Google", "description": "Plain."}
    replaced = client.put(f"/api/v1/jobs/{job['id']}", json=posting, headers=auth).get_json()
    assert replaced["salary_min"] is None and replaced["valid_through"] is None
    assert replaced["external_id"] == "Google:1234567"


@pytest.fixture
def committing_app() -> Iterator[object]:
    """An app whose requests commit for real, on a database of its own (concurrent requests)."""
    database = ThrowawayDatabase(POSTGRES_URL, prefix="jobwise_import")
    url = database.create()
    command.upgrade(alembic_config(url), "head")
    engine = make_engine(url)
    yield create_app(make_config(url, DB_SESSIONMAKER=sessionmaker(bind=engine, expire_on_commit=False)))
    engine.dispose()
    database.drop()


def test_concurrent_imports_of_one_posting_save_it_once(committing_app):
    client = committing_app.test_client()
    auth = register(client)
    body = json.dumps({**GOOGLE_EXAMPLE, "identifier": f"race-{uuid.uuid4().hex}"})

    def post() -> int:
        return (
            committing_app.test_client()
            .post(URL, data=body, content_type="application/ld+json", headers=auth)
            .status_code
        )

    with ThreadPoolExecutor(8) as pool:
        statuses = sorted(pool.map(lambda _: post(), range(8)))
    assert statuses == [200] * 7 + [201]
    listed = client.get("/api/v1/jobs", headers=auth).get_json()
    assert len(listed) == 1
