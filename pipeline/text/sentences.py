"""Prose cut into sentences: the one splitter that postings, profile summaries and the guard share.

A sentence ends at ".", "!" or "?" followed by a space and what can open a sentence (a capital or a digit,
perhaps after an opening quote or bracket), or right after a full-width "。！？；". An abbreviation ("e.g.",
"Inc.", "Dr.", an initial "J.") does not end one. Line breaks are the caller's business: split lines first
where they matter.
"""

from __future__ import annotations

import re

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9À-ɏͰ-ӿ])|(?<=[。！？；])")
_ABBREVIATION = re.compile(
    r"(\b(e\.g|i\.e|etc|incl|approx|vs|inc|ltd|jr|sr|dr|mr|ms|no|st)\.|\b[A-Z]\.)$", re.I
)


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, stripped, in order; none are empty."""
    out: list[str] = []
    for piece in _SPLIT.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out
