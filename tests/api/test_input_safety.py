"""Inputs that once reached the database or a recursion limit: each is a 4xx problem naming what is wrong,
and nothing is stored."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from models.job import Job
from models.profile import Profile
from tests.factories import EXAMPLE_JOB, EXAMPLE_RESUME

PROBLEM = "application/problem+json"
NUL, SURROGATE = "\u0000", "\ud800"


def post_raw(client, url: str, body: str, headers: dict[str, str], method: str = "post") -> Any:
    """Send JSON text as it is: json.dumps escapes a lone surrogate as \\ud800, which is what clients send."""
    return getattr(client, method)(url, data=body.encode(), content_type="application/json", headers=headers)


def count(db_session, model: type) -> int:
    return db_session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("bad", [NUL, SURROGATE], ids=["nul", "lone-surrogate"])
@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/api/v1/profiles", {"name": "a{bad}b"}, "name"),
        ("/api/v1/profiles", {"name": "Ana", "volunteer": [{}, {"label": "x{bad}"}]}, "volunteer.1.label"),
        ("/api/v1/profiles", {"name": "Ana", "volunteer": [{"title": "x{bad}"}]}, "volunteer.0.title"),
        (
            "/api/v1/profiles",
            {"name": "Ana", "skills": [{"keywords": ["ok", "k{bad}"]}]},
            "skills.0.keywords.1",
        ),
        ("/api/v1/profiles/import", {"basics": {"name": "Ana", "x-note": "n{bad}"}}, "basics.x-note"),
        (
            "/api/v1/profiles/import",
            {"basics": {"name": "Ana"}, "x-tags": [{"t": ["{bad}"]}]},
            "x-tags.0.t.0",
        ),
        ("/api/v1/jobs", {**EXAMPLE_JOB, "title": "T{bad}"}, "title"),
        ("/api/v1/jobs/search", {"keywords": ["py{bad}"]}, "keywords.0"),
        (
            "/api/v1/auth/register",
            {"email": "a@example.com", "password": "p{bad}ssword1", "name": "A"},
            "password",
        ),
    ],
)
def test_text_that_cannot_be_stored_is_422_naming_the_field(client, auth, db_session, url, body, field, bad):
    text = json.dumps(body).replace("{bad}", "\\u0000" if bad == NUL else "\\ud800")
    before = count(db_session, Profile), count(db_session, Job)
    response = post_raw(client, url, text, auth)
    assert response.status_code == 422, response.get_json()
    assert response.content_type == PROBLEM
    assert field in response.get_json()["errors"]
    assert (count(db_session, Profile), count(db_session, Job)) == before


def test_a_bad_key_is_named_too(client, auth):
    text = '{"basics": {"name": "Ana"}, "x-\\u0000": 1}'
    response = post_raw(client, "/api/v1/profiles/import", text, auth)
    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["x-?"]


def test_patch_and_put_are_checked_the_same_way(client, auth):
    profile = client.post("/api/v1/profiles", json={"name": "Ana"}, headers=auth).get_json()
    url = f"/api/v1/profiles/{profile['id']}"
    for method in ("patch", "put"):
        response = post_raw(client, url, '{"name": "A\\u0000"}', auth, method=method)
        assert response.status_code == 422 and "name" in response.get_json()["errors"]


def test_header_arguments_are_checked(client, auth):
    profile = client.post("/api/v1/profiles/import", json=EXAMPLE_RESUME, headers=auth).get_json()
    job = client.post("/api/v1/jobs", json=EXAMPLE_JOB, headers=auth).get_json()
    response = client.post(
        "/api/v1/generations",
        json={"profile_id": profile["id"], "job_id": job["id"]},
        headers={**auth, "Idempotency-Key": "key\u0000"},
    )
    assert response.status_code == 422
    assert "Idempotency-Key" in response.get_json()["errors"]
    long_key = client.post(
        "/api/v1/generations",
        json={"profile_id": profile["id"], "job_id": job["id"]},
        headers={**auth, "Idempotency-Key": "k" * 201},
    )
    assert long_key.status_code == 422 and "Idempotency-Key" in long_key.get_json()["errors"]


@pytest.mark.parametrize("url", ["/api/v1/jobs", "/api/v1/profiles", "/api/v1/generations"])
def test_page_numbers_have_a_maximum(client, auth, url):
    huge = client.get(f"{url}?page=99999999999999999999", headers=auth)
    assert huge.status_code == 422
    assert huge.content_type == PROBLEM
    assert "page" in huge.get_json()["errors"]
    past_the_end = client.get(f"{url}?page=10000", headers=auth)
    assert past_the_end.status_code == 200 and past_the_end.get_json() == []


def test_search_page_has_a_maximum(client, auth):
    response = client.post("/api/v1/jobs/search", json={"keywords": ["x"], "page": 10**20}, headers=auth)
    assert response.status_code == 422 and "page" in response.get_json()["errors"]


@pytest.mark.parametrize("depth", [33, 1000, 100_000])
def test_deep_nesting_is_a_400_before_parsing(client, auth, depth):
    text = '{"basics": {"name": "Ana"}, "x-deep": ' + "[" * depth + "]" * depth + "}"
    response = post_raw(client, "/api/v1/profiles/import", text, auth)
    assert response.status_code == 400
    assert response.content_type == PROBLEM
    assert "nested" in response.get_json()["detail"]


def test_nesting_within_the_limit_is_fine(client, auth):
    text = '{"basics": {"name": "Ana"}, "x-deep": ' + "[" * 30 + "]" * 30 + "}"
    assert post_raw(client, "/api/v1/profiles/import", text, auth).status_code == 201


def test_brackets_inside_strings_do_not_count(client, auth):
    body = {"basics": {"name": "Ana", "summary": "[" * 100 + "{" * 100 + '\\"['}}
    assert client.post("/api/v1/profiles/import", json=body, headers=auth).status_code == 201


@pytest.mark.parametrize(
    "text", ['{"keywords": ["x"], "page": NaN}', '{"keywords": ["x"], "page": Infinity}']
)
def test_non_json_numbers_are_refused(client, auth, text):
    response = post_raw(client, "/api/v1/jobs/search", text, auth)
    assert response.status_code == 400 and response.content_type == PROBLEM


def test_a_required_body_must_be_there_and_be_json(client, auth):
    job = client.post("/api/v1/jobs", json=EXAMPLE_JOB, headers=auth).get_json()
    url = f"/api/v1/jobs/{job['id']}"
    missing = client.patch(url, headers=auth)
    assert missing.status_code == 400 and missing.content_type == PROBLEM
    text = client.patch(url, data="title=x", content_type="text/plain", headers=auth)
    assert text.status_code == 415 and text.content_type == PROBLEM
    assert client.get(url, headers=auth).get_json()["title"] == EXAMPLE_JOB["title"]


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/api/v1/jobs", {**EXAMPLE_JOB, "remote": 0}, "remote"),
        ("/api/v1/jobs", {**EXAMPLE_JOB, "remote": "true"}, "remote"),
        ("/api/v1/jobs/search", {"keywords": ["x"], "remote": 1}, "remote"),
        ("/api/v1/jobs/search", {"keywords": ["x"], "page": "2"}, "page"),
        ("/api/v1/jobs/search", {"keywords": ["x"], "page": True}, "page"),
        ("/api/v1/jobs/search", {"keywords": ["x"], "page_size": 2.5}, "page_size"),
    ],
)
def test_json_types_are_strict(client, auth, url, body, field):
    response = client.post(url, json=body, headers=auth)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_patterns_match_as_json_schema_says(client, auth):
    leading_space = client.post("/api/v1/jobs/search", json={"keywords": [" python"]}, headers=auth)
    assert leading_space.status_code == 200
    blank = client.post("/api/v1/jobs/search", json={"keywords": ["   "]}, headers=auth)
    assert blank.status_code == 422
    newline = client.post(
        "/api/v1/profiles", json={"name": "Ana", "experiences": [{"start_date": "2020\n"}]}, headers=auth
    )
    assert newline.status_code == 422 and "experiences.0.start_date" in newline.get_json()["errors"]


def no_nulls(value: Any, path: str = "") -> list[str]:
    if value is None:
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in no_nulls(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in no_nulls(item, f"{path}.{index}")]
    return []


def test_profiles_never_answer_null(client, auth):
    created = client.post(
        "/api/v1/profiles", json={"name": "0", "volunteer": [{}], "skills": [{}]}, headers=auth
    )
    assert created.status_code == 201
    body = created.get_json()
    assert no_nulls(body) == []
    assert body["volunteer"] == [{}]
    listed = client.get("/api/v1/profiles", headers=auth).get_json()
    assert no_nulls(listed) == []


def test_job_fields_the_contract_calls_nullable_stay_null(client, auth):
    body = client.post("/api/v1/jobs", json={**EXAMPLE_JOB, "location": None}, headers=auth).get_json()
    assert body["location"] is None
