"""Stage 1: read a job posting and say what it asks for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.inputs import Posting

if TYPE_CHECKING:
    from pipeline.llm import LLM


@dataclass(frozen=True)
class Keyword:
    """A term an ATS would search for. Multi-word phrases ("machine learning") stay whole."""

    term: str  # canonical display form: "Kubernetes", "REST APIs", "machine learning"
    weight: float  # importance in [0, 1]
    required: bool
    kind: str = "skill"  # skill | phrase | title | certification | degree | tool
    aliases: tuple[str, ...] = ()  # other spellings the posting or the vocabulary knows: "k8s"


@dataclass(frozen=True)
class Requirement:
    id: str  # "R1", "R2", ... stable within one analysis
    text: str  # the posting's own words for it
    required: bool  # required, or only preferred / nice to have
    kind: str = "skill"  # skill | experience | education | certification | other
    keywords: tuple[str, ...] = ()  # canonical terms from ``JobAnalysis.keywords`` it names


@dataclass(frozen=True)
class Knockout:
    """A hard constraint that can disqualify a candidate regardless of skills."""

    kind: str  # degree | clearance | work_authorization | location | years_experience
    text: str  # the posting's own words
    value: str = ""  # normalized value: "bachelor", "secret", "US", "Berlin", "5"


@dataclass(frozen=True)
class JobAnalysis:
    title: str
    company: str
    seniority: str | None  # intern | entry | mid | senior | lead
    required: tuple[Requirement, ...]
    preferred: tuple[Requirement, ...]
    responsibilities: tuple[str, ...]
    keywords: tuple[Keyword, ...]  # highest weight first
    years_experience: int | None
    knockouts: tuple[Knockout, ...]
    generator: str = "offline"  # "offline", or "llm" when a model produced it


def analyze_job(posting: Posting, llm: LLM | None = None) -> JobAnalysis:
    """Analyse ``posting``; deterministic and offline when ``llm`` is None."""
    raise NotImplementedError
