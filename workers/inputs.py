"""What each stage task reads from the database, as one frozen value per stage.

Each loader runs in one short transaction; the stage then runs with none open. The posting, the profile,
the request's options and earlier stages' stored results are validated back into the pipeline's own types.
The profile is read from the database once, by stage 2, which stores the version it compiled for stages 3
and 4: a generation works from one version of the profile even when it is edited meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from models.generation import STAGES, Generation, stage_output
from models.job import Job
from models.json_resume import to_json_resume
from models.profile import Profile as ProfileRow
from pipeline.document_generator import Documents, GenerationOptions
from pipeline.errors import StageError
from pipeline.inputs import Posting, Profile, profile_from_json_resume
from pipeline.job_analyzer import JobAnalysis
from pipeline.profile_compiler import CompiledProfile
from pipeline.quality_validator import QualityResult
from pipeline.serialization import from_data

T = TypeVar("T")
ANALYZE, COMPILE, GENERATE, VALIDATE, EXPORT = STAGES
PROFILE_USED = "profile_used"  # in stage 2's stored result: the profile it compiled, for stages 3 and 4


@dataclass(frozen=True)
class AnalyzeInputs:
    posting: Posting
    options: GenerationOptions


@dataclass(frozen=True)
class CompileInputs:
    profile: Profile
    analysis: JobAnalysis
    options: GenerationOptions
    today: str  # the request's date: ongoing roles end there, so a re-run counts the same years


@dataclass(frozen=True)
class GenerateInputs:
    profile: Profile
    analysis: JobAnalysis
    compiled: CompiledProfile
    options: GenerationOptions


@dataclass(frozen=True)
class ValidateInputs(GenerateInputs):
    documents: Documents


@dataclass(frozen=True)
class ExportInputs:
    documents: Documents
    options: GenerationOptions
    validated: QualityResult | None = None  # stage 4's result: the resume PDF it scored


def load_posting(session: Session, generation: Generation) -> Posting:
    job = session.get(Job, generation.job_id)
    if job is None:
        raise StageError("the job posting was deleted")
    return from_data(
        Posting,
        {
            "title": job.title,
            "company": job.company,
            "description": job.description,
            "location": job.location or "",
            "remote": job.remote,
            "seniority": job.seniority,
            "employment_type": job.employment_type,
            "url": job.url or "",
        },
    )


def load_profile(session: Session, generation: Generation) -> Profile:
    row = session.get(ProfileRow, generation.profile_id)
    if row is None:
        raise StageError("the profile was deleted")
    try:
        return profile_from_json_resume(to_json_resume(row))
    except ValueError as error:  # pydantic's ValidationError: the stored document lost the schema's shape
        raise StageError(
            f"the profile is not a valid JSON Resume document: {error.__class__.__name__}"
        ) from error


def load_options(generation: Generation) -> GenerationOptions:
    """The request's options; the letter is dated by the request, so a re-run writes the same letter."""
    return from_data(GenerationOptions, {**(generation.options or {}), "date": _request_date(generation)})


def _request_date(generation: Generation) -> str:
    return generation.created_at.date().isoformat()


def stored_result(session: Session, generation: Generation, stage: str) -> dict[str, Any]:
    """An earlier stage's stored result, as stored (JSON data)."""
    data = stage_output(session, generation.id, stage)
    if data is None:
        raise StageError(f"stage {stage} has no stored result")
    return data


def load_result(session: Session, generation: Generation, stage: str, cls: type[T]) -> T:
    return from_data(cls, stored_result(session, generation, stage))


def load_analyze(session: Session, generation: Generation) -> AnalyzeInputs:
    return AnalyzeInputs(load_posting(session, generation), load_options(generation))


def load_compile(session: Session, generation: Generation) -> CompileInputs:
    return CompileInputs(
        profile=load_profile(session, generation),
        analysis=load_result(session, generation, ANALYZE, JobAnalysis),
        options=load_options(generation),
        today=_request_date(generation),
    )


def load_generate(session: Session, generation: Generation) -> GenerateInputs:
    """Stage 3's inputs: the profile as stage 2 compiled it (stored with its result, ``PROFILE_USED``; a
    result stored before it was kept there means the profile as it is now), and stages 1 and 2's results."""
    stored = stored_result(session, generation, COMPILE)
    used = stored.get(PROFILE_USED)
    profile = from_data(Profile, used) if used is not None else load_profile(session, generation)
    return GenerateInputs(
        profile=profile,
        analysis=load_result(session, generation, ANALYZE, JobAnalysis),
        compiled=from_data(CompiledProfile, stored),
        options=load_options(generation),
    )


def load_validate(session: Session, generation: Generation) -> ValidateInputs:
    earlier = load_generate(session, generation)
    documents = load_result(session, generation, GENERATE, Documents)
    return ValidateInputs(earlier.profile, earlier.analysis, earlier.compiled, earlier.options, documents)


def load_export(session: Session, generation: Generation) -> ExportInputs:
    validated = load_result(session, generation, VALIDATE, QualityResult)
    return ExportInputs(validated.documents, load_options(generation), validated)
