"""The one door to language models: the ``LLM`` protocol (``protocol``), versioned prompts (``prompts``),
the litellm Router adapter that implements it (``router``) and PII redaction (``redaction``)."""

from pipeline.llm.prompts import Prompt, data_block, load_prompt
from pipeline.llm.protocol import LLM, Call, InvalidAnswerError
from pipeline.llm.router import MAX_RETRY_AFTER_S, LLMSession, ModelRouter, provider_error, scrub, usage_meta

__all__ = [
    "LLM",
    "MAX_RETRY_AFTER_S",
    "Call",
    "InvalidAnswerError",
    "LLMSession",
    "ModelRouter",
    "Prompt",
    "data_block",
    "load_prompt",
    "provider_error",
    "scrub",
    "usage_meta",
]
