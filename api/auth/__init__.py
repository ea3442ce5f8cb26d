"""Register, log in, rotate refresh tokens, log out, and who am I."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_jwt_extended import jwt_required
from flask_smorest import abort

from api.audit import audit, request_context
from api.auth.schemas import LoginSchema, RefreshSchema, RegisterSchema, TokenSchema, UserSchema
from api.auth.service import (
    AuthError,
    EmailTakenError,
    authenticate,
    delete_account,
    issue_tokens,
    register_user,
    revoke_family,
    rotate_refresh_token,
)
from api.auth.tokens import current_family_id, current_user_id, forget_revocation_checks, token_required
from api.blueprint import Blueprint
from api.extensions import db, limiter
from api.ratelimits import remote_address
from models.user import User

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth", description="Accounts and tokens")
strict = limiter.limit("RATELIMIT_AUTH", remote_address)

# Tokens must not be kept by any cache (RFC 6749 section 5.1).
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
NO_STORE_DOC = {"Cache-Control": "CACHE_CONTROL"}


@blp.route("/register")
class Register(MethodView):
    decorators = (strict,)

    @blp.doc(security=[])
    @blp.arguments(RegisterSchema)
    @blp.response(201, UserSchema)
    @blp.alt_response(409, description="The email is already registered")
    def post(self, data: dict[str, Any]) -> User:
        """Create an account."""
        try:
            user = register_user(db.session, **data)
        except EmailTakenError:
            abort(409, message="An account with this email already exists.")
        audit(db.session, "register", user_id=user.id)
        db.session.commit()
        return user


@blp.route("/login")
class Login(MethodView):
    decorators = (strict,)

    @blp.doc(security=[])
    @blp.arguments(LoginSchema)
    @blp.response(200, TokenSchema, headers=NO_STORE_DOC)
    @blp.alt_response(401, description="Wrong email or password")
    def post(self, data: dict[str, Any]) -> Any:
        """Exchange email and password for an access token (15 minutes) and a refresh token."""
        try:
            user = authenticate(db.session, data["email"], data["password"], **request_context())
        except AuthError as exc:
            abort(401, message=exc.detail)
        tokens = issue_tokens(db.session, user.id)
        db.session.commit()
        return tokens, 200, NO_STORE


@blp.route("/refresh")
class Refresh(MethodView):
    decorators = (strict,)

    @blp.doc(security=[])
    @blp.arguments(RefreshSchema)
    @blp.response(200, TokenSchema, headers=NO_STORE_DOC)
    @blp.alt_response(401, description="Invalid, expired, revoked or reused refresh token")
    def post(self, data: dict[str, Any]) -> Any:
        """Spend a refresh token for a new pair. A token spent twice revokes every token of its login."""
        try:
            tokens = rotate_refresh_token(db.session, data["refresh_token"], **request_context())
        except AuthError as exc:
            forget_revocation_checks()  # a reused token may just have revoked its family
            abort(401, message=exc.detail)
        db.session.commit()
        return tokens, 200, NO_STORE


@blp.route("/logout")
class Logout(MethodView):
    decorators = (token_required,)

    @blp.response(204)
    def post(self) -> None:
        """Revoke this login: its refresh tokens and access tokens stop working."""
        if family_id := current_family_id():
            revoke_family(db.session, family_id, "logout")
        audit(db.session, "logout", user_id=current_user_id())
        db.session.commit()
        forget_revocation_checks()


@blp.route("/me")
class Me(MethodView):
    decorators = (token_required,)

    @blp.response(200, UserSchema)
    def get(self) -> User:
        """The signed-in user."""
        user = db.session.get(User, current_user_id())
        if user is None:
            abort(401, message="Unknown user.")
        return user

    @jwt_required(fresh=True)
    @blp.response(204)
    @blp.alt_response(401, description="Needs an access token from a login of the last 15 minutes")
    def delete(self) -> None:
        """Delete the account and all its profiles, jobs, generations and documents. Needs a fresh login."""
        delete_account(db.session, current_user_id(), **request_context())
        db.session.commit()
        forget_revocation_checks()
