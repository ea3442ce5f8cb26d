"""What the offline resume and cover letter share: dates in order, lists in words, ranked profile lines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from pipeline.document_generator.relevance import Item, Relevance
from pipeline.document_generator.types import Line
from pipeline.inputs import Education, Experience


class Dated(Protocol):
    start_date: str
    end_date: str


D = TypeVar("D", bound=Dated)


def newest_first(items: Iterable[D]) -> list[D]:
    """Reverse chronological: no end date (ongoing) first, then by end and start date; ties keep order."""
    return sorted(items, key=lambda i: (not i.end_date, i.end_date, i.start_date), reverse=True)


def and_join(words: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def ranked_lines(items: Iterable[Item], relevance: Relevance, limit: int | None = None) -> tuple[Line, ...]:
    """One line per item, most relevant first, each citing its own ref."""
    ranked = relevance.rank(items)[:limit]
    return tuple(Line(i.text, (i.ref,), relevance.line_score(i)) for i in ranked)


def experience_items(exp: Experience) -> list[Item]:
    """A role's summary (if any) and highlights."""
    summary = [Item(f"{exp.ref}.summary", exp.summary)] if exp.summary else []
    return summary + [Item(h.ref, h.text) for h in exp.highlights]


def degree(edu: Education) -> str:
    """ "Bachelor of Science in Computer Science", or whichever part the profile gives."""
    return " in ".join(p for p in (edu.study_type, edu.area) if p)
