"""Fault run on a Procfile-like stack: N offline generations through the live API, four faults, the figures.

    python bench/faults.py [N]          (default 60; PowerShell: .venv\\Scripts\\python bench\\faults.py 60)

The stack and faults are those of the fault suite (tests/faults/stack.py): its own redis-server, gunicorn,
a threads and a prefork worker, beat, a throwaway database on Postgres (DATABASE_URL), and the default
liveness settings unless JOBWISE_LIVENESS_S / JOBWISE_SWEEP_INTERVAL_S / JOBWISE_HEARTBEAT_S are set. N/4
generations per fault: a CPU pool child SIGKILLed, the LLM worker's main process SIGKILLed and restarted,
Redis killed and restarted empty 3 s later, the service's Postgres backends terminated. Prints jobs,
faults, recovery per fault kind (p50, max seconds from the fault until each generation of its batch ended),
the responses by status, 5xx count, and how many generations are unfinished 2 minutes after the last fault.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.faults.stack import FaultRun, Stack  # noqa: E402

AFTER_LAST_FAULT_S = 120


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    liveness = float(os.environ.get("JOBWISE_LIVENESS_S", 60))
    sweep = float(os.environ.get("JOBWISE_SWEEP_INTERVAL_S", 15))
    heartbeat = float(os.environ.get("JOBWISE_HEARTBEAT_S", 10))
    with tempfile.TemporaryDirectory(prefix="jobwise-faults-") as workdir:
        stack = Stack(Path(workdir), liveness_s=liveness, sweep_s=sweep, heartbeat_s=heartbeat)
        try:
            stack.start()
            print(f"stack: redis :{stack.redis_port}, gunicorn :{stack.web_port}, liveness {liveness:g} s, "
                  f"sweep {sweep:g} s, heartbeat {heartbeat:g} s")  # fmt: skip
            run = FaultRun(stack, per_phase=max(1, count // 4))
            run.run(bound_s=AFTER_LAST_FAULT_S)
            remaining = AFTER_LAST_FAULT_S - (time.monotonic() - run.last_fault_at)
            while remaining > 0 and run.unfinished():
                time.sleep(min(1.0, remaining))
                remaining = AFTER_LAST_FAULT_S - (time.monotonic() - run.last_fault_at)
            print(run.report())
            unfinished = run.unfinished()
            print(f"unfinished {AFTER_LAST_FAULT_S} s after the last fault: {len(unfinished)}")
            fives = sum(n for s, n in run.http.server_errors().items() if s != 503)
            return 1 if unfinished or fives else 0
        finally:
            stack.stop()


if __name__ == "__main__":
    raise SystemExit(main())
