"""Stage 1, offline: the keywords an ATS would search for, weighted by where the posting names them.

Keywords are the vocabulary terms (``pipeline.text``) of the title, the requirements, the responsibilities
and the stack or context items, plus unknown technical-looking tokens of requirements ("HL7", "FHIR",
"LaunchDarkly"). Weight: 0.6 when a required item names it, else 0.45 (responsibility or title), 0.35
(preferred), 0.25 (context); +0.1 per further mention (up to +0.3), +0.2 when the title names it; at most
1. Required terms therefore outweigh preferred ones, other things equal. The title without its seniority
words ("Backend Engineer") is a keyword of kind "title", weight 0.8. ``Keyword.aliases`` lists the
vocabulary's unambiguous spellings and the posting's own ones; ambiguous ones ("TS", "Spark") are left out,
so a plain word search over them misfires less; ``pipeline.text.find_terms`` knows every spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.job_analyzer.offline.sections import CONTEXT, PREFERRED, REQUIRED, RESPONSIBILITY, Item
from pipeline.job_analyzer.types import Keyword
from pipeline.text import TextIndex, aliases, canonical, clean, degree_level, lookup, normalize, years_in
from pipeline.text.vocabulary import PLAIN

_KIND_OF = {
    "tool": "tool", "practice": "phrase", "soft": "phrase", "field": "phrase",
    "certification": "certification", "degree": "degree",
}  # fmt: skip
_BASE = {REQUIRED: 0.6, RESPONSIBILITY: 0.45, "title": 0.45, PREFERRED: 0.35, CONTEXT: 0.25}
_TECHY = re.compile(
    r"[A-Za-z]+[0-9][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,5}"
)
_NOT_TECH = re.compile(r"\d+(st|nd|rd|th|k|m|x|h|d|w|yrs?|s)|p\d{2,3}|[hw]\d\w?|\d+b", re.I)
_ACRONYM_STOP = frozenset(
    {
        "US", "USA", "UK", "EU", "CS", "BS", "MS", "BA", "MA", "PHD", "GPA", "HR", "EEO", "CEO", "CTO",
        "CFO", "COO", "VP", "PTO", "OR", "AND", "THE", "IT", "TS", "SCI", "DV", "SC", "NV", "FAQ", "ASAP",
        "ETA", "PM", "AM", "UTC", "PST", "EST", "CET", "GMT", "FTE", "IC", "OK", "ID", "II", "III", "IV",
        "USD", "EUR", "GBP", "KPI", "OKR", "ROI", "MVP", "SLA", "SLO", "NDA", "LLC", "INC", "LTD", "CV",
        "WFH", "YOE"
    }
)  # fmt: skip
_SENIORITY_WORDS = frozenset(
    {
        "senior", "sr", "jr", "junior", "lead", "principal", "staff", "intern", "mid", "entry", "level",
        "mid-level", "entry-level", "i", "ii", "iii", "iv"
    }
)  # fmt: skip


@dataclass
class _Stat:
    first: int
    kind: str
    count: int = 0
    roles: set[str] = field(default_factory=set)
    spellings: list[str] = field(default_factory=list)


def _terms_of(index: TextIndex, role: str | None) -> list[tuple[str, str]]:
    """(canonical term, spelling) of each vocabulary match, plus unknown technical tokens of requirements.

    An item that is exactly one term ("- Go" in a list) is that term, without the context rule.
    """
    whole = lookup(index.text.strip(" .;,"))
    if whole is not None:
        return [(whole.canonical, index.text.strip(" .;,"))]
    matches = index.matches()
    found = [(m.term, index.text[m.start : m.end]) for m in matches]
    if role in (REQUIRED, PREFERRED):
        covered = {i for m in matches for i in range(m.first, m.last)}
        for i, token in enumerate(index.tokens):
            if i in covered or token.upper() in _ACRONYM_STOP or _NOT_TECH.fullmatch(token):
                continue
            if _TECHY.fullmatch(token) and lookup(token) is None:
                found.append((token, token))
    return found


_TITLE_PREFIX = re.compile(r"^(高级|资深|初级|中级|首席|シニア|ジュニア)")


def _title_phrase(title: str) -> str:
    head = _TITLE_PREFIX.sub("", re.split(r"\s[-|–/]\s|[(,\[]", clean(title))[0])
    words = head.split()
    while words and normalize(words[0]).strip(".") in _SENIORITY_WORDS:
        words.pop(0)
    while words and normalize(words[-1]).strip(".") in _SENIORITY_WORDS:
        words.pop()
    return " ".join(words)


def keywords(title: str, items: list[Item]) -> tuple[tuple[Keyword, ...], dict[int, tuple[str, ...]]]:
    stats: dict[str, _Stat] = {}
    per_item: dict[int, tuple[str, ...]] = {}
    order = 0

    def note(term: str, spelling: str, role: str) -> None:
        nonlocal order
        entry = lookup(term)
        stat = stats.get(term)
        if stat is None:
            kind = _KIND_OF.get(entry.kind, "skill") if entry else "skill"
            stat = stats[term] = _Stat(first=order, kind=kind)
            order += 1
        stat.count += 1
        stat.roles.add(role)
        if spelling not in stat.spellings:
            stat.spellings.append(spelling)

    for term, spelling in _terms_of(TextIndex(title), None):
        note(term, spelling, "title")
    for n, item in enumerate(items):
        if item.role is None:
            continue
        terms = _terms_of(TextIndex(item.text), item.role)
        for term, spelling in terms:
            note(term, spelling, item.role)
        per_item[n] = tuple(dict.fromkeys(term for term, _ in terms))

    keywords = []
    for term, stat in stats.items():
        base = max(_BASE[role] for role in stat.roles)
        weight = base + 0.1 * min(stat.count - 1, 3) + (0.2 if "title" in stat.roles else 0.0)
        entry = lookup(term)
        known = tuple(a.text for a in entry.aliases[1:] if a.mode == PLAIN) if entry else ()
        spelled = {normalize(a) for a in aliases(term)}
        seen = [s for s in stat.spellings if normalize(s) not in spelled]
        keywords.append(
            Keyword(
                term=term,
                weight=round(min(weight, 1.0), 3),
                required=REQUIRED in stat.roles,
                kind=stat.kind,
                aliases=tuple(dict.fromkeys((*known, *seen))),
            )
        )
    phrase = _title_phrase(title)
    if phrase and canonical(phrase) not in stats:
        keywords.append(Keyword(term=phrase, weight=0.8, required=False, kind="title"))
    first = {term: stat.first for term, stat in stats.items()}
    keywords.sort(key=lambda k: (-k.weight, first.get(k.term, -1)))
    return tuple(keywords), per_item


def requirement_kind(text: str, keywords: tuple[str, ...]) -> str:
    kinds = {entry.kind for entry in map(lookup, keywords) if entry}
    if degree_level(text) is not None or "degree" in kinds:
        return "education"
    if years_in(text) is not None:
        return "experience"
    if "certification" in kinds or re.search(r"certif|licen[cs]e|zertifi|认证|資格", normalize(text)):
        return "certification"
    return "skill" if keywords else "other"
