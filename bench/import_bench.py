"""What job import costs the web process: the parser's import time and memory, and the time to read a page.

Usage: python bench/import_bench.py [RUNS]   (default 30 runs per page)

1. Import cost, each in a fresh interpreter (median of 3): the whole web app (wsgi, which loads lxml.html
   for POST /jobs/import), lxml.html alone, and extruct, which the web process does not load (the tests
   use it as an independent reader), as shares of the web app's own. Resident memory from /proc (Linux).
2. Reading a page: from_html + posting_fields for each page in tests/data/job_pages and for one page padded
   to the 2 MiB import limit, median of RUNS, as a ratio to the floor json.loads of the same JSON-LD text
   measured in the same run (machine speed cancels out).
3. The peak memory one read of the padded page adds (dense markup is the worst case: lxml builds the
   whole tree), from /proc/self VmHWM after resetting it.
No network, no database.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.jobs import jsonld  # noqa: E402
from api.jobs.posting_import import posting_fields  # noqa: E402

PAGES = ROOT / "tests" / "data" / "job_pages"
LIMIT = 2 * 1024 * 1024
PROBE = """
import importlib, sys, time
def rss():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS")) / 1024
before, started = rss(), time.perf_counter()
importlib.import_module(sys.argv[1])
print(f"{(time.perf_counter() - started) * 1000:.1f} {rss() - before:.1f}")
"""


def import_cost(module: str) -> tuple[float, float]:
    samples = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", PROBE, module],
            cwd=ROOT,
            env={**os.environ, "JOBWISE_ENV_FILE": "", "LOG_LEVEL": "WARNING"},
            capture_output=True,
            text=True,
            check=True,
        )
        samples.append(tuple(map(float, out.stdout.split())))
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def median_ms(action, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def importable(page: bytes) -> bool:
    try:
        posting_fields(jsonld.from_html(page))
    except Exception:
        return False
    return True


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    app_ms, app_mib = import_cost("wsgi")
    print(f"import wsgi (the web app, lxml included) {app_ms:6.0f} ms  {app_mib:5.1f} MiB")
    for module in ("lxml.html", "extruct"):
        ms, mib = import_cost(module)
        print(
            f"import {module:33s} {ms:6.0f} ms  {mib:5.1f} MiB"
            f"  ({ms / app_ms:.0%} of the app's time, {mib / app_mib:.0%} of its memory)"
        )

    print(f"\nreading a page (median of {runs}), against json.loads of its JSON-LD in the same run")
    pages = {path.name: path.read_bytes() for path in sorted(PAGES.glob("*.html"))}
    padding = b"<div class=filler><p>lorem <b>ipsum</b> dolor</p></div>"
    workday = pages["workday_several_locations.html"]
    big = workday.replace(b"<body>", b"<body>" + padding * ((LIMIT - len(workday)) // len(padding)))
    padded = f"workday padded to {len(big) / 1024 / 1024:.2f} MiB"
    pages[padded] = big
    for name, page in pages.items():
        if not importable(page):
            continue
        documents = [json.dumps(p) for p in jsonld.from_html(page).postings]
        floor = median_ms(lambda documents=documents: [json.loads(d) for d in documents], runs)
        ours = median_ms(lambda page=page: posting_fields(jsonld.from_html(page)), runs)
        ratio = ours / max(floor, 1e-3)
        print(f"{name:40s} {len(page) / 1024:8.1f} KiB  {ours:7.2f} ms  ({ratio:6.0f}x json.loads)")
    print(f"\npeak memory added by reading the {padded} page: {peak_memory(big):.1f} MiB")


PEAK = """
import sys
from pathlib import Path
from api.jobs import jsonld
from api.jobs.posting_import import posting_fields
def status(field):
    lines = Path("/proc/self/status").read_text().splitlines()
    return next(int(line.split()[1]) for line in lines if line.startswith(field)) / 1024
page = sys.stdin.buffer.read()
Path("/proc/self/clear_refs").write_text("5")  # reset the peak resident size
before = status("VmRSS")
posting_fields(jsonld.from_html(page))
print(status("VmHWM") - before)
"""


def peak_memory(page: bytes) -> float:
    """MiB one read of ``page`` adds at its peak, in a fresh interpreter."""
    env = {**os.environ, "JOBWISE_ENV_FILE": ""}
    out = subprocess.run(
        [sys.executable, "-c", PEAK], cwd=ROOT, env=env, input=page, capture_output=True, check=True
    )
    return float(out.stdout)


def status(field: str) -> float:
    lines = Path("/proc/self/status").read_text().splitlines()
    return next(int(line.split()[1]) for line in lines if line.startswith(field)) / 1024


if __name__ == "__main__":
    main()
