"""Text in its comparison form: NFKC, unified dashes, quotes and spaces; case and Latin/Greek accents folded.

``clean(text)`` keeps case, accents and line breaks, so names are compared exactly with
``clean(a) == clean(b)``. ``normalize(text)`` is ``clean``, then case folding and accent folding for Latin
and Greek ("Résumé" -> "resume"), on one line. Marks that make a different letter in other scripts
(Cyrillic "й", Japanese dakuten, Devanagari vowel signs) are kept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"'),
        **dict.fromkeys("\u00ad\u200b\u2060\ufeff", None),
        **dict.fromkeys("\r\u2028\u2029\x85\x0b\x0c", "\n"),
        "\u2044": "/",  # fraction slash, which NFKC produces for "½"
    }
)
_HSPACE = re.compile(r"[^\S\n]+")
_LINE_EDGE = re.compile(r" ?\n ?")
_FOLD_LETTERS = str.maketrans(
    {"ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)


def clean(text: str) -> str:
    """NFKC with dashes, quotes and spaces unified; case, accents and line breaks kept."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").translate(_TRANSLATE)
    return _LINE_EDGE.sub("\n", _HSPACE.sub(" ", text)).strip()


def fold(text: str) -> str:
    """Case-fold, and drop accents from Latin and Greek letters only ("й" is not "и", "が" not "か")."""
    text = text.casefold()
    if text.isascii():
        return text
    out = []
    strip = False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if strip:
                continue
        else:
            strip = ch < "\u0400" or "\u1e00" <= ch < "\u2000"  # Latin and Greek letters
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).translate(_FOLD_LETTERS)


@lru_cache(maxsize=65536)  # pure; the scorer compares the same phrases many times
def normalize(text: str) -> str:
    """The comparison form of ``text``: cleaned, case and accents folded, whitespace collapsed to one line."""
    return " ".join(fold(clean(text)).split())
