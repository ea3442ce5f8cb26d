"""What stage 4 reports: the ATS score, its components, format checks and knock-outs, as frozen data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipeline.document_generator import Documents
from pipeline.job_analyzer.types import KnockoutKind
from pipeline.profile_compiler import RequirementMatch

KnockoutStatus = Literal["met", "not_met", "unknown"]
MET: KnockoutStatus = "met"
NOT_MET: KnockoutStatus = "not_met"
UNKNOWN: KnockoutStatus = "unknown"
ComponentName = Literal["keywords", "parse_back", "sections", "format", "knockouts"]


@dataclass(frozen=True)
class ScoreComponent:
    name: ComponentName
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
    kind: KnockoutKind
    text: str
    status: KnockoutStatus
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
    parse_back_failed: tuple[str, ...] = ()  # fields an ATS-style reader did not recover: "work[0].employer"


@dataclass(frozen=True)
class QualityResult:
    report: QualityReport
    documents: Documents  # the documents to export: the input, or a regeneration that scored better
    resume_pdf: str = ""  # base64 of the scored resume PDF, which stage 5 exports instead of rendering again
    resume_pages: int = 0
    resume_dropped: tuple[str, ...] = ()  # refs left out so the resume fits (one-page option)
    cover_letter_pdf: str = ""  # base64 of the checked letter PDF; "" without one (or when it did not fit)
