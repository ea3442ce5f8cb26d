"""Job analyses cached in Redis, keyed by the posting's normalized text and the prompt version.

A second generation for the same job reuses the first one's analysis and makes no model call. Only
analyses a model produced are stored (an offline fallback is not worth pinning). Redis being down is a
miss, never a failure: the cache only saves calls.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import redis
import structlog

from settings import settings
from workers.metrics import ANALYSIS_CACHE

log = structlog.get_logger("jobwise.cache")
PREFIX = "jobwise:analysis:"
TTL_S = 7 * 24 * 3600


@dataclass(frozen=True)
class CachedAnalysis:
    output: dict[str, Any]  # the stored JobAnalysis, as the stage row stores it
    meta: dict[str, Any]  # the first run's model and prompt version


@cache
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)


def load_analysis(key: str) -> CachedAnalysis | None:
    if not settings.redis_url:
        return None
    try:
        raw = _client(settings.redis_url).get(PREFIX + key)
    except redis.RedisError as error:
        log.warning("analysis_cache_unavailable", error_type=type(error).__name__)
        raw = None
    ANALYSIS_CACHE.labels("hit" if raw else "miss").inc()
    if not raw:
        return None
    stored = json.loads(raw)
    return CachedAnalysis(stored["output"], stored["meta"])


def store_analysis(key: str, output: dict[str, Any], meta: dict[str, Any]) -> None:
    if not settings.redis_url:
        return
    value = json.dumps({"output": output, "meta": meta})
    try:
        _client(settings.redis_url).set(PREFIX + key, value, ex=TTL_S)
    except redis.RedisError as error:
        log.warning("analysis_cache_unavailable", error_type=type(error).__name__)
