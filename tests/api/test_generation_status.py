"""The status path (API 1.1): a slim poll whose ETag is the version, the report, the stages, SSE events."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import select

from models.generation import Generation, complete_stage, start_stage
from tests.api.test_generations import inputs, submit  # noqa: F401 -- the fixture

MAX_POLL_BYTES = 1536


def generation_id(client, auth, inputs) -> str:  # noqa: F811
    return submit(client, auth, inputs).get_json()["id"]


def advance(db_sessionmaker, gid: str, stages: tuple[str, ...], report: dict | None = None) -> None:
    """Run stages as a worker would (in the test's transaction, which the app sees)."""
    with db_sessionmaker() as session:
        for name in stages:
            start_stage(session, uuid.UUID(gid), name)
            complete_stage(session, uuid.UUID(gid), name, {"out": name}, {"model": "none"})
        if report is not None:
            generation = session.get(Generation, uuid.UUID(gid))
            generation.ats_score, generation.ats_report = report["ats_score"], report
        session.commit()


def test_the_poll_is_slim_and_its_etag_is_the_version(client, auth, inputs):  # noqa: F811
    gid = generation_id(client, auth, inputs)
    response = client.get(f"/api/v1/generations/{gid}", headers=auth)
    assert response.status_code == 200
    body = response.get_json()
    assert len(response.get_data()) <= MAX_POLL_BYTES
    assert "ats_report" not in body and "stages" not in body
    assert body["version"] == 1
    assert response.headers["ETag"] == '"v1"'
    assert body["status"] == "queued" and body["documents"] == []
    again = client.get(f"/api/v1/generations/{gid}", headers={**auth, "If-None-Match": '"v1"'})
    assert again.status_code == 304


def test_every_change_bumps_the_version(client, auth, inputs, db_sessionmaker):  # noqa: F811
    gid = generation_id(client, auth, inputs)
    advance(db_sessionmaker, gid, ("analyze_job",))  # start and complete: two changes
    response = client.get(f"/api/v1/generations/{gid}", headers={**auth, "If-None-Match": '"v1"'})
    assert response.status_code == 200
    assert response.get_json()["version"] == 3
    assert response.headers["ETag"] == '"v3"'
    assert response.get_json()["current_stage"] == "analyze_job"


def test_include_restores_the_report_and_stages(client, auth, inputs, db_sessionmaker):  # noqa: F811
    gid = generation_id(client, auth, inputs)
    advance(db_sessionmaker, gid, ("analyze_job",), report={"ats_score": 0.9, "version": "ats-1.0"})
    response = client.get(f"/api/v1/generations/{gid}?include=report,stages", headers=auth)
    body = response.get_json()
    assert body["ats_report"]["version"] == "ats-1.0"
    assert body["stages"][0]["name"] == "analyze_job"
    assert body["stages"][0]["meta"] == {"model": "none"}
    assert response.headers["ETag"] == f'"v{body["version"]}-report-stages"'
    same = client.get(
        f"/api/v1/generations/{gid}?include=stages,report",
        headers={**auth, "If-None-Match": response.headers["ETag"]},
    )
    assert same.status_code == 304
    assert client.get(f"/api/v1/generations/{gid}?include=everything", headers=auth).status_code == 422


def test_report_resource(client, auth, inputs, db_sessionmaker):  # noqa: F811
    gid = generation_id(client, auth, inputs)
    before = client.get(f"/api/v1/generations/{gid}/report", headers=auth)
    assert before.status_code == 200
    assert before.get_json() == {
        "id": gid,
        "status": "queued",
        "version": 1,
        "ats_score": None,
        "ats_report": None,
    }
    advance(db_sessionmaker, gid, ("analyze_job",), report={"ats_score": 0.7, "matched": ["python"]})
    after = client.get(
        f"/api/v1/generations/{gid}/report", headers={**auth, "If-None-Match": before.headers["ETag"]}
    )
    assert after.status_code == 200
    assert after.get_json()["ats_report"]["matched"] == ["python"]
    assert client.get(f"/api/v1/generations/{uuid.uuid4()}/report", headers=auth).status_code == 404


def test_stages_resource_carries_outputs(client, auth, inputs, db_sessionmaker):  # noqa: F811
    gid = generation_id(client, auth, inputs)
    advance(db_sessionmaker, gid, ("analyze_job", "compile_profile"))
    response = client.get(f"/api/v1/generations/{gid}/stages", headers=auth)
    stages = response.get_json()["stages"]
    assert [s["output"] for s in stages[:2]] == [{"out": "analyze_job"}, {"out": "compile_profile"}]
    assert stages[2]["status"] == "pending"
    etag = response.headers["ETag"]
    assert (
        client.get(f"/api/v1/generations/{gid}/stages", headers={**auth, "If-None-Match": etag}).status_code
        == 304
    )


def test_stages_resource_hides_the_pdfs_passed_between_workers(client, auth, inputs, db_sessionmaker):  # noqa: F811
    """...and the profile stage 2 passes on to stages 3 and 4."""
    gid = generation_id(client, auth, inputs)
    outputs = {
        "compile_profile": {"matched_keywords": ["python"], "profile_used": {"name": "Ada"}},
        "validate_quality": {
            "report": {"ats_score": 0.8},
            "resume_pdf": "JVBERi0=",
            "cover_letter_pdf": "JVBERi0=",
        },
    }
    with db_sessionmaker() as session:
        for name in ("analyze_job", "compile_profile", "generate_documents", "validate_quality"):
            start_stage(session, uuid.UUID(gid), name)
            complete_stage(session, uuid.UUID(gid), name, outputs.get(name, {}), {})
        session.commit()
    stages = client.get(f"/api/v1/generations/{gid}/stages", headers=auth).get_json()["stages"]
    assert stages[1]["output"] == {"matched_keywords": ["python"]}
    assert stages[3]["output"] == {"report": {"ats_score": 0.8}}


def test_another_users_generation_is_404_everywhere(client, auth, other_auth, inputs):  # noqa: F811
    gid = generation_id(client, auth, inputs)
    for path in ("", "/report", "/stages", "/events"):
        assert client.get(f"/api/v1/generations/{gid}{path}", headers=other_auth).status_code == 404


def parse_events(text: str) -> list[dict]:
    events = []
    for block in text.split("\n\n"):
        fields = dict(
            line.split(": ", 1) for line in block.splitlines() if ": " in line and not line.startswith(":")
        )
        if "data" in fields:
            events.append(
                {"id": int(fields["id"]), "event": fields["event"], "data": json.loads(fields["data"])}
            )
    return events


def test_events_of_an_ended_generation_end_with_its_final_status(client, auth, inputs):  # noqa: F811
    gid = generation_id(client, auth, inputs)
    client.post(f"/api/v1/generations/{gid}/cancel", headers=auth)
    response = client.get(f"/api/v1/generations/{gid}/events", headers=auth)
    assert response.status_code == 200
    assert response.mimetype == "text/event-stream"
    events = parse_events(response.get_data(as_text=True))
    assert [(e["event"], e["data"]["status"]) for e in events] == [("status", "cancelled")]
    assert events[0]["id"] == events[0]["data"]["version"] == 2
    # Resuming after the last event seen: nothing new, the stream ends at once.
    resumed = client.get(f"/api/v1/generations/{gid}/events", headers={**auth, "Last-Event-ID": "2"})
    assert parse_events(resumed.get_data(as_text=True)) == []
    assert (
        client.get(f"/api/v1/generations/{gid}/events", headers={**auth, "Last-Event-ID": "x"}).status_code
        == 422
    )


def test_the_version_starts_at_one_in_the_database(db_session, client, auth, inputs):  # noqa: F811
    gid = generation_id(client, auth, inputs)
    version = db_session.scalar(select(Generation.version).where(Generation.id == uuid.UUID(gid)))
    assert version == 1


@pytest.mark.parametrize("etag", ['"v1"', 'W/"v1"'])
def test_a_weak_etag_matches_too(client, auth, inputs, etag):  # noqa: F811
    gid = generation_id(client, auth, inputs)
    assert (
        client.get(f"/api/v1/generations/{gid}", headers={**auth, "If-None-Match": etag}).status_code == 304
    )


def test_odd_if_none_match_values_are_no_match(client, auth, inputs):  # noqa: F811
    gid = generation_id(client, auth, inputs)
    for value in ('"false", "i", ""', '""', "*x", '"v99999999999999999999"'):
        response = client.get(f"/api/v1/generations/{gid}", headers={**auth, "If-None-Match": value})
        assert response.status_code == 200, value


def test_webhook_urls_must_be_http(client, auth):
    for url in ("0000", "ftp://example.com/x", "https://"):
        response = client.post("/api/v1/webhooks", json={"url": url}, headers=auth)
        assert response.status_code == 422, url
