"""Accounts, passwords (Argon2id) and refresh-token rotation with reuse detection."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_jwt_extended import create_access_token, create_refresh_token, decode_token
from jwt import PyJWTError
from sqlalchemy import update
from sqlalchemy.orm import Session

from api.auth.tokens import forget_revocation_checks
from models.audit import record_event
from models.base import utcnow
from models.user import RefreshToken, RefreshTokenFamily, User, find_user_by_email

hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters
_DUMMY_HASH = hasher.hash("timing-equalizer")


class AuthError(Exception):
    """Credentials or a token were refused; ``detail`` is safe to show."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class EmailTakenError(Exception):
    pass


def register_user(session: Session, email: str, password: str, name: str) -> User:
    email = email.strip().lower()
    if find_user_by_email(session, email):
        raise EmailTakenError(email)
    user = User(email=email, name=name.strip(), password_hash=hasher.hash(password))
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, email: str, password: str, **audit: Any) -> User:
    """The user with these credentials; the failure is audited without the email."""
    user = find_user_by_email(session, email)
    try:
        hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
        if user is None:
            raise VerificationError("no such user")
    except (VerificationError, InvalidHashError):
        record_event(session, "login_failed", user_id=user.id if user else None, **audit)
        session.commit()
        raise AuthError("Email or password is wrong.") from None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    record_event(session, "login", user_id=user.id, **audit)
    return user


def issue_tokens(session: Session, user_id: uuid.UUID, family: RefreshTokenFamily | None = None) -> dict:
    """A new access and refresh token; a login starts a family, a refresh continues it.

    Only a login's access token is "fresh": deleting the account needs one (the password was just typed).
    """
    fresh = family is None
    if family is None:
        family = RefreshTokenFamily(user_id=user_id)
        session.add(family)
        session.flush()
    claims = {"fam": str(family.id)}
    jti = uuid.uuid4().hex
    refresh_lifetime = timedelta(seconds=current_app.config["JWT_REFRESH_TOKEN_EXPIRES"])
    access_lifetime = current_app.config["JWT_ACCESS_TOKEN_EXPIRES"]
    session.add(RefreshToken(jti=jti, family_id=family.id, expires_at=utcnow() + refresh_lifetime))
    return {
        "access_token": create_access_token(
            str(user_id),
            fresh=fresh,
            additional_claims=claims,
            expires_delta=timedelta(seconds=access_lifetime),
        ),
        "refresh_token": create_refresh_token(
            str(user_id), additional_claims={**claims, "jti": jti}, expires_delta=refresh_lifetime
        ),
        "token_type": "Bearer",
        "expires_in": access_lifetime,
    }


def revoke_family(session: Session, family_id: uuid.UUID, reason: str) -> None:
    session.execute(
        update(RefreshTokenFamily)
        .where(RefreshTokenFamily.id == family_id, RefreshTokenFamily.revoked_at.is_(None))
        .values(revoked_at=utcnow(), revoked_reason=reason)
    )
    forget_revocation_checks()


def rotate_refresh_token(session: Session, token: str, **audit: Any) -> dict:
    """Spend ``token`` for a new pair. Spending it twice revokes its whole family (a stolen token)."""
    try:
        claims = decode_token(token)
    except PyJWTError as exc:
        raise AuthError(f"Invalid refresh token: {exc}.") from None
    if claims.get("type") != "refresh":
        raise AuthError("An access token was given where a refresh token is needed.")
    stored = session.get(RefreshToken, claims.get("jti", ""))
    if stored is None:
        raise AuthError("Unknown refresh token.")
    family = session.get(RefreshTokenFamily, stored.family_id)
    if family is None or family.revoked_at is not None:
        raise AuthError("This refresh token has been revoked.")
    spent = session.execute(
        update(RefreshToken)
        .where(RefreshToken.jti == stored.jti, RefreshToken.used_at.is_(None))
        .values(used_at=datetime.now(UTC))
    )
    if spent.rowcount != 1:
        revoke_family(session, family.id, "reuse")
        target = ("token_family", family.id)
        record_event(session, "refresh_reuse", user_id=family.user_id, target=target, **audit)
        session.commit()
        raise AuthError("This refresh token was already used; every session from that login is now revoked.")
    return issue_tokens(session, family.user_id, family)


def delete_account(session: Session, user_id: uuid.UUID, **audit: Any) -> None:
    """Delete the user and everything they own (profiles, jobs, generations, documents, tokens)."""
    user = session.get(User, user_id)
    if user is not None:
        session.delete(user)
        record_event(session, "account_delete", target=("user", user_id), **audit)
