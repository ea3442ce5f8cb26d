"""JWT set-up: signing keys with key ids, the token-family revocation check, and 401s as problem+json."""

from __future__ import annotations

import time
import uuid
from typing import Any

from flask import Flask, Response, current_app
from flask_jwt_extended import JWTManager, get_jwt, get_jwt_identity
from sqlalchemy import select

from api.errors import problem
from api.extensions import db
from models.user import RefreshTokenFamily


def signing_keys(app: Flask) -> dict[str, str]:
    """Every key id we accept, the current signing key first."""
    return {app.config["JWT_KEY_ID"]: app.config["JWT_SECRET_KEY"], **app.config["JWT_PREVIOUS_KEYS"]}


def _unauthorized(detail: str) -> Response:
    return problem(401, detail, headers={"WWW-Authenticate": "Bearer"})


# Families seen unrevoked, and until when (monotonic) that answer is reused. Every authenticated request
# checks its token's family; this spares the database that query on a mobile client's polls. A revocation in
# this process forgets them all at once; one in another process is seen here within FAMILY_CHECK_TTL_S.
FAMILY_CHECK_TTL_S = 5.0
FAMILY_CACHE_MAX = 10_000
_unrevoked: dict[str, float] = {}


def forget_revocation_checks() -> None:
    """Call after revoking a family or deleting an account (the next check goes to the database)."""
    _unrevoked.clear()


def family_revoked(family_id: str | None) -> bool:
    if not family_id:
        return True
    now = time.monotonic()
    if _unrevoked.get(family_id, 0.0) > now:
        return False
    try:
        fid = uuid.UUID(family_id)
    except ValueError:
        return True
    revoked = db.session.execute(
        select(RefreshTokenFamily.revoked_at.is_not(None)).where(RefreshTokenFamily.id == fid)
    ).scalar()
    if revoked is False:
        if len(_unrevoked) >= FAMILY_CACHE_MAX:
            _unrevoked.clear()
        _unrevoked[family_id] = now + FAMILY_CHECK_TTL_S
    return revoked is not False


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
