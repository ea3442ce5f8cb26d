"""Small model factories: rows for tests that talk to the database without the API."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from models.generation import Generation, new_generation
from models.job import Job
from models.json_resume import from_json_resume
from models.profile import Profile, apply_profile_data
from models.user import User

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_RESUME = json.loads((EXAMPLES / "profile.json").read_text(encoding="utf-8"))
EXAMPLE_JOB = json.loads((EXAMPLES / "job.json").read_text(encoding="utf-8"))
OFFLINE_OPTIONS = {"template": "classic", "page_size": "letter", "one_page": False, "cover_letter": True,
                   "generator": "offline"}  # fmt: skip


def make_user(session: Session, email: str | None = None) -> User:
    user = User(email=email or f"{uuid.uuid4().hex[:10]}@example.com", name="Test User", password_hash="x")
    session.add(user)
    session.flush()
    return user


def make_profile(session: Session, owner: User, document: dict[str, Any] | None = None) -> Profile:
    profile = apply_profile_data(Profile(owner_id=owner.id), from_json_resume(document or EXAMPLE_RESUME))
    session.add(profile)
    session.flush()
    return profile


def make_job(session: Session, owner: User | None, **fields: Any) -> Job:
    job = Job(owner_id=owner.id if owner else None, **{**EXAMPLE_JOB, **fields})
    session.add(job)
    session.flush()
    return job


def make_generation(session: Session, owner: User | None = None, **options: Any) -> Generation:
    """A queued generation of the example profile for the example job, with its pending stage rows."""
    owner = owner or make_user(session)
    profile, job = make_profile(session, owner), make_job(session, owner)
    return new_generation(session, owner.id, profile.id, job.id, options={**OFFLINE_OPTIONS, **options})
