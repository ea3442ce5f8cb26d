"""What every stage task does around its stage: start, load, call, save or fail, and pass the id on."""

from __future__ import annotations

import contextvars
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import structlog
from celery import Task
from celery.exceptions import Ignore, SoftTimeLimitExceeded
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from models.generation import (
    FAILED,
    STAGES,
    SUCCEEDED,
    Generation,
    beat,
    claim_stage,
    complete_stage,
    fail_generation,
    note_stage_error,
    webhooks_queued,
)
from models.session import SessionLocal
from pipeline.errors import TransientError
from settings import settings
from workers.celery_app import ensure_database
from workers.chains import dispatch_webhooks
from workers.metrics import GENERATIONS_FINISHED, STAGE_DURATION, STAGE_OUTCOMES

log = structlog.get_logger("jobwise.worker")

# Worth another try: a dependency hiccup, not a problem with the inputs.
TRANSIENT_ERRORS = (TransientError, OperationalError, RedisConnectionError, SoftTimeLimitExceeded)
RETRY_POLICY: dict[str, Any] = {
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 2,
    "retry_backoff_max": 120,
    "retry_jitter": True,
    "max_retries": 4,
}


@dataclass(frozen=True)
class StageResult:
    output: dict[str, Any]  # what the stage row stores, as JSON
    meta: dict[str, Any] = field(default_factory=dict)  # model, tokens, cost, cache hits...
    extra: Any = None  # anything ``save`` needs that is not stored in the stage row (files)


@dataclass(frozen=True)
class Stage:
    name: str
    load: Callable[[Session, Generation], Any]  # read inputs in one short transaction
    call: Callable[[Any], StageResult]  # the slow, pure work, with no transaction open
    save: Callable[[Session, Generation, StageResult], None] = lambda _s, _g, _r: None


def _fail(generation_id: uuid.UUID, stage: str, reason: str, owner: str | None = None) -> None:
    with SessionLocal.begin() as session:
        ended = fail_generation(session, generation_id, stage, reason, owner=owner)
        deliver = webhooks_queued(session)
    STAGE_OUTCOMES.labels(stage, "failed").inc()
    if ended:
        GENERATIONS_FINISHED.labels(FAILED).inc()
    if deliver:
        dispatch_webhooks()
    log.error("stage_failed", reason_type=reason.split(":", 1)[0])


def _skip(stage: str) -> Ignore:
    """Stop the chain quietly: the generation ended (failed or cancelled) while this task waited."""
    STAGE_OUTCOMES.labels(stage, "skipped").inc()
    log.info("stage_skipped")
    return Ignore()


class Heartbeat:
    """Beats a running stage every JOBWISE_HEARTBEAT_S from a thread, so the sweeper knows its worker is
    alive however long the stage takes. A beat that fails (database blip) is retried at the next one."""

    def __init__(self, generation_id: uuid.UUID, stage: str, owner: str) -> None:
        self.generation_id, self.stage, self.owner = generation_id, stage, owner
        self.lost = False  # the lease went to another worker: this run's result will not be stored
        self._stop = threading.Event()
        context = contextvars.copy_context()  # the stage's log fields (generation id, stage, attempt)
        self._thread = threading.Thread(
            target=context.run, args=(self._run,), name=f"heartbeat-{stage}", daemon=True
        )

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(settings.jobwise_heartbeat_s):
            try:
                with SessionLocal.begin() as session:
                    held = beat(session, self.generation_id, self.stage, self.owner)
            except Exception as exc:  # a missed beat is not fatal; the next one may land
                log.warning("heartbeat_failed", error_type=type(exc).__name__)
                continue
            if not held:
                self.lost = True
                log.warning("stage_lease_lost")
                return


def lease_owner(task: Task) -> str:
    """Who runs this stage: host, process and task id, unique per delivery."""
    return f"{socket.gethostname()}:{os.getpid()}:{task.request.id or 'local'}:{uuid.uuid4().hex[:8]}"


def run_stage(task: Task, generation_id: str, stage: Stage) -> str:
    ensure_database()
    gid = uuid.UUID(generation_id)
    owner = lease_owner(task)
    structlog.contextvars.bind_contextvars(
        generation_id=generation_id, stage=stage.name, attempt=task.request.retries + 1
    )
    try:
        with SessionLocal.begin() as session:
            generation = claim_stage(session, gid, stage.name, owner, liveness_s=settings.jobwise_liveness_s)
            if generation is None:  # ended, or another worker runs this stage right now
                raise _skip(stage.name)
            inputs = stage.load(session, generation)
        started = time.perf_counter()
        with Heartbeat(gid, stage.name, owner):
            result = stage.call(inputs)
    except Ignore:
        raise
    except TRANSIENT_ERRORS as exc:
        reason = f"{type(exc).__name__}: {exc}"
        if task.request.retries >= task.max_retries:
            _fail(
                gid,
                stage.name,
                f"gave up after {task.request.retries + 1} attempts; last error {reason}",
                owner,
            )
            raise Ignore() from exc
        with SessionLocal.begin() as session:
            note_stage_error(session, gid, stage.name, reason, owner=owner)
        STAGE_OUTCOMES.labels(stage.name, "retried").inc()
        log.warning("stage_retry", error_type=type(exc).__name__)
        if retry_after := getattr(exc, "retry_after", None):  # the provider said when (429 Retry-After)
            raise task.retry(exc=exc, countdown=retry_after) from exc
        raise  # Celery's autoretry_for schedules the next attempt, with backoff and jitter
    except Exception as exc:  # anything else is permanent: the generation ends, with the reason
        _fail(gid, stage.name, f"{type(exc).__name__}: {exc}", owner)
        raise Ignore() from exc
    elapsed = time.perf_counter() - started

    with SessionLocal.begin() as session:
        # Only the lease holder stores its result; the chain then publishes the next stage (recorded here).
        chained = bool(task.request.chain) or task.request.is_eager or stage.name == STAGES[-1]
        generation = complete_stage(
            session, gid, stage.name, result.output, result.meta, owner=owner, next_published=chained
        )
        if generation is None:
            raise _skip(stage.name)
        stage.save(session, generation, result)
        finished = generation.status == SUCCEEDED
        deliver = webhooks_queued(session)
    STAGE_DURATION.labels(stage.name).observe(elapsed)
    STAGE_OUTCOMES.labels(stage.name, "succeeded").inc()
    if finished:
        GENERATIONS_FINISHED.labels(SUCCEEDED).inc()
    if deliver:  # the owner has endpoints; with none there is nothing to send
        dispatch_webhooks()
    log.info("stage_succeeded", duration_s=round(elapsed, 3))
    return generation_id
