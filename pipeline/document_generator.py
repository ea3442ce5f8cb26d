"""Stage 3: write the tailored resume and cover letter from the candidate's real profile items."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from pipeline.inputs import Profile
from pipeline.job_analyzer import JobAnalysis
from pipeline.profile_compiler import CompiledProfile
from pipeline.provenance import profile_refs, verify_sources
from pipeline.relevance import Relevance

if TYPE_CHECKING:
    from pipeline.llm import LLM

TEMPLATES = ("classic", "modern")
PAGE_SIZES = ("letter", "a4")
GENERATORS = ("offline", "llm")


@dataclass(frozen=True)
class GenerationOptions:
    template: str = "classic"  # classic | modern
    page_size: str = "letter"  # letter | a4
    one_page: bool = False
    cover_letter: bool = True
    generator: str = "offline"  # offline | llm
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
    kind: str  # summary | skills | experience | projects | education | certifications | languages
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


@dataclass(frozen=True)
class RemovedClaim:
    """A claim the truthfulness guard took out because the profile does not support it."""

    document: str  # resume | cover_letter
    kind: str  # employer | title | date | degree | school | certification | skill | number | place
    claim: str  # the unsupported words
    text: str  # the sentence it was in
    action: str = "removed"  # removed | rewritten (set to the profile's) | regenerated (the model was told)


@dataclass(frozen=True)
class GuardReport:
    checked_claims: int = 0
    removed: tuple[RemovedClaim, ...] = ()
    leaks: tuple[str, ...] = ()  # forbidden content found and removed: system prompt, keys, injected text


@dataclass(frozen=True)
class Documents:
    resume: Resume
    cover_letter: CoverLetter | None
    generator: str = "offline"  # what wrote the text: offline | llm
    fallback_reason: str = ""  # set when the LLM path fell back to the offline generator
    guard: GuardReport = field(default_factory=GuardReport)


def generate_documents(
    profile: Profile,
    analysis: JobAnalysis,
    compiled: CompiledProfile,
    options: GenerationOptions,
    llm: LLM | None = None,
) -> Documents:
    """Write both documents: the offline writer's (extractive, template-based), or with ``llm`` the model's
    rewrite of them (``pipeline.llm_writer``). Either way the truthfulness guard (``pipeline.grounding``)
    checks every claim. Asking for ``generator="llm"`` without an ``llm`` gets offline text and a reason.
    """
    # Imported here: they build this module's dataclasses, so they import it first.
    from pipeline.grounding import check_documents, headers_of

    draft = write_offline(profile, analysis, compiled, options)
    if llm is not None:
        from pipeline.llm_writer import write_with_llm

        return write_with_llm(profile, analysis, compiled, options, llm, draft)
    documents = check_documents(draft, profile, analysis, compiled, headers=headers_of(draft.resume))
    if options.generator == "llm":
        return replace(documents, fallback_reason="no language model is configured")
    return documents


def _sources(resume: Resume, letter: CoverLetter | None) -> Iterator[tuple[str, ...]]:
    for section in resume.sections:
        yield from (line.sources for line in section.lines)
        yield from (line.sources for entry in section.entries for line in entry.bullets)
    if letter:
        yield from (line.sources for paragraph in letter.paragraphs for line in paragraph)


def write_offline(
    profile: Profile, analysis: JobAnalysis, compiled: CompiledProfile, options: GenerationOptions
) -> Documents:
    """Extract and reorder the profile's own items for the job; every claim cites its profile refs.

    Self-check: every cited ref must exist in the profile (``ProvenanceError`` otherwise, a bug here);
    ``guard.checked_claims`` counts the lines checked.
    """
    # Imported here: the writers build this module's dataclasses, so they import it first.
    from pipeline.offline_letter import write_cover_letter
    from pipeline.offline_resume import write_resume

    relevance = Relevance.build(analysis, compiled, options.emphasize)
    resume = write_resume(profile, compiled.years_experience, relevance)
    letter = None
    if options.cover_letter:
        letter = write_cover_letter(profile, analysis, relevance, resume.contact, options)
    checked = verify_sources(_sources(resume, letter), profile_refs(profile))
    return Documents(resume, letter, generator="offline", guard=GuardReport(checked_claims=checked))
