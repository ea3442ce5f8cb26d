"""Stage leases, heartbeats and the sweeper's decisions, on Postgres with committed rows.

Times are passed in (``now``), never waited for: what is tested is the decision, not the clock.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import redis

from models.base import utcnow
from models.generation import (
    SILENT,
    UNDELIVERED,
    UNPUBLISHED,
    Generation,
    beat,
    claim_stage,
    complete_stage,
    mark_unpublished,
    stalled_stages,
)
from settings import Settings
from tests.conftest import REDIS_URL
from tests.factories import make_generation
from workers.chains import QueueProbe
from workers.sweeper import sweep

LIVENESS = 60.0


def settings_for(database_url: str, max_enqueues: int = 3) -> Settings:
    return Settings.from_env(
        {
            "DATABASE_URL": database_url,
            "JOBWISE_LIVENESS_S": str(LIVENESS),
            "JOBWISE_UNDELIVERED_S": str(LIVENESS),
            "JOBWISE_MAX_ENQUEUES": str(max_enqueues),
        }
    )


def committed_generation(session) -> uuid.UUID:
    generation = make_generation(session)
    session.commit()
    return generation.id


def stalled_of(session, generation_id, now) -> list:
    found = [s for s in stalled_stages(session, now, LIVENESS, LIVENESS) if s.generation.id == generation_id]
    session.rollback()
    return [(s.stage, s.kind) for s in found]


def test_a_live_lease_is_never_taken_over_and_a_dead_one_is(session):
    gid = committed_generation(session)
    now = utcnow()
    assert claim_stage(session, gid, "analyze_job", "worker-a", now, LIVENESS) is not None
    session.commit()
    later = now + timedelta(seconds=LIVENESS / 2)
    assert claim_stage(session, gid, "analyze_job", "worker-b", later, LIVENESS) is None, "two copies at once"
    session.rollback()
    assert beat(session, gid, "analyze_job", "worker-a", later)
    session.commit()
    # A beating stage stays held, however long it has run.
    still = later + timedelta(seconds=LIVENESS / 2)
    assert claim_stage(session, gid, "analyze_job", "worker-b", still, LIVENESS) is None
    session.rollback()
    # Silent for longer than the liveness limit: another worker may take it.
    dead = later + timedelta(seconds=LIVENESS + 1)
    assert claim_stage(session, gid, "analyze_job", "worker-b", dead, LIVENESS) is not None
    session.commit()
    assert not beat(session, gid, "analyze_job", "worker-a", dead), "the first owner learns it lost the lease"
    session.rollback()
    assert complete_stage(session, gid, "analyze_job", {"x": 1}, {}, owner="worker-a") is None
    session.rollback()
    assert complete_stage(session, gid, "analyze_job", {"x": 1}, {}, owner="worker-b") is not None
    session.commit()
    stage = session.get(Generation, gid).stages[0]
    assert (stage.status, stage.owner, stage.attempts) == ("succeeded", "worker-b", 2)
    following = session.get(Generation, gid).stages[1]
    assert following.enqueued_at is not None and following.received_at is None


def test_stalled_stages_tell_silent_undelivered_and_unpublished_apart(session):
    gid = committed_generation(session)
    now = utcnow()
    assert stalled_of(session, gid, now) == [], "just published: not stalled"
    assert stalled_of(session, gid, now + timedelta(seconds=LIVENESS + 1)) == [("analyze_job", UNDELIVERED)]

    claim_stage(session, gid, "analyze_job", "worker-a", now, LIVENESS)
    session.commit()
    assert stalled_of(session, gid, now + timedelta(seconds=LIVENESS - 1)) == []
    beat(session, gid, "analyze_job", "worker-a", now + timedelta(seconds=LIVENESS - 1))
    session.commit()
    assert stalled_of(session, gid, now + timedelta(seconds=LIVENESS + 1)) == [], "slow but alive"
    assert stalled_of(session, gid, now + timedelta(seconds=2 * LIVENESS)) == [("analyze_job", SILENT)]

    complete_stage(session, gid, "analyze_job", {}, {}, owner="worker-a", now=now, next_published=False)
    session.commit()
    assert stalled_of(session, gid, now) == [("compile_profile", UNPUBLISHED)]


def test_the_sweeper_requeues_checks_the_queue_and_gives_up_after_the_last_try(session, database_url):
    settings = settings_for(database_url, max_enqueues=1)
    gid = committed_generation(session)
    late = utcnow() + timedelta(seconds=LIVENESS + 1)

    assert sweep(session, late, settings, lambda *_: True) == [], "its message still waits in the queue"
    session.rollback()
    requeue = sweep(session, late, settings, lambda *_: False)
    session.commit()
    assert [(r.generation_id, r.stage) for r in requeue if r.generation_id == gid] == [(gid, "analyze_job")]
    assert session.get(Generation, gid).enqueue_count == 1

    mark_unpublished(session, gid, "analyze_job")
    session.commit()
    assert gid in {r.generation_id for r in sweep(session, late, settings)}, "publishing is no retry"
    session.commit()
    session.expire_all()
    assert session.get(Generation, gid).enqueue_count == 1

    much_later = late + timedelta(seconds=2 * LIVENESS)
    assert gid not in {r.generation_id for r in sweep(session, much_later, settings, lambda *_: False)}
    session.commit()
    session.expire_all()
    failed = session.get(Generation, gid)
    assert failed.status == "failed"
    assert failed.failed_stage == "analyze_job"
    assert "2 attempts" in failed.error and "never received" in failed.error


def test_the_queue_probe_finds_a_waiting_message_in_redis(broker):
    queue = f"probe-{uuid.uuid4().hex[:8]}"
    waiting, lost = uuid.uuid4(), uuid.uuid4()
    broker.send_task("jobwise.analyze_job", args=(str(waiting),), queue=queue)
    try:
        probe = QueueProbe(queue_for=lambda _stage, llm: queue)
        assert probe(waiting, "analyze_job", False)
        assert not probe(lost, "analyze_job", False)
    finally:
        client = redis.Redis.from_url(REDIS_URL)
        client.delete(queue)
        client.close()
