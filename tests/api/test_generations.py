"""Generation requests through the API on Postgres, without running the pipeline (messages stay queued)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import event, func, select

from models.generation import STAGES, Generation
from models.profile import COLLECTIONS
from tests.factories import EXAMPLE_JOB, EXAMPLE_RESUME


@pytest.fixture
def inputs(client, auth) -> dict[str, str]:
    profile = client.post("/api/v1/profiles/import", json=EXAMPLE_RESUME, headers=auth).get_json()
    job = client.post("/api/v1/jobs", json=EXAMPLE_JOB, headers=auth).get_json()
    return {"profile_id": profile["id"], "job_id": job["id"]}


def submit(client, auth, body, **headers):
    return client.post("/api/v1/generations", json=body, headers={**auth, **headers})


def test_request_is_accepted_and_queued(client, auth, inputs):
    response = submit(client, auth, inputs)
    assert response.status_code == 202
    body = response.get_json()
    assert response.headers["Location"] == f"/api/v1/generations/{body['id']}"
    assert response.headers["Retry-After"] == "2"
    assert body["status"] == "queued"
    assert body["progress"] == 0
    assert [s["name"] for s in body["stages"]] == list(STAGES)
    assert {s["status"] for s in body["stages"]} == {"pending"}
    assert body["options"] == {
        "template": "classic",
        "page_size": "letter",
        "one_page": "auto",  # one page when the career fits a readable one (issue 14)
        "cover_letter": True,
        "generator": "offline",
    }
    assert body["documents"] == []


def test_options_are_validated(client, auth, inputs):
    body = {**inputs, "options": {"template": "fancy", "page_size": "legal", "generator": "gpt"}}
    response = submit(client, auth, body)
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {
        "options.template",
        "options.page_size",
        "options.generator",
    }


@pytest.mark.parametrize("one_page", [True, False, "auto"])
def test_one_page_is_true_false_or_auto(client, auth, inputs, one_page):
    response = submit(client, auth, {**inputs, "options": {"one_page": one_page}})

    assert response.status_code == 202
    assert response.get_json()["options"]["one_page"] == one_page


@pytest.mark.parametrize("one_page", [1, 0, "yes", "true", "AUTO", None, ["auto"]])
def test_one_page_refuses_anything_else(client, auth, inputs, one_page):
    response = submit(client, auth, {**inputs, "options": {"one_page": one_page}})

    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"options.one_page"}


def test_unknown_or_foreign_inputs_are_422_and_nothing_is_stored(
    client, auth, other_auth, inputs, db_session
):
    response = submit(client, other_auth, inputs)
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"profile_id", "job_id"}
    assert db_session.scalar(select(func.count()).select_from(Generation)) == 0


def test_idempotency_key_returns_the_same_generation(client, auth, inputs, db_session):
    first = submit(client, auth, inputs, **{"Idempotency-Key": "tap-42"})
    again = submit(client, auth, inputs, **{"Idempotency-Key": "tap-42"})
    assert first.status_code == again.status_code == 202
    assert first.get_json()["id"] == again.get_json()["id"]
    assert db_session.scalar(select(func.count()).select_from(Generation)) == 1
    different = submit(
        client, auth, {**inputs, "options": {"template": "modern"}}, **{"Idempotency-Key": "tap-42"}
    )
    assert different.status_code == 422
    assert "different request" in different.get_json()["detail"]
    other = submit(client, auth, inputs, **{"Idempotency-Key": "tap-43"})
    assert other.get_json()["id"] != first.get_json()["id"]


def test_idempotency_keys_are_per_user(client, auth, other_auth, inputs):
    mine = submit(client, auth, inputs, **{"Idempotency-Key": "same"}).get_json()["id"]
    profile = client.post("/api/v1/profiles/import", json=EXAMPLE_RESUME, headers=other_auth).get_json()
    job = client.post("/api/v1/jobs", json=EXAMPLE_JOB, headers=other_auth).get_json()
    body = {"profile_id": profile["id"], "job_id": job["id"]}
    theirs = submit(client, other_auth, body, **{"Idempotency-Key": "same"}).get_json()["id"]
    assert mine != theirs


def test_etag_and_304(client, auth, inputs):
    generation = submit(client, auth, inputs).get_json()
    url = f"/api/v1/generations/{generation['id']}"
    first = client.get(url, headers=auth)
    assert first.status_code == 200
    assert first.headers["Retry-After"] == "2"
    etag = first.headers["ETag"]
    unchanged = client.get(url, headers={**auth, "If-None-Match": etag})
    assert unchanged.status_code == 304
    assert unchanged.get_data() == b""
    assert unchanged.headers["ETag"] == etag
    assert client.get(url, headers={**auth, "If-None-Match": '"stale"'}).status_code == 200


def test_long_poll_waits_then_answers_unchanged(client, auth, inputs):
    import time

    generation = submit(client, auth, inputs).get_json()
    url = f"/api/v1/generations/{generation['id']}"
    etag = client.get(url, headers=auth).headers["ETag"]
    started = time.monotonic()
    response = client.get(f"{url}?wait=1", headers={**auth, "If-None-Match": etag})
    assert 0.9 <= time.monotonic() - started < 5
    assert response.status_code == 304
    assert client.get(f"{url}?wait=31", headers=auth).status_code == 422


def test_cancel_a_queued_generation(client, auth, inputs):
    generation = submit(client, auth, inputs).get_json()
    url = f"/api/v1/generations/{generation['id']}"
    cancelled = client.post(f"{url}/cancel", headers=auth)
    assert cancelled.status_code == 200
    assert cancelled.get_json()["status"] == "cancelled"
    again = client.post(f"{url}/cancel", headers=auth)
    assert again.status_code == 409
    status = client.get(url, headers=auth)
    assert status.get_json()["status"] == "cancelled"
    assert "Retry-After" not in status.headers


def test_list_filters_by_status_newest_first(client, auth, inputs):
    first = submit(client, auth, inputs).get_json()["id"]
    second = submit(client, auth, inputs).get_json()["id"]
    client.post(f"/api/v1/generations/{first}/cancel", headers=auth)
    listed = client.get("/api/v1/generations", headers=auth)
    assert [g["id"] for g in listed.get_json()] == [second, first]
    assert json.loads(listed.headers["X-Pagination"])["total"] == 2
    cancelled = client.get("/api/v1/generations?status=cancelled", headers=auth).get_json()
    assert [g["id"] for g in cancelled] == [first]
    assert client.get("/api/v1/generations?status=lost", headers=auth).status_code == 422


def test_documents_are_404_until_ready(client, auth, inputs):
    generation = submit(client, auth, inputs).get_json()
    url = f"/api/v1/generations/{generation['id']}/documents/resume"
    assert client.get(url, headers=auth).status_code == 404
    assert client.get(f"{url}?format=exe", headers=auth).status_code == 422
    assert (
        client.get(f"/api/v1/generations/{generation['id']}/documents/diary", headers=auth).status_code == 404
    )


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("get", ""),
        ("post", "/cancel"),
        ("get", "/documents/resume"),
        ("get", "/documents/cover_letter?format=txt"),
    ],
)
def test_another_user_gets_404(client, auth, other_auth, inputs, method, suffix):
    generation = submit(client, auth, inputs).get_json()
    response = getattr(client, method)(f"/api/v1/generations/{generation['id']}{suffix}", headers=other_auth)
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"
    assert client.get("/api/v1/generations", headers=other_auth).get_json() == []
    assert (
        client.get(f"/api/v1/generations/{generation['id']}", headers=auth).get_json()["status"] == "queued"
    )


def test_only_ids_travel_in_the_message(client, auth, inputs, broker):
    """What is published carries the generation id and nothing from the profile or the posting."""
    from celery.signals import before_task_publish

    from celeryconfig import LLM_QUEUE

    sent = []

    def capture(body, headers, routing_key, **_):
        sent.append((json.dumps(body), json.dumps(headers, default=str), routing_key))

    before_task_publish.connect(capture, weak=False)
    try:
        generation = submit(client, auth, inputs).get_json()
    finally:
        before_task_publish.disconnect(capture)
    assert len(sent) == 1
    body, headers, routing_key = sent[0]
    assert routing_key == LLM_QUEUE
    assert json.loads(headers)["task"] == "jobwise.analyze_job"
    assert generation["id"] in body
    for private in ("Jordan", "jordan.alvarez@example.com", "Parcelhub", "Brightline", "Kubernetes"):
        assert private not in body
        assert private not in headers


def test_accepting_a_generation_reads_no_more_than_it_checks(client, auth, inputs, engine):
    """Ownership is checked without loading the profile's collections, and the 202 body is the generation
    as accepted, not read back (it took 17 statements)."""
    submit(client, auth, inputs)  # the token's first sight (its login's revocation) is read once
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        response = submit(client, auth, inputs)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert response.status_code == 202 and response.get_json()["status"] == "queued"
    collections = [model.__tablename__ for model, _kind in COLLECTIONS.values()]
    assert not [s for s in statements if any(f"FROM {table} " in s for table in collections)], statements
    # Two reads (the profile's owner, the posting) and two inserts (the generation, its five stages);
    # savepoints aside (the request's own, and the test's transaction around it).
    work = [s for s in statements if not s.startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    assert len(work) == 4, work
