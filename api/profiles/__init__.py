"""A user's profiles: CRUD, plus JSON Resume import and export."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Response, jsonify
from flask.views import MethodView
from flask_smorest import abort

from api.audit import audit
from api.auth.tokens import current_user_id, token_required
from api.blueprint import Blueprint
from api.extensions import db
from api.pagination import SelectPage
from api.profiles.schemas import (
    JsonResumeSchema,
    ProfileImportSchema,
    ProfileSchema,
    ProfileSummarySchema,
)
from api.profiles.service import create_profile, export_json_resume, import_json_resume, replace_profile
from models.profile import Profile, apply_profile_data, get_owned_profile, list_profiles

blp = Blueprint("profiles", __name__, url_prefix="/api/v1/profiles", description="Candidate profiles")


def owned_or_404(profile_id: uuid.UUID) -> Profile:
    profile = get_owned_profile(db.session, current_user_id(), profile_id)
    if profile is None:
        abort(404, message="No such profile.")
    return profile


@blp.route("")
class Profiles(MethodView):
    decorators = (token_required,)

    @blp.response(200, ProfileSummarySchema(many=True))
    @blp.paginate(SelectPage)
    def get(self) -> Any:
        """The caller's profiles, newest first."""
        return list_profiles(current_user_id())

    @blp.arguments(ProfileSchema)
    @blp.response(201, ProfileSchema)
    def post(self, data: dict[str, Any]) -> Profile:
        """Create a profile."""
        profile = create_profile(db.session, current_user_id(), data)
        db.session.commit()
        return profile


class Imported:
    """A new profile with the warnings of its import, dumped by ``ProfileImportSchema``."""

    def __init__(self, profile: Profile, warnings: list[dict[str, Any]]) -> None:
        self.profile = profile
        self.warnings = warnings

    def __getattr__(self, name: str) -> Any:
        return getattr(self.profile, name)


@blp.route("/import")
class ProfileImport(MethodView):
    decorators = (token_required,)

    @blp.arguments(JsonResumeSchema)
    @blp.response(201, ProfileImportSchema)
    def post(self, document: dict[str, Any]) -> Imported:
        """Create a profile from a JSON Resume (v1) document; extension fields are kept.

        A JSON Resume 0.x document (``work[].company``, ``website``, ``gpa``, ...) is read with those keys
        moved to their v1 names, and ``warnings`` lists each renamed key.
        """
        profile, warnings = import_json_resume(db.session, current_user_id(), document)
        db.session.commit()
        return Imported(profile, warnings)


@blp.route("/<uuid:profile_id>")
class ProfileById(MethodView):
    decorators = (token_required,)

    @blp.response(200, ProfileSchema)
    @blp.alt_response(404, description="No such profile for this user")
    def get(self, profile_id: uuid.UUID) -> Profile:
        """One profile."""
        return owned_or_404(profile_id)

    @blp.arguments(ProfileSchema)
    @blp.response(200, ProfileSchema)
    @blp.alt_response(404, description="No such profile for this user")
    def put(self, data: dict[str, Any], profile_id: uuid.UUID) -> Profile:
        """Replace a profile; fields and lists left out are cleared."""
        profile = replace_profile(owned_or_404(profile_id), data)
        db.session.commit()
        return profile

    @blp.arguments(ProfileSchema(partial=True))
    @blp.response(200, ProfileSchema)
    @blp.alt_response(404, description="No such profile for this user")
    def patch(self, data: dict[str, Any], profile_id: uuid.UUID) -> Profile:
        """Change some fields; a list that is sent replaces the stored list."""
        profile = apply_profile_data(owned_or_404(profile_id), data)
        db.session.commit()
        return profile

    @blp.response(204)
    @blp.alt_response(404, description="No such profile for this user")
    def delete(self, profile_id: uuid.UUID) -> None:
        """Delete a profile and the generations made from it."""
        profile = owned_or_404(profile_id)
        db.session.delete(profile)
        audit(db.session, "profile_delete", user_id=profile.owner_id, target=("profile", profile.id))
        db.session.commit()


@blp.route("/<uuid:profile_id>/export")
class ProfileExport(MethodView):
    decorators = (token_required,)

    @blp.response(200, JsonResumeSchema)
    @blp.alt_response(404, description="No such profile for this user")
    def get(self, profile_id: uuid.UUID) -> Response:
        """The profile as a JSON Resume (v1) document, extension fields included."""
        profile = owned_or_404(profile_id)
        audit(db.session, "profile_export", user_id=profile.owner_id, target=("profile", profile.id))
        db.session.commit()
        return jsonify(export_json_resume(profile))  # not dumped through the schema: nothing is dropped
