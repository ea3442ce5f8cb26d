"""A real Celery worker (threads pool, in this process) on the test Redis, sharing the test Postgres."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis

from api import create_app
from tests.conftest import REDIS_URL, make_config, register


@pytest.fixture(scope="session")
def celery_worker(broker, database_url: str) -> Iterator[Any]:
    from celery.contrib.testing.worker import start_worker

    from celeryconfig import CPU_QUEUE, LLM_QUEUE
    from models.session import configure

    configure(database_url)
    client = redis.Redis.from_url(REDIS_URL)
    client.delete(LLM_QUEUE, CPU_QUEUE)  # nothing left over from the API tests' unconsumed messages
    client.close()
    with start_worker(
        broker,
        pool="threads",
        concurrency=4,
        perform_ping_check=False,
        shutdown_timeout=20,
        queues=[LLM_QUEUE, CPU_QUEUE],
        loglevel="WARNING",
    ) as worker:
        yield worker


@pytest.fixture
def live_client(database_url: str, celery_worker):
    """The API committing for real, so the worker sees its rows."""
    return create_app(make_config(database_url)).test_client()


@pytest.fixture
def live_auth(live_client) -> dict[str, str]:
    return register(live_client)


def wait_until_final(client, auth, generation_id: str, timeout_s: float = 90) -> tuple[dict, list[str]]:
    """Long-poll until the generation ends; returns it and every status seen on the way."""
    url = f"/api/v1/generations/{generation_id}"
    deadline = time.monotonic() + timeout_s
    response = client.get(url, headers=auth)
    seen = [response.get_json()["status"]]
    while response.get_json()["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, f"generation still {seen[-1]} after {timeout_s} s"
        etag = response.headers["ETag"]
        polled = client.get(f"{url}?wait=5", headers={**auth, "If-None-Match": etag})
        if polled.status_code == 200:
            response = polled
            if response.get_json()["status"] != seen[-1]:
                seen.append(response.get_json()["status"])
    # The final state with the ATS report and the stages (API 1.1 sends them when asked for).
    response = client.get(f"{url}?include=report,stages", headers=auth)
    return response.get_json(), seen
