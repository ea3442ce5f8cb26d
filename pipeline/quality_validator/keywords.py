"""Weighted coverage of the job's keywords in the text an ATS extracts, matched with ``pipeline.text``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.job_analyzer import Keyword
from pipeline.quality_validator.weights import REQUIRED_SHARE
from pipeline.text import TextIndex


@dataclass(frozen=True)
class Coverage:
    score: float  # in [0, 1]
    matched: tuple[str, ...]  # keyword terms, in the analysis' order (highest weight first)
    missing: tuple[str, ...]
    detail: str


def shows(index: TextIndex, keyword: Keyword) -> bool:
    """Whether the text names the keyword through its term or any alias (acronyms, plurals, stems)."""
    return bool(index.find((keyword.term, *keyword.aliases)))


def _covered(keywords: Sequence[Keyword], matched: set[str]) -> float | None:
    total = sum(k.weight for k in keywords)
    return sum(k.weight for k in keywords if k.term in matched) / total if total else None


def keyword_coverage(keywords: Sequence[Keyword], texts: Sequence[str]) -> Coverage:
    """A keyword counts only when every text (one per PDF engine) shows it; see ``weights`` for the score."""
    indexes = [TextIndex(text) for text in texts]
    matched = {k.term for k in keywords if all(shows(index, k) for index in indexes)}
    required = _covered([k for k in keywords if k.required], matched)
    other = _covered([k for k in keywords if not k.required], matched)
    shares = [(share, value) for share, value in ((REQUIRED_SHARE, required), (1 - REQUIRED_SHARE, other))
              if value is not None]  # fmt: skip
    total = sum(share for share, _ in shares)
    score = sum(share * value for share, value in shares) / total if shares else 1.0
    parts = [f"{len(matched)} of {len(keywords)} keywords found"]
    parts += [f"required {required:.0%} by weight"] if required is not None else []
    parts += [f"others {other:.0%} by weight"] if other is not None else []
    return Coverage(
        score=score,
        matched=tuple(k.term for k in keywords if k.term in matched),
        missing=tuple(k.term for k in keywords if k.term not in matched),
        detail="; ".join(parts),
    )
