"""Vocabulary terms in a text: look-ups by any spelling, and matches that respect words and context.

``lookup(term)``, ``canonical(term)`` and ``aliases(term)`` read the vocabulary (``vocabulary``).
``TextIndex(text)`` tokenizes and stems a text once; ``find`` and ``matches`` reuse it for any number of
look-ups.

Matching rules
--------------
- Terms match as whole token sequences: "machine learning" needs "machine" followed by "learning" with only
  spaces, a hyphen or a slash between; the two words elsewhere in the text do not make the phrase.
- Ambiguous spellings carry a match rule in ``vocabulary.yaml``. ``cased`` ("Go"): the text must spell it
  exactly so ("Go", never "go"), and at the start of a sentence it also needs technical context, unless it
  is an acronym in capitals ("CPA", "BLS": a certification line opens with it). ``context``
  ("R"): exact spelling and technical context, always. Technical context is a neighbouring token in the same
  sentence (across commas, slashes, "and", "or") that belongs to an unambiguous vocabulary term or is a cue
  word ("language", "programming", "developer", "code", "experience", "语言", ...). So "We go further",
  "Go the extra mile" and "C-level" find nothing, while "Experience with Go", "Python, Go or Rust",
  "R programming" and "C/C++" do.
- A whole string that is one term (an entry of a profile's skill list) is compared with ``canonical``,
  without the context rule: a skill listed as "go" is the Go language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from pipeline.text.normalize import clean
from pipeline.text.tokens import norm_token, spans, stem, stem_keys
from pipeline.text.vocabulary import CASED, PLAIN, Term
from pipeline.text.vocabulary import terms as vocabulary_terms


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
            keys = stem_keys(alias.text)
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


@lru_cache(maxsize=65536)  # the vocabulary is loaded once per process, so the answer never changes
def lookup(term: str) -> Term | None:
    """The vocabulary entry ``term`` spells (any alias, any case, singular or plural), or None."""
    return _lexicon().by_keys.get(stem_keys(term))


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
    keys = stem_keys(term)
    return (_Pattern(keys, canonical(term)),) if keys else ()


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
    return frozenset(stem_keys(word) for word in _CUE_WORDS)


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
        found = list(spans(self.text))
        self.keys: tuple[str, ...] = tuple(stem(norm_token(s)) for _, _, s in found)
        self.tokens: tuple[str, ...] = tuple(s[:-2] if s.endswith(("'s", "'S")) else s for _, _, s in found)
        self._starts = tuple(a for a, _, _ in found)
        self._ends = tuple(b for _, b, _ in found)
        joined, same = [], []
        previous_end = 0
        for i, (start, end, _) in enumerate(found):
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
        if pattern.mode == CASED and (self._same[i] or pattern.surface.isupper()):
            return True  # an acronym ("CPA", "BLS") is not a capitalized word that opens a sentence
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
