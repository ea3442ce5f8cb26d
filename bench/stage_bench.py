"""CPU time per stage of an offline generation, in process (issue 17): where a generation's time goes.

Runs the five pure stages on the bundled example with the API's default options, as the workers do (each
stage's output goes through ``to_data`` and the next stage reads it back with ``from_data``, as through the
database), after one untimed warm-up run that loads fonts and vocabularies. Prints per stage the median CPU
time (process time) over RUNS runs and its share of the whole; ``--profile`` adds the top of a cProfile
listing.

Usage: python bench/stage_bench.py [RUNS] [--profile]   (default 10)
"""

from __future__ import annotations

import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.document_generator import Documents, GenerationOptions, generate_documents
from pipeline.inputs import Posting, profile_from_json_resume
from pipeline.job_analyzer import JobAnalysis, analyze_job
from pipeline.pdf_exporter import export_documents
from pipeline.profile_compiler import CompiledProfile, compile_profile
from pipeline.quality_validator import QualityResult, validate_quality
from pipeline.serialization import from_data, to_data
from workers.tasks import checked_pdfs

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
STAGES = ("analyze", "compile", "generate", "validate", "export")


def one_run(profile, posting: Posting, options: GenerationOptions) -> dict[str, float]:
    """CPU seconds per stage for one generation, stage outputs round-tripped through JSON data."""
    spent: dict[str, float] = {}

    def timed(name: str, call):
        start = time.process_time()
        value = call()
        spent[name] = time.process_time() - start
        return value

    analysis = timed("analyze", lambda: from_data(JobAnalysis, to_data(analyze_job(posting))))
    compiled = timed(
        "compile", lambda: from_data(CompiledProfile, to_data(compile_profile(profile, analysis)))
    )
    documents = timed(
        "generate",
        lambda: from_data(Documents, to_data(generate_documents(profile, analysis, compiled, options))),
    )

    validated = timed(
        "validate",
        lambda: from_data(
            QualityResult, to_data(validate_quality(profile, analysis, compiled, documents, options))
        ),
    )

    def export():
        return export_documents(validated.documents, options, *checked_pdfs(validated))

    timed("export", export)
    return spent


def example_runs(runs: int, profiler: cProfile.Profile | None = None) -> list[dict[str, float]]:
    """CPU seconds per stage for RUNS generations of the bundled example, after one untimed warm-up."""
    profile = profile_from_json_resume(json.loads((EXAMPLES / "profile.json").read_text("utf-8")))
    posting = Posting(**json.loads((EXAMPLES / "job.json").read_text("utf-8")))
    # What POST /generations uses when a request gives no options (the API's defaults: one_page "auto"
    # fits the resume to one page when it can, which lays it out several times).
    options = GenerationOptions(one_page="auto")
    one_run(profile, posting, options)  # warm-up: fonts, vocabularies, caches
    if profiler:
        profiler.enable()
    samples = [one_run(profile, posting, options) for _ in range(runs)]
    if profiler:
        profiler.disable()
    return samples


def main(runs: int, profile_it: bool) -> None:
    profiler = cProfile.Profile() if profile_it else None
    samples = example_runs(runs, profiler)
    medians = {name: statistics.median(s[name] for s in samples) for name in STAGES}
    total = statistics.median(sum(s.values()) for s in samples)
    print(f"offline generation, bundled example, CPU time per stage (median of {runs} runs)")
    for name in STAGES:
        share = medians[name] / total if total else 0.0
        print(f"  {name:9s} {medians[name] * 1000:8.1f} ms  {share:6.1%}")
    print(f"  {'total':9s} {total * 1000:8.1f} ms  ({1 / total:.1f} generations/s per core)")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 10, "--profile" in sys.argv)
