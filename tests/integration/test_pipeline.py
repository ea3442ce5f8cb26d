"""End to end with a real worker on Redis and Postgres: statuses, stages, files, failures, the sweeper."""

from __future__ import annotations

import copy
import hashlib
import io
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from models.generation import STAGES, Generation, GenerationStage, new_generation, start_stage
from models.session import SessionLocal
from tests.factories import (
    EXAMPLE_JOB,
    EXAMPLE_RESUME,
    OFFLINE_OPTIONS,
    make_generation,
    make_job,
    make_profile,
    make_user,
)
from tests.integration.conftest import wait_until_final

pytestmark = pytest.mark.integration


def submit(client, auth, **options) -> dict:
    profile = client.post("/api/v1/profiles/import", json=EXAMPLE_RESUME, headers=auth).get_json()
    job = client.post("/api/v1/jobs", json=EXAMPLE_JOB, headers=auth).get_json()
    body = {"profile_id": profile["id"], "job_id": job["id"], "options": options}
    response = client.post("/api/v1/generations", json=body, headers=auth)
    assert response.status_code == 202, response.get_json()
    return response.get_json()


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_generation_runs_through_all_five_stages(live_client, live_auth):
    accepted = submit(live_client, live_auth)
    assert accepted["status"] == "queued"
    generation, seen = wait_until_final(live_client, live_auth, accepted["id"])

    assert generation["status"] == "succeeded", generation["error"]
    assert seen[0] in ("queued", "running")
    assert seen[-1] == "succeeded"
    assert seen == [s for s in ("queued", "running", "succeeded") if s in seen]
    assert generation["progress"] == 1.0
    assert [(s["name"], s["status"], s["attempts"]) for s in generation["stages"]] == [
        (name, "succeeded", 1) for name in STAGES
    ]
    finished = [datetime.fromisoformat(s["finished_at"]) for s in generation["stages"]]
    started = [datetime.fromisoformat(s["started_at"]) for s in generation["stages"]]
    assert all(started[i + 1] >= finished[i] for i in range(len(STAGES) - 1)), "stages ran in order"
    assert generation["generation_time_s"] > 0
    assert 0 <= generation["ats_score"] <= 1
    assert generation["ats_report"]["version"]

    with SessionLocal() as session:
        rows = session.scalars(
            select(GenerationStage).where(GenerationStage.generation_id == uuid.UUID(accepted["id"]))
        ).all()
    assert len(rows) == len(STAGES), "each stage row written once"

    documents = {(d["kind"], d["format"]): d for d in generation["documents"]}
    assert set(documents) == {
        ("resume", "pdf"),
        ("resume", "txt"),
        ("resume", "docx"),
        ("cover_letter", "pdf"),
        ("cover_letter", "txt"),
    }
    for kind in ("resume", "cover_letter"):
        download = live_client.get(documents[(kind, "pdf")]["url"], headers=live_auth)
        assert download.status_code == 200
        assert download.mimetype == "application/pdf"
        content = download.get_data()
        assert hashlib.sha256(content).hexdigest() == documents[(kind, "pdf")]["sha256"]
        text = pdf_text(content)
        assert "Jordan Alvarez" in text
        if kind == "resume":
            assert "Backend Engineer" in text
        else:
            assert "Senior Backend Engineer" in text
    plain = live_client.get(
        f"/api/v1/generations/{accepted['id']}/documents/resume?format=txt", headers=live_auth
    )
    assert plain.mimetype == "text/plain"
    assert "Jordan Alvarez" in plain.get_data(as_text=True)


def test_long_poll_returns_as_soon_as_the_generation_changes(live_client, live_auth):
    accepted = submit(live_client, live_auth)
    url = f"/api/v1/generations/{accepted['id']}"
    first = live_client.get(url, headers=live_auth)
    started = time.monotonic()
    changed = live_client.get(f"{url}?wait=30", headers={**live_auth, "If-None-Match": first.headers["ETag"]})
    assert time.monotonic() - started < 25
    assert changed.status_code == 200
    assert changed.headers["ETag"] != first.headers["ETag"]
    wait_until_final(live_client, live_auth, accepted["id"])
    etag = live_client.get(url, headers=live_auth).headers["ETag"]
    started = time.monotonic()
    again = live_client.get(f"{url}?wait=30", headers={**live_auth, "If-None-Match": etag})
    assert time.monotonic() - started < 5, "a final generation answers at once"
    assert again.status_code == 304
    assert "Retry-After" not in again.headers


def test_another_user_cannot_download(live_client, live_auth):
    from tests.conftest import register

    accepted = submit(live_client, live_auth)
    generation, _ = wait_until_final(live_client, live_auth, accepted["id"])
    stranger = register(live_client)
    for document in generation["documents"]:
        assert live_client.get(document["url"], headers=stranger).status_code == 404
    assert live_client.get(f"/api/v1/generations/{accepted['id']}", headers=stranger).status_code == 404


def test_permanent_error_ends_failed_with_stage_and_reason(live_client, database_url, celery_worker):
    from workers.chains import enqueue_generation

    resume = copy.deepcopy(EXAMPLE_RESUME)
    resume["basics"]["name"] = "สมชาย ใจดี"  # Thai: no bundled font draws it, so the PDF stage refuses it
    with SessionLocal() as session:
        owner = make_user(session)
        profile, job = make_profile(session, owner, resume), make_job(session, owner)
        generation_id = new_generation(session, owner.id, profile.id, job.id, options=OFFLINE_OPTIONS).id
        session.commit()
    enqueue_generation(generation_id)
    failed = wait_for_status(generation_id, {"failed"})
    assert failed.failed_stage == "validate_quality"
    assert "Thai" in failed.error
    stages = {s.name: s for s in failed.stages}
    assert stages["validate_quality"].status == "failed"
    assert stages["export_documents"].status == "pending"


def test_an_invalid_option_fails_the_first_stage_naming_it(live_client, database_url, celery_worker):
    from workers.chains import enqueue_generation

    with SessionLocal() as session:
        generation = make_generation(session, template="fancy")  # bypasses the API's validation
        session.commit()
        generation_id = generation.id
    enqueue_generation(generation_id)
    failed = wait_for_status(generation_id, {"failed"})
    assert failed.failed_stage == "analyze_job", "the options are checked before any work is done"
    assert "template" in failed.error
    assert {s.name: s.status for s in failed.stages}["compile_profile"] == "pending"


def wait_for_status(generation_id: uuid.UUID, statuses: set[str], timeout_s: float = 60) -> Generation:
    deadline = time.monotonic() + timeout_s
    while True:
        with SessionLocal() as session:
            generation = session.get(Generation, generation_id)
            if generation.status in statuses:
                generation.stages  # noqa: B018 -- load before the session closes
                return generation
        assert time.monotonic() < deadline, f"still {generation.status}"
        time.sleep(0.2)


def simulate_lost_worker(generation_id: uuid.UUID, stage: str, silent_for: timedelta) -> None:
    """Leave the generation as a worker killed mid-stage leaves it: running, its message gone."""
    with SessionLocal.begin() as session:
        start_stage(session, generation_id, stage)
        session.get(Generation, generation_id).heartbeat_at = datetime.now(UTC) - silent_for


def test_sweeper_finishes_a_generation_whose_worker_died(celery_worker):
    from workers.tasks import analyze_job_task, sweep_stuck_generations_task

    with SessionLocal() as session:
        generation = make_generation(session)
        session.commit()
        generation_id = generation.id
    assert analyze_job_task.apply(args=(str(generation_id),)).state == "SUCCESS"
    simulate_lost_worker(generation_id, "compile_profile", timedelta(hours=1))

    assert sweep_stuck_generations_task.apply().get() >= 1
    done = wait_for_status(generation_id, {"succeeded", "failed"})
    assert done.status == "succeeded", done.error
    assert done.enqueue_count == 1
    attempts = {s.name: s.attempts for s in done.stages}
    assert attempts["compile_profile"] == 2
    assert attempts["analyze_job"] == 1, "the sweeper resumes at the lost stage, not from the start"


def test_sweeper_gives_up_after_the_last_attempt(celery_worker):
    from settings import settings
    from workers.tasks import sweep_stuck_generations_task

    with SessionLocal.begin() as session:
        generation = make_generation(session)
        generation.enqueue_count = settings.jobwise_max_enqueues
        generation_id = generation.id
    simulate_lost_worker(generation_id, "analyze_job", timedelta(hours=1))
    sweep_stuck_generations_task.apply()
    failed = wait_for_status(generation_id, {"failed"})
    assert failed.failed_stage == "analyze_job"
    assert "attempts" in failed.error
