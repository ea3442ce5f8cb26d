"""Stage 1 (offline) against the hand-written expectations of the real-world postings.

Usage: python bench/analyzer_bench.py [-v] [--esco]

For each posting in tests/golden/postings: keyword precision (the analyzer's keywords a recruiter would
also list) and recall (the expected keywords the analyzer lists), bogus and missed knock-outs, requirement
fragments found and boilerplate read as a requirement or duty; then the totals, and with -v the wrong and
missed terms. tests/golden/test_postings.py holds the thresholds (precision >= 0.90, recall >= 0.80,
0 bogus knock-outs).

``--esco`` measures what wiring ``pipeline/text/esco_terms.tsv`` into stage 1 would do: its 1,114 concepts
(labels and other labels) are added to the vocabulary for this run only, every spelling the vocabulary
already has left to the vocabulary. Stage 1 does not use the file (issue 15: it lowered precision; see
.context/notes/ISSUE-15-letters.md for the figures).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.job_analyzer import analyze_job  # noqa: E402
from pipeline.text import terms as text_terms  # noqa: E402
from pipeline.text import vocabulary  # noqa: E402
from pipeline.text.tokens import stem_keys  # noqa: E402
from tests.golden.posting_expectations import load_cases, score, totals  # noqa: E402

ESCO_TERMS = ROOT / "pipeline" / "text" / "esco_terms.tsv"


def with_esco_terms() -> int:
    """Add the ESCO extract to the vocabulary for this process; returns how many concepts were added."""
    own = vocabulary.terms()
    taken = {stem_keys(alias.text) for term in own for alias in term.aliases}
    added = []
    for line in ESCO_TERMS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        esco_id, label, others = [*line.split("\t"), "", ""][:3]
        spellings = []
        for text in (label, *(o for o in others.split("|") if o)):
            keys = stem_keys(text)
            if keys and keys not in taken:
                taken.add(keys)
                spellings.append(vocabulary.Alias(text))
        if spellings and label and stem_keys(label) in {stem_keys(a.text) for a in spellings}:
            canonical = vocabulary.Alias(label)
            rest = tuple(a for a in spellings if a.text != label)
            added.append(vocabulary.Term(label, "esco", (canonical, *rest), esco=esco_id))
    every = (*own, *added)
    text_terms.vocabulary_terms = lambda: every  # the lexicon is built from this on first use
    text_terms._lexicon.cache_clear()
    text_terms._term_patterns.cache_clear()
    return len(added)


def main() -> None:
    verbose = "-v" in sys.argv[1:]
    if "--esco" in sys.argv[1:]:
        print(f"with ESCO: {with_esco_terms()} concepts added to the vocabulary for this run")
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
