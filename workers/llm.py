"""The language model a generation asked for; None means the deterministic offline generator."""

from __future__ import annotations

from pipeline.llm import LLM


def llm_for(generator: str) -> LLM | None:
    if generator == "offline":
        return None
    raise NotImplementedError("the LLM generator arrives with the LLM issue")
