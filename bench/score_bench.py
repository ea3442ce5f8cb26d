"""The score's levels on real postings: each real-world golden pair (a public posting from
tests/golden/postings with a matching or a clearly mismatched profile) through the offline chain.

Prints every pair's score and components, then per posting whether every match scores above every
mismatch, and the averages of matches and mismatches. With --all, the synthetic golden cases too.

Usage: python bench/score_bench.py [--all]
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.golden.test_golden import CASES, load, run_case  # noqa: E402


def main(everything: bool) -> None:
    cases = [load(path) for path in CASES]
    real = [case for case in cases if "posting_file" in case]
    scores = {}
    print(f"{'case':48s} score  range        components")
    for case in cases if everything else real:
        report = run_case(case).report
        scores[case["name"]] = report.ats_score
        parts = " ".join(f"{c.name}={c.score:.2f}" for c in report.components)
        low, high = case["expected"]["min"], case["expected"]["max"]
        print(f"{case['name']:48s} {report.ats_score:5.3f}  [{low:.2f}, {high:.2f}]  {parts}")
    print()
    matches = [scores[c["name"]] for c in real if c["name"].endswith("_match")]
    mismatches = [scores[c["name"]] for c in real if c["name"].endswith("_mismatch")]
    for posting in sorted({c["posting_file"] for c in real}):
        mine = [c["name"] for c in real if c["posting_file"] == posting]
        low = min(scores[n] for n in mine if n.endswith("_match"))
        high = max(scores[n] for n in mine if n.endswith("_mismatch"))
        print(f"{posting:40s} lowest match {low:.3f} > highest mismatch {high:.3f}: {low > high}")
    print()
    print(f"real-world pairs: {len(real)}; matches average {statistics.mean(matches):.3f} "
          f"(min {min(matches):.3f}), mismatches average {statistics.mean(mismatches):.3f} "
          f"(max {max(mismatches):.3f})")  # fmt: skip


if __name__ == "__main__":
    main("--all" in sys.argv[1:])
