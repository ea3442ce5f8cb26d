"""Time of validate_quality for the strong-match case (the bundled example): median and p95 over N runs.

Each run renders the resume and cover letter PDFs, reads the resume back with pypdf and pdfminer.six and
scores it; the strong match meets the target, so no regeneration runs.

Usage: python bench/ats_bench.py [RUNS]   (default 20)
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.document_generator import GenerationOptions, generate_documents
from pipeline.inputs import Posting, profile_from_json_resume
from pipeline.job_analyzer import analyze_job
from pipeline.profile_compiler import compile_profile
from pipeline.quality_validator import validate_quality

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def timings(runs: int) -> tuple[list[float], float]:
    """Milliseconds per validate_quality call, and the score; one untimed warm-up run loads the fonts."""
    profile = profile_from_json_resume(json.loads((EXAMPLES / "profile.json").read_text("utf-8")))
    analysis = analyze_job(Posting(**json.loads((EXAMPLES / "job.json").read_text("utf-8"))))
    compiled = compile_profile(profile, analysis)
    options = GenerationOptions()
    documents = generate_documents(profile, analysis, compiled, options)
    score = validate_quality(profile, analysis, compiled, documents, options).report.ats_score
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        validate_quality(profile, analysis, compiled, documents, options)
        times.append((time.perf_counter() - start) * 1000)
    return times, score


def main(runs: int) -> None:
    times, score = timings(runs)
    p95 = statistics.quantiles(times, n=20)[-1] if runs > 1 else times[0]
    print(f"validate_quality, strong match (score {score}), {runs} runs")
    print(f"median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
