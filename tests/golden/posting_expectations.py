"""Stage 1 held to the hand-written expectations of the real-world postings (``tests/golden/postings``).

Pure functions shared by ``bench/analyzer_bench.py`` (which prints the figures) and
``tests/golden/test_postings.py`` (which holds the thresholds). The file format is in the folder's README.
A term matches another when their ``normalize``d forms are equal or one of them is a listed spelling of the
other (``a|b|c`` in the expectations, the vocabulary's aliases on the analyzer's side).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.inputs import Posting
from pipeline.job_analyzer import JobAnalysis, Knockout
from pipeline.text import aliases, normalize

POSTINGS = Path(__file__).resolve().parent / "postings"


@dataclass(frozen=True)
class Case:
    slug: str
    language: str
    domain: str
    posting: Posting
    expected: dict[str, Any]


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(POSTINGS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if "expected" not in doc:
            continue
        posting = Posting(**doc["posting"])
        cases.append(Case(path.stem, doc["language"], doc["domain"], posting, doc["expected"]))
    return cases


def _spellings(entry: str) -> set[str]:
    return {normalize(s) for s in entry.split("|") if s.strip()}


def _keyword_spellings(term: str, known: tuple[str, ...]) -> set[str]:
    return {normalize(term)} | {normalize(a) for a in (*known, *aliases(term))}


@dataclass
class Score:
    slug: str
    keywords: int = 0
    correct: int = 0  # the analyzer's keywords found in the expectations
    expected: int = 0
    found: int = 0  # expected keywords the analyzer lists
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    bogus_knockouts: list[str] = field(default_factory=list)
    missed_knockouts: list[str] = field(default_factory=list)
    requirements_expected: int = 0
    requirements_found: int = 0
    requirements_missed: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)  # boilerplate read as a requirement or duty

    @property
    def precision(self) -> float:
        return self.correct / self.keywords if self.keywords else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def _knockout_matches(knockout: Knockout, spec: dict[str, str]) -> bool:
    if knockout.kind != spec["kind"]:
        return False
    if spec["value"] != "*" and normalize(knockout.value) not in _spellings(spec["value"]):
        return False
    wanted = spec.get("field", "")
    if wanted in ("", "*") or "" in wanted.split("|"):
        return True
    have = normalize(knockout.field)
    return bool(have) and any(s in have or have in s for s in _spellings(wanted))


def _describe(knockout: Knockout) -> str:
    where = f" in {knockout.field}" if knockout.field else ""
    return f"{knockout.kind}={knockout.value}{where} ({knockout.text[:70]!r})"


def score(case: Case, analysis: JobAnalysis) -> Score:
    exp = case.expected
    result = Score(case.slug)
    lists = exp["keywords"]
    wanted = [*lists["required"], *lists["preferred"], *lists["duties"]]
    allowed = [_spellings(e) for e in (*wanted, *lists["acceptable"])]
    given = [(k.term, _keyword_spellings(k.term, k.aliases)) for k in analysis.keywords if k.kind != "title"]
    result.keywords = len(given)
    for term, spelled in given:
        if any(spelled & entry for entry in allowed):
            result.correct += 1
        else:
            result.wrong.append(term)
    result.expected = len(wanted)
    for entry in wanted:
        if any(spelled & _spellings(entry) for _, spelled in given):
            result.found += 1
        else:
            result.missed.append(entry.split("|")[0])

    good = [*exp["knockouts"], *exp.get("acceptable_knockouts", [])]
    for knockout in analysis.knockouts:
        if not any(_knockout_matches(knockout, spec) for spec in good):
            result.bogus_knockouts.append(_describe(knockout))
    for spec in exp["knockouts"]:
        if not any(_knockout_matches(k, spec) for k in analysis.knockouts):
            result.missed_knockouts.append(f"{spec['kind']}={spec['value']} {spec.get('field', '')}".strip())

    required = [normalize(r.text) for r in analysis.required]
    preferred = [normalize(r.text) for r in analysis.preferred]
    duties = [normalize(t) for t in analysis.responsibilities]
    wants = exp["requirements"]
    checks = [(f, required) for f in wants["required"]] + [(f, preferred) for f in wants["preferred"]]
    checks += [(f, required + preferred) for f in wants["any"]]
    checks += [(f, duties) for f in exp.get("responsibilities", [])]
    for fragment, where in checks:
        result.requirements_expected += 1
        if any(normalize(fragment) in text for text in where):
            result.requirements_found += 1
        else:
            result.requirements_missed.append(fragment)
    for fragment in exp.get("not_requirements", []):
        if any(normalize(fragment) in text for text in (*required, *preferred, *duties)):
            result.boilerplate.append(fragment)
    return result


@dataclass(frozen=True)
class Totals:
    precision: float
    recall: float
    bogus_knockouts: int
    missed_knockouts: int
    requirements: float
    boilerplate: int


def totals(scores: list[Score]) -> Totals:
    keywords = sum(s.keywords for s in scores)
    expected = sum(s.expected for s in scores)
    asked = sum(s.requirements_expected for s in scores)
    return Totals(
        precision=sum(s.correct for s in scores) / keywords if keywords else 1.0,
        recall=sum(s.found for s in scores) / expected if expected else 1.0,
        bogus_knockouts=sum(len(s.bogus_knockouts) for s in scores),
        missed_knockouts=sum(len(s.missed_knockouts) for s in scores),
        requirements=sum(s.requirements_found for s in scores) / asked if asked else 1.0,
        boilerplate=sum(len(s.boilerplate) for s in scores),
    )
