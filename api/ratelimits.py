"""Rate limits on Redis with one round trip for many requests.

flask-limiter, with ``X-RateLimit-*`` headers on, makes a Redis call per limit per request to increment,
then GET and TTL of the limit nearest its end for the headers. The storage below counts hits in leases:
when a process needs a hit it increments the Redis counter by a small batch at once (and reads the TTL in
the same script), then spends that batch locally. Every hit admitted was counted in Redis before it was
admitted, so no limit is ever exceeded; a process's unspent hits count as spent for the others until the
window ends, so a client spread over N processes may be refused up to (batch - 1) x (N - 1) hits early.
The batch is 1 (an exact count, a round trip per hit) for limits under ``EXACT_BELOW`` per window, and
grows with the limit to at most ``MAX_BATCH``: a per-user limit of 300 a minute leases 4 hits at a time.
"""

from __future__ import annotations

import time
from typing import Any

from limits.storage import RedisStorage

EXACT_BELOW = 200
LEASES_PER_LIMIT = 64  # a limit of L per window leases L / 64 hits at a time
MAX_BATCH = 16
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
    STORAGE_SCHEME = None  # installed on an existing storage (``lease_hits``), not by URI

    _leases: dict[str, Lease]
    _incr_ttl: Any

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


def lease_hits(storage: Any) -> None:
    """Turn flask-limiter's Redis storage into a ``LeasedRedisStorage`` (other storages are left alone)."""
    if type(storage) is RedisStorage:
        storage.__class__ = LeasedRedisStorage
        storage._leases = {}
        storage._incr_ttl = storage.get_connection().register_script(INCR_EXPIRE_TTL)
