"""What stage 1 says about a posting: its requirements, keywords and knock-outs, as frozen data.

Enum-like fields are ``Literal`` types, so the JSON Schema a model is given lists the allowed values and an
answer outside them is invalid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipeline.inputs import Seniority

KeywordKind = Literal["skill", "phrase", "title", "certification", "degree", "tool"]
RequirementKind = Literal["skill", "experience", "education", "certification", "other"]
KnockoutKind = Literal["degree", "clearance", "work_authorization", "location", "years_experience", "license"]
Generator = Literal["offline", "llm"]


@dataclass(frozen=True)
class Keyword:
    """A term an ATS would search for. Multi-word phrases ("machine learning") stay whole."""

    term: str  # canonical display form: "Kubernetes", "REST APIs", "machine learning"
    weight: float  # importance in [0, 1]
    required: bool
    kind: KeywordKind = "skill"
    aliases: tuple[str, ...] = ()  # other spellings the posting or the vocabulary knows: "k8s"


@dataclass(frozen=True)
class Requirement:
    id: str  # "R1", "R2", ... stable within one analysis
    text: str  # the posting's own words for it
    required: bool  # required, or only preferred / nice to have
    kind: RequirementKind = "skill"
    keywords: tuple[str, ...] = ()  # canonical terms from ``JobAnalysis.keywords`` it names


@dataclass(frozen=True)
class Knockout:
    """A hard constraint that can disqualify a candidate regardless of skills."""

    kind: KnockoutKind
    text: str  # the posting's own words
    value: str = ""  # normalized value: "bachelor", "secret", "US", "Berlin", "5", "RN"
    field: str = ""  # what it is about, in the posting's words: "PACU" for 2 years of PACU, "Nursing"


@dataclass(frozen=True)
class JobAnalysis:
    title: str
    company: str
    seniority: Seniority | None
    required: tuple[Requirement, ...]
    preferred: tuple[Requirement, ...]
    responsibilities: tuple[str, ...]
    keywords: tuple[Keyword, ...]  # highest weight first
    years_experience: int | None
    knockouts: tuple[Knockout, ...]
    generator: Generator = "offline"  # "llm" when a model produced it
