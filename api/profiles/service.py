"""Profile use cases: create, replace or patch, import and export JSON Resume, delete."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from models.json_resume import from_json_resume, to_json_resume, upgrade_legacy
from models.profile import COLLECTIONS, SCALARS, Profile, apply_profile_data


def create_profile(session: Session, owner_id: uuid.UUID, data: Mapping[str, Any]) -> Profile:
    profile = apply_profile_data(Profile(owner_id=owner_id), data)
    session.add(profile)
    session.flush()
    return profile


def replace_profile(profile: Profile, data: Mapping[str, Any]) -> Profile:
    """PUT: fields and lists not sent are cleared."""
    blank: dict[str, Any] = dict.fromkeys(SCALARS) | {key: [] for key in COLLECTIONS}
    return apply_profile_data(profile, blank | dict(data))


def import_json_resume(
    session: Session, owner_id: uuid.UUID, document: Mapping[str, Any]
) -> tuple[Profile, list[dict[str, Any]]]:
    """The new profile and the warnings of reading it: JSON Resume 0.x keys moved to their v1 names."""
    upgraded, warnings = upgrade_legacy(document)
    return create_profile(session, owner_id, from_json_resume(upgraded)), warnings


def export_json_resume(profile: Profile) -> dict[str, Any]:
    return to_json_resume(profile)
