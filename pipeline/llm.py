"""The one door to language models. Stages depend on the ``LLM`` protocol, never on litellm."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class LLM(Protocol):
    """A chat model that answers a versioned prompt template with a JSON object."""

    def complete_json(self, prompt: str, variables: Mapping[str, str]) -> dict[str, Any]:
        """Render template ``prompt`` (a file in pipeline/prompts) with ``variables``; return parsed JSON."""
        ...
