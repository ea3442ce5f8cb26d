"""The language model a generation asked for: None for the offline generator, else a session on this
process's router, built from the YAML file JOBWISE_LLM_CONFIG names on first use.

The file is the litellm Router format (see llm.example.yaml). Keys are ``os.environ/NAME`` references, so
adding or removing a key is a change to the file and the environment and a worker restart, no code.

A permanently failing provider must end a generation within ``DEADLINE_S``: each Celery attempt may try
every model group of the fallback chain for ``timeout`` seconds, and each retry may wait up to the capped
Retry-After. A config whose worst case exceeds the deadline is refused with the arithmetic.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from functools import cache, partial
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import StageError
from pipeline.llm import MAX_RETRY_AFTER_S, Call, LLMSession, ModelRouter, usage_meta
from settings import settings
from workers.metrics import LLM_CALLS, LLM_COST, LLM_FALLBACKS, LLM_LATENCY, LLM_TOKENS
from workers.runner import RETRY_POLICY

DEADLINE_S = 600.0
ENV_REFERENCE = "os.environ/"
_SECRET_WORDS = ("key", "secret", "token", "password")


def _secrets(config: Mapping[str, Any]) -> Iterator[str]:
    """The values of every key in the model list: what no output may contain."""
    for deployment in config.get("model_list") or ():
        for name, value in (deployment.get("litellm_params") or {}).items():
            if isinstance(value, str) and value.startswith(ENV_REFERENCE):
                yield os.environ.get(value.removeprefix(ENV_REFERENCE), "")
            elif isinstance(value, str) and any(word in name for word in _SECRET_WORDS):
                yield value


def worst_case_s(router: ModelRouter) -> float:
    """Longest time to a failed generation when every call fails: attempts, failover, waits."""
    retries = int(RETRY_POLICY["max_retries"])
    attempt = router.groups_per_call() * router.timeout
    waits = sum(
        max(MAX_RETRY_AFTER_S, min(RETRY_POLICY["retry_backoff_max"], RETRY_POLICY["retry_backoff"] * 2**n))
        for n in range(retries)
    )
    return (retries + 1) * attempt + waits


@cache
def router_for(path: str) -> ModelRouter:
    config = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    router = ModelRouter(config, secrets=tuple(_secrets(config)))
    worst = worst_case_s(router)
    if worst > DEADLINE_S:
        raise StageError(
            f"the LLM config could keep a failing generation going {worst:.0f} s, over {DEADLINE_S:.0f} s: "
            f"{router.groups_per_call()} model groups x {router.timeout:.0f} s timeout per attempt; "
            "lower router_settings.timeout or the fallbacks"
        )
    return router


def _observe(stage: str, call: Call) -> None:
    model = call.model or "none"
    LLM_CALLS.labels(stage, model, call.outcome).inc()
    LLM_TOKENS.labels(stage, model, "input").inc(call.input_tokens)
    LLM_TOKENS.labels(stage, model, "output").inc(call.output_tokens)
    LLM_COST.labels(stage, model).inc(call.cost_usd)
    LLM_LATENCY.labels(stage, model).observe(call.latency_s)
    if call.outcome == "gave_up":
        LLM_FALLBACKS.labels(stage).inc()


def llm_for(generator: str, stage: str) -> LLMSession | None:
    """A session for one run of ``stage`` (its calls become the stage's meta), or None for offline."""
    if generator == "offline":
        return None
    if not settings.jobwise_llm_config:
        raise StageError("the llm generator needs JOBWISE_LLM_CONFIG on the workers")
    return LLMSession(router_for(settings.jobwise_llm_config), observe=partial(_observe, stage))


def llm_meta(llm: LLMSession | None) -> dict[str, Any]:
    """What the stage row shows of its model calls: model, prompt version, tokens, cost, latency."""
    return usage_meta(llm.calls) if llm is not None and llm.calls else {}
