"""What the jobwise command costs to start, and what a batch costs in key derivation and state writes.

Usage: python bench/cli_bench.py [RUNS]   (default 7)

1. Start-up, each in a fresh interpreter, median of RUNS: `python -c pass` (the floor), importing the CLI
   with the generated client (`jobwise_cli.main`), and `jobwise --version` through its console script; as
   ratios to the floor measured in the same run (machine speed cancels out).
2. The pure parts per posting, median of RUNS x 1,000: reading a 1,000-line JSON Lines file (per line), the
   idempotency key of one posting with examples/profile.json, and one atomic state-file write of a
   1,000-entry batch.
No network, no server.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "clients" / "cli"))
sys.path.insert(0, str(ROOT / "clients" / "python"))

from jobwise_cli.batchfile import idempotency_key, read_postings  # noqa: E402
from jobwise_cli.state import BatchState  # noqa: E402


def started(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def per_call(function, runs: int, repeat: int = 1000) -> float:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        for _ in range(repeat):
            function()
        times.append((time.perf_counter() - begin) / repeat)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    python = sys.executable
    script = shutil.which("jobwise", path=str(Path(python).parent))
    floor = started([python, "-c", "pass"], runs)
    imported = started([python, "-c", "import jobwise_cli.main"], runs)
    print(f"start-up (median of {runs}): python -c pass {floor * 1000:.0f} ms (floor)")
    print(f"  import jobwise_cli.main   {imported * 1000:.0f} ms, {imported / floor:.1f}x the floor")
    if script:
        version = started([script, "--version"], runs)
        print(f"  jobwise --version         {version * 1000:.0f} ms, {version / floor:.1f}x the floor")
    else:
        print("  jobwise --version         not installed here (python dev.py setup installs it)")

    profile = json.loads((ROOT / "examples" / "profile.json").read_text(encoding="utf-8"))
    posting = json.loads((ROOT / "examples" / "job.json").read_text(encoding="utf-8"))
    options = {"template": "classic", "one_page": True}
    with tempfile.TemporaryDirectory() as folder:
        jobs = Path(folder) / "jobs.jsonl"
        jobs.write_text("".join(json.dumps({**posting, "company": f"C{n}"}) + "\n" for n in range(1000)))
        read = per_call(lambda: read_postings(jobs), runs, repeat=3) / 1000
        state = BatchState.open(Path(folder), "http://h", "a@example.com")
        for n in range(1000):
            state.entry(f"k{n}").update(status="downloaded", generation_id="g" * 36, folder=f"{n:04d}-x")
        write = per_call(state.save, runs, repeat=20)
    key = per_call(lambda: idempotency_key(profile, posting, options, "b" * 32), runs)
    print(f"per posting (median of {runs}): read a JSON Lines line {read * 1e6:.0f} us, "
          f"derive its key {key * 1e6:.0f} us")  # fmt: skip
    print(f"state file write, 1,000 entries: {write * 1000:.1f} ms")


if __name__ == "__main__":
    main()
