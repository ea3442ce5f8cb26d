"""Stage 2, offline and deterministic: the candidate's real items ranked against the job (``items``), the
requirement-by-evidence matrix (``matrix``) and years of experience (``years``).

Nothing is invented: every ``ScoredItem`` is a profile item with its ref and its own words, and a keyword
the profile does not show is reported in ``missing_keywords``, never added.

What an item shows: the job's keywords found in it with ``pipeline.text`` (aliases, plurals, phrases whole).
A skill-list entry or project keyword that is exactly one term counts as that term ("go" in a skill list is
Go). A role shows what its title, summary and highlights show; a project what its fields show. Scores are
rounded to 4 places; ties keep profile order.
"""

from __future__ import annotations

from pipeline.inputs import Profile
from pipeline.job_analyzer import JobAnalysis
from pipeline.profile_compiler.offline.items import (
    BULLET,
    PROJECT,
    ROLE,
    SKILL,
    content_words,
    keyword_score,
    profile_items,
)
from pipeline.profile_compiler.offline.matrix import Evidence, match_requirement
from pipeline.profile_compiler.offline.years import years_in_field, years_of_experience
from pipeline.profile_compiler.types import CompiledProfile, FieldYears, ScoredItem
from pipeline.text import TextIndex, canonical, related


def compile_offline(profile: Profile, analysis: JobAnalysis, today: str | None = None) -> CompiledProfile:
    """Score and rank ``profile`` against ``analysis``, and map its evidence to each requirement.

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

    job_words = content_words(
        TextIndex("\n".join((*(r.text for r in requirements), *analysis.responsibilities)))
    )
    title_words = content_words(TextIndex(analysis.title))

    items = profile_items(profile)
    for item in items:
        index = TextIndex(item.search)
        item.own = index.find(wanted) | {t for w in item.whole if (t := canonical(w)) in wanted_set}
        item.shown = item.own
        overlap = len(content_words(index) & job_words) / 6
        item.score = 0.85 * keyword_score(item.shown, weights) + 0.15 * min(overlap, 1.0)
    for item in items:
        if item.parts:
            item.shown = item.shown.union(*(part.shown for part in item.parts))
            if item.group == ROLE:
                similarity = len(content_words(TextIndex(item.search)) & title_words) / max(
                    len(title_words), 1
                )
            else:
                similarity = min(len(content_words(TextIndex(item.search)) & job_words) / 6, 1.0)
            item.score = 0.85 * keyword_score(item.shown, weights) + 0.15 * similarity

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

    years = years_of_experience(profile, today)
    evidence = Evidence(items)
    matrix = tuple(match_requirement(r, evidence, profile, years) for r in requirements)
    asked = [k.term for k in analysis.keywords]
    return CompiledProfile(
        bullets=scored(BULLET),
        roles=scored(ROLE),
        skills=scored(SKILL),
        projects=scored(PROJECT),
        matrix=matrix,
        matched_keywords=tuple(t for t in asked if t in evidence.shown),
        missing_keywords=tuple(t for t in asked if t not in evidence.shown),
        years_experience=years,
        field_years=_field_years(profile, analysis, today),
    )


def _field_years(profile: Profile, analysis: JobAnalysis, today: str | None) -> tuple[FieldYears, ...]:
    """The candidate's years in the field of each years knock-out that names one (generic fields left out)."""
    fields = dict.fromkeys(k.field for k in analysis.knockouts if k.kind == "years_experience" and k.field)
    counted = (years_in_field(profile, field, today) for field in fields)
    return tuple(f for f in counted if f is not None)
