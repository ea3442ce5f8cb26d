"""Transient errors through a real worker: retried with Celery's backoff, bounded, then failed.

The flaky stage is the real Job Analyzer behind a gate that fails the first calls the way a provider
hiccup would (pipeline.errors.TransientError). Registered at import, before the worker starts.
"""

from __future__ import annotations

import threading
import time

import pytest
from celery import chain

from models.generation import STAGES
from models.session import SessionLocal
from pipeline.errors import TransientError
from tests.factories import make_generation
from tests.integration.test_pipeline import wait_for_status
from workers.celery_app import celery_app
from workers.runner import RETRY_POLICY, Stage, run_stage
from workers.tasks import PIPELINE

pytestmark = pytest.mark.integration
ANALYZE = STAGES[0]


class Gate:
    """Fails the first ``failures`` calls, remembering when each call came."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.failures = 0
        self.calls: list[float] = []

    def arm(self, failures: int) -> None:
        with self.lock:
            self.failures, self.calls = failures, []

    def __call__(self, inputs):
        with self.lock:
            self.calls.append(time.monotonic())
            failing = self.failures > 0
            self.failures -= failing
        if failing:
            raise TransientError("provider overloaded (503)")
        return PIPELINE[ANALYZE].call(inputs)


gate = Gate()
FLAKY = Stage(ANALYZE, PIPELINE[ANALYZE].load, gate)
POLICY = {**RETRY_POLICY, "retry_backoff": 1, "retry_jitter": False, "max_retries": 2}


@celery_app.task(name="tests.flaky_analyze_job", bind=True, **POLICY)
def flaky_analyze_task(self, generation_id: str) -> str:
    return run_stage(self, generation_id, FLAKY)


def start(generation_id) -> None:
    rest = [celery_app.signature(f"jobwise.{name}") for name in STAGES[1:]]
    chain(flaky_analyze_task.s(str(generation_id)), *rest).apply_async()


def new_generation():
    with SessionLocal.begin() as session:
        return make_generation(session).id


def test_transient_error_is_retried_with_backoff_and_succeeds(celery_worker):
    gate.arm(failures=2)
    generation_id = new_generation()
    start(generation_id)
    done = wait_for_status(generation_id, {"succeeded", "failed"})
    assert done.status == "succeeded", done.error
    analyze = next(s for s in done.stages if s.name == ANALYZE)
    assert analyze.attempts == 3
    assert analyze.error is None
    first_wait, second_wait = gate.calls[1] - gate.calls[0], gate.calls[2] - gate.calls[1]
    assert first_wait >= 0.9, "first retry after about 1 s"
    assert second_wait >= 1.9, "second retry after about 2 s: exponential backoff"


def test_retries_are_bounded_then_the_generation_fails(celery_worker):
    gate.arm(failures=99)
    generation_id = new_generation()
    start(generation_id)
    failed = wait_for_status(generation_id, {"failed"})
    assert failed.failed_stage == ANALYZE
    assert "gave up after 3 attempts" in failed.error
    assert "provider overloaded" in failed.error
    assert len(gate.calls) == 3
