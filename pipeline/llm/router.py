"""The one door to language models: the ``LLM`` protocol the stages use, and its litellm adapter.

Configuration is the litellm Router format (``model_list``, ``router_settings``; the litellm proxy reads the
same file), parsed by the caller and handed in as a mapping, plus an optional ``jobwise`` block:
``model`` (the model group to call, default the first in ``model_list``), ``redact_pii`` (default false),
``answer_retries`` (default 2) and ``json_mode`` (ask for ``response_format`` json_object, default true).

Failover, not retries, happens here. The Router runs with ``num_retries=0``: a call goes to one deployment
of the model group (several entries under one ``model_name`` are several API keys; litellm picks among them
and cools a failing one down for ``cooldown_time``, so the next calls use the others), then to each
fallback group in order, each within ``timeout``. If all fail, the error is sorted for the one retry layer,
Celery's: rate limits (with the provider's Retry-After, capped at ``MAX_RETRY_AFTER_S``), timeouts,
connection errors and 5xx become ``TransientError``, and so does a rejected key when the config has other
deployments to try next time; a rejected key with nothing else configured, or an unknown model, is a
``StageError`` (retrying cannot help); a request the provider refuses (400, context window, content policy)
is an ``InvalidAnswerError``. (litellm's own retries would sleep on Retry-After inside the call, under
Celery's: a second retry layer.)

Answers are JSON objects validated against the stage's own dataclasses. An invalid one (not JSON, wrong
shape) is sent back with the error, at most ``answer_retries`` times, then ``InvalidAnswerError`` is
raised and the stage falls back to its offline result. Every call is recorded as a ``Call`` (model,
prompt version, tokens, cost, latency, outcome) on the session that made it.

litellm is imported on the first call only: the import costs seconds and hundreds of MB, and the web
process and the offline generator never need it.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

from pipeline.errors import StageError, TransientError
from pipeline.llm.prompts import load_prompt
from pipeline.llm.protocol import Call, InvalidAnswerError
from pipeline.llm.redaction import Redactor
from pipeline.serialization import from_data

T = TypeVar("T")

MAX_RETRY_AFTER_S = 60.0  # a longer Retry-After is waited for this long; the retry budget stays bounded
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_COOLDOWN_S = 60.0  # a failing key rests longer than Celery's first retries wait
DEFAULT_ANSWER_RETRIES = 2
_TRANSIENT_STATUS = frozenset({408, 409, 425, 429})
_REFUSED_STATUS = frozenset({400, 413, 422})
_REJECTED_KEY_STATUS = frozenset({401, 403})


# --- the Router ---------------------------------------------------------------------------------------------


class ModelRouter:
    """A litellm Router built from config on first use and shared by every call in this process."""

    def __init__(self, config: Mapping[str, Any], secrets: Iterable[str] = ()) -> None:
        model_list = list(config.get("model_list") or ())
        if not model_list or not all(m.get("model_name") and m.get("litellm_params") for m in model_list):
            raise ValueError(
                "the LLM config needs a model_list of entries with model_name and litellm_params"
            )
        own = dict(config.get("jobwise") or {})
        self.model_list = model_list
        self.settings = {"cooldown_time": DEFAULT_COOLDOWN_S, **(config.get("router_settings") or {})}
        self.model = str(own.get("model") or model_list[0]["model_name"])
        self.timeout = float(self.settings.get("timeout") or DEFAULT_TIMEOUT_S)
        self.redact_pii = bool(own.get("redact_pii", False))
        self.answer_retries = max(0, int(own.get("answer_retries", DEFAULT_ANSWER_RETRIES)))
        self.json_mode = bool(own.get("json_mode", True))
        self.secrets = tuple(s for s in secrets if s)
        self._router: Any = None
        self._lock = threading.Lock()

    def groups_per_call(self) -> int:
        """How many model groups one call may try: the group, then its fallbacks (timeout each)."""
        chain = next((f[self.model] for f in self.settings.get("fallbacks") or () if self.model in f), [])
        limit = self.settings.get("max_fallbacks")
        return 1 + (min(len(chain), int(limit)) if limit is not None else len(chain))

    def _build(self) -> Any:
        # The pipeline's one environment write: litellm must use its bundled price list, never download one.
        os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
        import litellm

        litellm.suppress_debug_info = True
        settings = {**self.settings, "timeout": self.timeout, "num_retries": 0}  # Celery is the retry layer
        return litellm.Router(model_list=self.model_list, **settings)

    def router(self) -> Any:
        with self._lock:
            if self._router is None:
                self._router = self._build()
            return self._router

    def completion(self, messages: list[dict[str, str]]) -> Any:
        extra = {"response_format": {"type": "json_object"}, "drop_params": True} if self.json_mode else {}
        return self.router().completion(model=self.model, messages=messages, **extra)


# --- errors -------------------------------------------------------------------------------------------------


def _retry_after(error: Exception) -> float | None:
    headers = getattr(error, "litellm_response_headers", None) or getattr(
        getattr(error, "response", None), "headers", None
    )
    if not headers:
        return None
    if milliseconds := headers.get("retry-after-ms"):
        seconds: float | None = float(milliseconds) / 1000
    elif value := headers.get("retry-after"):
        try:
            seconds = float(value)
        except ValueError:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
    else:
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


def scrub(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret masked."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def _describe(error: Exception, secrets: Iterable[str]) -> str:
    """The error's type and first line, secrets masked, short enough for a stage row."""
    first = next((line for line in str(error).splitlines() if line.strip()), "")
    return scrub(f"{type(error).__name__}: {first}", secrets)[:300]


def provider_error(error: Exception, secrets: Iterable[str] = (), other_keys: bool = False) -> Exception:
    """Sort a failed call (after failover) into transient, permanent, or a refused request.

    ``other_keys``: the config has other deployments, which a retry will use while a rejected key rests.
    """
    status = getattr(error, "status_code", None)
    message = _describe(error, secrets)
    if (
        status is None
        or status in _TRANSIENT_STATUS
        or status >= 500
        or (other_keys and status in _REJECTED_KEY_STATUS)
    ):
        return TransientError(message, retry_after=_retry_after(error))
    if status in _REFUSED_STATUS:
        return InvalidAnswerError(message)
    return StageError(message)


# --- answers ------------------------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$")


def parse_json(content: str) -> dict[str, Any]:
    """The JSON object in ``content`` (a markdown code fence around it is tolerated)."""
    data = json.loads(_FENCE.sub("", content or ""))
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    return data


def _problem(error: Exception) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):  # pydantic: the first few field errors, without the input values
        found = errors(include_input=False, include_url=False)[:5]
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in found)
    return f"invalid JSON: {error}"[:300]


class LLMSession:
    """The ``LLM`` of one stage run: calls go through the shared router and are recorded here."""

    def __init__(self, router: ModelRouter, observe: Callable[[Call], None] | None = None) -> None:
        self.router = router
        self.secrets = router.secrets
        self.calls: list[Call] = []
        self._observe = observe
        self._lock = threading.Lock()  # resume and cover letter are written concurrently

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)
        if self._observe is not None:
            self._observe(call)

    def _send(self, prompt: str, messages: list[dict[str, str]]) -> tuple[str, Call]:
        started = time.perf_counter()
        try:
            response = self.router.completion(messages)
        except Exception as error:
            sorted_error = provider_error(error, self.secrets, other_keys=len(self.router.model_list) > 1)
            outcome = "gave_up" if isinstance(sorted_error, InvalidAnswerError) else "error"
            latency = round(time.perf_counter() - started, 3)
            self._record(Call(prompt, latency_s=latency, outcome=outcome, error=str(sorted_error)))
            raise sorted_error from None
        hidden = getattr(response, "_hidden_params", {}) or {}
        usage = getattr(response, "usage", None)
        call = Call(
            prompt=prompt,
            model=str(hidden.get("litellm_model_name") or response.model),
            input_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
            output_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
            cost_usd=float(hidden.get("response_cost") or 0.0),
            latency_s=round(time.perf_counter() - started, 3),
        )
        return response.choices[0].message.content or "", call

    def complete(self, prompt: str, variables: Mapping[str, str], schema: type[T]) -> T:
        template = load_prompt(prompt)
        redactor = Redactor() if self.router.redact_pii else None
        values = {k: redactor.redact(v) for k, v in variables.items()} if redactor else variables
        messages = template.messages(values)
        tries = self.router.answer_retries + 1
        for attempt in range(1, tries + 1):
            content, call = self._send(prompt, messages)
            try:
                data = parse_json(content)
                result = from_data(schema, redactor.restore(data) if redactor else data)
            except ValueError as error:  # json.JSONDecodeError and pydantic.ValidationError are ValueErrors
                problem = _problem(error)
                self._record(
                    replace(call, outcome="invalid" if attempt < tries else "gave_up", error=problem)
                )
                messages = [
                    *messages,
                    {"role": "assistant", "content": content},
                    {"role": "user", "content": f"That answer is not valid ({problem}). Answer again with "
                     "only the JSON object the instructions describe."},
                ]  # fmt: skip
                continue
            self._record(call)
            return result
        raise InvalidAnswerError(f"{prompt}: no valid answer in {tries} tries; last problem: {problem}")


# --- what a stage reports -----------------------------------------------------------------------------------


def usage_meta(calls: Iterable[Call]) -> dict[str, Any]:
    """Model, prompt versions, tokens, cost and model time of a stage's calls, for its stage row."""
    calls = list(calls)
    answered = [c for c in calls if c.outcome != "error" and c.model]
    meta: dict[str, Any] = {
        "model": ", ".join(sorted({c.model for c in answered})),  # sorted: concurrent calls end in any order
        "prompt_version": ", ".join(sorted({c.prompt for c in calls})),
        "input_tokens": sum(c.input_tokens for c in calls),
        "output_tokens": sum(c.output_tokens for c in calls),
        "cost_usd": round(sum(c.cost_usd for c in calls), 6),
        "latency_s": round(sum(c.latency_s for c in calls), 3),
        "calls": len(calls),
        "invalid_answers": sum(c.outcome in ("invalid", "gave_up") and bool(c.model) for c in calls),
    }
    gave_up = [c for c in calls if c.outcome == "gave_up"]
    if gave_up:
        meta["fallback"] = "; ".join(f"{c.prompt}: {c.error}" for c in gave_up)
    return meta
