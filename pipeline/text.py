"""Text normalization and term matching: the one place where the pipeline compares words.

Stage 1 reads postings with it, stage 2 reads profiles with it, and the ATS scorer and the truthfulness guard
reuse it, so a keyword is found (or not) the same way everywhere. Pure functions over the stdlib; the term
data lives in ``pipeline.vocabulary``.

Public API
----------
``clean(text) -> str``
    NFKC; dashes, quotes and spaces unified; soft hyphens and zero-width spaces dropped. Case, accents and
    line breaks are kept, so names are compared exactly with ``clean(a) == clean(b)``.
``normalize(text) -> str``
    ``clean``, then case folding and accent folding for Latin and Greek ("Résumé" -> "resume"), on one
    line. Marks that make a different letter in other scripts (Cyrillic "й", Japanese dakuten, Devanagari
    vowel signs) are kept.
``tokenize(text) -> list[str]``
    Normalized tokens. Technical tokens stay whole: "c++", "c#", ".net", "node.js", "ci/cd", "k8s", "s3",
    "24/7"; an acronym's plural loses its "s" ("APIs" -> "api"). A hyphen separates tokens ("real-time" is
    "real time"); so does a slash, unless the slashed token is a vocabulary spelling ("ci/cd", "tcp/ip") or
    numbers ("24/7"). "ISO 27001" is the two tokens "iso" "27001", matched as a phrase. Han, Hiragana,
    Katakana and Hangul give one token per character, so a CJK keyword is found inside a sentence written
    without spaces. A possessive "'s" is dropped.
``stem(token) -> str``
    Light English stemming, applied to both sides of every comparison: plurals ("apis" -> "api",
    "libraries" -> "library"), "-ing" and "-ed" when four letters remain ("testing" -> "test"), and a final
    "e" ("services" ~ "service", "databases" ~ "database"). Never stemmed: tokens with digits or symbols,
    non-ASCII tokens, tokens under four letters, a few nouns in "-ing" ("engineering", "marketing"), and
    the single-word names of technologies in the vocabulary ("pandas", "rails", "kubernetes").
``lookup(term) -> Term | None``, ``canonical(term) -> str``, ``aliases(term) -> tuple[str, ...]``
    A term's vocabulary entry, its canonical display form ("k8s" -> "Kubernetes"; a term the vocabulary
    does not know comes back cleaned) and every spelling of it.
``TextIndex(text)``
    One text tokenized and indexed once; ``find(terms)`` and ``matches(terms)`` reuse it for any number of
    look-ups (profile items, resume text).
``find_terms(text_or_index, terms) -> set[str]``
    Canonical forms of ``terms`` that the text shows through any alias. A term may occur inside a longer
    one ("Spring" inside "Spring Boot").
``extract_terms(text_or_index) -> list[str]``
    Vocabulary terms in the text, canonical, in order of first appearance. Leftmost-longest and
    non-overlapping: "Amazon Web Services" is AWS, not also "web services".

Matching rules
--------------
- Terms match as whole token sequences: "machine learning" needs "machine" followed by "learning" with only
  spaces, a hyphen or a slash between; the two words elsewhere in the text do not make the phrase.
- Ambiguous aliases are marked in ``pipeline.vocabulary``. ``Go!`` (cased): the text must spell it exactly
  so ("Go", never "go"), and at the start of a sentence it also needs technical context. ``R!!`` (context):
  exact spelling and technical context, always. Technical context is a neighbouring token in the same
  sentence (across commas, slashes, "and", "or") that belongs to an unambiguous vocabulary term or is a cue
  word ("language", "programming", "developer", "code", "experience", "语言", ...). So "We go further",
  "Go the extra mile" and "C-level" find nothing, while "Experience with Go", "Python, Go or Rust",
  "R programming" and "C/C++" do.
- A whole string that is one term (an entry of a profile's skill list) is compared with ``canonical``,
  without the context rule: a skill listed as "go" is the Go language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from pipeline.vocabulary import CASED, NAME_KINDS, PLAIN, Term
from pipeline.vocabulary import terms as vocabulary_terms

__all__ = [
    "Match",
    "TextIndex",
    "aliases",
    "canonical",
    "clean",
    "extract_terms",
    "find_terms",
    "lookup",
    "normalize",
    "stem",
    "tokenize",
]

# --- normalization ------------------------------------------------------------------------------------------

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


def _fold(text: str) -> str:
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


def normalize(text: str) -> str:
    """The comparison form of ``text``: cleaned, case and accents folded, whitespace collapsed to one line."""
    return " ".join(_fold(clean(text)).split())


# --- tokens -------------------------------------------------------------------------------------------------

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


def _norm_token(surface: str) -> str:
    if _ACRONYM_PLURAL.fullmatch(surface):
        surface = surface[:-1]
    token = _fold(surface)
    return token[:-2] if token.endswith("'s") and len(token) > 2 else token


@cache
def _slash_tokens() -> frozenset[str]:
    """Vocabulary spellings that contain a slash and stay one token: "ci/cd", "tcp/ip", "pl/sql"."""
    return frozenset(
        _norm_token(m.group())
        for term in vocabulary_terms()
        for alias in term.aliases
        for m in _token_re().finditer(clean(alias.text))
        if "/" in m.group()
    )


def _spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, surface) of each token of an already cleaned ``text``."""
    for m in _token_re().finditer(text):
        surface = m.group()
        if (
            "/" not in surface
            or _NUMBERS_WITH_SLASH.fullmatch(surface)
            or _norm_token(surface) in _slash_tokens()
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
    return [_norm_token(surface) for _, _, surface in _spans(clean(text))]


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


def _keys(text: str) -> tuple[str, ...]:
    return tuple(stem(token) for token in tokenize(text))


# --- vocabulary ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pattern:
    keys: tuple[str, ...]  # stemmed tokens, matched contiguously
    term: str  # the canonical form it reports
    mode: str = PLAIN  # PLAIN | CASED | CONTEXT
    surface: str = ""  # exact spelling required by CASED and CONTEXT


@dataclass(frozen=True)
class _Lexicon:
    by_keys: dict[tuple[str, ...], Term]
    patterns: dict[str, tuple[_Pattern, ...]]  # canonical -> patterns of all its aliases
    by_first: dict[str, tuple[_Pattern, ...]]  # first key -> patterns, longest first
    plain_by_first: dict[str, tuple[_Pattern, ...]]  # the same, unambiguous aliases only


def _by_first(patterns: Iterable[_Pattern]) -> dict[str, tuple[_Pattern, ...]]:
    grouped: dict[str, list[_Pattern]] = {}
    for pattern in patterns:
        grouped.setdefault(pattern.keys[0], []).append(pattern)
    return {key: tuple(sorted(group, key=lambda p: -len(p.keys))) for key, group in grouped.items()}


@cache
def _lexicon() -> _Lexicon:
    by_keys: dict[tuple[str, ...], Term] = {}
    patterns: dict[str, tuple[_Pattern, ...]] = {}
    for term in vocabulary_terms():
        if term.canonical in patterns:
            raise ValueError(f"vocabulary lists {term.canonical!r} twice")
        own: dict[tuple[str, ...], _Pattern] = {}
        for alias in term.aliases:
            keys = _keys(alias.text)
            if not keys:
                raise ValueError(f"vocabulary alias {alias.text!r} has no tokens")
            owner = by_keys.setdefault(keys, term)
            if owner is not term:
                raise ValueError(f"{alias.text!r} spells both {owner.canonical!r} and {term.canonical!r}")
            if alias.mode != PLAIN and len(keys) != 1:
                raise ValueError(f"marked alias {alias.text!r} must be one token")
            own.setdefault(keys, _Pattern(keys, term.canonical, alias.mode, clean(alias.text)))
        patterns[term.canonical] = tuple(own.values())
    every = [p for group in patterns.values() for p in group]
    return _Lexicon(
        by_keys=by_keys,
        patterns=patterns,
        by_first=_by_first(every),
        plain_by_first=_by_first(p for p in every if p.mode == PLAIN),
    )


def lookup(term: str) -> Term | None:
    """The vocabulary entry ``term`` spells (any alias, any case, singular or plural), or None."""
    return _lexicon().by_keys.get(_keys(term))


def canonical(term: str) -> str:
    """The canonical display form: "k8s" -> "Kubernetes"; a term not in the vocabulary comes back cleaned."""
    entry = lookup(term)
    return entry.canonical if entry else " ".join(clean(term).split())


def aliases(term: str) -> tuple[str, ...]:
    """Every spelling of ``term``, canonical first; just ``(canonical(term),)`` for an unknown term."""
    entry = lookup(term)
    if entry is None:
        return (canonical(term),)
    return tuple(dict.fromkeys(alias.text for alias in entry.aliases))


@lru_cache(maxsize=8192)
def _term_patterns(term: str) -> tuple[_Pattern, ...]:
    entry = lookup(term)
    if entry is not None:
        return _lexicon().patterns[entry.canonical]
    keys = _keys(term)
    return (_Pattern(keys, canonical(term)),) if keys else ()


# --- matching -----------------------------------------------------------------------------------------------

_SOFT_GAP = re.compile(r"[ \-/]*")  # what may stand between the words of one phrase
_SENTENCE_GAP = re.compile(r"[.!?;:\n\u3002\uff01\uff1f\uff1b\uff1a\u2022]")
_CONNECTORS = frozenset({"and", "or", "und", "oder", "et", "ou", "y", "o", "и", "или", "和", "或", "及"})
_CUE_WORDS = (
    "language", "lang", "programming", "developer", "development", "engineer", "code", "coding", "backend",
    "frontend", "service", "microservice", "framework", "library", "sdk", "stack", "scripting", "script",
    "app", "application", "module", "runtime", "compiler", "ecosystem", "experience", "version", "expert",
    "expertise", "knowledge", "proficiency", "skill",
    "语言", "言語", "开发", "開発",
)  # fmt: skip


@cache
def _cues() -> frozenset[tuple[str, ...]]:
    return frozenset(_keys(word) for word in _CUE_WORDS)


@dataclass(frozen=True)
class Match:
    """One occurrence of a term in a ``TextIndex``."""

    term: str  # canonical form
    start: int  # character offsets into ``TextIndex.text``
    end: int
    first: int  # token positions: tokens[first:last]
    last: int


class TextIndex:
    """One text, tokenized once; look up any number of terms in it.

    ``text`` is the cleaned text (offsets in ``Match`` point into it); ``tokens`` its tokens as written
    there (case kept, possessive dropped); ``keys`` the same tokens normalized and stemmed.
    """

    def __init__(self, text: str) -> None:
        self.text = clean(text)
        spans = list(_spans(self.text))
        self.keys: tuple[str, ...] = tuple(stem(_norm_token(s)) for _, _, s in spans)
        self.tokens: tuple[str, ...] = tuple(s[:-2] if s.endswith(("'s", "'S")) else s for _, _, s in spans)
        self._starts = tuple(a for a, _, _ in spans)
        self._ends = tuple(b for _, b, _ in spans)
        joined, same = [], []
        previous_end = 0
        for i, (start, end, _) in enumerate(spans):
            gap = self.text[previous_end:start]
            joined.append(i > 0 and _SOFT_GAP.fullmatch(gap) is not None)
            same.append(i > 0 and _SENTENCE_GAP.search(gap) is None)
            previous_end = end
        self._joined = tuple(joined)  # token i continues a phrase with token i - 1
        self._same = tuple(same)  # token i is in the same sentence as token i - 1
        positions: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            positions.setdefault(key, []).append(i)
        self._positions = positions

    # A term is found ---------------------------------------------------------------------------------------

    def find(self, terms: Iterable[str]) -> set[str]:
        """Canonical forms of the ``terms`` this text shows, through any alias."""
        found = set()
        for term in terms:
            for pattern in _term_patterns(term):
                if any(self._match_at(i, pattern) for i in self._positions.get(pattern.keys[0], ())):
                    found.add(pattern.term)
                    break
        return found

    def matches(self, terms: Iterable[str] | None = None) -> list[Match]:
        """Leftmost-longest, non-overlapping occurrences of ``terms`` (the whole vocabulary when None)."""
        if terms is None:
            by_first = _lexicon().by_first
        else:
            by_first = _by_first(p for term in dict.fromkeys(terms) for p in _term_patterns(term))
        out = []
        i = 0
        while i < len(self.keys):
            for pattern in by_first.get(self.keys[i], ()):
                if self._match_at(i, pattern):
                    last = i + len(pattern.keys)
                    out.append(Match(pattern.term, self._starts[i], self._ends[last - 1], i, last))
                    i = last
                    break
            else:
                i += 1
        return out

    # How ----------------------------------------------------------------------------------------------------

    def _match_at(self, i: int, pattern: _Pattern) -> bool:
        last = i + len(pattern.keys)
        if last > len(self.keys):
            return False
        for j, key in enumerate(pattern.keys):
            if self.keys[i + j] != key or (j and not self._joined[i + j]):
                return False
        if pattern.mode == PLAIN:
            return True
        if self.tokens[i] != pattern.surface:
            return False
        if pattern.mode == CASED and self._same[i]:
            return True
        return self._has_context(i, last)

    @cached_property
    def _technical(self) -> frozenset[int]:
        """Token positions inside unambiguous vocabulary terms."""
        covered: set[int] = set()
        by_first = _lexicon().plain_by_first
        for i, key in enumerate(self.keys):
            for pattern in by_first.get(key, ()):
                if self._match_at(i, pattern):
                    covered.update(range(i, i + len(pattern.keys)))
                    break
        return frozenset(covered)

    def _neighbours(self, first: int, last: int) -> Iterator[int]:
        """Tokens next to [first, last) in the same sentence, looking across one "and"/"or"."""
        p = first - 1
        if p >= 0 and self._same[first]:
            yield p
            if self.keys[p] in _CONNECTORS and p > 0 and self._same[p]:
                yield p - 1
        q = last
        if q < len(self.keys) and self._same[q]:
            yield q
            if self.keys[q] in _CONNECTORS and q + 1 < len(self.keys) and self._same[q + 1]:
                yield q + 1

    def _cue_at(self, p: int) -> bool:
        for cue in _cues():
            n = len(cue)
            if self.keys[p : p + n] == cue or (p + 1 >= n and self.keys[p + 1 - n : p + 1] == cue):
                return True
        return False

    def _has_context(self, first: int, last: int) -> bool:
        return any(p in self._technical or self._cue_at(p) for p in self._neighbours(first, last))


def _index(text: str | TextIndex) -> TextIndex:
    return text if isinstance(text, TextIndex) else TextIndex(text)


def find_terms(text: str | TextIndex, terms: Iterable[str]) -> set[str]:
    """Canonical forms of ``terms`` present in ``text`` through any alias."""
    return _index(text).find(terms)


def extract_terms(text: str | TextIndex) -> list[str]:
    """Vocabulary terms in ``text``, canonical, in order of first appearance."""
    return list(dict.fromkeys(match.term for match in _index(text).matches()))
