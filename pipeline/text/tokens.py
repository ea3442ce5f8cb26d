"""Tokens and stems: how a text is cut into words, and which words count as the same.

``tokenize(text)`` gives normalized tokens. Technical tokens stay whole: "c++", "c#", ".net", "node.js",
"ci/cd", "k8s", "s3", "24/7"; an acronym's plural loses its "s" ("APIs" -> "api"). A hyphen separates
tokens ("real-time" is "real time"); so does a slash, unless the slashed token is a vocabulary spelling
("ci/cd", "tcp/ip") or numbers ("24/7"). "ISO 27001" is the two tokens "iso" "27001", matched as a phrase.
Han, Hiragana, Katakana and Hangul give one token per character, so a CJK keyword is found inside a
sentence written without spaces. A possessive "'s" is dropped.

``stem(token)`` is light English stemming, applied to both sides of every comparison: plurals ("apis" ->
"api", "libraries" -> "library"), "-ing" and "-ed" when four letters remain ("testing" -> "test"), and a
final "e" ("services" ~ "service"). Never stemmed: tokens with digits or symbols, non-ASCII tokens, tokens
under four letters, a few nouns in "-ing", and the single-word names of technologies in the vocabulary
("pandas", "rails", "kubernetes").

Why our own stemmer and not Snowball (PyStemmer, NLTK): Snowball's Porter2 merges words a resume must keep
apart. "engineering" and "engine" both become "engin", "marketing" and "market" both "market",
"accounting" and "account" both "account", "nursing" and "nurse" both "nurs": a posting asking for
marketing would be met by any mention of a market. It also stems technology names ("pandas" -> "panda",
"kubernetes" -> "kubernet"). This one only undoes inflection (plurals, "-ing", "-ed"), which is all that
matching keywords across a posting and a resume needs, and it protects the vocabulary's names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

from pipeline.text.normalize import clean, fold
from pipeline.text.vocabulary import NAME_KINDS
from pipeline.text.vocabulary import terms as vocabulary_terms

_CJK = (
    "\u3005\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\U00020000-\U0003134f"
)
_NUMBERS_WITH_SLASH = re.compile(r"[\d/]+")


@cache
def _token_re() -> re.Pattern[str]:
    """Built on first use: the class of combining marks (so Devanagari words stay whole) takes a few ms."""
    spans: list[tuple[int, int]] = []
    for cp in range(0x300, 0x10000):
        if unicodedata.category(chr(cp)).startswith("M"):
            if spans and spans[-1][1] == cp - 1:
                spans[-1] = (spans[-1][0], cp)
            else:
                spans.append((cp, cp))
    marks = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in spans)
    alnum = rf"(?:(?![{_CJK}])[^\W_]|[{marks}])"
    return re.compile(rf"[{_CJK}]|(?:(?<![^\W_])\.(?={alnum}))?{alnum}+(?:[.&'_/]{alnum}+)*[+#]*")


_ACRONYM_PLURAL = re.compile(r"[A-Z][A-Z0-9]+s")  # "APIs", "KPIs", "LLMs", "SDKs"


def norm_token(surface: str) -> str:
    if _ACRONYM_PLURAL.fullmatch(surface):
        surface = surface[:-1]
    token = fold(surface)
    return token[:-2] if token.endswith("'s") and len(token) > 2 else token


@cache
def _slash_tokens() -> frozenset[str]:
    """Vocabulary spellings that contain a slash and stay one token: "ci/cd", "tcp/ip", "pl/sql"."""
    return frozenset(
        norm_token(m.group())
        for term in vocabulary_terms()
        for alias in term.aliases
        for m in _token_re().finditer(clean(alias.text))
        if "/" in m.group()
    )


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, surface) of each token of an already cleaned ``text``."""
    for m in _token_re().finditer(text):
        surface = m.group()
        if (
            "/" not in surface
            or _NUMBERS_WITH_SLASH.fullmatch(surface)
            or norm_token(surface) in _slash_tokens()
        ):
            yield m.start(), m.end(), surface
            continue
        pos = m.start()
        for part in surface.split("/"):
            if part:
                yield pos, pos + len(part), part
            pos += len(part) + 1


def tokenize(text: str) -> list[str]:
    """Normalized tokens of ``text`` (see the module docstring); not stemmed."""
    return [norm_token(surface) for _, _, surface in spans(clean(text))]


# Nouns whose "-ing" is not a verb ending: "marketing" is not "market", "engineering" not "engineer".
_ING_NOUNS = frozenset(
    {
        "engineering", "marketing", "accounting", "banking", "pricing", "housing", "clothing", "funding",
        "nursing", "catering", "plumbing", "wedding", "ceiling", "morning", "evening", "everything",
        "something", "anything", "nothing",
    }
)  # fmt: skip


_PLURAL_IS = frozenset({"apis", "kpis", "guis", "clis"})  # plurals, unlike "analysis" or "redis"


@cache
def _protected() -> frozenset[str]:
    """Single-word names of technologies: never stemmed, so "pandas" is not "panda"."""
    out = set()
    for term in vocabulary_terms():
        if term.kind in NAME_KINDS:
            for alias in term.aliases:
                tokens = tokenize(alias.text)
                if len(tokens) == 1:
                    out.add(tokens[0])
    return frozenset(out)


def _undouble(word: str) -> str:
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Light symmetric stemming of one normalized token (see the module docstring)."""
    if len(token) < 4 or not (token.isascii() and token.isalpha()) or token in _protected():
        return token
    word = token
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        word = word[:-2]
    elif word.endswith("s") and (not word.endswith(("ss", "us", "is")) or word in _PLURAL_IS):
        word = word[:-1]
    if word not in _ING_NOUNS:
        if word.endswith("ing") and len(word) >= 7:
            word = _undouble(word[:-3])
        elif word.endswith("ied") and len(word) >= 6:
            word = word[:-3] + "y"
        elif word.endswith("ed") and not word.endswith("eed") and len(word) >= 6:
            word = _undouble(word[:-2])
    if word.endswith("e") and len(word) >= 5:
        word = word[:-1]
    return word


@lru_cache(maxsize=65536)  # pure, and asked again and again for the same words of a document
def stem_keys(text: str) -> tuple[str, ...]:
    return tuple(stem(token) for token in tokenize(text))
