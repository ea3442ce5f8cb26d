"""Cross-cutting behaviour: one error format, size and rate limits, CORS, request ids, health and metrics."""

from __future__ import annotations

import pytest

from api import create_app
from tests.conftest import TEST_PASSWORD, make_config

PROBLEM = "application/problem+json"


def test_unknown_route_is_a_404_problem(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.content_type == PROBLEM
    body = response.get_json()
    assert (
        body["status"] == 404 and body["title"] == "Not Found" and body["instance"] == "/api/v1/nothing-here"
    )


def test_every_answer_says_nosniff(client, auth):
    for response in (
        client.get("/healthz"),
        client.get("/api/v1/profiles", headers=auth),
        client.get("/nope"),
    ):
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_wrong_method_is_405_with_allow(client):
    response = client.delete("/api/v1/auth/login")
    assert response.status_code == 405
    assert response.content_type == PROBLEM
    assert response.headers["Allow"] == "OPTIONS, POST"


def test_an_unexpected_error_is_a_500_problem_without_details(database_url, db_sessionmaker, capsys):
    config = make_config(database_url, DB_SESSIONMAKER=db_sessionmaker, TESTING=False, LOG_LEVEL="INFO")
    app = create_app(config)

    def broken() -> None:
        raise RuntimeError("secret internal detail")

    app.add_url_rule("/broken", view_func=broken)
    response = app.test_client().get("/broken")
    assert response.status_code == 500
    assert response.content_type == PROBLEM
    assert "secret internal detail" not in response.get_data(as_text=True)
    assert response.get_json()["request_id"]
    assert "unhandled_error" in capsys.readouterr().err


def test_two_megabyte_body_is_413(client, auth):
    body = b'{"title": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    response = client.post("/api/v1/jobs", data=body, content_type="application/json", headers=auth)
    assert response.status_code == 413
    assert response.content_type == PROBLEM


def test_malformed_json_is_a_4xx_problem(client, auth):
    response = client.post("/api/v1/jobs", data=b"{not json", content_type="application/json", headers=auth)
    assert response.status_code in {400, 422}
    assert response.content_type == PROBLEM


def test_login_rate_limit_gives_429_with_retry_after(database_url, db_sessionmaker):
    app = create_app(
        make_config(database_url, DB_SESSIONMAKER=db_sessionmaker, RATELIMIT_AUTH="3 per minute")
    )
    client = app.test_client()
    body = {"email": "nobody@example.com", "password": TEST_PASSWORD}
    statuses = [client.post("/api/v1/auth/login", json=body).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    limited = client.post("/api/v1/auth/login", json=body)
    assert limited.content_type == PROBLEM
    assert 0 < int(limited.headers["Retry-After"]) <= 60


@pytest.mark.parametrize(("hops", "second_client_limited"), [(1, False), (0, True)])
def test_behind_a_router_each_client_has_its_own_address(
    database_url, db_sessionmaker, hops, second_client_limited
):
    """With JOBWISE_PROXY_HOPS=1 the router's X-Forwarded-For names the client; with 0 it is not believed."""
    config = make_config(
        database_url, DB_SESSIONMAKER=db_sessionmaker, RATELIMIT_AUTH="2 per minute", PROXY_HOPS=hops
    )
    client = create_app(config).test_client()
    body = {"email": "nobody@example.com", "password": TEST_PASSWORD}

    def login(address: str) -> int:
        # The router appends the address it saw; a client may send its own forged value before it.
        forwarded = {"X-Forwarded-For": f"198.51.100.7, {address}", "X-Forwarded-Proto": "https"}
        return client.post("/api/v1/auth/login", json=body, headers=forwarded).status_code

    assert [login("203.0.113.1") for _ in range(3)] == [401, 401, 429]
    assert (login("203.0.113.2") == 429) is second_client_limited


def test_default_limit_is_per_user(database_url, db_sessionmaker):
    app = create_app(
        make_config(database_url, DB_SESSIONMAKER=db_sessionmaker, RATELIMIT_DEFAULT="2 per minute")
    )
    client = app.test_client()
    from tests.conftest import register

    first, second = register(client), register(client)
    assert [client.get("/api/v1/profiles", headers=first).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/api/v1/profiles", headers=second).status_code == 200


def test_one_address_is_capped_whoever_signs_in(database_url, db_sessionmaker):
    from tests.conftest import register

    config = make_config(database_url, DB_SESSIONMAKER=db_sessionmaker, RATELIMIT_PER_ADDRESS="3 per minute")
    client = create_app(config).test_client()
    users = [register(client) for _ in range(4)]
    statuses = [client.get("/api/v1/profiles", headers=user).status_code for user in users]
    assert statuses == [200, 200, 200, 429]


def test_cors_allows_the_configured_origin_only(client):
    allowed = client.options(
        "/api/v1/auth/login",
        headers={"Origin": "https://app.jobwise.example", "Access-Control-Request-Method": "POST"},
    )
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://app.jobwise.example"
    denied = client.options(
        "/api/v1/auth/login",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "Access-Control-Allow-Origin" not in denied.headers


def test_request_id_is_echoed_or_made(client):
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["X-Request-ID"] == "abc-123"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"}).headers["X-Request-ID"]
    assert len(made) == 32 and " " not in made
    problem = client.get("/nope", headers={"X-Request-ID": "trace-7"}).get_json()
    assert problem["request_id"] == "trace-7"


def test_logs_are_json_with_request_id_and_no_secrets(database_url, db_sessionmaker, capsys):
    app = create_app(make_config(database_url, DB_SESSIONMAKER=db_sessionmaker, LOG_LEVEL="INFO"))
    client = app.test_client()
    client.post(
        "/api/v1/auth/register",
        json={"email": "logged@example.com", "password": TEST_PASSWORD, "name": "Logged"},
        headers={"X-Request-ID": "log-check"},
    )
    import json

    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    request_line = next(line for line in lines if line.get("request_id") == "log-check")
    assert request_line["path"] == "/api/v1/auth/register" and request_line["status"] == 201
    everything = json.dumps(lines)
    assert "logged@example.com" not in everything and TEST_PASSWORD not in everything


def test_health_ready_and_metrics(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json()["checks"] == {"database": "ok", "redis": "ok"}
    client.get("/api/v1/nothing")
    metrics = client.get("/metrics").get_data(as_text=True)
    assert 'jobwise_http_requests_total{endpoint="unmatched",method="GET",status="404"}' in metrics
    assert "jobwise_http_request_duration_seconds_bucket" in metrics


def test_metrics_show_pipeline_state(client, auth):
    from celeryconfig import CPU_QUEUE, LLM_QUEUE
    from tests.factories import EXAMPLE_JOB, EXAMPLE_RESUME

    profile = client.post("/api/v1/profiles/import", json=EXAMPLE_RESUME, headers=auth).get_json()
    job = client.post("/api/v1/jobs", json=EXAMPLE_JOB, headers=auth).get_json()
    client.post("/api/v1/generations", json={"profile_id": profile["id"], "job_id": job["id"]}, headers=auth)
    metrics = client.get("/metrics").get_data(as_text=True)
    assert 'jobwise_generations{status="queued"} 1.0' in metrics
    assert 'jobwise_generations{status="succeeded"} 0.0' in metrics
    assert f'jobwise_queue_depth{{queue="{LLM_QUEUE}"}}' in metrics
    assert f'jobwise_queue_depth{{queue="{CPU_QUEUE}"}}' in metrics


def test_ready_is_503_when_redis_is_down(database_url, db_sessionmaker):
    app = create_app(
        make_config(database_url, DB_SESSIONMAKER=db_sessionmaker, REDIS_URL="redis://127.0.0.1:1/0")
    )
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.content_type == PROBLEM
    assert "redis" in response.get_json()["detail"]


def test_docs_are_served_offline(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "/static/swagger-ui/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert client.get("/static/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").get_json()["info"]["title"] == "JobWise API"


def test_the_app_runs_with_rate_limits_off(database_url, db_sessionmaker):
    config = make_config(database_url, DB_SESSIONMAKER=db_sessionmaker, RATELIMIT_ENABLED=False)
    client = create_app(config).test_client()
    from tests.conftest import register

    user = register(client)
    assert [client.get("/api/v1/profiles", headers=user).status_code for _ in range(3)] == [200] * 3


def test_web_processes_keep_the_configured_database_pool(database_url):
    from models.session import SessionLocal, configure

    before = SessionLocal.kw.get("bind")
    try:
        engine = configure(database_url, pool_size=7, max_overflow=3)
        assert (engine.pool.size(), engine.pool._max_overflow) == (7, 3)
        assert configure(database_url, pool_size=7, max_overflow=3) is engine  # same options: reused
        assert configure(database_url, pool_size=8, max_overflow=3) is not engine
    finally:
        SessionLocal.configure(bind=before)


def test_single_statement_reads_open_no_transaction(database_url):
    from sqlalchemy import text

    from models.session import make_read_engine

    engine = make_read_engine(database_url, pool_size=1, max_overflow=0)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1")).one()
            # psycopg2 sent no BEGIN (a transaction would be INTRANS, 2), so nothing to roll back on return
            assert connection.connection.dbapi_connection.info.transaction_status == 0
    finally:
        engine.dispose()
