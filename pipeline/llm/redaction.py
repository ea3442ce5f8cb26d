"""Personal data out of a prompt and back into the answer: emails, phone numbers and street addresses.

``Redactor.redact`` replaces each one with a placeholder (``[EMAIL_1]``, ``[PHONE_1]``, ``[ADDRESS_1]``), the
same value always with the same placeholder; ``restore`` puts the originals back into every string of an
answer. One ``Redactor`` per request, so placeholders never leak between candidates.
"""

from __future__ import annotations

import re
from typing import Any

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w-])")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,8}){1,4}(?![\w-])"
)
_STREET_TYPES = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq"
    r"|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Cir"
)
_ADDRESS = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?\s+(?:[A-Z][\w.'-]*\s+){{1,4}}(?:{_STREET_TYPES})\b\.?"
    r"(?:,?\s*(?:Suite|Ste|Apt|Unit|#)\.?\s*\w+)?"
    r"|\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|platz|gasse|allee)\s+\d{1,4}[a-z]?\b"
)
_KINDS = (("EMAIL", _EMAIL), ("ADDRESS", _ADDRESS), ("PHONE", _PHONE))  # addresses before their numbers
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 9, 15


def _is_phone(text: str) -> bool:
    return MIN_PHONE_DIGITS <= sum(ch.isdigit() for ch in text) <= MAX_PHONE_DIGITS


class Redactor:
    def __init__(self) -> None:
        self.originals: dict[str, str] = {}  # placeholder -> original
        self._placeholders: dict[str, str] = {}  # original -> placeholder
        self._counts: dict[str, int] = {}

    def _placeholder(self, kind: str, original: str) -> str:
        if original not in self._placeholders:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            placeholder = f"[{kind}_{self._counts[kind]}]"
            self._placeholders[original], self.originals[placeholder] = placeholder, original
        return self._placeholders[original]

    def redact(self, text: str) -> str:
        """``text`` with every email, street address and phone number replaced by a placeholder."""
        for kind, pattern in _KINDS:

            def swap(match: re.Match[str], kind: str = kind) -> str:
                found = match.group(0)
                if kind == "PHONE" and not _is_phone(found):
                    return found
                return self._placeholder(kind, found)

            text = pattern.sub(swap, text)
        return text

    def restore(self, value: Any) -> Any:
        """``value`` (a JSON answer) with every placeholder put back, in strings at any depth."""
        if isinstance(value, str):
            for placeholder, original in self.originals.items():
                value = value.replace(placeholder, original)
            return value
        if isinstance(value, list):
            return [self.restore(v) for v in value]
        if isinstance(value, dict):
            return {k: self.restore(v) for k, v in value.items()}
        return value
