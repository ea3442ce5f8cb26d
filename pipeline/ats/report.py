"""What the quality validator reports. ``pipeline.quality_validator`` re-exports these; they live here so
the scorer's parts can build them without importing the stage module."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.profile_compiler import RequirementMatch

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"


@dataclass(frozen=True)
class ScoreComponent:
    name: str  # keywords | sections | format | knockouts
    weight: float
    score: float  # in [0, 1]
    detail: str = ""


@dataclass(frozen=True)
class FormatCheck:
    name: str
    passed: bool
    detail: str = ""


@dataclass(frozen=True)
class KnockoutFlag:
    kind: str
    text: str
    status: str  # met | not_met | unknown
    evidence: tuple[str, ...] = ()  # profile refs
    detail: str = ""  # why: "the profile's dates give 3.5 years"


@dataclass(frozen=True)
class QualityReport:
    version: str
    ats_score: float  # in [0, 1]
    target: float
    components: tuple[ScoreComponent, ...]
    matched_keywords: tuple[str, ...]
    missing_keywords: tuple[str, ...]  # job keywords the resume text lacks
    missing_from_profile: tuple[str, ...]  # of those, the ones the profile shows no evidence for
    requirements: tuple[RequirementMatch, ...]
    sections_found: tuple[str, ...]
    format_checks: tuple[FormatCheck, ...]
    knockouts: tuple[KnockoutFlag, ...]
    suggestions: tuple[str, ...]
    pages: int
    regenerated: bool = False
    cover_letter_checks: tuple[FormatCheck, ...] = ()  # reported, not scored
    emphasized: tuple[str, ...] = ()  # keywords a regeneration was asked to bring forward; () when none ran
