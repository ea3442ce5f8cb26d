"""Concrete suggestions, each one something the candidate can do with what the profile already shows.

A keyword the profile does not show is never suggested: it stays in ``missing_from_profile``. Knock-outs
are named by kind and value, never by quoting the posting (which is untrusted text).
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.inputs import Profile, profile_texts
from pipeline.quality_validator.types import NOT_MET, UNKNOWN, FormatCheck, KnockoutFlag
from pipeline.text import TextIndex, canonical

QUOTE_CHARS = 90

FORMAT_FIXES = {
    "text_extractable": "Export the resume as a text PDF: a scanned or drawn page gives an ATS no words",
    "engines_agree": "Simplify the layout: two PDF readers disagree on its text or order",
    "single_column": "Use a single column: text set side by side is read across the columns",
    "standard_headings": "Use standard headings (Summary, Experience, Education, Skills)",
    "dates_parseable": "Write dates as 'Mar 2021' or '2021-03' and ranges as 'Mar 2021 - Present'",
    "no_tables": "Replace tables and column rules with plain lines: an ATS reads cells out of order",
    "no_images": "Remove images: an ATS cannot read words inside them",
    "page_count": "Shorten the resume",
    "file_size": "Reduce the file size: some ATS reject large uploads",
}

KNOCKOUT_NAMES = {
    "years_experience": "years of experience",
    "degree": "degree",
    "clearance": "security clearance",
    "work_authorization": "work authorization",
    "location": "location",
}


def evidence(texts: dict[str, str], term: str) -> tuple[str, str] | None:
    """The first ref (of ``pipeline.inputs.profile_texts``) whose own text shows ``term``, with that text."""
    for ref, text in texts.items():
        if TextIndex(text).find((term,)) or canonical(text) == term:
            return ref, text
    return None


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 3].rstrip() + "..."


def keyword_suggestion(texts: dict[str, str], term: str) -> str:
    found = evidence(texts, term)
    if found is None:
        return f"Mention {term}: your profile shows it, but the text an ATS reads from the resume does not."
    ref, text = found
    return (
        f'Mention {term}: your profile says "{_quote(text)}" ({ref}), '
        "but the text an ATS reads from the resume does not."
    )


def section_suggestions(profile: Profile, missing: Iterable[str]) -> list[str]:
    """Only for sections the profile has material for: nothing is suggested that it would have to invent."""
    material = {
        "contact": bool(profile.email or profile.phone),
        "summary": bool(profile.summary),
        "experience": bool(profile.experiences),
        "education": bool(profile.education),
        "skills": bool(profile.skills),
    }
    return [
        "Put your name and email or phone at the top of the resume, as text."
        if kind == "contact"
        else f"Add a {kind.capitalize()} section under a standard heading: the profile has material for it."
        for kind in missing
        if material.get(kind)
    ]


def format_suggestions(checks: Iterable[FormatCheck]) -> list[str]:
    return [f"{FORMAT_FIXES[check.name]} ({check.detail})." for check in checks if not check.passed]


def knockout_suggestions(flags: Iterable[KnockoutFlag]) -> list[str]:
    out = []
    for flag in flags:
        name = KNOCKOUT_NAMES.get(flag.kind, flag.kind)
        if flag.status == NOT_MET:
            out.append(f"Knock-out not met ({name}): {flag.detail}. The resume cannot change this.")
        elif flag.status == UNKNOWN:
            out.append(f"Knock-out to answer in the application ({name}): {flag.detail}.")
    return out


def suggestions(
    profile: Profile,
    emphasizable: Iterable[str],
    missing_sections: Iterable[str],
    checks: Iterable[FormatCheck],
    flags: Iterable[KnockoutFlag],
) -> tuple[str, ...]:
    texts = profile_texts(profile)
    return tuple(
        [keyword_suggestion(texts, term) for term in emphasizable]
        + section_suggestions(profile, missing_sections)
        + format_suggestions(checks)
        + knockout_suggestions(flags)
    )
