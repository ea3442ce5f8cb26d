"""The web process as a platform starts it: the Procfile's ``release`` and ``web`` commands, run by a shell
with only the environment Heroku, Render, Railway or Fly give (``DATABASE_URL`` as ``postgres://`` or
``postgresql://``, ``PORT``, ``WEB_CONCURRENCY``), against the real Postgres in a throwaway database.

Linux only, like gunicorn. Each boot takes a few seconds; the processes are stopped by their own pid.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import POSTGRES_URL, REDIS_URL, TEST_PASSWORD, ThrowawayDatabase

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
# What the suite's own environment may carry that a fresh platform would not.
NOT_FROM_A_PLATFORM = ("DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "PORT", "WEB_CONCURRENCY")
BOOT_SECONDS = 60


def procfile_command(name: str) -> str:
    for line in (ROOT / "Procfile").read_text(encoding="utf-8").splitlines():
        process, _, command = line.partition(":")
        if process.strip() == name:
            return command.strip()
    raise AssertionError(f"the Procfile has no {name!r} process")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def platform_url(scheme: str, database: str) -> str:
    """The suite's Postgres server, written as a platform writes DATABASE_URL."""
    url = make_url(POSTGRES_URL).set(drivername=scheme, database=database)
    return url.render_as_string(hide_password=False)


def platform_env(database_url: str, **variables: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in NOT_FROM_A_PLATFORM and not k.startswith("JOBWISE_")
    }
    env.update(
        PATH=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
        JOBWISE_ENV_FILE="",  # no .env: only what the platform sets
        JOBWISE_ENV="production",
        JWT_SECRET_KEY=secrets.token_urlsafe(48),
        DATABASE_URL=database_url,
        REDIS_URL=REDIS_URL,
        RATELIMIT_KEY_PREFIX=f"jobwise-deploy-{uuid.uuid4().hex}",
        LOG_LEVEL="WARNING",
        **variables,
    )
    return env


def call(
    base: str, method: str, path: str, body: object = None, token: str | None = None
) -> tuple[int, dict]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 -- loopback only
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


@contextmanager
def web_process(env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    """The Procfile's web command through a shell, as platforms run it; ``exec`` so the pid is gunicorn's."""
    process = subprocess.Popen(
        ["sh", "-c", f"exec {procfile_command('web')}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def wait_until_up(base: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + BOOT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _, stderr = process.communicate()
            raise AssertionError(f"gunicorn exited with {process.returncode}:\n{stderr[-3000:]}")
        try:
            if call(base, "GET", "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"gunicorn did not answer /healthz within {BOOT_SECONDS} s")


def worker_pids(master: int) -> list[int]:
    children = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True, check=False)
    return [int(pid) for pid in children.stdout.split()]


@pytest.fixture
def database() -> Iterator[str]:
    throwaway = ThrowawayDatabase(POSTGRES_URL, prefix="jobwise_deploy")
    throwaway.create()
    yield throwaway.name
    throwaway.drop()


@pytest.mark.parametrize(("scheme", "concurrency"), [("postgres", 2), ("postgresql", 1)])
def test_release_migrates_and_web_serves_with_a_platform_database_url(database, scheme, concurrency):
    port = free_port()
    env = platform_env(platform_url(scheme, database), PORT=str(port), WEB_CONCURRENCY=str(concurrency))

    release = subprocess.run(
        ["sh", "-c", procfile_command("release")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert release.returncode == 0, release.stderr
    engine = create_engine(make_url(POSTGRES_URL).set(database=database))
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM alembic_version")) == 1
    finally:
        engine.dispose()

    base = f"http://127.0.0.1:{port}"
    with web_process(env) as web:
        wait_until_up(base, web)
        assert len(worker_pids(web.pid)) == concurrency
        status, ready = call(base, "GET", "/readyz")
        assert status == 200 and ready["checks"]["database"] == "ok"

        account = {"email": f"deploy-{uuid.uuid4().hex[:8]}@example.com", "password": TEST_PASSWORD}
        assert call(base, "POST", "/api/v1/auth/register", {**account, "name": "Deploy"})[0] == 201
        status, tokens = call(base, "POST", "/api/v1/auth/login", account)
        assert status == 200
        token = tokens["access_token"]
        assert call(base, "GET", "/api/v1/auth/me", token=token)[1]["email"] == account["email"]
        posting = {"title": "Platform Engineer", "company": "Acme", "description": "Run Postgres."}
        status, job = call(base, "POST", "/api/v1/jobs", posting, token=token)
        assert status == 201
        assert [j["id"] for j in call(base, "GET", "/api/v1/jobs", token=token)[1]] == [job["id"]]


@pytest.mark.parametrize(
    ("variables", "refusal"),
    [
        ({"JWT_SECRET_KEY": "dev-only-insecure-jwt-secret-change-me"}, "JWT_SECRET_KEY"),
        ({"JWT_SECRET_KEY": "short"}, "JWT_SECRET_KEY"),
        ({"DATABASE_URL": "sqlite:///instance/production.db"}, "not SQLite"),
    ],
)
def test_production_refuses_to_serve_on_unsafe_settings(variables, refusal):
    port = free_port()
    env = platform_env(platform_url("postgres", "postgres"), PORT=str(port), WEB_CONCURRENCY="1")
    env.update(variables)
    with web_process(env) as web:
        try:
            _, stderr = web.communicate(timeout=BOOT_SECONDS)
        except subprocess.TimeoutExpired:
            pytest.fail("gunicorn kept running on unsafe production settings")
    assert web.returncode != 0
    assert refusal in stderr


def test_dev_up_runs_every_procfile_process_but_the_one_off_release():
    import dev

    assert procfile_command("release") == "alembic upgrade head"
    for procfile in ("Procfile", "Procfile.windows"):
        started = dev.long_running_processes(ROOT / procfile)
        assert started == ["web", "worker_llm", "worker_cpu", "beat", "flower"], procfile
