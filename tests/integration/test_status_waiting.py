"""Waiting on announcements: NOTIFY at commit wakes waiters; long-polls and SSE follow a real generation."""

from __future__ import annotations

import json
import threading
import uuid

import pytest

from api.announcements import Announcements
from models.generation import Generation, cancel_generation, new_generation
from models.session import SessionLocal
from tests.factories import make_job, make_profile, make_user
from tests.integration.test_pipeline import submit

pytestmark = pytest.mark.integration


def committed_generation(database_url: str) -> uuid.UUID:
    from models.session import configure

    configure(database_url)
    with SessionLocal.begin() as session:
        user = make_user(session)
        generation = new_generation(
            session, user.id, make_profile(session, user).id, make_job(session, user).id
        )
        return generation.id


@pytest.fixture
def announcements(database_url):
    created: list[Announcements] = []

    def make(max_waiters: int = 10) -> Announcements:
        created.append(Announcements(database_url, max_waiters))
        return created[-1]

    yield make
    for each in created:
        each.stop()


def test_a_commit_wakes_the_waiters_of_that_generation_only(database_url, announcements):
    announcements = announcements()
    mine, other = committed_generation(database_url), committed_generation(database_url)
    waiter = announcements.register(str(mine))
    bystander = announcements.register(str(other))
    assert announcements.listening.is_set()
    with SessionLocal.begin() as session:
        generation = session.get(Generation, mine)
        version = generation.version
        assert cancel_generation(session, generation)
        assert not waiter.event.is_set()  # nothing is announced before the commit
    assert waiter.event.wait(30)
    assert waiter.version == version + 1
    assert not bystander.event.is_set()
    announcements.unregister(str(mine), waiter)
    announcements.unregister(str(other), bystander)
    assert announcements.waiting == 0


def test_a_rolled_back_change_is_never_announced(database_url, announcements):
    announcements = announcements()
    rolled_back, committed = committed_generation(database_url), committed_generation(database_url)
    waiter = announcements.register(str(rolled_back))
    probe = announcements.register(str(committed))
    session = SessionLocal()
    cancel_generation(session, session.get(Generation, rolled_back))
    session.rollback()
    session.close()
    with SessionLocal.begin() as session:  # a later change, committed: announced
        cancel_generation(session, session.get(Generation, committed))
    assert probe.event.wait(30)
    assert not waiter.event.is_set()


def test_waiters_are_bounded(database_url, announcements):
    announcements = announcements(max_waiters=2)
    gid = str(committed_generation(database_url))
    held = [announcements.register(gid), announcements.register(gid)]
    assert all(held)
    assert announcements.register(gid) is None
    announcements.unregister(gid, held[0])
    assert announcements.register(gid) is not None


def test_long_poll_and_sse_follow_a_generation_to_its_end(live_client, live_auth):
    accepted = submit(live_client, live_auth)
    url = f"/api/v1/generations/{accepted['id']}"
    streamed: list[dict] = []

    def follow() -> None:
        response = live_client.get(f"{url}/events", headers=live_auth)
        for block in response.get_data(as_text=True).split("\n\n"):
            lines = dict(
                line.split(": ", 1)
                for line in block.splitlines()
                if ": " in line and not line.startswith(":")
            )
            if "data" in lines:
                streamed.append({**json.loads(lines["data"]), "event_id": int(lines["id"])})

    reader = threading.Thread(target=follow)
    reader.start()
    versions = []
    response = live_client.get(url, headers=live_auth)
    while response.get_json()["status"] not in ("succeeded", "failed", "cancelled"):
        versions.append(response.get_json()["version"])
        polled = live_client.get(
            f"{url}?wait=20", headers={**live_auth, "If-None-Match": response.headers["ETag"]}
        )
        if polled.status_code == 200:
            response = polled
    reader.join(120)
    final = response.get_json()
    assert final["status"] == "succeeded", final["error"]
    assert versions == sorted(set(versions))  # each answer a newer version
    # The stream ended by itself after the final status; event ids are the versions, increasing.
    assert not reader.is_alive()
    assert streamed[-1]["status"] == "succeeded"
    assert streamed[-1]["event_id"] == streamed[-1]["version"] == final["version"]
    assert [e["event_id"] for e in streamed] == sorted({e["event_id"] for e in streamed})
    # Resuming from an earlier event id sends the current state at once.
    resumed = live_client.get(
        f"{url}/events", headers={**live_auth, "Last-Event-ID": str(streamed[0]["event_id"])}
    )
    assert f"id: {final['version']}" in resumed.get_data(as_text=True)
