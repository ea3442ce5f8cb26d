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


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return any("\ud800" <= char <= "\udfff" for char in value)
    if isinstance(value, dict):
        return any(_has_surrogate(key) or _has_surrogate(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(item) for item in value)
    return False


@schemathesis.hook
def filter_body(context: Any, body: Any) -> bool:
    """Drop bodies holding UTF-16 surrogates, which the configured codec (UTF-8) does not have but the
    negative phase still makes. Sent as JSON, a high and a low surrogate are one character
    ("\\ud93c\\udd93" is U+5F193), so a string schemathesis counts as 22 long is 11 characters to any
    JSON parser, and a body it means to break ``maxLength`` is valid. Lone surrogates are refused with a
    422 naming the field (tests/api/test_input_safety.py)."""
    return not _has_surrogate(body)
