"""Find stages whose worker went silent or whose message was lost, and decide: enqueue again, or give up.

A worker killed mid-stage stops beating its stage (the runner beats every JOBWISE_HEARTBEAT_S while the
stage runs); a broker restarted without persistence loses the messages it held; a publish that failed
leaves a stage never published. Postgres knows what is unfinished, so the sweeper, run by celery beat every
JOBWISE_SWEEP_INTERVAL_S, is what guarantees that no generation is stuck or lost. A slow stage that still
beats is never touched.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

import structlog
from sqlalchemy.orm import Session

from models.generation import (
    SILENT,
    UNDELIVERED,
    UNPUBLISHED,
    fail_generation,
    release_for_retry,
    stalled_stages,
)
from settings import Settings
from workers.metrics import SWEEPER_ACTIONS

log = structlog.get_logger("jobwise.sweeper")


class Requeue(NamedTuple):
    generation_id: uuid.UUID
    stage: str
    llm: bool  # the generation writes with a language model


# (generation id, stage, llm) -> whether the broker may still hold a message for that stage
MayBeWaiting = Callable[[uuid.UUID, str, bool], bool]


def sweep(
    session: Session, now: datetime, settings: Settings, may_be_waiting: MayBeWaiting | None = None
) -> list[Requeue]:
    """Decide for every stalled stage; returns what to publish again, after the commit."""
    requeue: list[Requeue] = []
    stalled = stalled_stages(session, now, settings.jobwise_liveness_s, settings.jobwise_undelivered_s)
    for generation, stage, kind, idle_s in stalled:
        llm = (generation.options or {}).get("generator") == "llm"
        if kind == UNDELIVERED and may_be_waiting is not None and may_be_waiting(generation.id, stage, llm):
            continue  # still behind other messages in its queue: publishing again would only duplicate it
        if kind != UNPUBLISHED and generation.enqueue_count >= settings.jobwise_max_enqueues:
            what = "stopped beating" if kind == SILENT else "was never received"
            fail_generation(
                session,
                generation.id,
                stage,
                f"no worker finished stage {stage} after {generation.enqueue_count + 1} attempts: the last "
                f"one {what} for {int(idle_s)} s (the worker or its message was lost)",
            )
            SWEEPER_ACTIONS.labels("failed").inc()
            log.warning("sweeper_failed", generation_id=str(generation.id), stage=stage, kind=kind)
            continue
        if kind == UNPUBLISHED:  # it never reached a broker: publishing it is not a retry
            enqueues = generation.enqueue_count
            release_for_retry(session, generation, stage, now)
            generation.enqueue_count = enqueues
        else:
            release_for_retry(session, generation, stage, now)
        requeue.append(Requeue(generation.id, stage, llm))
        SWEEPER_ACTIONS.labels("requeued" if kind == SILENT else kind).inc()
        log.warning("sweeper_requeued", generation_id=str(generation.id), stage=stage, kind=kind)
    return requeue
