"""Faults an operator meets, against real processes: every accepted generation still ends, nothing is a 500.

A Procfile-like stack (tests/faults/stack.py: its own redis-server, gunicorn, a threads and a prefork
worker, beat) on a throwaway database of the shared Postgres, with short liveness settings (heartbeat 1 s,
liveness 6 s, sweep 2 s). Four batches of offline generations through the live API; during each, one fault:
a CPU pool child SIGKILLed, the LLM worker's main process SIGKILLed and started again, Redis killed and
started empty 3 s later (every queued message lost), every Postgres backend of the service terminated.
The bound is generous on purpose (a slow shared machine): what is asserted is that nothing stays stuck,
not how fast it recovers; bench/faults.py prints the recovery times.
"""

from __future__ import annotations

import pytest

from tests.faults.stack import FaultRun, Stack

pytestmark = pytest.mark.faults
BOUND_S = 150  # per batch, from its fault: several sweeps and liveness limits on a loaded 2-core machine


@pytest.fixture
def stack(tmp_path):
    stack = Stack(tmp_path, liveness_s=6, sweep_s=2, heartbeat_s=1)
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()


def test_every_generation_ends_through_the_faults_and_no_request_is_a_500(stack, capsys):
    run = FaultRun(stack, per_phase=5)
    run.run(bound_s=BOUND_S)
    report = run.report()
    with capsys.disabled():
        print("\n" + report)
    assert len(run.accepted) >= 20
    assert run.unfinished() == [], report
    assert {s: n for s, n in run.http.server_errors().items() if s != 503} == {}, report
    assert stack.duplicated_stage_rows() == 0
    assert stack.bad_documents() == []
    assert run.outcomes().get("succeeded", 0) >= len(run.accepted) - 2, report
