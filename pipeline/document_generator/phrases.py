"""The cover letter's fixed phrases per language, loaded from ``phrases.yaml`` beside this module.

The offline writer fills them in; the truthfulness guard reads ``TEMPLATE_WORDS`` so that a capitalized
noun of a fixed phrase (German "Ausschreibung") is not taken for a name the profile must support.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PHRASES_FILE = Path(__file__).resolve().parent / "phrases.yaml"
DEFAULT_LANGUAGE = "en"


_LOADING = threading.Lock()


@cache
def _phrases() -> dict[str, dict[str, Any]]:
    # One table per process even when threads ask at once: the letter writer tells English by identity
    # (``words is phrases("en")``), and ``cache`` alone lets two first calls each load their own copy.
    with _LOADING:
        return _load_once()


@cache
def _load_once() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = yaml.load(
        PHRASES_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
    )
    return data


def supported_languages() -> tuple[str, ...]:
    return tuple(_phrases())


def phrases(language: str) -> dict[str, Any]:
    """The phrases of ``language``; English for a language without phrases."""
    table = _phrases()
    return table.get(language) or table[DEFAULT_LANGUAGE]


def language_name(language: str) -> str:
    others = {"fr": "French", "pt": "Portuguese", "zh": "Chinese", "ja": "Japanese", "ko": "Korean"}
    return others.get(language, phrases(language)["name"] if language in _phrases() else language)


@cache
def template_words() -> frozenset[str]:
    """Every word of the fixed phrases of the languages other than English (whose phrases capitalize no
    word mid-sentence), placeholders left out."""
    words: set[str] = set()
    for language, table in _phrases().items():
        if language == DEFAULT_LANGUAGE:
            continue
        for value in table.values():
            for text in value if isinstance(value, list) else [value]:
                words.update(re.findall(r"\w+", re.sub(r"\{\w+\}", " ", str(text))))
    return frozenset(words)
