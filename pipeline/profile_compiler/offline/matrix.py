"""The requirement-by-evidence matrix: each requirement met, transferable or missing, with profile refs.

Per requirement, its keywords fall into groups ("Flask or Django" is one group, "PostgreSQL and Redis" two).
A group is met when the profile shows one of its terms, related when it shows a related term (MySQL for
PostgreSQL, Flask for Django, GCP for AWS), else missing. Years asked are met by the profile's years of
experience; a degree asked by a degree of that level or higher ("or equivalent experience" and four or more
years make it related). A requirement is met when every condition is met; transferable when every condition
is met or related, or when at least half are (the note says what is not shown); otherwise missing. A
requirement without any of these conditions is met only when one profile item repeats at least 60% of its
words.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.inputs import Profile
from pipeline.job_analyzer import Requirement
from pipeline.profile_compiler.offline.items import EVIDENCE_PRIORITY, ProfileItem, content_words
from pipeline.profile_compiler.types import MET, MISSING, TRANSFERABLE, RequirementMatch
from pipeline.text import DEGREE_RANK, TextIndex, degree_level, lookup, normalize, related, years_in

_ALTERNATIVE = frozenset(
    {"or", "/", ", or", ",or", "and/or", "and or", "oder", "ou", "o", "или", "或", "或者"}
)
_LIST = frozenset({",", "、", ";"})


def _groups(requirement: Requirement) -> list[tuple[str, ...]]:
    """The requirement's keywords as groups of alternatives: "Flask or Django" is one group."""
    index = TextIndex(requirement.text)
    groups: list[tuple[str, ...]] = []
    chain: list[str] = []
    alternative = False
    previous_end = None

    def flush() -> None:
        nonlocal chain, alternative
        if alternative:
            groups.append(tuple(dict.fromkeys(chain)))
        else:
            groups.extend((term,) for term in chain)
        chain, alternative = [], False

    for m in index.matches(requirement.keywords):
        if previous_end is not None:
            gap = normalize(index.text[previous_end : m.start])
            if gap in _ALTERNATIVE:
                alternative = True
            elif gap not in _LIST:
                flush()
        chain.append(m.term)
        previous_end = m.end
    flush()
    seen = {term for group in groups for term in group}
    groups += [(term,) for term in requirement.keywords if term not in seen]
    return list(dict.fromkeys(groups))


@dataclass(frozen=True)
class _Condition:
    status: str  # met | related | missing
    label: str  # what it is about: "Kafka", "5+ years", "bachelor"
    evidence: tuple[str, ...] = ()
    note: str = ""


_RELATED = "related"


class Evidence:
    """The profile's items, indexed by the terms they show."""

    def __init__(self, items: list[ProfileItem]) -> None:
        self.items = items
        self.ranked = sorted(items, key=lambda i: (EVIDENCE_PRIORITY[i.group], -i.score, i.order))
        self.shown = {term for item in items for term in item.own}

    def refs(self, terms: tuple[str, ...], limit: int = 2) -> tuple[str, ...]:
        return tuple(i.ref for i in self.ranked if any(t in i.own for t in terms))[:limit]


def _keyword_condition(group: tuple[str, ...], evidence: Evidence) -> _Condition:
    label = " or ".join(group)
    if any(term in evidence.shown for term in group):
        return _Condition(MET, label, evidence.refs(group))
    for term in group:
        for other in related(term):
            if other in evidence.shown:
                return _Condition(_RELATED, label, evidence.refs((other,)), f"{other} is related to {term}")
    return _Condition(MISSING, label)


def _condition_status(conditions: list[_Condition]) -> tuple[str, str]:
    shown = [c for c in conditions if c.status != MISSING]
    notes = [c.note for c in conditions if c.note]
    if len(shown) == len(conditions):
        return (MET if all(c.status == MET for c in conditions) else TRANSFERABLE), "; ".join(notes)
    absent = "not shown: " + ", ".join(c.label for c in conditions if c.status == MISSING)
    if shown and 2 * len(shown) >= len(conditions):
        return TRANSFERABLE, "; ".join([*notes, "partly shown", absent])
    return MISSING, "; ".join([*notes, absent])


def match_requirement(
    requirement: Requirement, evidence: Evidence, profile: Profile, years: float
) -> RequirementMatch:
    conditions: list[_Condition] = []
    norm = normalize(requirement.text)
    asked_years = years_in(requirement.text)
    if asked_years is not None:
        dated = tuple(e.ref for e in profile.experiences if e.start_date)
        if years >= asked_years:
            conditions.append(_Condition(MET, f"{asked_years}+ years", dated[:3]))
        else:
            conditions.append(
                _Condition(MISSING, f"{asked_years}+ years", (), f"the profile's dates give {years}")
            )
    asked_degree = degree_level(requirement.text) if requirement.kind == "education" else None
    if asked_degree is not None:
        held = [(DEGREE_RANK[level], ed.ref) for ed in profile.education
                if (level := degree_level(f"{ed.study_type} {ed.area}")) is not None]  # fmt: skip
        enough = tuple(ref for rank, ref in held if rank >= DEGREE_RANK[asked_degree])
        if enough:
            conditions.append(_Condition(MET, asked_degree, enough))
        elif "equivalent" in norm and years >= 4:
            conditions.append(_Condition(_RELATED, asked_degree, (), f"equivalent experience: {years} years"))
        else:
            conditions.append(_Condition(MISSING, asked_degree))
    for group in _groups(requirement):
        kinds = {entry.kind for entry in map(lookup, group) if entry}
        if asked_degree is not None and kinds == {"degree"}:
            continue
        condition = _keyword_condition(group, evidence)
        if (
            condition.status == MISSING
            and kinds == {"field"}
            and profile.education
            and ("related" in norm or "equivalent" in norm or "similar" in norm)
        ):
            condition = _Condition(_RELATED, condition.label, tuple(e.ref for e in profile.education[:1]),
                                   f"education in a related field instead of {condition.label}")  # fmt: skip
        conditions.append(condition)
    if conditions:
        status, note = _condition_status(conditions)
        refs = tuple(dict.fromkeys(ref for c in conditions for ref in c.evidence))[:6]
    else:
        status, note, refs = _by_wording(requirement, evidence)
    return RequirementMatch(
        requirement_id=requirement.id,
        requirement=requirement.text,
        required=requirement.required,
        status=status,
        evidence=refs,
        note=note,
    )


def _by_wording(requirement: Requirement, evidence: Evidence) -> tuple[str, str, tuple[str, ...]]:
    wanted = content_words(TextIndex(requirement.text))
    if len(wanted) < 2:
        return MISSING, "", ()
    best, best_ratio = None, 0.0
    for item in evidence.items:
        ratio = len(wanted & content_words(TextIndex(item.search))) / len(wanted)
        if ratio > best_ratio:
            best, best_ratio = item, ratio
    if best is not None and best_ratio >= 0.6:
        return MET, "matched by wording", (best.ref,)
    return MISSING, "", ()
