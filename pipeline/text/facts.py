"""Facts a text states in words: years of experience asked for, degree levels, months and number words.

Stage 1 reads them in postings, stage 2 and stage 4 compare them with the profile, and the truthfulness
guard checks them in generated text, so each is read one way everywhere.
"""

from __future__ import annotations

import re
from typing import Literal

from pipeline.text.normalize import normalize

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)  # "Jan" ... "Dec"
# A month name or its abbreviation, in normalized (lower case) text: "mar", "march", "sept."
MONTH_PATTERN = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6, "sieben": 7, "acht": 8, "zehn": 10,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "diez": 10,
}  # fmt: skip

DegreeLevel = Literal["degree", "associate", "bachelor", "master", "phd"]

_NUMBER = r"(\d{1,2}|" + "|".join(NUMBER_WORDS) + ")"
_YEARS = (
    re.compile(
        rf"\b{_NUMBER}\s*(?:\+|plus|or more)?\s*(?:(?:-|to|or)\s*{_NUMBER}\s*\+?\s*)?(?:years?|yrs?)\b"
    ),
    re.compile(
        rf"\b{_NUMBER}\s*(?:\+|plus)?\s*(?:(?:-|bis|a|à)\s*{_NUMBER}\s*\+?\s*)?(?:jahren?|anos|ans|лет|года?)\b"
    ),
    re.compile(r"(?<!\d)(\d{1,2})\s*\+?\s*(?:年|년)"),
)


_NOT_EXPERIENCE = re.compile(
    r"(within|during|after) (the )?(past|last|first|next)?\s*$|\b(we|our|wir|unser\w*|nuestr\w*|somos"
    r"|hemos|company|founded|business)\b[^.]*$"
)  # "within the past 2 years", "within 3 years of hire", "we are going strong after 26 years"


_IN_BUSINESS = re.compile(
    r"\s*(in business|of (history|existence|tradition|operation)|am markt|en el mercado)"
)


def _company_years(norm: str, start: int, end: int) -> bool:
    """Years that are no experience asked for: a deadline, a period, the company's own history."""
    return bool(_NOT_EXPERIENCE.search(norm[:start]) or _IN_BUSINESS.match(norm[end:]))


def year_spans(text: str) -> list[tuple[int, int, int]]:
    """(years, start, end) of each "N years" in ``normalize(text)`` that asks for experience, in order."""
    norm = normalize(text)
    found = []
    for pattern in _YEARS:
        for m in pattern.finditer(norm):
            word = m.group(1)
            value = int(word) if word.isdigit() else NUMBER_WORDS[word]
            if 0 < value <= 30 and not _company_years(norm, m.start(), m.end()):
                found.append((value, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


def years_in(text: str) -> int | None:
    """The years of experience ``text`` asks for ("5+ years", "at least three years", "3-5 years" -> 3)."""
    norm = normalize(text)
    found = []
    for pattern in _YEARS:
        for m in pattern.finditer(norm):
            if _company_years(norm, m.start(), m.end()):
                continue
            word = m.group(1)
            value = int(word) if word.isdigit() else NUMBER_WORDS[word]
            if 0 < value <= 30:
                found.append(value)
    return max(found) if found else None


DEGREE_RANK: dict[DegreeLevel, int] = {"degree": 1, "associate": 1, "bachelor": 2, "master": 3, "phd": 4}
_DEGREES = (
    ("phd", re.compile(r"\bph\.? ?d\b|\bdoctora(te|l)\b|博士")),
    (
        "master",
        re.compile(r"\bmaster'?s\b|\bmasters?( degree| of)\b|\bm\.? ?sc\b|\bmba\b|\bmeng\b|硕士|研究生|修士"),
    ),
    (
        "bachelor",
        re.compile(
            r"\bbachelor|\bb\.? ?sc\b|\b(bs|ba|b\.s\.?|b\.a\.?)\s*(/|degree|in\b|or\b)"
            r"|\bundergraduate\b|\b(4|four)[- ]year degree|本科|学士|大卒|licenciatura"
        ),
    ),
    ("associate", re.compile(r"\bassociate'?s? degree")),
    (
        "degree",
        re.compile(
            r"(?<!high )(?<!some )(?<!360 )(?<!360-)\bdegree\b(?! of\b)|\bdiploma\b|\babschluss"
            r"|\bstudium\b|学历|学位"
        ),
    ),
)


def degree_level(text: str) -> DegreeLevel | None:
    """The lowest degree ``text`` names: phd | master | bachelor | associate | degree (any), or None."""
    norm = normalize(text)
    named = [level for level, pattern in _DEGREES if pattern.search(norm)]
    specific = [level for level in named if level != "degree"]
    if specific:
        return min(specific, key=DEGREE_RANK.__getitem__)
    return "degree" if named else None
