"""Leased rate-limit counts on the real Redis: exact for small limits, never over any limit."""

from __future__ import annotations

import uuid

import pytest
from limits import parse
from limits.storage import RedisStorage
from limits.strategies import FixedWindowRateLimiter

from api.ratelimits import LeasedRedisStorage, batch_for, lease_hits
from tests.conftest import REDIS_URL


def leased_storage(prefix: str) -> LeasedRedisStorage:
    storage = RedisStorage(REDIS_URL, key_prefix=prefix)
    lease_hits(storage)
    assert isinstance(storage, LeasedRedisStorage)
    return storage


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
