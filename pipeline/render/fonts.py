"""The bundled typefaces, registered with reportlab once per process, and which of them draws each character.

DejaVu Sans covers Latin Extended, Greek, Cyrillic, Hebrew and most Arabic, which reportlab's built-in
fonts do not. Droid Sans Fallback adds Chinese, Japanese kana and kanji, and Korean Hangul; it is the
package's DroidSansFallback.ttf, not DroidSansFallbackFull.ttf, whose character map lacks all but 196 of
the 11,172 Hangul syllables. reportlab embeds only the glyphs a document uses (a subset).

Coverage is read from each font's own character map. A run of text is drawn with the first font of
(its style's face, the regular face, the fallback) that has its characters; characters none of them has
are refused up front, since reportlab would draw them as empty boxes that still extract as text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from itertools import groupby, takewhile
from pathlib import Path

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = Path(__file__).resolve().parent / "font_files"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
# One style only: bold and italic runs of CJK text use this regular face, since reportlab can fake
# neither well (no synthetic bold; a slant needs a skewed text matrix that its paragraphs do not offer).
FALLBACK = "DroidSansFallback"
SUPPORTED = "Latin, Greek, Cyrillic, Hebrew, Arabic, Chinese, Japanese, Korean"
MAX_NAMED_RUNS = 5
# words that end the script part of a character's Unicode name: "THAI | CHARACTER SO SO"
NAME_CLASS_WORDS = frozenset(
    {"LETTER", "CHARACTER", "SYLLABLE", "IDEOGRAPH", "UNIFIED", "COMPATIBILITY", "DIGIT", "NUMBER", "VOWEL"}
    | {"CONSONANT", "SIGN", "MARK", "SMALL", "CAPITAL", "LIGATURE"}
)


class UnsupportedCharactersError(ValueError):
    """The text holds characters no bundled font can draw."""


@cache
def register_typefaces() -> str:
    """Register the DejaVu styles as one family (so ``<b>`` and ``<i>`` work); return the family name."""
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    return REGULAR


@cache
def register_fallback() -> str:
    """Register the fallback on first need: only a process that meets text DejaVu lacks pays its ~20 MiB."""
    pdfmetrics.registerFont(TTFont(FALLBACK, str(FONTS_DIR / f"{FALLBACK}.ttf")))
    return FALLBACK


@cache
def character_map(font: str) -> Mapping[int, int]:
    """Code point to glyph index, from the registered font's own cmap."""
    if font == FALLBACK:
        register_fallback()
    else:
        register_typefaces()
    return pdfmetrics.getFont(font).face.charToGlyph


def bold_face(font: str) -> str:
    """The bold style of ``font``'s family, keeping its slant."""
    family, _, italic = ps2tt(font)
    return tt2ps(family, 1, italic)


def font_for(char: str, font: str) -> str | None:
    """The first of ``font``, the regular face and the fallback that has ``char``; None when none has it."""
    return next((name for name in (font, REGULAR, FALLBACK) if ord(char) in character_map(name)), None)


def font_runs(text: str, font: str) -> list[tuple[str, str]]:
    """``text`` as (font, run) pieces in order, each run drawn with the first font that has its characters.

    Characters no font has stay with ``font``; ``require_drawable`` refuses them before anything is drawn.
    """
    if character_map(font).keys() >= set(map(ord, text)):  # the usual case, decided without a loop
        return [(font, text)]
    pieces = groupby(text, key=lambda char: font_for(char, font) or font)
    return [(name, "".join(chars)) for name, chars in pieces]


def text_width(text: str, font: str, size: float) -> float:
    """The drawn width of ``text`` in points, each run measured in the font that draws it."""
    return sum(pdfmetrics.stringWidth(run, name, size) for name, run in font_runs(text, font))


def require_drawable(texts: Iterable[str]) -> None:
    """Raise ``UnsupportedCharactersError`` naming the runs of characters (and their script) that no font has.

    Every style falls back to the regular face and then the fallback font, so those two decide.
    """
    runs = list(dict.fromkeys(run for text in texts for run in undrawable_runs(text)))
    if not runs:
        return
    by_script: dict[str, list[str]] = {}
    for text, script in runs[:MAX_NAMED_RUNS]:
        by_script.setdefault(script, []).append(repr(text))
    named = ", ".join(f"{', '.join(shown)} ({script})" for script, shown in by_script.items())
    more = f" and {len(runs) - MAX_NAMED_RUNS} more" if len(runs) > MAX_NAMED_RUNS else ""
    raise UnsupportedCharactersError(f"the PDF fonts cannot draw {named}{more}; supported: {SUPPORTED}")


def undrawable_runs(text: str) -> Iterator[tuple[str, str]]:
    """(run, script) for each stretch of characters no font has, split where the script changes."""
    if character_map(REGULAR).keys() >= set(map(ord, text)):  # the usual case, decided without a loop
        return

    def script_if_undrawable(char: str) -> str:
        return "" if char.isspace() or font_for(char, REGULAR) else script_name(char)

    for script, chars in groupby(text, key=script_if_undrawable):
        if script:
            yield "".join(chars), script


def script_name(char: str) -> str:
    """The script a letter's Unicode name starts with ("Thai" for THAI CHARACTER SO SO); for other
    characters "emoji or symbol", "private use", or the character's own name or code point."""
    category = unicodedata.category(char)
    if category == "Co":
        return "private use"
    words = unicodedata.name(char, "").replace("-", " ").split()
    script = list(takewhile(lambda word: word not in NAME_CLASS_WORDS, words))
    if category[0] in "LMN" and 0 < len(script) < len(words):
        return " ".join(script).title().replace("Cjk", "CJK")
    if category[0] == "S":
        return "emoji or symbol"
    return " ".join(words).title() or f"U+{ord(char):04X}"
