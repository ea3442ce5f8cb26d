"""Fewer Redis round trips per rate-limited request.

flask-limiter, with ``X-RateLimit-*`` headers on, makes four Redis calls per request: one increment per limit
(per user, per address), then GET and TTL of the limit nearest its end for the headers. The storage below
increments and reads the TTL in one script and remembers both for ``RECENT_S``, so the headers cost no
further round trip. Enforcement is unchanged: every hit still goes to Redis and is compared there; only the
header values may be up to ``RECENT_S`` old.
"""

from __future__ import annotations

import time
from typing import Any

from limits.storage import RedisStorage

RECENT_S = 0.5
INCR_EXPIRE_TTL = """
local current = redis.call("incrby", KEYS[1], ARGV[2])
if tonumber(current) == tonumber(ARGV[2]) then
    redis.call("expire", KEYS[1], ARGV[1])
end
return {current, redis.call("ttl", KEYS[1])}
"""


class RecentRedisStorage(RedisStorage):
    STORAGE_SCHEME = None  # installed on an existing storage (``remember_recent_hits``), not by URI

    _recent: dict[str, tuple[float, int, float]]
    _incr_ttl: Any

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        full = self.prefixed_key(key)
        count, ttl = self._incr_ttl([full], [expiry, amount])
        now = time.time()
        if len(self._recent) > 10_000:
            self._recent.clear()
        self._recent[full] = (now, int(count), now + max(int(ttl), 0))
        return int(count)

    def _fresh(self, key: str) -> tuple[float, int, float] | None:
        found = self._recent.get(self.prefixed_key(key))
        return found if found is not None and time.time() - found[0] < RECENT_S else None

    def get(self, key: str) -> int:
        found = self._fresh(key)
        return found[1] if found is not None else super().get(key)

    def get_expiry(self, key: str) -> float:
        found = self._fresh(key)
        return found[2] if found is not None else super().get_expiry(key)


def remember_recent_hits(storage: Any) -> None:
    """Turn flask-limiter's Redis storage into a ``RecentRedisStorage`` (other storages are left alone)."""
    if type(storage) is RedisStorage:
        storage.__class__ = RecentRedisStorage
        storage._recent = {}
        storage._incr_ttl = storage.get_connection().register_script(INCR_EXPIRE_TTL)
