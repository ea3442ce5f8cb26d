"""Versioned prompt templates (``prompts/<name>.v<N>.md``) and the markers that fence untrusted data."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template

PROMPTS = Path(__file__).resolve().parent / "prompts"


@dataclass(frozen=True)
class Prompt:
    """A versioned template: ``<!-- system -->`` text, then ``<!-- user -->`` text with $variables."""

    version: str
    system: str
    user: Template

    def messages(self, variables: Mapping[str, str]) -> list[dict[str, str]]:
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": self.user.substitute(variables)},
        ]


@cache
def load_prompt(version: str) -> Prompt:
    """The template ``pipeline/prompts/<version>.md`` ("analyze_job.v1")."""
    text = (PROMPTS / f"{version}.md").read_text(encoding="utf-8")
    system, user = text.split("<!-- user -->", 1)
    return Prompt(version, system.replace("<!-- system -->", "").strip(), Template(user.strip()))


def data_block(tag: str, text: str) -> str:
    """``text`` between <tag> markers it cannot close itself: untrusted data, never instructions."""
    inner = re.sub(rf"</?\s*{tag}\s*>", " ", text, flags=re.IGNORECASE)
    return f"<{tag}>\n{inner}\n</{tag}>"
