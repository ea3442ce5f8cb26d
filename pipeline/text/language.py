"""Which language a text is written in, by its commonest function words: enough to tell a posting's
language (English, German, Spanish, French, Portuguese) and to check a letter's fixed phrases.

``detect_language(text) -> str`` gives an ISO 639-1 code, or "" when no language has at least
``MIN_HITS`` of its function words in the text. Deterministic, stdlib only; not meant for short phrases.
"""

from __future__ import annotations

import re

from pipeline.text.normalize import normalize

MIN_HITS = 3

# Words that are frequent in one language and rare in the others (accents folded, as ``normalize`` does).
_FUNCTION_WORDS = {
    "en": (
        "the and of to with for you your our we are is will in on this that have has be an as at by from "
        "who or experience skills team work"
    ),
    "de": (
        "und der die das mit fur wir sie du ihre deine unsere ist sind ein eine einen im bei zu von auf "
        "als auch oder nicht erfahrung kenntnisse aufgaben ich mich meine meiner"
    ),
    "es": (
        "y el la los las de del con para por que en un una somos nuestro nuestra tu su sus es experiencia "
        "conocimientos equipo como al mi mis me"
    ),
    "fr": (
        "et le la les des du avec pour vous votre nous notre est sont un une au aux dans sur experience "
        "competences equipe je mon ma mes"
    ),
    "pt": (
        "e o a os as do da dos das com para voce seu sua nossa nosso em um uma ao experiencia "
        "conhecimentos equipe eu meu minha"
    ),
}
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()
}
_WORD = re.compile(r"[a-zß]+")


def language_scores(text: str) -> dict[str, int]:
    """How many function words of each language the text has (every occurrence counts)."""
    words = _WORD.findall(normalize(text))
    return {lang: sum(word in vocabulary for word in words) for lang, vocabulary in FUNCTION_WORDS.items()}


_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _script_language(text: str) -> str:
    """ "ja", "ko" or "zh" for a text mostly in those scripts (function words do not apply there)."""
    letters = sum(ch.isalpha() for ch in text)
    if not letters:
        return ""
    for code, pattern in (("ja", _KANA), ("ko", _HANGUL), ("zh", _HAN)):
        if len(pattern.findall(text)) * 3 >= letters:
            return code
    return ""


def detect_language(text: str) -> str:
    """ "en", "de", "es", "fr", "pt" ("ja", "ko", "zh" by script), or "" when there is too little to tell."""
    script = _script_language(text)
    if script:
        return script
    scores = language_scores(text)
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    return best if scores[best] >= MIN_HITS else ""
