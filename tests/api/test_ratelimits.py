"""Rate limits on the real Redis: leased counts (exact for small limits, never over any limit), the headers
and refusals, and counting in the process while Redis is unreachable."""

from __future__ import annotations

import time
import uuid

import pytest
import redis
from limits import parse
from limits.strategies import FixedWindowRateLimiter

from api import create_app
from api.ratelimits import LeasedRedisStorage, batch_for, storage_for
from tests.conftest import REDIS_URL, make_config, register

PROBLEM = "application/problem+json"
NOWHERE_REDIS = "redis://127.0.0.1:1/0"


def leased_storage(prefix: str) -> LeasedRedisStorage:
    return LeasedRedisStorage(REDIS_URL, key_prefix=prefix)


@pytest.mark.parametrize(
    ("limit", "batch"), [("10/minute", 1), ("199/minute", 1), ("300/minute", 4), ("1200/minute", 16)]
)
def test_the_lease_grows_with_the_limit(limit, batch):
    item = parse(limit)
    assert batch_for(item.key_for("user:1", "scope")) == batch


def test_a_small_limit_is_counted_exactly_across_processes():
    prefix = f"jobwise-test-{uuid.uuid4().hex[:8]}"
    first, second = (FixedWindowRateLimiter(leased_storage(prefix)) for _ in range(2))
    item = parse("10/minute")
    admitted = [limiter.hit(item, "user:1") for _ in range(6) for limiter in (first, second)]
    assert admitted == [True] * 10 + [False] * 2


def test_leases_never_admit_more_than_the_limit_and_refuse_at_most_a_lease_early():
    prefix = f"jobwise-test-{uuid.uuid4().hex[:8]}"
    processes = [FixedWindowRateLimiter(leased_storage(prefix)) for _ in range(3)]
    item = parse("300/minute")  # leases of 4
    admitted = 0
    for round_ in range(200):
        for number, limiter in enumerate(processes):
            if round_ % (number + 1) == 0:  # the processes see different shares of the traffic
                admitted += limiter.hit(item, "user:1")
    assert 300 - (4 - 1) * (3 - 1) <= admitted <= 300
    assert not any(limiter.hit(item, "user:1") for limiter in processes)


def test_the_headers_come_from_the_lease_without_a_round_trip():
    storage = leased_storage(f"jobwise-test-{uuid.uuid4().hex[:8]}")
    limiter = FixedWindowRateLimiter(storage)
    item = parse("1200/minute")
    for _ in range(5):
        limiter.hit(item, "user:2")
    stats = limiter.get_window_stats(item, "user:2")
    assert stats.remaining == 1195 and stats.reset_time > 0


def limited_app(database_url, db_sessionmaker, **settings):
    return create_app(make_config(database_url, DB_SESSIONMAKER=db_sessionmaker, **settings))


def test_every_answer_reports_the_nearest_limit_and_a_refusal_says_when_to_retry(
    database_url, db_sessionmaker
):
    app = limited_app(database_url, db_sessionmaker, RATELIMIT_DEFAULT="3 per minute")
    client = app.test_client()
    headers = register(client)
    answers = [client.get("/api/v1/profiles", headers=headers) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    # The per-user limit (3) is nearer than the per-address one, so it is the one reported.
    assert [a.headers["X-RateLimit-Limit"] for a in answers] == ["3"] * 4
    assert [a.headers["X-RateLimit-Remaining"] for a in answers] == ["2", "1", "0", "0"]
    now = time.time()
    for answer in answers:
        assert now < int(answer.headers["X-RateLimit-Reset"]) <= now + 61
        assert 0 <= int(answer.headers["X-RateLimit-Retry-After"]) <= 60
    refused = answers[-1]
    assert refused.content_type == PROBLEM
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert "3 per 1 minute" in refused.get_json()["detail"]
    # Each endpoint has its own window; health checks and unknown paths are not counted.
    assert client.get("/api/v1/generations", headers=headers).status_code == 200
    assert "X-RateLimit-Limit" not in client.get("/healthz").headers
    assert "X-RateLimit-Limit" not in client.get("/api/v1/nowhere", headers=headers).headers


def test_counting_goes_back_to_redis_when_it_is_reachable_again(database_url, db_sessionmaker):
    prefix = f"jobwise-test-{uuid.uuid4().hex[:8]}"
    app = limited_app(
        database_url, db_sessionmaker, RATELIMIT_STORAGE_URI=NOWHERE_REDIS, RATELIMIT_KEY_PREFIX=prefix
    )
    client = app.test_client()
    counter = app.extensions["jobwise_rate_limits"]
    assert client.get("/api/v1/jobs").status_code in (200, 401)
    assert counter.retry_storage_at > 0, "Redis unreachable: counted in the process"
    # Redis answers again (here: the storage now names the running one) and the retry time has come.
    counter.storage = storage_for(REDIS_URL)
    counter.retry_storage_at = 1.0
    assert client.get("/api/v1/jobs").headers["X-RateLimit-Limit"]
    assert counter.retry_storage_at == 0
    assert redis.Redis.from_url(REDIS_URL).keys(f"LIMITS:LIMITER/{prefix}/*"), "counted in Redis"
