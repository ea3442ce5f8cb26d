"""JWT set-up: signing keys with key ids, the token-family revocation check, and 401s as problem+json."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Response, current_app, g
from flask_jwt_extended import JWTManager, get_jwt, jwt_required
from sqlalchemy import Uuid, bindparam, select

from api.errors import problem
from api.extensions import VERIFIED_TOKENS_MAX, bearer_token, db, signing_keys, verified_tokens
from models.user import RefreshTokenFamily


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


_FAMILY_REVOKED = select(RefreshTokenFamily.revoked_at.is_not(None)).where(
    RefreshTokenFamily.id == bindparam("family_id", type_=Uuid())
)


def family_revoked(family_id: str | None) -> bool:
    if not family_id:
        return True
    now = time.monotonic()
    known_until = _unrevoked.get(family_id)
    if known_until is not None:
        if known_until > now:
            return False
        # Due for a re-check: requests arriving meanwhile keep the last answer, not all query at once.
        _unrevoked[family_id] = now + FAMILY_CHECK_TTL_S
    try:
        fid = uuid.UUID(family_id)
    except ValueError:
        return True
    with db.quick_read() as connection:
        revoked = connection.execute(_FAMILY_REVOKED, {"family_id": fid}).scalar()
    if revoked is False:
        if len(_unrevoked) >= FAMILY_CACHE_MAX:
            _unrevoked.clear()
        _unrevoked[family_id] = now + FAMILY_CHECK_TTL_S
    else:
        _unrevoked.pop(family_id, None)
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


def _still_valid(token: str) -> dict[str, Any] | None:
    """The claims of a token verified here before, if it has not expired or been revoked since."""
    claims = verified_tokens().get(token) if token else None
    if claims is None:
        return None
    now = time.time()
    if not claims.get("nbf", 0) <= now < claims["exp"] or family_revoked(claims.get("fam")):
        return None
    return claims


def token_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """``jwt_required()`` for access tokens, verifying each token string in full once per process.

    A token seen for the first time goes through flask-jwt-extended (key id, signature, claims, revocation)
    and its claims are kept. The very same string is then accepted after checking only what changes with
    time: not-before, expiry and its login's revocation. Anything else (new, expired, revoked, malformed)
    takes flask-jwt-extended's path, so every refusal is its 401.
    """

    @jwt_required()
    def verify_in_full(*args: Any, **kwargs: Any) -> Any:
        claims = get_jwt()
        token = bearer_token()
        if token and claims.get("type") == "access" and "exp" in claims:
            verified = verified_tokens()
            if len(verified) >= VERIFIED_TOKENS_MAX:
                verified.clear()
            verified[token] = claims
        return current_app.ensure_sync(view)(*args, **kwargs)

    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        claims = _still_valid(bearer_token())
        if claims is None:
            return verify_in_full(*args, **kwargs)
        g.jobwise_claims = claims
        return current_app.ensure_sync(view)(*args, **kwargs)

    return wrapper


def current_claims() -> dict[str, Any]:
    """The verified claims of this request's access token."""
    return g.get("jobwise_claims") or get_jwt()


def current_user_id() -> uuid.UUID:
    return uuid.UUID(current_claims()["sub"])


def current_family_id() -> uuid.UUID | None:
    family = current_claims().get("fam")
    return uuid.UUID(family) if family else None
