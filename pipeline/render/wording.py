"""How profile values read on the page, shared by the PDF, plain-text and DOCX renderings.

Dates are shown from the profile's own values, without locale: "2019-03" and "2019-03-01" read
"Mar 2019", "2019" stays "2019", anything else is shown as given.
"""

from __future__ import annotations

import re

from pipeline.document_generator import ResumeEntry
from pipeline.text import MONTH_ABBREVIATIONS, MONTH_NAMES

ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
SEPARATOR = " | "
DASH = " \u2013 "
PRESENT = "Present"
ONGOING_KINDS = ("experience",)
LABEL = re.compile(r"([^:]{1,40}):\s+(\S.*)")


def display_date(value: str) -> str:
    """A profile date as shown on a resume: "2019-03" reads "Mar 2019"."""
    match = ISO_DATE.fullmatch(value.strip())
    if not match:
        return value.strip()
    year, month, _ = match.groups()
    if month and 1 <= int(month) <= 12:
        return f"{MONTH_ABBREVIATIONS[int(month) - 1]} {year}"
    return year


# Month names of the letter languages; English from ``pipeline.text`` (the resume's).
_MONTH_WORDS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}
_MONTHS = {language: words.split() for language, words in _MONTH_WORDS.items()}
_LETTER_DATE = {
    "en": "{day} {month} {year}",
    "de": "{day}. {month} {year}",
    "es": "{day} de {month} de {year}",
}


def letter_date(value: str, language: str = "en") -> str:
    """A cover-letter date in the letter's language: "2026-11-25" reads "25 November 2026", German
    "25. November 2026", Spanish "25 de noviembre de 2026"; other values are shown as given."""
    match = ISO_DATE.fullmatch(value.strip())
    if not match or not match.group(3) or not 1 <= int(match.group(2)) <= 12:
        return value.strip()
    year, month, day = match.groups()
    months = _MONTHS.get(language, MONTH_NAMES)
    pattern = _LETTER_DATE.get(language, _LETTER_DATE["en"])
    return pattern.format(day=int(day), month=months[int(month) - 1], year=year)


def date_range(entry: ResumeEntry, ongoing: bool) -> str:
    """The dates of an entry, "Mar 2019 - Present" for a current role; one date when only one is known."""
    start, end = display_date(entry.start_date), display_date(entry.end_date)
    if start and not end and ongoing:
        end = PRESENT
    return DASH.join(part for part in (start, end) if part)


def contact_line(contact: tuple[str, ...]) -> str:
    """Contact items on one line."""
    return SEPARATOR.join(item for item in contact if item)


def labelled(text: str) -> tuple[str, str] | None:
    """("Backend", "Python, Go") for a skill group written "Backend: Python, Go"; None otherwise."""
    match = LABEL.fullmatch(text)
    return (match.group(1), match.group(2)) if match else None
