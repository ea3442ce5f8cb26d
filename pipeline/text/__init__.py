"""Text normalization and term matching: the one place where the pipeline compares words.

Stage 1 reads postings with it, stage 2 reads profiles with it, and the ATS scorer and the truthfulness guard
reuse it, so a keyword is found (or not) the same way everywhere. Pure functions over the stdlib; the term
data lives in ``pipeline/text/vocabulary.yaml``.

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

See ``pipeline.text.terms`` for the matching rules.
"""

from pipeline.text.facts import DEGREE_RANK, MONTH_ABBREVIATIONS, MONTH_NAMES, degree_level, years_in
from pipeline.text.normalize import clean, normalize
from pipeline.text.sentences import split_sentences
from pipeline.text.terms import (
    Match,
    TextIndex,
    aliases,
    canonical,
    extract_terms,
    find_terms,
    lookup,
)
from pipeline.text.tokens import stem, tokenize
from pipeline.text.vocabulary import Term, related

__all__ = [
    "DEGREE_RANK",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "Match",
    "Term",
    "TextIndex",
    "aliases",
    "canonical",
    "clean",
    "degree_level",
    "extract_terms",
    "find_terms",
    "lookup",
    "normalize",
    "related",
    "split_sentences",
    "stem",
    "tokenize",
    "years_in",
]
