"""Settings, read once from the environment (and an optional .env file)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from models.session import DEFAULT_DATABASE_URL

DEFAULT_JWT_SECRET = "dev-only-insecure-jwt-secret-change-me"  # noqa: S105 -- refused in production
MIN_SECRET_LENGTH = 32


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _keys(value: str | None) -> dict[str, str]:
    """``kid1:secret1,kid2:secret2`` as a dict."""
    pairs = (item.split(":", 1) for item in (value or "").split(",") if ":" in item)
    return {kid.strip(): secret.strip() for kid, secret in pairs}


class Config:
    """Every setting the web app reads. Keys are Flask config names; see .env.example."""

    def __init__(self, env: Mapping[str, str] | None = None, **overrides: Any) -> None:
        env = os.environ if env is None else env
        self.JOBWISE_ENV = env.get("JOBWISE_ENV", "development")
        self.DATABASE_URL = env.get("DATABASE_URL") or DEFAULT_DATABASE_URL
        self.REDIS_URL = env.get("REDIS_URL", "")
        self.CELERY_BROKER_URL = env.get("CELERY_BROKER_URL", "")

        self.JWT_SECRET_KEY = env.get("JWT_SECRET_KEY") or DEFAULT_JWT_SECRET
        self.JWT_KEY_ID = env.get("JWT_KEY_ID", "k1")
        # Retired signing keys still accepted for verification, so a rotation logs nobody out.
        self.JWT_PREVIOUS_KEYS = _keys(env.get("JWT_PREVIOUS_KEYS"))
        self.JWT_ACCESS_TOKEN_EXPIRES = int(env.get("JWT_ACCESS_TOKEN_MINUTES", "15")) * 60
        self.JWT_REFRESH_TOKEN_EXPIRES = int(env.get("JWT_REFRESH_TOKEN_DAYS", "30")) * 86400
        self.JWT_ALGORITHM = "HS256"

        self.MAX_CONTENT_LENGTH = int(env.get("MAX_CONTENT_LENGTH", str(1024 * 1024)))
        self.CORS_ORIGINS = [o.strip() for o in env.get("CORS_ORIGINS", "").split(",") if o.strip()]

        self.RATELIMIT_ENABLED = _bool(env.get("RATELIMIT_ENABLED"), True)
        self.RATELIMIT_STORAGE_URI = env.get("RATELIMIT_STORAGE_URI") or self.REDIS_URL or "memory://"
        self.RATELIMIT_DEFAULT = env.get("RATELIMIT_DEFAULT", "300 per minute")
        self.RATELIMIT_AUTH = env.get("RATELIMIT_AUTH", "10 per minute")
        self.RATELIMIT_PER_ADDRESS = env.get("RATELIMIT_PER_ADDRESS", "1200 per minute")
        self.RATELIMIT_KEY_PREFIX = env.get("RATELIMIT_KEY_PREFIX", "jobwise")

        self.LOG_LEVEL = env.get("LOG_LEVEL", "INFO")
        self.LOG_JSON = _bool(env.get("LOG_JSON"), True)
        self.JOBWISE_DEFAULT_GENERATOR = env.get("JOBWISE_DEFAULT_GENERATOR", "offline")
        self.JOBWISE_LLM_CONFIG = env.get("JOBWISE_LLM_CONFIG", "")  # the workers' model config file

        # flask-smorest / OpenAPI
        self.API_TITLE = "JobWise API"
        self.API_VERSION = "v1"
        self.OPENAPI_VERSION = "3.0.3"
        self.OPENAPI_URL_PREFIX = "/"
        self.OPENAPI_JSON_PATH = "openapi.json"
        self.OPENAPI_SWAGGER_UI_PATH = "/docs"
        self.OPENAPI_SWAGGER_UI_URL = "/static/swagger-ui/"
        self.API_SPEC_OPTIONS = {
            "info": {
                "description": (
                    "Tailored resumes and cover letters as PDFs, with an honest ATS score. Every endpoint "
                    "except registration, login, refresh and health needs `Authorization: Bearer "
                    "<access token>` and answers 401 without it. Errors are application/problem+json."
                )
            },
            "security": [{"bearerAuth": []}],
            "components": {
                "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
            },
        }
        self.JSON_SORT_KEYS = False
        for key, value in overrides.items():
            setattr(self, key, value)

    @property
    def is_production(self) -> bool:
        return self.JOBWISE_ENV == "production"

    def check(self) -> None:
        """Refuse to run production on default or weak secrets."""
        if not self.is_production:
            return
        secrets = {self.JWT_KEY_ID: self.JWT_SECRET_KEY, **self.JWT_PREVIOUS_KEYS}
        for kid, secret in secrets.items():
            if secret == DEFAULT_JWT_SECRET or len(secret) < MIN_SECRET_LENGTH:
                raise RuntimeError(
                    f"JWT key {kid!r} is the default or shorter than {MIN_SECRET_LENGTH} characters; "
                    "set JWT_SECRET_KEY (and JWT_PREVIOUS_KEYS) to long random secrets in production"
                )
        if self.DATABASE_URL.startswith("sqlite"):
            raise RuntimeError("production needs DATABASE_URL pointing at Postgres, not SQLite")
