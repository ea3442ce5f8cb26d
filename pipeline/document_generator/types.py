"""What stage 3 writes: the resume and cover letter as structured lines, each citing its profile refs.

Enum-like fields are ``Literal`` types; ``TEMPLATES`` and ``PAGE_SIZES`` are derived from them, so the
renderer, the options and the model's JSON Schema name the same values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

TemplateName = Literal["classic", "modern"]
PageSize = Literal["letter", "a4"]
Generator = Literal["offline", "llm"]
SectionKind = Literal[
    "summary", "skills", "experience", "projects", "education", "certifications", "languages"
]
DocumentName = Literal["resume", "cover_letter"]
ClaimKind = Literal[
    "employer", "title", "date", "degree", "school", "certification", "skill", "number", "place"
]
ClaimAction = Literal["removed", "rewritten", "regenerated"]

TEMPLATES: tuple[TemplateName, ...] = get_args(TemplateName)
PAGE_SIZES: tuple[PageSize, ...] = get_args(PageSize)


@dataclass(frozen=True)
class GenerationOptions:
    template: TemplateName = "classic"
    page_size: PageSize = "letter"
    one_page: bool | Literal["auto"] = False  # "auto": one page when the career fits a readable one
    cover_letter: bool = True
    generator: Generator = "offline"
    date: str = ""  # the cover letter's date, given by the caller so output stays deterministic
    emphasize: tuple[str, ...] = ()  # keywords the profile shows that a regeneration must bring forward


@dataclass(frozen=True)
class Line:
    """A sentence or bullet, with the profile refs that support every claim in it."""

    text: str
    sources: tuple[str, ...] = ()  # empty only for template words that claim nothing about the candidate
    score: float = 0.0  # relevance; the exporter drops the lowest first when a page must fit


@dataclass(frozen=True)
class ResumeEntry:
    """One role, degree or project."""

    ref: str  # "work[0]", "education[1]", "projects[2]"
    title: str  # position, degree ("BSc Computer Science") or project name
    organization: str = ""  # employer or institution
    location: str = ""
    start_date: str = ""  # as in the profile: "2019", "2019-03", "2019-03-01"
    end_date: str = ""  # "" means present for roles
    bullets: tuple[Line, ...] = ()


@dataclass(frozen=True)
class ResumeSection:
    kind: SectionKind
    heading: str  # standard ATS heading: "Summary", "Skills", "Experience", "Education", ...
    lines: tuple[Line, ...] = ()  # summary sentences, skill groups, certifications, languages
    entries: tuple[ResumeEntry, ...] = ()  # experience, projects, education


@dataclass(frozen=True)
class Resume:
    name: str
    headline: str  # the profile's own label; never a title the candidate has not held
    contact: tuple[str, ...]  # email, phone, location, url and links, in that order
    sections: tuple[ResumeSection, ...]


@dataclass(frozen=True)
class CoverLetter:
    name: str
    contact: tuple[str, ...]
    date: str
    recipient: tuple[str, ...]  # "Hiring Team", "Acme GmbH"
    salutation: str
    paragraphs: tuple[tuple[Line, ...], ...]
    closing: str  # "Sincerely,"
    signature: str  # the candidate's name
    language: str = "en"  # ISO 639-1: the fixed phrases' language (the posting's, when supported)
    note: str = ""  # why the letter is not in the posting's language, when it is not


@dataclass(frozen=True)
class RemovedClaim:
    """A claim the truthfulness guard took out because the profile does not support it."""

    document: DocumentName
    kind: ClaimKind
    claim: str  # the unsupported words
    text: str  # the sentence it was in
    action: ClaimAction = "removed"  # rewritten: set to the profile's; regenerated: the model was told


@dataclass(frozen=True)
class GuardReport:
    checked_claims: int = 0
    removed: tuple[RemovedClaim, ...] = ()
    leaks: tuple[str, ...] = ()  # forbidden content found and removed: system prompt, keys, injected text


@dataclass(frozen=True)
class Documents:
    resume: Resume
    cover_letter: CoverLetter | None
    generator: Generator = "offline"  # what wrote the text
    fallback_reason: str = ""  # set when the LLM path fell back to the offline generator
    guard: GuardReport = field(default_factory=GuardReport)
