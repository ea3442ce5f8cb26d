"""Find generations whose worker went silent and decide: enqueue again from their stage, or give up.

A worker killed mid-stage leaves its generation ``running`` and, with Redis, its message invisible until
the broker's visibility timeout; a publish that failed leaves it ``queued``. Postgres knows what is
unfinished, so the sweeper, run by celery beat, is what guarantees that no generation is stuck or lost.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import NamedTuple

import structlog
from sqlalchemy.orm import Session

from celeryconfig import LLM_QUEUE, task_routes
from models.generation import QUEUED, STAGES, fail_generation, silent_generations
from settings import Settings
from workers.metrics import SWEEPER_ACTIONS

log = structlog.get_logger("jobwise.sweeper")


def stage_timeout(stage: str | None, settings: Settings) -> float:
    """How long a stage may stay silent: LLM-queue stages longer than CPU ones; a queued job longest."""
    if stage is None:
        return settings.jobwise_queued_timeout_s
    on_llm_queue = task_routes[f"jobwise.{stage}"]["queue"] == LLM_QUEUE
    return settings.jobwise_llm_stage_timeout_s if on_llm_queue else settings.jobwise_cpu_stage_timeout_s


class Requeue(NamedTuple):
    generation_id: uuid.UUID
    stage: str
    llm: bool  # the generation writes with a language model


def sweep(session: Session, now: datetime, settings: Settings) -> list[Requeue]:
    """Decide for every silent generation; returns what to enqueue again, after the commit."""
    shortest = min(
        settings.jobwise_cpu_stage_timeout_s,
        settings.jobwise_llm_stage_timeout_s,
        settings.jobwise_queued_timeout_s,
    )
    requeue: list[Requeue] = []
    for generation in silent_generations(session, now - timedelta(seconds=shortest)):
        stage = None if generation.status == QUEUED else generation.current_stage
        silent_for = (now - generation.heartbeat_at).total_seconds()
        if silent_for < stage_timeout(stage, settings):
            continue
        if generation.enqueue_count >= settings.jobwise_max_enqueues:
            fail_generation(
                session,
                generation.id,
                stage,
                f"no worker finished stage {stage or STAGES[0]} after {generation.enqueue_count} attempts "
                f"(silent for {int(silent_for)} s); the worker was lost or timed out",
            )
            SWEEPER_ACTIONS.labels("failed").inc()
            log.warning("sweeper_failed", generation_id=str(generation.id), stage=stage)
            continue
        generation.enqueue_count += 1
        generation.heartbeat_at = now
        llm = (generation.options or {}).get("generator") == "llm"
        requeue.append(Requeue(generation.id, stage or STAGES[0], llm))
        SWEEPER_ACTIONS.labels("requeued").inc()
        log.warning("sweeper_requeued", generation_id=str(generation.id), stage=stage)
    return requeue
