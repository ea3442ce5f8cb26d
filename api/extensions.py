"""Extensions, created once and bound to an app in ``create_app``."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import jwt as pyjwt
import redis
from flask import Flask, Response, current_app, g, request
from flask_cors import CORS
from flask_jwt_extended import JWTManager
from flask_limiter import HeaderNames, Limit, Limiter, RequestLimit
from flask_limiter.util import get_remote_address
from sqlalchemy import Connection
from sqlalchemy.orm import Session, sessionmaker

from api.announcements import announcements_for
from api.errors import ProblemApi, problem
from api.ratelimits import lease_hits
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


REDIS_POOL_SIZE = 50


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
    return f"user:{identity}" if identity else f"ip:{get_remote_address()}"


def auth_rate_limit() -> str:
    return current_app.config["RATELIMIT_AUTH"]


def default_rate_limit() -> str:
    return current_app.config["RATELIMIT_DEFAULT"]


def address_rate_limit() -> str:
    return current_app.config["RATELIMIT_PER_ADDRESS"]


db = Database()
jwt = JWTManager()
api = ProblemApi()
cors = CORS()


def rate_limited(limit: RequestLimit) -> Response:
    """429 in the one error format, with Retry-After: the seconds until the window resets."""
    wait = max(1, int(limit.reset_at - time.time()))
    return problem(
        429, f"Too many requests: {limit.limit}. Try again in {wait} s.", headers={"Retry-After": str(wait)}
    )


limiter = Limiter(
    key_func=rate_limit_key,
    # Per user (or per address without a token), and a looser cap per address whoever the user is.
    default_limits=[default_rate_limit, Limit(address_rate_limit, key_function=get_remote_address)],
    headers_enabled=True,
    # X-RateLimit-* on every answer; Retry-After only on a 429 (on a 202 or a status it means "poll again").
    header_name_mapping={HeaderNames.RETRY_AFTER: "X-RateLimit-Retry-After"},
    on_breach=rate_limited,
)


def init_extensions(app: Flask, **_: Any) -> None:
    db.init_app(app)
    app.extensions["jobwise_announcements"] = announcements_for(
        app.config["DATABASE_URL"], app.config["JOBWISE_MAX_WAITERS"]
    )
    jwt.init_app(app)
    uri = app.config["RATELIMIT_STORAGE_URI"]
    if uri.startswith(("redis://", "rediss://")) and "RATELIMIT_STORAGE_OPTIONS" not in app.config:
        # Under gevent hundreds of requests may check their limits at once: wait for a pooled connection
        # (a few ms) instead of redis-py's MaxConnectionsError, which would answer 500.
        pool = redis.BlockingConnectionPool.from_url(uri, max_connections=REDIS_POOL_SIZE, timeout=10)
        app.config["RATELIMIT_STORAGE_OPTIONS"] = {"connection_pool": pool}
    limiter.init_app(app)
    # flask-limiter keeps "storage unreachable" on the Limiter, not per app: an app made after another one's
    # Redis was down (tests, two apps in one process) would count in memory until a timed re-check.
    limiter._storage_dead = False
    if limiter.enabled:  # RATELIMIT_ENABLED=false: no storage at all
        lease_hits(limiter.storage)
    cors.init_app(
        app,
        resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}},
        expose_headers=["Location", "ETag", "Retry-After", "X-Request-ID", "X-Pagination"],
    )
    api.init_app(app)
