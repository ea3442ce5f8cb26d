"""One settings module, read before anything else reads a setting: a ``.env`` file reaches every part."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from settings import DEFAULT_DATABASE_URL, Settings, normalize_database_url

ROOT = Path(__file__).resolve().parents[1]
CONFIGURED = ("DATABASE_URL", "CELERY_BROKER_URL", "JOBWISE_QUEUE_PREFIX", "REDIS_URL", "JOBWISE_ENV_FILE")

# What a process sees after ``create_app()``, the way gunicorn loads wsgi.py: the app's database, the
# Celery app's broker mode and queues, and the database the workers' code would bind.
PROBE = """
import json
from api import create_app
app = create_app()
from celeryconfig import LLM_QUEUE, task_routes
from settings import settings
from workers.celery_app import celery_app
print(json.dumps({
    "app_database": app.config["DATABASE_URL"],
    "eager": celery_app.conf.task_always_eager,
    "broker": celery_app.conf.broker_url,
    "llm_queue": LLM_QUEUE,
    "routed_to": task_routes["jobwise.analyze_job"]["queue"],
    "worker_database": settings.database_url,
}))
"""


def probe(env_file: Path, **environment: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in CONFIGURED}
    env.update(JOBWISE_ENV_FILE=str(env_file), **environment)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_settings_only_in_dot_env_reach_the_app_celery_and_the_workers(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "CELERY_BROKER_URL=redis://127.0.0.1:6379/7\n"
        "JOBWISE_QUEUE_PREFIX=acme-\n"
        "DATABASE_URL=postgresql://postgres@127.0.0.1:5432/jobwise_from_dotenv\n",
        encoding="utf-8",
    )
    seen = probe(env_file)
    assert seen["eager"] is False, "with a broker in .env the pipeline must not run inside the web process"
    assert seen["broker"] == "redis://127.0.0.1:6379/7"
    assert seen["llm_queue"] == seen["routed_to"] == "acme-llm"
    expected = "postgresql+psycopg2://postgres@127.0.0.1:5432/jobwise_from_dotenv"
    assert seen["app_database"] == seen["worker_database"] == expected


def test_the_environment_wins_over_dot_env(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("JOBWISE_QUEUE_PREFIX=from-file-\n", encoding="utf-8")
    assert probe(env_file, JOBWISE_QUEUE_PREFIX="from-env-")["llm_queue"] == "from-env-llm"


def test_without_configuration_everything_runs_embedded(tmp_path):
    seen = probe(tmp_path / "absent.env")
    assert seen["eager"] is True
    assert seen["app_database"] == seen["worker_database"] == DEFAULT_DATABASE_URL
    assert seen["llm_queue"] == "llm"


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://u:p@db.example:5432/app", "postgresql+psycopg2://u:p@db.example:5432/app"),
        (
            "postgresql://u:p@db.example/app?sslmode=require",
            "postgresql+psycopg2://u:p@db.example/app?sslmode=require",
        ),
        ("postgresql+psycopg2://u@h/app", "postgresql+psycopg2://u@h/app"),
        ("sqlite:///instance/x.db", "sqlite:///instance/x.db"),
    ],
)
def test_platform_database_urls_use_the_installed_driver(given, used):
    assert normalize_database_url(given) == used
    assert Settings.from_env({"DATABASE_URL": given}).database_url == used


def test_lists_and_key_rings_read_from_comma_separated_values():
    loaded = Settings.from_env(
        {"CORS_ORIGINS": "https://a.example, capacitor://localhost", "JWT_PREVIOUS_KEYS": "k0:old,k9:older"}
    )
    assert loaded.cors_origins == ["https://a.example", "capacitor://localhost"]
    assert loaded.jwt_previous_keys == {"k0": "old", "k9": "older"}


def test_from_env_ignores_the_process_environment(monkeypatch):
    monkeypatch.setenv("JOBWISE_QUEUE_PREFIX", "leaked-")
    assert Settings.from_env({}).jobwise_queue_prefix == ""


def test_a_bad_value_is_refused_by_name():
    with pytest.raises(ValueError, match="jobwise_default_generator"):
        Settings.from_env({"JOBWISE_DEFAULT_GENERATOR": "gpt"})
    with pytest.raises(ValueError, match="jobwise_max_enqueues"):
        Settings.from_env({"JOBWISE_MAX_ENQUEUES": "three"})
    assert json.loads(Settings.from_env({"LOG_JSON": "false"}).model_dump_json())["log_json"] is False
    for name, value in (("PORT", "0"), ("WEB_CONCURRENCY", "0"), ("JOBWISE_PROXY_HOPS", "-1")):
        with pytest.raises(ValueError, match=name.lower()):
            Settings.from_env({name: value})


def test_platform_variables_reach_the_web_server():
    loaded = Settings.from_env({"PORT": "5001", "WEB_CONCURRENCY": "4", "JOBWISE_PROXY_HOPS": "1"})
    assert (loaded.port, loaded.web_concurrency, loaded.jobwise_proxy_hops) == (5001, 4, 1)


def test_short_access_tokens_for_tests_only_outside_production():
    from api.config import Config

    assert Config(Settings.from_env({})).JWT_ACCESS_TOKEN_EXPIRES == 15 * 60
    assert Config(Settings.from_env({"JWT_ACCESS_TOKEN_MINUTES": "5"})).JWT_ACCESS_TOKEN_EXPIRES == 300
    short = Settings.from_env({"JWT_ACCESS_TOKEN_SECONDS_OVERRIDE": "3"})
    assert Config(short).JWT_ACCESS_TOKEN_EXPIRES == 3
    production = Settings.from_env({"JWT_ACCESS_TOKEN_SECONDS_OVERRIDE": "3", "JOBWISE_ENV": "production"})
    assert production.access_token_seconds == 15 * 60
    with pytest.raises(ValueError, match="jwt_access_token_seconds_override"):
        Settings.from_env({"JWT_ACCESS_TOKEN_SECONDS_OVERRIDE": "-1"})


def test_the_procfiles_connections_fit_a_default_postgres():
    """With the defaults, the Procfile's web and worker processes at their busiest hold at most what a
    default Postgres allows (max_connections 100), with room left for release, beat and an operator."""
    from models.session import make_engine

    defaults = Settings.from_env({})
    web = defaults.web_concurrency * 2 * (defaults.web_db_pool_size + defaults.web_db_max_overflow)
    pool = make_engine("postgresql+psycopg2://jobwise@127.0.0.1/jobwise").pool  # what a worker binds
    per_worker_process = pool.size() + pool._max_overflow  # type: ignore[attr-defined]
    procfile = (ROOT / "Procfile").read_text(encoding="utf-8")
    cpu_processes = int(procfile.split("${CPU_CONCURRENCY:-", 1)[1].split("}", 1)[0])
    workers = (1 + cpu_processes) * per_worker_process  # the threads worker shares one pool
    assert web + workers <= 100 - 10, (web, workers)
