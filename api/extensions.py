"""Extensions, created once and bound to an app in ``create_app``."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import jwt as pyjwt
from flask import Flask, current_app, g, request
from flask_cors import CORS
from flask_jwt_extended import JWTManager
from sqlalchemy import Connection
from sqlalchemy.orm import Session, sessionmaker

from api.announcements import announcements_for
from api.errors import ProblemApi
from api.ratelimits import RateLimits, remote_address
from models.session import SessionLocal, configure, make_read_engine


class Database:
    """One SQLAlchemy session per request, closed (and rolled back if uncommitted) at teardown."""

    def init_app(self, app: Flask) -> None:
        factory: sessionmaker[Session] | None = app.config.get("DB_SESSIONMAKER")
        if factory is None:
            configure(app.config["DATABASE_URL"], **app.config["DB_POOL"])
            factory = SessionLocal
            app.extensions["jobwise_read_engine"] = make_read_engine(
                app.config["DATABASE_URL"], **app.config["DB_POOL"]
            )
        app.extensions["jobwise_db"] = factory
        app.teardown_appcontext(self._close)

    @property
    def session(self) -> Session:
        if "db_session" not in g:
            g.db_session = current_app.extensions["jobwise_db"]()
        return g.db_session

    @contextmanager
    def quick_read(self) -> Iterator[Connection]:
        """A connection for one short read outside the request's session (the status poll): no session to
        begin and close, and the connection is back in its pool before the answer is built. It comes from
        the read engine, whose connections autocommit: one statement needs no transaction, and psycopg2
        would otherwise send BEGIN before it and ROLLBACK after it, two more round trips. Sessions bound to
        a test's connection read on it instead."""
        engine = current_app.extensions.get("jobwise_read_engine")
        if engine is None:
            yield self.session.connection()
            return
        with engine.connect() as connection:
            yield connection

    @staticmethod
    def _close(_exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()


# Access tokens flask-jwt-extended has verified in full in this app (its keys): token -> its claims. A mobile
# client polls with one token for its 15 minutes; decoding it again (three PyJWT parses and an HMAC) was a
# sixth of a status poll's CPU. ``token_required`` fills it; the rate limiter's key reads it too.
VERIFIED_TOKENS_MAX = 10_000


def verified_tokens() -> dict[str, dict[str, Any]]:
    return current_app.extensions.setdefault("jobwise_verified_tokens", {})


def signing_keys(app: Flask) -> dict[str, str]:
    """Every key id we accept, the current signing key first."""
    return {app.config["JWT_KEY_ID"]: app.config["JWT_SECRET_KEY"], **app.config["JWT_PREVIOUS_KEYS"]}


def bearer_token() -> str:
    """The request's bearer token ("" without one); the scheme is normalized first (``api.hardening``)."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token if scheme == "Bearer" else ""


def rate_limit_key() -> str:
    """Per user when a validly signed access token is present, else per client address.

    A token the view has verified before is looked up (``verified_tokens``); a new one is only checked for
    its signature and expiry here (PyJWT, microseconds), the rest happens in the view. A revoked but
    well-signed token is counted against its own user, which is where its requests belong anyway.
    """
    token = bearer_token()
    identity = None
    claims = verified_tokens().get(token) if token else None
    if claims is not None and claims["exp"] > time.time():
        identity = claims["sub"]
    elif token:
        try:
            kid = pyjwt.get_unverified_header(token).get("kid")
            key = signing_keys(current_app).get(str(kid), current_app.config["JWT_SECRET_KEY"])
            decoded = pyjwt.decode(token, key, algorithms=[current_app.config["JWT_ALGORITHM"]])
            identity = decoded.get("sub") if decoded.get("type") == "access" else None
        except pyjwt.PyJWTError:  # an invalid token is the view's business; here it only means "no user"
            identity = None
    return f"user:{identity}" if identity else f"ip:{remote_address()}"


db = Database()
jwt = JWTManager()
api = ProblemApi()
cors = CORS()


# Per user (or per address without a token), and a looser cap per address whoever the user is.
limiter = RateLimits(default_key=rate_limit_key)


def init_extensions(app: Flask, **_: Any) -> None:
    db.init_app(app)
    app.extensions["jobwise_announcements"] = announcements_for(
        app.config["DATABASE_URL"], app.config["JOBWISE_MAX_WAITERS"]
    )
    jwt.init_app(app)
    limiter.init_app(app)
    cors.init_app(
        app,
        resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}},
        expose_headers=["Location", "ETag", "Retry-After", "X-Request-ID", "X-Pagination"],
    )
    api.init_app(app)
