"""Shared fixtures: a throwaway Postgres database migrated with Alembic, apps and clients bound to it.

Postgres and Redis are required (DATABASE_URL / REDIS_URL, defaulting to the local servers); when they are
down the suite errors instead of skipping.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# Queues of this test run only, so parallel runs and a local dev worker never see each other's messages.
os.environ.setdefault("JOBWISE_QUEUE_PREFIX", f"test-{uuid.uuid4().hex[:8]}-")

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from api import create_app
from api.config import Config
from settings import Settings

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
TEST_PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def fake():
    """A local OpenAI-compatible server (tests/fakes) answering as the scripted model."""
    from tests.fakes import model
    from tests.fakes.openai_server import FakeOpenAI

    with FakeOpenAI(model.answer) as server:
        yield server


@pytest.fixture
def fresh(fake):
    """The fake model as it starts: the scripted answers, no failures, no latency, no recorded calls."""
    from tests.fakes import model

    fake.reset()
    fake.respond = model.answer


@pytest.fixture(scope="session")
def broker():
    """Celery publishing to the test Redis; queues emptied at the end of the run."""
    import redis

    from celeryconfig import CPU_QUEUE, LLM_QUEUE
    from workers.celery_app import celery_app

    celery_app.conf.update(broker_url=REDIS_URL, task_always_eager=False)
    yield celery_app
    client = redis.Redis.from_url(REDIS_URL)
    client.delete(LLM_QUEUE, CPU_QUEUE)
    client.close()


def alembic_config(url: str) -> AlembicConfig:
    config = AlembicConfig(str(ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url)
    config.attributes["configure_logger"] = False
    return config


class ThrowawayDatabase:
    """A Postgres database created for one test session and dropped after it."""

    def __init__(self, server_url: str, prefix: str = "jobwise_test") -> None:
        base = make_url(server_url)
        if not base.drivername.startswith("postgresql"):
            raise RuntimeError(f"the test suite needs Postgres; DATABASE_URL is {base.drivername}")
        self.name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        self.admin_url = base.set(database="postgres")
        self.url = base.set(database=self.name).render_as_string(hide_password=False)

    def _admin(self) -> Engine:
        return create_engine(self.admin_url, isolation_level="AUTOCOMMIT")

    def create(self) -> str:
        engine = self._admin()
        try:
            with engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        except Exception as exc:
            raise RuntimeError(f"Postgres is not reachable at {self.admin_url!r}: {exc}") from exc
        finally:
            engine.dispose()
        return self.url

    def drop(self) -> None:
        engine = self._admin()
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    database = ThrowawayDatabase(POSTGRES_URL)
    url = database.create()
    command.upgrade(alembic_config(url), "head")
    yield url
    from api.announcements import stop_all
    from models.session import dispose

    stop_all()
    dispose()
    database.drop()


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def db_sessionmaker(engine: Engine) -> Iterator[sessionmaker[Session]]:
    """Sessions inside one outer transaction, rolled back after the test: no test sees another's rows."""
    connection = engine.connect()
    outer = connection.begin()
    yield sessionmaker(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    outer.rollback()
    connection.close()


@pytest.fixture
def db_session(db_sessionmaker: sessionmaker[Session]) -> Iterator[Session]:
    with db_sessionmaker() as session:
        yield session


def make_config(database_url: str, **overrides: object) -> Config:
    settings: dict[str, object] = {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "RATELIMIT_KEY_PREFIX": f"jobwise-test-{uuid.uuid4().hex}",
        "RATELIMIT_DEFAULT": "10000 per minute",
        "RATELIMIT_AUTH": "10000 per minute",
        "RATELIMIT_PER_ADDRESS": "100000 per minute",
        "LOG_LEVEL": "WARNING",
        "CORS_ORIGINS": ["https://app.jobwise.example"],
        **overrides,
    }
    return Config(Settings.from_env({}), **settings)


@pytest.fixture
def app(database_url: str, db_sessionmaker: sessionmaker[Session], broker):
    return create_app(make_config(database_url, DB_SESSIONMAKER=db_sessionmaker))


@pytest.fixture
def client(app):
    return app.test_client()


def register(client, email: str | None = None, name: str = "Test User") -> dict[str, str]:
    """Register and log in a fresh user; returns the Authorization header."""
    email = email or f"user-{uuid.uuid4().hex[:8]}@example.com"
    response = client.post(
        "/api/v1/auth/register", json={"email": email, "password": TEST_PASSWORD, "name": name}
    )
    assert response.status_code == 201, response.get_json()
    tokens = client.post("/api/v1/auth/login", json={"email": email, "password": TEST_PASSWORD}).get_json()
    return {"Authorization": f"Bearer {tokens['access_token']}"}


@pytest.fixture
def auth(client) -> dict[str, str]:
    return register(client)


@pytest.fixture
def other_auth(client) -> dict[str, str]:
    return register(client, name="Someone Else")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn_server(database_url: str, log: Path, **extra_env: str) -> Iterator[str]:
    """gunicorn as the Procfile runs it (gevent, gunicorn.conf.py) on a free port and ``database_url``,
    publishing generations to this run's queues on the test Redis; its base URL."""
    port = free_port()
    env = {
        **os.environ,
        "JOBWISE_ENV_FILE": "",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "CELERY_BROKER_URL": REDIS_URL,
        "RATELIMIT_KEY_PREFIX": f"jobwise-live-{uuid.uuid4().hex}",
        "RATELIMIT_DEFAULT": "100000 per minute",
        "RATELIMIT_AUTH": "100000 per minute",
        "RATELIMIT_PER_ADDRESS": "1000000 per minute",
        "LOG_LEVEL": "WARNING",
        # An SSE stream of a generation no worker runs would otherwise stay open past a client's timeout.
        "JOBWISE_SSE_MAX_S": "3",
        **extra_env,
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [gunicorn, "wsgi:app", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
               "--workers", "1"]  # fmt: skip
    with log.open("wb") as stderr:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=stderr, stderr=stderr)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2):  # noqa: S310 -- our own server
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"gunicorn did not start:\n{log.read_text()[-3000:]}") from None
            time.sleep(0.2)
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def live_server(database_url: str, broker, tmp_path_factory) -> Iterator[str]:
    """gunicorn on the test database (see ``gunicorn_server``); ``broker`` empties its queues at the end."""
    with gunicorn_server(database_url, tmp_path_factory.mktemp("gunicorn") / "stderr.log") as url:
        yield url
