"""Rate limits: fixed windows from the ``limits`` library, checked before each view, counted on Redis.

Why not flask-limiter (used until 2026-12-01): its generic per-request bookkeeping (resolving default,
blueprint and decorated limits, exemption scopes, a context object, headers) cost about a quarter of a
status poll's CPU (py-spy on gunicorn; `bench/status_bench.py` poll 0.54 -> 0.71 of the bare read with it
switched off). The service needs three rules, so the glue below resolves them once per endpoint and leaves
the counting to ``limits``, the library flask-limiter itself is built on.

The rules:
- every view but the exempt ones: ``RATELIMIT_DEFAULT`` per user (per address without a valid token) and
  ``RATELIMIT_PER_ADDRESS`` per client address, each per endpoint;
- views decorated with ``limit(setting, key)`` (the auth endpoints): that setting instead of the defaults.

Every answer carries ``X-RateLimit-Limit``, ``-Remaining``, ``-Reset`` (epoch seconds) and
``-Retry-After`` (seconds until the window resets) of the rule with the fewest hits left; a refusal is a 429
problem with ``Retry-After``. When Redis cannot be reached, hits are counted in the process (a memory
storage) and Redis is tried again every ``RETRY_STORAGE_S`` seconds.

Hits are leased (``LeasedRedisStorage``): when a process needs a hit it increments the Redis counter by a
small batch at once (and reads the TTL in the same script), then spends that batch locally. Every hit
admitted was counted in Redis before it was admitted, so no limit is ever exceeded; a process's unspent hits
count as spent for the others until the window ends, so a client spread over N processes may be refused up
to (batch - 1) x (N - 1) hits early. The batch is 1 (an exact count, a round trip per hit) for limits under
``EXACT_BELOW`` per window, and grows with the limit to at most ``MAX_BATCH``: a per-user limit of 300 a
minute leases 4 hits at a time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import redis
from flask import Flask, Response, current_app, g, request
from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.storage import MemoryStorage, RedisStorage, Storage, storage_from_string

from api.errors import problem

log = logging.getLogger(__name__)

View = TypeVar("View", bound=Callable[..., Any])
KeyFunction = Callable[[], str]

EXACT_BELOW = 200
LEASES_PER_LIMIT = 64  # a limit of L per window leases L / 64 hits at a time
MAX_BATCH = 16
REDIS_POOL_SIZE = 50
RETRY_STORAGE_S = 5.0
RULES_ATTRIBUTE = "jobwise_rate_limits"  # set on a view function by ``exempt`` and ``limit``
INCR_EXPIRE_TTL = """
local current = redis.call("incrby", KEYS[1], ARGV[2])
if tonumber(current) == tonumber(ARGV[2]) then
    redis.call("expire", KEYS[1], ARGV[1])
end
return {current, redis.call("ttl", KEYS[1])}
"""


class Lease:
    __slots__ = ("count", "left", "reset_at")

    def __init__(self, count: int, left: int, reset_at: float) -> None:
        self.count, self.left, self.reset_at = count, left, reset_at


def batch_for(key: str) -> int:
    """How many hits to lease at once for a limit key (``.../<amount>/<multiples>/<granularity>``)."""
    try:
        amount = int(key.rsplit("/", 3)[-3])
    except (IndexError, ValueError):
        return 1
    return 1 if amount < EXACT_BELOW else min(MAX_BATCH, amount // LEASES_PER_LIMIT)


class LeasedRedisStorage(RedisStorage):
    """``limits``' Redis storage, taking hits from Redis in leases (see the module's description)."""

    STORAGE_SCHEME = None  # made by ``storage_for``, not by URI

    def __init__(self, uri: str, **options: Any) -> None:
        super().__init__(uri, **options)
        self._leases: dict[str, Lease] = {}
        self._incr_ttl = self.get_connection().register_script(INCR_EXPIRE_TTL)

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        full = self.prefixed_key(key)
        now = time.time()
        lease = self._leases.get(full)
        if lease is not None and lease.left >= amount and now < lease.reset_at:
            lease.left -= amount
            lease.count += amount
            return lease.count
        batch = max(amount, batch_for(key))
        count, ttl = self._incr_ttl([full], [expiry, batch])
        if len(self._leases) > 10_000:
            self._leases.clear()
        lease = Lease(int(count) - batch + amount, batch - amount, now + max(int(ttl), 0))
        self._leases[full] = lease
        return lease.count

    def _current(self, key: str) -> Lease | None:
        lease = self._leases.get(self.prefixed_key(key))
        return lease if lease is not None and time.time() < lease.reset_at else None

    def get(self, key: str) -> int:
        lease = self._current(key)
        return lease.count if lease is not None else super().get(key)

    def get_expiry(self, key: str) -> float:
        lease = self._current(key)
        return lease.reset_at if lease is not None else super().get_expiry(key)


def storage_for(uri: str) -> Storage:
    """The storage of a ``RATELIMIT_STORAGE_URI``: leased Redis, or what ``limits`` makes of other URIs."""
    if not uri.startswith(("redis://", "rediss://")):
        return storage_from_string(uri, wrap_exceptions=True)
    # Under gevent hundreds of requests may need Redis at once: wait for a pooled connection (a few ms)
    # instead of redis-py's MaxConnectionsError. Short socket timeouts: an unreachable Redis means counting
    # in the process, not a stalled request.
    pool = redis.BlockingConnectionPool.from_url(
        uri, max_connections=REDIS_POOL_SIZE, timeout=10, socket_connect_timeout=1, socket_timeout=1
    )
    return LeasedRedisStorage(uri, connection_pool=pool, wrap_exceptions=True)


@dataclass(frozen=True)
class Rule:
    item: RateLimitItem
    key: KeyFunction


@dataclass
class Counted:
    """One rule's count for this request: what the headers and a refusal report."""

    item: RateLimitItem
    remaining: int
    reset_at: float
    admitted: bool


def remote_address() -> str:
    """The client's address (from the trusted proxies' X-Forwarded-For when ``PROXY_HOPS`` is set)."""
    return request.remote_addr or "127.0.0.1"


class RateLimits:
    """The Flask extension: ``init_app``, and the view decorators ``exempt`` and ``limit``."""

    def __init__(self, default_key: KeyFunction) -> None:
        self.default_key = default_key

    @staticmethod
    def exempt(view: View) -> View:
        """No rate limit on this view (health checks)."""
        setattr(view, RULES_ATTRIBUTE, ())
        return view

    @staticmethod
    def limit(setting: str, key: KeyFunction) -> Callable[[View], View]:
        """Limit a view by the app setting ``setting`` (``"10 per minute"``) per ``key()``, instead of the
        defaults."""

        def decorate(view: View) -> View:
            setattr(view, RULES_ATTRIBUTE, ((setting, key),))
            return view

        return decorate

    def init_app(self, app: Flask) -> None:
        if not app.config["RATELIMIT_ENABLED"]:
            return
        app.extensions["jobwise_rate_limits"] = LimitCounter(
            app,
            storage_for(app.config["RATELIMIT_STORAGE_URI"]),
            (("RATELIMIT_DEFAULT", self.default_key), ("RATELIMIT_PER_ADDRESS", remote_address)),
        )
        app.before_request(_check)
        app.after_request(_add_headers)


class LimitCounter:
    """An app's rules, resolved once per endpoint, and where hits are counted."""

    def __init__(self, app: Flask, storage: Storage, defaults: tuple[tuple[str, KeyFunction], ...]) -> None:
        self.app, self.storage, self.fallback = app, storage, MemoryStorage()
        self.prefix = app.config["RATELIMIT_KEY_PREFIX"]
        self.defaults = self._rules(defaults)
        self.by_endpoint: dict[str, tuple[Rule, ...]] = {}
        self.retry_storage_at = 0.0  # while Redis is unreachable: when to try it again

    def _rules(self, settings: tuple[tuple[str, KeyFunction], ...]) -> tuple[Rule, ...]:
        return tuple(Rule(parse(self.app.config[setting]), key) for setting, key in settings)

    def rules(self, endpoint: str) -> tuple[Rule, ...]:
        found = self.by_endpoint.get(endpoint)
        if found is None:
            view = self.app.view_functions.get(endpoint)
            settings = getattr(view, RULES_ATTRIBUTE, None)
            found = self.defaults if settings is None else self._rules(settings)
            self.by_endpoint[endpoint] = found
        return found

    def count(self, rule: Rule, endpoint: str) -> Counted:
        key = rule.item.key_for(self.prefix, rule.key(), endpoint)
        if self.retry_storage_at:
            storage = self.fallback
            if time.monotonic() >= self.retry_storage_at and self._storage_back():
                storage = self.storage
        else:
            storage = self.storage
        try:
            count = storage.incr(key, rule.item.get_expiry())
            reset_at = storage.get_expiry(key)
        except StorageError:
            if storage is self.fallback:
                raise
            log.warning("Rate limit storage unreachable: counting in this process for now")
            self.retry_storage_at = time.monotonic() + RETRY_STORAGE_S
            return self.count(rule, endpoint)
        return Counted(rule.item, max(0, rule.item.amount - count), reset_at, count <= rule.item.amount)

    def _storage_back(self) -> bool:
        try:
            alive = self.storage.check()
        except StorageError:
            alive = False
        if alive:
            log.info("Rate limit storage reachable again")
            self.retry_storage_at = 0.0
        else:
            self.retry_storage_at = time.monotonic() + RETRY_STORAGE_S
        return alive


def _check() -> Response | None:
    endpoint = request.endpoint
    if endpoint is None:  # no route matched: a 404 or 405 is not counted
        return None
    counter: LimitCounter = current_app.extensions["jobwise_rate_limits"]
    rules = counter.rules(endpoint)
    if not rules:
        return None
    counted = [counter.count(rule, endpoint) for rule in rules]
    refused = [each for each in counted if not each.admitted]
    g.rate_limit = min(refused or counted, key=lambda each: (each.remaining, -each.reset_at))
    if refused:
        limit = g.rate_limit
        wait = max(1, int(limit.reset_at - time.time()))
        return problem(
            429,
            f"Too many requests: {limit.item}. Try again in {wait} s.",
            headers={"Retry-After": str(wait)},
        )
    return None


def _add_headers(response: Response) -> Response:
    counted: Counted | None = g.get("rate_limit")
    if counted is not None:
        reset_at = int(counted.reset_at + 1)
        headers = response.headers
        headers["X-RateLimit-Limit"] = str(counted.item.amount)
        headers["X-RateLimit-Remaining"] = str(counted.remaining)
        headers["X-RateLimit-Reset"] = str(reset_at)
        headers["X-RateLimit-Retry-After"] = str(max(0, int(reset_at - time.time())))
    return response
