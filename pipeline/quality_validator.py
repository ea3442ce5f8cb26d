"""Stage 4: score what an ATS would actually read, the text extracted from the rendered PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.document_generator import Documents, GenerationOptions
from pipeline.inputs import Profile
from pipeline.job_analyzer import JobAnalysis
from pipeline.profile_compiler import CompiledProfile, RequirementMatch

SCORING_VERSION = "ats-1"
DEFAULT_TARGET = 0.85


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
    evidence: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class QualityResult:
    report: QualityReport
    documents: Documents  # the documents to export: the input, or a regeneration that scored better


def validate_quality(
    profile: Profile,
    analysis: JobAnalysis,
    compiled: CompiledProfile,
    documents: Documents,
    options: GenerationOptions,
    regenerate: Callable[[tuple[str, ...]], Documents] | None = None,
    target: float = DEFAULT_TARGET,
) -> QualityResult:
    """Score ``documents``; below ``target``, regenerate once emphasizing keywords the profile shows."""
    raise NotImplementedError
