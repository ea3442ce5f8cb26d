"""Extensions, created once and bound to an app in ``create_app``."""

from __future__ import annotations

import time
from typing import Any

import flask_jwt_extended.view_decorators as jwt_views
import jwt as pyjwt
import redis
from flask import Flask, Response, current_app, g, request
from flask_cors import CORS
from flask_jwt_extended import JWTManager
from flask_limiter import HeaderNames, Limit, Limiter, RequestLimit
from flask_limiter.util import get_remote_address
from sqlalchemy.orm import Session, sessionmaker

from api.announcements import announcements_for
from api.errors import ProblemApi, problem
from api.ratelimits import remember_recent_hits
from models.session import SessionLocal, configure


class Database:
    """One SQLAlchemy session per request, closed (and rolled back if uncommitted) at teardown."""

    def init_app(self, app: Flask) -> None:
        factory: sessionmaker[Session] | None = app.config.get("DB_SESSIONMAKER")
        if factory is None:
            configure(app.config["DATABASE_URL"])
            factory = SessionLocal
        app.extensions["jobwise_db"] = factory
        app.teardown_appcontext(self._close)

    @property
    def session(self) -> Session:
        if "db_session" not in g:
            g.db_session = current_app.extensions["jobwise_db"]()
        return g.db_session

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


# Tokens whose signature and claims this app has verified: token -> (expiry, claims). PyJWT checks every
# character of every segment in Python and flask-jwt-extended parses a token three times (claims, header,
# then the verified decode): about a sixth of a status poll's CPU. A client polls with one token for its
# 15 minutes, so the verified claims are reused until the token's expiry; after it, the full decode runs
# again and answers "expired". Revocation is not cached here: ``token_in_blocklist_loader`` runs on every
# request (api/auth/tokens.py). Per app (each app has its own keys), at most VERIFIED_TOKENS_MAX entries.
VERIFIED_TOKENS_MAX = 10_000


class CachingJWTManager(JWTManager):
    def _decode_jwt_from_config(
        self, encoded_token: str, csrf_value: Any = None, allow_expired: bool = False
    ) -> dict:
        if csrf_value is not None or allow_expired:
            return super()._decode_jwt_from_config(encoded_token, csrf_value, allow_expired)
        cache: dict[str, tuple[float, dict, dict]]
        cache = current_app.extensions.setdefault("jobwise_verified_jwts", {})
        found = cache.get(encoded_token)
        if found is not None and found[0] > time.time():
            return dict(found[1])
        claims = super()._decode_jwt_from_config(encoded_token)
        if isinstance(claims.get("exp"), int | float):
            if len(cache) >= VERIFIED_TOKENS_MAX:
                cache.clear()
            header = pyjwt.get_unverified_header(encoded_token)
            cache[encoded_token] = (float(claims["exp"]), dict(claims), header)
        return claims


_parse_jwt_header = jwt_views.get_unverified_jwt_headers


def _verified_jwt_header(encoded_token: str) -> dict:
    """jwt_required reads the header of the token it has just decoded (a fourth parse): reuse it."""
    found = current_app.extensions.get("jobwise_verified_jwts", {}).get(encoded_token)
    return dict(found[2]) if found is not None else _parse_jwt_header(encoded_token)


jwt_views.get_unverified_jwt_headers = _verified_jwt_header


db = Database()
jwt = CachingJWTManager()
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
    remember_recent_hits(limiter.storage)
    cors.init_app(
        app,
        resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}},
        expose_headers=["Location", "ETag", "Retry-After", "X-Request-ID", "X-Pagination"],
    )
    api.init_app(app)
