"""Render time of a two-page resume PDF, per template: median and p95 over N runs.

Usage: python bench/render_bench.py [RUNS]   (default 50)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.document_generator import GenerationOptions
from pipeline.render import TEMPLATES, render_resume_pdf
from tests.pipeline.resume_builders import make_resume


def timings(template: str, runs: int) -> list[float]:
    """Milliseconds per render; one untimed warm-up render registers the fonts first."""
    resume, options = make_resume(), GenerationOptions(template=template)
    render_resume_pdf(resume, options)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_resume_pdf(resume, options)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(runs: int) -> None:
    print(f"two-page resume PDF, {runs} runs per template")
    for template in TEMPLATES:
        times = timings(template, runs)
        p95 = statistics.quantiles(times, n=20)[-1] if runs > 1 else times[0]
        print(f"{template:8} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
