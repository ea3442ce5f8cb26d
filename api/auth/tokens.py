"""JWT set-up: signing keys with key ids, the token-family revocation check, and 401s as problem+json."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Flask, Response, current_app
from flask_jwt_extended import JWTManager, get_jwt, get_jwt_identity

from api.errors import problem
from api.extensions import db
from models.user import RefreshTokenFamily


def signing_keys(app: Flask) -> dict[str, str]:
    """Every key id we accept, the current signing key first."""
    return {app.config["JWT_KEY_ID"]: app.config["JWT_SECRET_KEY"], **app.config["JWT_PREVIOUS_KEYS"]}


def _unauthorized(detail: str) -> Response:
    return problem(401, detail, headers={"WWW-Authenticate": "Bearer"})


def family_revoked(family_id: str | None) -> bool:
    if not family_id:
        return True
    try:
        fid = uuid.UUID(family_id)
    except ValueError:
        return True
    family = db.session.get(RefreshTokenFamily, fid)
    return family is None or family.revoked_at is not None


def register_jwt_callbacks(jwt: JWTManager) -> None:
    @jwt.encode_key_loader
    def _encode_key(_identity: Any) -> str:
        return current_app.config["JWT_SECRET_KEY"]

    @jwt.additional_headers_loader
    def _kid_header(_identity: Any) -> dict[str, str]:
        return {"kid": current_app.config["JWT_KEY_ID"]}

    @jwt.decode_key_loader
    def _decode_key(header: dict[str, Any], _payload: dict[str, Any]) -> str:
        keys = signing_keys(current_app)
        # An unknown kid gets the current key, so its signature check fails as it should.
        return keys.get(str(header.get("kid")), current_app.config["JWT_SECRET_KEY"])

    @jwt.token_in_blocklist_loader
    def _revoked(_header: dict[str, Any], payload: dict[str, Any]) -> bool:
        return family_revoked(payload.get("fam"))

    jwt.unauthorized_loader(lambda reason: _unauthorized(f"Authentication required: {reason}."))
    jwt.invalid_token_loader(lambda reason: _unauthorized(f"Invalid token: {reason}."))
    jwt.expired_token_loader(lambda _h, _p: _unauthorized("The token has expired."))
    jwt.revoked_token_loader(lambda _h, _p: _unauthorized("The token has been revoked."))
    jwt.needs_fresh_token_loader(lambda _h, _p: _unauthorized("A fresh login is required."))
    jwt.user_lookup_error_loader(lambda _h, _p: _unauthorized("Unknown user."))
    jwt.token_verification_failed_loader(lambda _h, _p: _unauthorized("Token verification failed."))


def current_user_id() -> uuid.UUID:
    return uuid.UUID(get_jwt_identity())


def current_family_id() -> uuid.UUID | None:
    family = get_jwt().get("fam")
    return uuid.UUID(family) if family else None
