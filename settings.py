"""Every JobWise setting, read once from the environment and a ``.env`` file, before anything uses one.

Importing this module loads ``.env`` (the project's, or the file ``JOBWISE_ENV_FILE`` names; an empty
``JOBWISE_ENV_FILE`` turns it off) into the process environment without overriding what is already set,
then validates the environment into ``settings``. The web app, the workers, ``celeryconfig``, the CLI and
Alembic all read ``settings``; no other module reads ``os.environ`` for a JobWise setting. Loading ``.env``
into the environment, not only into this object, matters for what libraries read themselves
(``PROMETHEUS_MULTIPROC_DIR``) and for the ``os.environ/NAME`` key references of the LLM config.

Names are the environment variables, case-insensitive (``DATABASE_URL`` is ``settings.database_url``).
Production (``JOBWISE_ENV=production``) refuses default or short secrets and SQLite: ``check``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from dotenv import load_dotenv
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

ROOT = Path(__file__).resolve().parent
DEFAULT_ENV_FILE = ROOT / ".env"
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'instance' / 'jobwise.db'}"
DEFAULT_JWT_SECRET = "dev-only-insecure-jwt-secret-change-me"  # noqa: S105 -- refused in production
MIN_SECRET_LENGTH = 32
# The Postgres driver this project installs. Platforms hand out postgres:// and postgresql:// URLs, which
# SQLAlchemy 2.1 would map to psycopg 3 (not installed) or refuse.
POSTGRES_DRIVER = "postgresql+psycopg2"

Environment = Literal["development", "production"]
Generator = Literal["offline", "llm"]


def env_file() -> Path | None:
    """The ``.env`` file to load: ``JOBWISE_ENV_FILE`` when set (empty: none), else the project's."""
    named = os.environ.get("JOBWISE_ENV_FILE")
    if named is None:
        return DEFAULT_ENV_FILE
    return Path(named) if named else None


def normalize_database_url(url: str) -> str:
    """``postgres://`` and ``postgresql://`` (as PaaS platforms give them) use the installed driver."""
    scheme, separator, rest = url.partition("://")
    if separator and scheme in ("postgres", "postgresql"):
        return f"{POSTGRES_DRIVER}://{rest}"
    return url


def _split(value: Any) -> Any:
    """A comma-separated string as a list (``CORS_ORIGINS=a,b``); other values as given."""
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    """The whole configuration. See ``.env.example`` for what each setting means."""

    model_config = SettingsConfigDict(case_sensitive=False, extra="ignore", validate_assignment=True)

    jobwise_env: Environment = "development"

    # Services
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str = ""  # rate limits, readiness, the LLM analysis cache; unset: in-process limits
    celery_broker_url: str = ""  # unset: tasks run eagerly in the calling process (the embedded mode)
    jobwise_queue_prefix: str = ""
    celery_visibility_timeout: int = 3600

    # Tokens
    jwt_secret_key: str = DEFAULT_JWT_SECRET
    jwt_key_id: str = "k1"
    jwt_previous_keys: Annotated[dict[str, str], NoDecode] = Field(default_factory=dict)
    jwt_access_token_minutes: int = 15
    jwt_refresh_token_days: int = 30
    # Tests: an access-token lifetime of a few seconds, so clients must refresh. Ignored in production.
    jwt_access_token_seconds_override: int = Field(0, ge=0, le=86400)

    # HTTP
    max_content_length: int = 1024 * 1024
    # POST /jobs/import takes whole job-board pages, which run larger than any other body.
    jobwise_import_max_bytes: int = Field(2 * 1024 * 1024, ge=64 * 1024, le=16 * 1024 * 1024)
    # The web process as platforms start it (gunicorn.conf.py): the port they assign, and how many
    # processes (Heroku sets WEB_CONCURRENCY from the dyno's memory) of how many threads each.
    port: int = Field(8000, ge=1, le=65535)
    web_concurrency: int = Field(2, ge=1, le=64)
    web_threads: int = Field(8, ge=1, le=256)
    # gevent (default): one greenlet per connection, so long-polls and SSE streams hold no OS thread;
    # gthread: WEB_THREADS threads per process, as before.
    web_worker_class: Literal["gevent", "gthread"] = "gevent"
    web_connections: int = Field(1000, ge=10, le=20000)  # gevent: connections per process
    # Postgres connections a web process keeps open in each of its two pools (sessions; single-statement
    # reads such as the status poll), and how many more each may open under a burst. A connection over the
    # pool size is closed when it comes back, so requests in flight beyond the pool size each open one (a
    # process forked on the server, a tenth of a status poll's cost): the pool opens none beyond, and a
    # request past it waits for a free one (a 503 after 30 s). 10 serve a poll as fast as 20 did
    # (bench/status_bench.py), and the Procfile's processes then fit a default Postgres (max_connections
    # 100): WEB_CONCURRENCY x 2 x (both), plus 15 per worker process (tests/test_settings.py adds it up).
    web_db_pool_size: int = Field(10, ge=1, le=200)
    web_db_max_overflow: int = Field(0, ge=0, le=200)
    # Proxies in front that append X-Forwarded-For / -Proto (a platform's router: 1). 0 trusts none, so a
    # client cannot forge its address; behind a router with 0, every client shares the router's address.
    jobwise_proxy_hops: int = Field(0, ge=0, le=5)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    ratelimit_enabled: bool = True
    ratelimit_storage_uri: str = ""  # unset: REDIS_URL, else memory
    ratelimit_default: str = "300 per minute"
    ratelimit_auth: str = "10 per minute"
    ratelimit_per_address: str = "1200 per minute"
    ratelimit_key_prefix: str = "jobwise"
    log_level: str = "INFO"
    log_json: bool = True

    # Generation
    jobwise_default_generator: Generator = "offline"
    jobwise_llm_config: str = ""  # path of the litellm Router YAML
    jobwise_ats_target: float = 0.85
    # Liveness: a worker beats its stage every heartbeat_s while the stage runs; the sweeper (every
    # sweep_interval_s) re-enqueues a stage silent for liveness_s, and re-publishes a stage published but
    # not received within undelivered_s when the broker holds no message for it. At most max_enqueues
    # re-enqueues in all; then the generation fails with the reason.
    jobwise_heartbeat_s: float = Field(10.0, gt=0)
    jobwise_liveness_s: float = Field(60.0, gt=0)
    jobwise_undelivered_s: float = Field(60.0, gt=0)
    jobwise_max_enqueues: int = 3
    jobwise_sweep_interval_s: float = Field(15.0, gt=0)

    # RabbitMQ in production: quorum queues (replicated, survive a node restart) and publisher confirms
    # (a publish returns once the broker has the message). Both off by default; ignored on Redis.
    jobwise_quorum_queues: bool = False
    jobwise_confirm_publish: bool = False

    # Status path: waiters (long-polls, SSE streams) per web process, and how long one SSE stream lasts
    # before the client reconnects with Last-Event-ID.
    jobwise_max_waiters: int = Field(5000, ge=0, le=100_000)
    jobwise_sse_max_s: float = Field(300.0, gt=0, le=3600)

    # Webhooks: private, loopback and link-local targets are refused unless allowed (tests, intranets).
    jobwise_webhooks_allow_private: bool = False
    jobwise_webhook_retry_base_s: float = Field(30.0, gt=0)
    jobwise_webhook_max_attempts: int = Field(8, ge=1, le=20)
    jobwise_webhook_timeout_s: float = Field(10.0, gt=0, le=60)

    # Operations
    worker_metrics_port: int = 0
    prometheus_multiproc_dir: str = ""  # several processes share their metrics through this folder

    @field_validator("database_url", mode="before")
    @classmethod
    def _database_url(cls, value: Any) -> Any:
        if not value:
            return DEFAULT_DATABASE_URL
        return normalize_database_url(value) if isinstance(value, str) else value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origins(cls, value: Any) -> Any:
        return _split(value)

    @field_validator("jwt_previous_keys", mode="before")
    @classmethod
    def _previous_keys(cls, value: Any) -> Any:
        """``kid1:secret1,kid2:secret2`` as a dict."""
        if not isinstance(value, str):
            return value
        pairs = (item.split(":", 1) for item in _split(value) if ":" in item)
        return {kid.strip(): secret.strip() for kid, secret in pairs}

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Settings from ``env`` alone, ignoring the process environment (tests, tools)."""
        return _FromMapping(**{name.lower(): value for name, value in env.items()})

    @property
    def is_production(self) -> bool:
        return self.jobwise_env == "production"

    @property
    def access_token_seconds(self) -> int:
        """The access-token lifetime: JWT_ACCESS_TOKEN_MINUTES, or the seconds override outside production."""
        if self.jwt_access_token_seconds_override and not self.is_production:
            return self.jwt_access_token_seconds_override
        return self.jwt_access_token_minutes * 60

    @property
    def broker_url(self) -> str:
        """Celery's broker; ``memory://`` (tasks run eagerly, in process) when none is configured."""
        return self.celery_broker_url or "memory://"

    def check(self) -> None:
        """Refuse to run production on default or weak secrets, or on SQLite."""
        signing_keys = {self.jwt_key_id: self.jwt_secret_key, **self.jwt_previous_keys}
        refuse_unsafe_production(self.jobwise_env, self.database_url, signing_keys)


def refuse_unsafe_production(environment: str, database_url: str, signing_keys: Mapping[str, str]) -> None:
    """Raise ``RuntimeError`` when production would run on a default or short key, or on SQLite."""
    if environment != "production":
        return
    for kid, secret in signing_keys.items():
        if secret == DEFAULT_JWT_SECRET or len(secret) < MIN_SECRET_LENGTH:
            raise RuntimeError(
                f"JWT key {kid!r} is the default or shorter than {MIN_SECRET_LENGTH} characters; "
                "set JWT_SECRET_KEY (and JWT_PREVIOUS_KEYS) to long random secrets in production"
            )
    if database_url.startswith("sqlite"):
        raise RuntimeError("production needs DATABASE_URL pointing at Postgres, not SQLite")


class _FromMapping(Settings):
    """Settings whose only source is the keyword arguments: no environment variables."""

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource, *_: Any, **__: Any
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


def load_settings() -> Settings:
    """Load ``.env`` into the environment (set variables win), then read the environment."""
    path = env_file()
    if path is not None and path.is_file():
        load_dotenv(path, override=False)
    return Settings()


settings = load_settings()
