"""What stage 2 says about a profile against a job: ranked items and a requirement-by-evidence matrix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MatchStatus = Literal["met", "transferable", "missing"]
MET: MatchStatus = "met"
TRANSFERABLE: MatchStatus = "transferable"
MISSING: MatchStatus = "missing"


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
    status: MatchStatus
    evidence: tuple[str, ...] = ()  # refs of the profile items that prove it
    note: str = ""  # why transferable, e.g. "MySQL is related to PostgreSQL"


@dataclass(frozen=True)
class FieldYears:
    """The candidate's years in the field of a years knock-out ("ICU", "Python/Django")."""

    field: str  # the knock-out's field, as stage 1 gave it
    years: float
    evidence: tuple[str, ...] = ()  # refs of the work entries that name the field


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
    field_years: tuple[FieldYears, ...] = ()  # one per years knock-out with a specific field
