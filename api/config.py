"""The Flask configuration of the web app, derived from ``settings`` (the one place settings are read)."""

from __future__ import annotations

from typing import Any

from settings import Settings, refuse_unsafe_production, settings

API_DESCRIPTION = (
    "Tailored resumes and cover letters as PDFs, with an honest ATS score. Every endpoint except "
    "registration, login, refresh and health needs `Authorization: Bearer <access token>` and answers 401 "
    "without it. Errors are application/problem+json. Text never contains U+0000 (NUL) or unpaired "
    "surrogates: such input is refused with 422 naming the field."
)


class Config:
    """Flask config keys (upper case) from a ``Settings``, with per-app overrides (tests, the demo)."""

    def __init__(self, source: Settings | None = None, **overrides: Any) -> None:
        source = source or settings
        self.JOBWISE_ENV = source.jobwise_env
        self.DATABASE_URL = source.database_url
        self.DB_POOL = {"pool_size": source.web_db_pool_size, "max_overflow": source.web_db_max_overflow}
        self.REDIS_URL = source.redis_url
        self.CELERY_BROKER_URL = source.celery_broker_url

        self.JWT_SECRET_KEY = source.jwt_secret_key
        self.JWT_KEY_ID = source.jwt_key_id
        # Retired signing keys still accepted for verification, so a rotation logs nobody out.
        self.JWT_PREVIOUS_KEYS = dict(source.jwt_previous_keys)
        self.JWT_ACCESS_TOKEN_EXPIRES = source.access_token_seconds
        self.JWT_REFRESH_TOKEN_EXPIRES = source.jwt_refresh_token_days * 86400
        self.JWT_ALGORITHM = "HS256"

        self.MAX_CONTENT_LENGTH = source.max_content_length
        self.PROXY_HOPS = source.jobwise_proxy_hops
        self.IMPORT_MAX_BYTES = source.jobwise_import_max_bytes
        self.CORS_ORIGINS = list(source.cors_origins)

        self.RATELIMIT_ENABLED = source.ratelimit_enabled
        self.RATELIMIT_STORAGE_URI = source.ratelimit_storage_uri or source.redis_url or "memory://"
        self.RATELIMIT_DEFAULT = source.ratelimit_default
        self.RATELIMIT_AUTH = source.ratelimit_auth
        self.RATELIMIT_PER_ADDRESS = source.ratelimit_per_address
        self.RATELIMIT_KEY_PREFIX = source.ratelimit_key_prefix

        self.LOG_LEVEL = source.log_level
        self.LOG_JSON = source.log_json
        self.JOBWISE_DEFAULT_GENERATOR = source.jobwise_default_generator
        self.JOBWISE_LLM_CONFIG = source.jobwise_llm_config  # the workers' model config file
        self.JOBWISE_MAX_WAITERS = source.jobwise_max_waiters
        self.JOBWISE_SSE_MAX_S = source.jobwise_sse_max_s
        self.JOBWISE_WEBHOOKS_ALLOW_PRIVATE = source.jobwise_webhooks_allow_private

        # flask-smorest / OpenAPI
        self.API_TITLE = "JobWise API"
        self.API_VERSION = "1.1"  # 1.1: slim status poll, report/stages/events resources, webhooks
        self.OPENAPI_VERSION = "3.0.3"
        self.OPENAPI_URL_PREFIX = "/"
        self.OPENAPI_JSON_PATH = "openapi.json"
        self.OPENAPI_SWAGGER_UI_PATH = "/docs"
        self.OPENAPI_SWAGGER_UI_URL = "/static/swagger-ui/"
        self.API_SPEC_OPTIONS = {
            "info": {"description": API_DESCRIPTION},
            "security": [{"bearerAuth": []}],
            "components": {
                "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
            },
        }
        self.JSON_SORT_KEYS = False
        for key, value in overrides.items():
            setattr(self, key, value)

    def check(self) -> None:
        """Refuse to run production on default or weak secrets, or on SQLite."""
        signing_keys = {self.JWT_KEY_ID: self.JWT_SECRET_KEY, **self.JWT_PREVIOUS_KEYS}
        refuse_unsafe_production(self.JOBWISE_ENV, self.DATABASE_URL, signing_keys)
