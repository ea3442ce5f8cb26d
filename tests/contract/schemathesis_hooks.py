"""schemathesis hooks for tests/contract/test_schemathesis.py (loaded by schemathesis.toml)."""

from __future__ import annotations

from typing import Any

import schemathesis

LONG_POLL_CAP_S = 1
MAX_WAIT_S = 30  # WaitArgsSchema's maximum: larger values are invalid inputs and must stay as generated


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """A status poll may hold an answer up to ?wait=30 s while a generation does not change, and nothing
    processes generations in this run: cap the wait so the run stays a few minutes long. Long-polling
    itself is tested in tests/api/test_generations.py."""
    query = case.query
    wait = query.get("wait") if isinstance(query, dict) else None
    if type(wait) is int and LONG_POLL_CAP_S < wait <= MAX_WAIT_S:
        query["wait"] = LONG_POLL_CAP_S
