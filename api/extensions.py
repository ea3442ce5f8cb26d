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


# Access tokens already verified by this process: token -> (subject, expiry). A client polls with the same
# token for its 15 minutes; its signature is checked once here (the view still verifies it in full).
_verified_subjects: dict[str, tuple[str, float]] = {}


def rate_limit_key() -> str:
    """Per user when a validly signed token is present, else per client address.

    Only the signature and expiry are checked here (PyJWT, microseconds); the revocation check and the
    rest happen once, in the view's ``jwt_required``. A revoked but well-signed token is counted against
    its own user, which is where its requests belong anyway.
    """
    identity = None
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    known = _verified_subjects.get(token) if token else None
    if known is not None and known[1] > time.time():
        identity = known[0]
    elif scheme.lower() == "bearer" and token:
        try:
            kid = pyjwt.get_unverified_header(token).get("kid")
            keys = {current_app.config["JWT_KEY_ID"]: current_app.config["JWT_SECRET_KEY"]}
            keys.update(current_app.config["JWT_PREVIOUS_KEYS"])
            key = keys.get(str(kid), current_app.config["JWT_SECRET_KEY"])
            claims = pyjwt.decode(token, key, algorithms=[current_app.config["JWT_ALGORITHM"]])
            identity = claims.get("sub") if claims.get("type") == "access" else None
            if identity and "exp" in claims:
                if len(_verified_subjects) >= 10_000:
                    _verified_subjects.clear()
                _verified_subjects[token] = (identity, float(claims["exp"]))
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
