"""Pipeline inputs read from the database: the posting, the profile, options and earlier stage results."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from models.generation import Generation, stage_output
from models.job import Job
from models.json_resume import to_json_resume
from models.profile import Profile as ProfileRow
from pipeline.document_generator import GenerationOptions
from pipeline.errors import StageError
from pipeline.inputs import Posting, Profile, profile_from_json_resume
from pipeline.serialization import from_data

T = TypeVar("T")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def load_posting(session: Session, generation: Generation) -> Posting:
    job = session.get(Job, generation.job_id)
    if job is None:
        raise StageError("the job posting was deleted")
    return Posting(
        title=job.title,
        company=job.company,
        description=job.description,
        location=job.location or "",
        remote=job.remote,
        seniority=job.seniority,
        employment_type=job.employment_type,
        url=job.url or "",
    )


def load_profile(session: Session, generation: Generation) -> Profile:
    row = session.get(ProfileRow, generation.profile_id)
    if row is None:
        raise StageError("the profile was deleted")
    return profile_from_json_resume(to_json_resume(row))


def load_options(generation: Generation) -> GenerationOptions:
    """The request's options; the letter is dated by the request, so a re-run writes the same letter."""
    created = generation.created_at
    date = f"{MONTHS[created.month - 1]} {created.day}, {created.year}"
    return from_data(GenerationOptions, {**(generation.options or {}), "date": date})


def load_result(session: Session, generation: Generation, stage: str, cls: type[T]) -> T:
    data: Any = stage_output(session, generation.id, stage)
    if data is None:
        raise StageError(f"stage {stage} has no stored result")
    return from_data(cls, data)
