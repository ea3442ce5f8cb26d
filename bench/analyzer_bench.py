"""Stage 1 (offline) against the hand-written expectations of the real-world postings.

Usage: python bench/analyzer_bench.py [-v]

For each posting in tests/golden/postings: keyword precision (the analyzer's keywords a recruiter would
also list) and recall (the expected keywords the analyzer lists), bogus and missed knock-outs, requirement
fragments found and boilerplate read as a requirement or duty; then the totals, and with -v the wrong and
missed terms. tests/golden/test_postings.py holds the thresholds (precision >= 0.90, recall >= 0.80,
0 bogus knock-outs).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.job_analyzer import analyze_job  # noqa: E402
from tests.golden.posting_expectations import load_cases, score, totals  # noqa: E402


def main() -> None:
    verbose = "-v" in sys.argv[1:]
    cases = load_cases()
    started = time.perf_counter()
    analyses = [analyze_job(case.posting) for case in cases]
    elapsed = time.perf_counter() - started
    scores = [score(case, analysis) for case, analysis in zip(cases, analyses, strict=True)]
    heads = ("kw", "prec", "rec", "bogus", "missed", "reqs", "boiler")
    print(f"{'posting':34} {'lang':4} " + " ".join(f"{h:>{max(len(h), 3)}}" for h in heads))
    for case, s in zip(cases, scores, strict=True):
        reqs = s.requirements_found / s.requirements_expected if s.requirements_expected else 1.0
        print(
            f"{case.slug:34} {case.language:4} {s.keywords:3} {s.precision:5.2f} {s.recall:5.2f}"
            f" {len(s.bogus_knockouts):5} {len(s.missed_knockouts):6} {reqs:5.2f} {len(s.boilerplate):6}"
        )
        if verbose:
            for label, values in (
                ("wrong", s.wrong),
                ("missed", s.missed),
                ("bogus knock-outs", s.bogus_knockouts),
                ("missed knock-outs", s.missed_knockouts),
                ("requirements missed", s.requirements_missed),
                ("boilerplate", s.boilerplate),
            ):
                if values:
                    print(f"    {label}: {'; '.join(values)}")
    t = totals(scores)
    print(
        f"\noverall: keyword precision {t.precision:.3f}, recall {t.recall:.3f}; bogus knock-outs"
        f" {t.bogus_knockouts}, missed knock-outs {t.missed_knockouts}; requirement fragments found"
        f" {t.requirements:.3f}; boilerplate read as content {t.boilerplate}"
    )
    each = elapsed * 1000 / len(cases)
    print(f"{len(cases)} postings analysed in {elapsed * 1000:.0f} ms ({each:.1f} ms each)")


if __name__ == "__main__":
    main()
