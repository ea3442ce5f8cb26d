"""Load once, before any task runs, what the stages otherwise load on first use: phrases, vocabularies, fonts.


``functools.cache`` does not make concurrent first calls wait for each other: on a threads pool two stages
starting together each loaded ``phrases.yaml`` and got different dicts, and the letter writer, which tells
English by identity (``letter.words is phrases("en")``), took the other branch (a KeyError). Loading in the
worker's main process before the pool starts also means prefork children inherit the loaded data instead of
each paying for it in its first generation.
"""

from __future__ import annotations

from pipeline.document_generator.phrases import phrases, template_words
from pipeline.quality_validator import resume_reader
from pipeline.render import fonts
from pipeline.text import terms, tokens, vocabulary


def warm_up() -> None:
    """Fill every per-process cache the offline stages read. Idempotent; about a second, once."""
    phrases("en")
    template_words()
    vocabulary.terms()
    vocabulary.related_groups()
    terms.lookup("python")
    terms._cues()
    tokens.stem_keys("warming up")
    resume_reader.terms()
    fonts.register_typefaces()  # the CJK fallback (about 20 MiB) stays loaded on first need only
    for font in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC, fonts.BOLD_ITALIC):
        fonts.character_map(font)
