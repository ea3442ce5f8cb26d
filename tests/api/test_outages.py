"""A dependency outage is a 503 problem+json with Retry-After, never a 500; Redis down degrades rate limits.

Real services, made unreachable by pointing the app at a port where nothing listens. The fault suite
(tests/faults) does the same to running processes: Redis killed and restarted, backends terminated.
"""

from __future__ import annotations

import uuid

from api import create_app
from tests.conftest import make_config, register

NOWHERE_POSTGRES = "postgresql+psycopg2://postgres@127.0.0.1:1/nothing"
NOWHERE_REDIS = "redis://127.0.0.1:1/0"
PROBLEM = "application/problem+json"


def test_postgres_down_is_a_503_with_retry_after(client, auth):
    down = create_app(
        make_config(NOWHERE_POSTGRES, REDIS_URL=NOWHERE_REDIS, RATELIMIT_STORAGE_URI="memory://")
    )
    for path in ("/api/v1/generations", f"/api/v1/generations/{uuid.uuid4()}", "/api/v1/profiles"):
        response = down.test_client().get(path, headers=auth)
        assert response.status_code == 503, (path, response.get_json())
        assert response.content_type == PROBLEM
        assert response.headers["Retry-After"].isdigit()
        body = response.get_json()
        assert body["status"] == 503 and "database" in body["detail"]
        assert "127.0.0.1" not in body["detail"], "no connection details in the answer"
    ready = down.test_client().get("/readyz")
    assert ready.status_code == 503
    assert "database" in ready.get_json()["detail"] and "redis" in ready.get_json()["detail"]


def test_redis_down_rate_limits_in_process_and_requests_still_succeed(database_url, db_sessionmaker):
    app = create_app(
        make_config(
            database_url,
            DB_SESSIONMAKER=db_sessionmaker,
            REDIS_URL=NOWHERE_REDIS,
            RATELIMIT_STORAGE_URI=NOWHERE_REDIS,
            RATELIMIT_AUTH="3 per minute",
        )
    )
    client = app.test_client()
    auth = register(client)  # register and login: two requests counted in this process
    listing = client.get("/api/v1/generations", headers=auth)
    assert listing.status_code == 200, listing.get_json()
    assert listing.headers.get("X-RateLimit-Limit"), "limits still apply, counted in this process"
    bad = {"email": "nobody@example.com", "password": "wrong password here"}
    statuses = [client.post("/api/v1/auth/login", json=bad).status_code for _ in range(3)]
    assert statuses[-1] == 429, statuses


def test_no_free_pooled_connection_is_a_503_not_a_500(database_url):
    """A web process's pools hold a fixed number of connections; past them a request waits, then gets 503."""
    config = make_config(
        database_url,
        DB_POOL={"pool_size": 1, "max_overflow": 0, "pool_timeout": 0.2},
        RATELIMIT_STORAGE_URI="memory://",
    )
    app = create_app(config)
    client = app.test_client()
    auth = register(client)
    with app.app_context(), app.extensions["jobwise_read_engine"].connect():  # the read pool's one connection
        response = client.get(f"/api/v1/generations/{uuid.uuid4()}", headers=auth)
    assert response.status_code == 503, response.get_json()
    assert response.content_type == PROBLEM and response.headers["Retry-After"].isdigit()
    assert "database" in response.get_json()["detail"]
    assert client.get(f"/api/v1/generations/{uuid.uuid4()}", headers=auth).status_code == 404  # free again
