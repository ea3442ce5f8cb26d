"""Stage 3, offline: the profile's own items, extracted and reordered for the job (``resume``), and a cover
letter of template sentences around the profile's own words (``letter``). Every line cites its refs."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.document_generator.offline.letter import write_cover_letter
from pipeline.document_generator.offline.resume import write_resume
from pipeline.document_generator.relevance import Relevance
from pipeline.document_generator.types import CoverLetter, Documents, GenerationOptions, GuardReport, Resume
from pipeline.inputs import Profile, profile_refs, verify_sources
from pipeline.job_analyzer import JobAnalysis
from pipeline.profile_compiler import CompiledProfile


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
    relevance = Relevance.build(analysis, compiled, options.emphasize)
    resume = write_resume(profile, compiled.years_experience, relevance)
    letter = None
    if options.cover_letter:
        letter = write_cover_letter(profile, analysis, compiled, relevance, resume.contact, options)
    checked = verify_sources(_sources(resume, letter), profile_refs(profile))
    return Documents(resume, letter, generator="offline", guard=GuardReport(checked_claims=checked))
