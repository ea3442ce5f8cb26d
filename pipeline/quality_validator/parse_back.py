"""Parse-back: which of the resume's fields an ATS-style reader (``resume_reader``) recovers from the PDF.

The expected fields are what the resume shows, taken from the profile values it was written from: the name,
email, phone and location of the profile that the header carries; per experience entry the employer, the
title and the start year; per education entry the school, the degree and the years. Recall is found over
expected; every field counts the same. ``failed`` names each field that did not come back, by profile ref
("work[0].employer"), never by its value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.document_generator import Resume
from pipeline.inputs import Profile
from pipeline.quality_validator.resume_reader import (
    YEAR,
    ParsedEntry,
    ParsedResume,
    same_dates,
    same_field,
    words_of,
)


@dataclass(frozen=True)
class ExpectedEntry:
    ref: str
    section: str  # experience | education
    organization: str  # employer or school
    title: str  # job title or degree
    years: tuple[str, ...] = ()


@dataclass(frozen=True)
class Expected:
    name: str = ""
    email: str = ""
    phone: str = ""
    location: str = ""
    entries: tuple[ExpectedEntry, ...] = ()


@dataclass(frozen=True)
class ParseBack:
    recall: float  # in [0, 1]; 1 when nothing is expected
    found: int
    expected: int
    failed: tuple[str, ...]  # "email", "work[0].title", "education[0].school"
    by_field: dict[str, tuple[int, int]]  # field kind -> (found, expected): employer, title, school, ...


def expected_from_resume(resume: Resume, profile: Profile) -> Expected:
    """What the rendered resume shows: its header items and its experience and education entries."""
    contact = " ".join(resume.contact)
    entries = []
    for section in resume.sections:
        if section.kind not in ("experience", "education"):
            continue
        for entry in section.entries:
            years = tuple(YEAR.findall(entry.start_date)[:1] + YEAR.findall(entry.end_date)[:1])
            if section.kind == "education" and not entry.organization:  # a school without a degree
                entries.append(ExpectedEntry(entry.ref, "education", entry.title, "", years))
            else:
                entries.append(ExpectedEntry(entry.ref, section.kind, entry.organization, entry.title, years))
    return Expected(
        name=resume.name,
        email=profile.email if profile.email and profile.email in contact else "",
        phone=profile.phone if profile.phone and profile.phone in contact else "",
        location=profile.location if profile.location and profile.location in contact else "",
        entries=tuple(entries),
    )


def expected_from_profile(profile: Profile) -> Expected:
    """Everything the profile holds that a resume would show (for resumes JobWise did not write)."""
    entries = [
        ExpectedEntry(
            e.ref,
            "experience",
            e.employer,
            e.title,
            tuple(YEAR.findall(e.start_date)[:1] + YEAR.findall(e.end_date)[:1]),
        )
        for e in profile.experiences
    ]
    entries += [
        ExpectedEntry(
            e.ref,
            "education",
            e.institution,
            " ".join(part for part in (e.study_type, e.area) if part),
            tuple(YEAR.findall(e.start_date)[:1] + YEAR.findall(e.end_date)[:1]),
        )
        for e in profile.education
    ]
    return Expected(profile.name, profile.email, profile.phone, profile.location, tuple(entries))


FIELD_NAMES = {"experience": ("employer", "title"), "education": ("school", "degree")}


def parse_back(parsed: ParsedResume, expected: Expected) -> ParseBack:
    """Recall of the expected fields in what the reader parsed."""
    checks: list[tuple[str, str, bool]] = []  # (field kind, failure name, found)
    if expected.name:
        checks.append(("name", "name", same_field(parsed.name, expected.name)))
    if expected.email:
        checks.append(("email", "email", parsed.email.casefold() == expected.email.casefold()))
    if expected.phone:
        digits = [ch for ch in expected.phone if ch.isdigit()]
        checks.append(("phone", "phone", [ch for ch in parsed.phone if ch.isdigit()] == digits))
    if expected.location:
        checks.append(("location", "location", loose(parsed.location, expected.location)))
    used: set[int] = set()
    for entry in expected.entries:
        candidates = [
            (n, p) for n, p in enumerate(parsed.entries) if p.section == entry.section and n not in used
        ]
        n, match = best_match(candidates, entry)
        if match is not None:
            used.add(n)
        org_name, title_name = FIELD_NAMES[entry.section]
        if entry.organization:
            ok = match is not None and same_field(match.organization, entry.organization)
            checks.append((org_name, f"{entry.ref}.{org_name}", ok))
        if entry.title:
            ok = match is not None and same_field(match.title, entry.title)
            checks.append((title_name, f"{entry.ref}.{title_name}", ok))
        if entry.years:
            ok = match is not None and same_dates(match.dates, entry.years)
            checks.append(("dates", f"{entry.ref}.dates", ok))
    by_field: dict[str, tuple[int, int]] = {}
    for kind, _, ok in checks:
        found, total = by_field.get(kind, (0, 0))
        by_field[kind] = (found + ok, total + 1)
    found = sum(ok for _, _, ok in checks)
    return ParseBack(
        recall=found / len(checks) if checks else 1.0,
        found=found,
        expected=len(checks),
        failed=tuple(name for _, name, ok in checks if not ok),
        by_field=by_field,
    )


def loose(parsed: str, expected: str) -> bool:
    """A location is found when the city (its first part) came back."""
    city = expected.split(",")[0]
    return bool(words_of(city)) and set(words_of(city)) <= set(words_of(parsed))


def best_match(
    candidates: Sequence[tuple[int, ParsedEntry]], entry: ExpectedEntry
) -> tuple[int, ParsedEntry | None]:
    """The parsed entry sharing most words with the expected organization and title."""
    want = set(words_of(entry.organization + " " + entry.title))
    best, best_overlap = (-1, None), 0
    for n, parsed in candidates:
        shared = len(want & set(words_of(parsed.organization + " " + parsed.title + " " + parsed.dates)))
        if shared > best_overlap:
            best, best_overlap = (n, parsed), shared
    return best
