"""Right-to-left text (Hebrew, Arabic) between logical order, as stored, and visual order, as drawn.

A PDF draws glyphs left to right, so a renderer shapes Arabic letters (``shape``), wraps the text into
lines, and only then reorders each line (``to_visual``): reordering before wrapping would move words
across lines. Extracted text comes back in visual order; ``to_logical`` turns a line back.
"""

from __future__ import annotations

import unicodedata

import arabic_reshaper
from bidi import get_display

RTL_CLASSES = ("R", "AL")
ARABIC_PRESENTATION_FORMS = (("\ufb50", "\ufdff"), ("\ufe70", "\ufeff"))


FIRST_RTL = "\u05be"  # the lowest code point of bidirectional class R or AL (Hebrew punctuation maqaf)


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter. Called on every line read back from a PDF: most are
    ASCII, answered without looking at each character (tests/pipeline/test_bidi.py checks the bound)."""
    if text.isascii():
        return False
    return any(char >= FIRST_RTL and unicodedata.bidirectional(char) in RTL_CLASSES for char in text)


def shape(text: str) -> str:
    """Arabic letters as their joined presentation forms, still in logical order."""
    return arabic_reshaper.reshape(text)


def to_visual(line: str) -> str:
    """One already wrapped, shaped line in the left-to-right order a PDF draws it."""
    return get_display(line)


def to_logical(line: str) -> str:
    """A line extracted in visual order, back in logical order with plain (unshaped) Arabic letters."""
    return "".join(_unshape(char) for char in get_display(line))


def _unshape(char: str) -> str:
    if any(low <= char <= high for low, high in ARABIC_PRESENTATION_FORMS):
        return unicodedata.normalize("NFKC", char)
    return char
