"""The skill vocabulary and the relatedness table, loaded from ``vocabulary.yaml`` beside this module.

The YAML file is the data (what each term is called, its aliases, its ESCO id, which spellings need a
match rule); this module only reads it into ``Term`` values for ``pipeline.text``. Its header explains the
format and the two match rules for spellings that could be ordinary words:

- ``cased``: the text must spell it exactly so ("Go", never "go"), and at the start of a sentence ("Go the
  extra mile") it also needs technical context.
- ``context``: exact spelling and technical context, always (single letters, "TS").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

VOCABULARY_FILE = Path(__file__).resolve().parent / "vocabulary.yaml"
ESCO_SKILL_URI = "http://data.europa.eu/esco/skill/"

MatchMode = Literal["", "cased", "context"]
PLAIN: MatchMode = ""
CASED: MatchMode = "cased"
CONTEXT: MatchMode = "context"

# Kinds whose single-word names are never stemmed ("Pandas" stays "pandas", "Rails" stays "rails").
NAME_KINDS = frozenset(
    {"language", "framework", "database", "messaging", "cloud", "devops", "data", "tool", "certification"}
)


@dataclass(frozen=True)
class Alias:
    text: str  # the spelling: "Go"
    mode: MatchMode = PLAIN


@dataclass(frozen=True)
class Term:
    canonical: str  # the display form every stage reports: "Kubernetes", "REST APIs"
    kind: str  # language | framework | database | ... (a key under ``terms`` in the YAML file)
    aliases: tuple[Alias, ...]  # every spelling, the canonical one first
    esco: str = ""  # the ESCO skill URI, when ESCO has the same concept

    @property
    def esco_uri(self) -> str:
        return f"{ESCO_SKILL_URI}{self.esco}" if self.esco else ""


@cache
def _data() -> dict[str, Any]:
    return yaml.load(VOCABULARY_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _alias(entry: str | dict[str, str]) -> Alias:
    if isinstance(entry, str):
        return Alias(entry)
    return Alias(entry["text"], entry.get("match", PLAIN))  # type: ignore[arg-type]


def _term(kind: str, entry: dict[str, Any]) -> Term:
    own = Alias(entry["term"], entry.get("match", PLAIN))
    spellings = (own, *(_alias(a) for a in entry.get("aliases") or ()))
    return Term(canonical=own.text, kind=kind, aliases=spellings, esco=entry.get("esco", ""))


@cache
def terms() -> tuple[Term, ...]:
    """Every vocabulary term, in the file's order."""
    return tuple(_term(kind, entry) for kind, entries in _data()["terms"].items() for entry in entries)


@cache
def related_groups() -> tuple[tuple[str, ...], ...]:
    """The groups of related technologies, canonical forms."""
    return tuple(tuple(group) for group in _data()["related"])


@cache
def _related_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for group in related_groups():
        for term in group:
            bucket = index.setdefault(term, [])
            bucket.extend(other for other in group if other != term and other not in bucket)
    return {term: tuple(others) for term, others in index.items()}


def related(canonical: str) -> tuple[str, ...]:
    """Canonical terms related to ``canonical`` (transferable evidence), in table order."""
    return _related_index().get(canonical, ())
