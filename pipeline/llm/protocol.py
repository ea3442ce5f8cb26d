"""The ``LLM`` protocol the stages use, what one call records, and the error that sends a stage offline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

T = TypeVar("T")
CallOutcome = Literal["ok", "invalid", "gave_up", "error"]


class InvalidAnswerError(Exception):
    """The model gave no usable answer (bad JSON or shape, or the request was refused): go offline."""


class LLM(Protocol):
    """A chat model that answers a versioned prompt template with a JSON object of a given shape."""

    secrets: tuple[str, ...]  # values no output may contain (API keys)

    def complete(self, prompt: str, variables: Mapping[str, str], schema: type[T]) -> T:
        """Render ``prompt`` (a file in pipeline/prompts) with ``variables``; the answer as a ``schema``."""
        ...


@dataclass(frozen=True)
class Call:
    """One request to the model, as recorded for the stage's metadata and metrics."""

    prompt: str  # prompt version: "analyze_job.v1"
    model: str = ""  # the deployment that answered: "openai/gpt-4o-mini"
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    latency_s: float = 0.0
    outcome: CallOutcome = "ok"  # invalid: asked again; gave_up: the stage fell back offline
    error: str = ""
