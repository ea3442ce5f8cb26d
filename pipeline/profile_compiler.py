"""Stage 2: rank the candidate's real experience against the job and map evidence to requirements.

Offline and deterministic; an ``llm`` may then judge transferable skills (``pipeline.llm_compiler``).
Nothing is invented: every ``ScoredItem`` is a profile item with its ref and its own words, and a keyword
the profile does not show is reported in ``missing_keywords``, never added.

- Items: experience and volunteer highlights and summaries (``bullets``), one ``roles`` item per experience
  (its title), skill names and skill keywords (``skills``), projects (their name). Evidence may also come from
  the profile's label and summary, education, certificates, languages and project highlights.
- What an item shows: the job's keywords found in it with ``pipeline.text`` (aliases, plurals, phrases
  whole). A skill-list entry or project keyword that is exactly one term counts as that term ("go" in a skill
  list is Go). A role shows what its title, summary and highlights show; a project what its fields show.
- Score in [0, 1]: 0.85 x (1 - product of (1 - w/2)) over the weights w of the job keywords the item shows
  (a related technology counts for half its job keyword's weight) + 0.15 x word overlap with the posting's
  requirements and responsibilities (for roles: with the job title). Rounded to 4 places; ties keep profile
  order.
- Matrix, per requirement: its keywords fall into groups ("Flask or Django" is one group, "PostgreSQL and
  Redis" two). A group is met when the profile shows one of its terms, related when it shows a related term
  (``pipeline.vocabulary.RELATED``: MySQL for PostgreSQL, Flask for Django, GCP for AWS), else missing.
  Years asked are met by the profile's years of experience; a degree asked by a degree of that level or
  higher ("or equivalent experience" and four or more years make it related). A requirement is met when
  every condition is met; transferable when every condition is met or related, or when at least half are
  (the note says what is not shown); otherwise missing. A requirement without any of these conditions is met
  only when one profile item repeats at least 60% of its words.
- Years of experience: the work entries' date ranges, overlaps merged, months inclusive, an empty end date
  meaning ongoing until "today": the ``today`` argument, else the latest date anywhere in the profile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.inputs import Experience, Profile
from pipeline.job_analyzer import DEGREE_RANK, JobAnalysis, Requirement, degree_level, years_in
from pipeline.text import TextIndex, canonical, lookup, normalize
from pipeline.vocabulary import related

if TYPE_CHECKING:
    from pipeline.llm import LLM

MET = "met"
TRANSFERABLE = "transferable"
MISSING = "missing"


@dataclass(frozen=True)
class ScoredItem:
    """A profile item with its relevance to the job."""

    ref: str  # JSON path into the profile: "work[0].highlights[1]", "skills[2]", "projects[0]"
    text: str  # the profile's own words
    score: float  # relevance in [0, 1]; ties keep profile order
    keywords: tuple[str, ...] = ()  # canonical job keywords this item shows


@dataclass(frozen=True)
class RequirementMatch:
    requirement_id: str
    requirement: str
    required: bool
    status: str  # met | transferable | missing
    evidence: tuple[str, ...] = ()  # refs of the profile items that prove it
    note: str = ""  # why transferable, e.g. "MySQL is related to PostgreSQL"


@dataclass(frozen=True)
class CompiledProfile:
    bullets: tuple[ScoredItem, ...]  # experience highlights and summaries, most relevant first
    roles: tuple[ScoredItem, ...]  # one per experience ("work[i]"), most relevant first
    skills: tuple[ScoredItem, ...]  # skill names and skill keywords, most relevant first
    projects: tuple[ScoredItem, ...]
    matrix: tuple[RequirementMatch, ...]
    matched_keywords: tuple[str, ...]
    missing_keywords: tuple[str, ...]  # asked for, not shown by the profile: reported, never added
    years_experience: float  # from the profile's dates


# --- profile items ------------------------------------------------------------------------------------------

BULLET, ROLE, SKILL, PROJECT, OTHER = "bullet", "role", "skill", "project", "other"
_EVIDENCE_PRIORITY = {BULLET: 0, PROJECT: 1, ROLE: 2, OTHER: 2, SKILL: 3}


@dataclass
class _Item:
    ref: str
    text: str  # the profile's own words, as ScoredItem.text
    group: str  # bullet | role | skill | project | other
    search: str  # the text searched for terms; fields joined by line breaks so phrases never cross them
    whole: tuple[str, ...] = ()  # fields that are each one term: skill-list entries, project keywords
    parts: tuple[_Item, ...] = ()  # a role's or project's own items, whose terms it shows too
    own: set[str] = field(default_factory=set)  # terms its own words show: the ones it can prove
    shown: set[str] = field(default_factory=set)  # with its parts' terms: what it shows as a whole
    score: float = 0.0
    order: int = 0


def _experience_items(e: Experience) -> tuple[_Item, list[_Item]]:
    parts = [_Item(f"{e.ref}.summary", e.summary, BULLET, e.summary)] if e.summary else []
    parts += [_Item(h.ref, h.text, BULLET, h.text) for h in e.highlights]
    role = _Item(e.ref, e.title or e.employer, ROLE, e.title, parts=tuple(parts))
    return role, parts


def _profile_items(profile: Profile) -> list[_Item]:
    """Every item that can show a term, in profile order."""
    items: list[_Item] = []
    if profile.label:
        items.append(_Item("basics.label", profile.label, OTHER, profile.label))
    if profile.summary:
        items.append(_Item("basics.summary", profile.summary, OTHER, profile.summary))
    for e in (*profile.experiences, *profile.volunteer):
        role, parts = _experience_items(e)
        items += [role, *parts]
    for ed in profile.education:
        fields = (ed.study_type, ed.area, ed.institution, *ed.courses)
        items.append(_Item(ed.ref, ed.study_type or ed.institution, OTHER, "\n".join(f for f in fields if f)))
    for s in profile.skills:
        items.append(_Item(s.ref, s.name, SKILL, s.name, whole=(s.name,)))
        items += [
            _Item(f"{s.ref}.keywords[{k}]", kw, SKILL, kw, whole=(kw,)) for k, kw in enumerate(s.keywords)
        ]
    for p in profile.projects:
        highlights = [_Item(h.ref, h.text, OTHER, h.text) for h in p.highlights]
        fields = (p.name, p.description, *p.keywords, *p.roles)
        items.append(_Item(p.ref, p.name or p.description, PROJECT, "\n".join(f for f in fields if f),
                           whole=p.keywords, parts=tuple(highlights)))  # fmt: skip
        items += highlights
    for c in profile.certifications:
        items.append(_Item(c.ref, c.name, OTHER, "\n".join(f for f in (c.name, c.issuer) if f)))
    for lang in profile.languages:
        items.append(_Item(lang.ref, lang.language, OTHER, lang.language))
    for n, item in enumerate(items):
        item.order = n
    return items


# --- years --------------------------------------------------------------------------------------------------

_DATE = re.compile(r"\s*(\d{4})(?:-(\d{1,2}))?")
_ONGOING = frozenset({"", "present", "current", "now", "today", "ongoing"})


def _month(date: str, *, end: bool = False) -> int | None:
    """Months since year 0 of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a bare year ends in December."""
    m = _DATE.match(date or "")
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    return int(m.group(1)) * 12 + min(max(month, 1), 12) - 1


def _latest_date(profile: Profile) -> int | None:
    dates = [
        *(d for e in (*profile.experiences, *profile.volunteer) for d in (e.start_date, e.end_date)),
        *(d for ed in profile.education for d in (ed.start_date, ed.end_date)),
        *(d for p in profile.projects for d in (p.start_date, p.end_date)),
        *(c.date for c in profile.certifications),
    ]
    months = [m for d in dates if (m := _month(d)) is not None]
    return max(months) if months else None


def _years(profile: Profile, today: str | None) -> float:
    now = _month(today) if today else _latest_date(profile)
    if now is None:
        return 0.0
    spans = []
    for e in profile.experiences:
        start = _month(e.start_date)
        end = now if normalize(e.end_date) in _ONGOING else _month(e.end_date, end=True)
        if start is not None and end is not None and min(end, now) >= start:
            spans.append((start, min(end, now)))
    total, reach = 0, None
    for start, end in sorted(spans):
        if reach is not None and start <= reach:
            start = reach + 1
        if end >= start:
            total += end - start + 1
        reach = end if reach is None else max(reach, end)
    return round(total / 12, 1)


# --- scoring ------------------------------------------------------------------------------------------------

_STOPWORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as",
        "is", "are", "be", "been", "was", "were", "this", "that", "these", "those", "it", "its", "we",
        "you", "your", "our", "their", "they", "he", "she", "i", "my", "me", "us", "them", "will", "can",
        "must", "should", "would", "could", "have", "has", "had", "do", "does", "did", "not", "no", "yes",
        "per", "via", "into", "over", "under", "across", "up", "out", "about", "more", "most", "less",
        "least", "very", "also", "than", "then", "such", "any", "all", "each", "every", "other", "some",
        "new", "using", "use", "used", "work", "worked", "working", "experience", "year", "years",
        "strong", "skill", "skills"
    }
)  # fmt: skip


def _content(index: TextIndex) -> set[str]:
    return {
        k for k in index.keys if k not in _STOPWORDS and not k.isdigit() and (len(k) > 2 or not k.isascii())
    }


def _noisy_or(weights: list[float]) -> float:
    rest = 1.0
    for w in weights:
        rest *= 1.0 - 0.5 * w
    return 1.0 - rest


def _keyword_score(shown: set[str], weights: dict[str, float]) -> float:
    credits = [w for term, w in weights.items() if term in shown]
    for term, w in weights.items():
        if term not in shown and any(r in shown for r in related(term)):
            credits.append(0.5 * w)
    return _noisy_or(credits)


# --- matrix -------------------------------------------------------------------------------------------------

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


class _Evidence:
    """The profile's items, indexed by the terms they show."""

    def __init__(self, items: list[_Item]) -> None:
        self.items = items
        self.ranked = sorted(items, key=lambda i: (_EVIDENCE_PRIORITY[i.group], -i.score, i.order))
        self.shown = {term for item in items for term in item.own}

    def refs(self, terms: tuple[str, ...], limit: int = 2) -> tuple[str, ...]:
        return tuple(i.ref for i in self.ranked if any(t in i.own for t in terms))[:limit]


def _keyword_condition(group: tuple[str, ...], evidence: _Evidence) -> _Condition:
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


def _match(requirement: Requirement, evidence: _Evidence, profile: Profile, years: float) -> RequirementMatch:
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


def _by_wording(requirement: Requirement, evidence: _Evidence) -> tuple[str, str, tuple[str, ...]]:
    wanted = _content(TextIndex(requirement.text))
    if len(wanted) < 2:
        return MISSING, "", ()
    best, best_ratio = None, 0.0
    for item in evidence.items:
        ratio = len(wanted & _content(TextIndex(item.search))) / len(wanted)
        if ratio > best_ratio:
            best, best_ratio = item, ratio
    if best is not None and best_ratio >= 0.6:
        return MET, "matched by wording", (best.ref,)
    return MISSING, "", ()


# --- the stage ----------------------------------------------------------------------------------------------


def compile_profile(
    profile: Profile, analysis: JobAnalysis, llm: LLM | None = None, *, today: str | None = None
) -> CompiledProfile:
    """Score and rank ``profile`` against ``analysis``; ``llm`` may only judge transferable skills.

    ``today`` ("YYYY-MM" or "YYYY-MM-DD") ends ongoing roles; by default the latest date in the profile.
    """
    requirements = (*analysis.required, *analysis.preferred)
    weights = {k.term: k.weight for k in analysis.keywords}
    for requirement in requirements:
        for term in requirement.keywords:
            weights.setdefault(term, 0.5)
    wanted = list(dict.fromkeys([*weights, *(r for term in weights for r in related(term))]))
    wanted_set = set(wanted)
    order = {term: n for n, term in enumerate(weights)}

    job_words = _content(TextIndex("\n".join((*(r.text for r in requirements), *analysis.responsibilities))))
    title_words = _content(TextIndex(analysis.title))

    items = _profile_items(profile)
    for item in items:
        index = TextIndex(item.search)
        item.own = index.find(wanted) | {t for w in item.whole if (t := canonical(w)) in wanted_set}
        item.shown = item.own
        overlap = len(_content(index) & job_words) / 6
        item.score = 0.85 * _keyword_score(item.shown, weights) + 0.15 * min(overlap, 1.0)
    for item in items:
        if item.parts:
            item.shown = item.shown.union(*(part.shown for part in item.parts))
            if item.group == ROLE:
                similarity = len(_content(TextIndex(item.search)) & title_words) / max(len(title_words), 1)
            else:
                similarity = min(len(_content(TextIndex(item.search)) & job_words) / 6, 1.0)
            item.score = 0.85 * _keyword_score(item.shown, weights) + 0.15 * similarity

    def scored(group: str) -> tuple[ScoredItem, ...]:
        chosen = sorted((i for i in items if i.group == group), key=lambda i: (-round(i.score, 4), i.order))
        return tuple(
            ScoredItem(
                ref=i.ref,
                text=i.text,
                score=round(min(i.score, 1.0), 4),
                keywords=tuple(sorted((t for t in i.shown if t in order), key=order.__getitem__)),
            )
            for i in chosen
        )

    years = _years(profile, today)
    evidence = _Evidence(items)
    matrix = tuple(_match(r, evidence, profile, years) for r in requirements)
    asked = [k.term for k in analysis.keywords]
    compiled = CompiledProfile(
        bullets=scored(BULLET),
        roles=scored(ROLE),
        skills=scored(SKILL),
        projects=scored(PROJECT),
        matrix=matrix,
        matched_keywords=tuple(t for t in asked if t in evidence.shown),
        missing_keywords=tuple(t for t in asked if t not in evidence.shown),
        years_experience=years,
    )
    if llm is None:
        return compiled
    from pipeline.llm_compiler import judge_transferable

    return judge_transferable(profile, compiled, llm)
