"""Generation use cases: accept a request (idempotently), wait for a change, cancel."""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import structlog
from sqlalchemy import Row
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.announcements import Announcements
from models.generation import (
    FINAL_STATUSES,
    Generation,
    find_by_idempotency_key,
    mark_unpublished,
    new_generation,
)
from models.job import get_visible_job
from models.profile import owns_profile
from workers.chains import enqueue_generation

log = structlog.get_logger("jobwise.generations")
POLL_INTERVAL_S = 0.25


class InvalidRequestError(Exception):
    """A field names something the caller cannot use; ``errors`` maps fields to messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


class IdempotencyConflictError(Exception):
    """The Idempotency-Key was used before with a different request."""


def request_fingerprint(data: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def create_generation(
    session: Session, owner_id: uuid.UUID, data: Mapping[str, Any], idempotency_key: str | None
) -> tuple[Generation, bool]:
    """The generation for this request, and whether it is new. A repeated key returns the first one."""
    fingerprint = request_fingerprint(data)
    if idempotency_key and (earlier := find_by_idempotency_key(session, owner_id, idempotency_key)):
        return _same_request(earlier, fingerprint), False
    errors: dict[str, list[str]] = {}
    if not owns_profile(session, owner_id, data["profile_id"]):
        errors["profile_id"] = ["No such profile."]
    if get_visible_job(session, owner_id, data["job_id"]) is None:
        errors["job_id"] = ["No such job."]
    if errors:
        raise InvalidRequestError(errors)
    try:
        with session.begin_nested():
            generation = new_generation(
                session,
                owner_id,
                data["profile_id"],
                data["job_id"],
                options=dict(data["options"]),
                idempotency_key=idempotency_key,
                request_hash=fingerprint,
            )
    except IntegrityError:  # the same key raced in from a concurrent request
        return _same_request(
            find_by_idempotency_key(session, owner_id, idempotency_key or ""), fingerprint
        ), False
    return generation, True


def _same_request(generation: Generation | None, fingerprint: str) -> Generation:
    if generation is None or generation.request_hash != fingerprint:
        raise IdempotencyConflictError
    return generation


def publish(session: Session, generation: Generation) -> None:
    """Enqueue a committed generation. If the broker is down it stays queued and the sweeper sends it."""
    generation_id = generation.id
    try:
        enqueue_generation(generation_id, llm=generation.options.get("generator") == "llm")
    except Exception as exc:  # the request is accepted; the sweeper publishes it
        log.warning("enqueue_failed", generation_id=str(generation_id), error_type=type(exc).__name__)
        try:
            with session.begin_nested():
                mark_unpublished(session, generation_id)
            session.commit()
        except Exception as db_exc:  # then the sweeper re-publishes it as undelivered
            session.rollback()
            log.warning("mark_unpublished_failed", error_type=type(db_exc).__name__)


def wait_for_version(
    read: Callable[[], Row[Any] | None],
    release: Callable[[], None],
    generation_id: uuid.UUID,
    baseline: int | None,
    timeout_s: float,
    announcements: Announcements | None,
) -> Row[Any] | None:
    """The generation's status row once its version differs from ``baseline`` (by default, the version it
    has now), it has ended, or ``timeout_s`` passed; None when it is not the caller's.

    With announcements (Postgres) the wait is on an Event woken by the LISTEN connection: no database
    connection or transaction is held meanwhile (``release``) and the row is read again only when it
    changed. Without (SQLite, the embedded mode), or with the waiter limit reached, the row is polled.
    """
    key = str(generation_id)
    waiter = announcements.register(key) if announcements is not None and timeout_s > 0 else None
    try:
        row = read()
        if row is None:
            return None
        baseline = row.version if baseline is None else baseline
        deadline = time.monotonic() + timeout_s
        while row.version == baseline and row.status not in FINAL_STATUSES:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            release()
            if waiter is not None:
                if not waiter.event.wait(remaining):
                    return read()
                waiter.event.clear()
            elif announcements is not None:  # over the waiter limit: answer now, the client polls later
                break
            else:
                time.sleep(min(POLL_INTERVAL_S, remaining))
            row = read()
            if row is None:
                return None
        return row
    finally:
        if waiter is not None and announcements is not None:
            announcements.unregister(key, waiter)
