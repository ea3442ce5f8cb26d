"""Years of experience from the profile's own dates.

The work entries' date ranges, overlaps merged, months inclusive, an empty end date meaning ongoing until
"today": the ``today`` argument, else the latest date anywhere in the profile. ``years_in_field`` counts
only the entries whose title, summary or highlights name a field ("2 years of ICU experience").
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.inputs import Experience, Profile
from pipeline.profile_compiler.types import FieldYears
from pipeline.text import TextIndex, extract_terms, normalize, stem, tokenize

_DATE = re.compile(r"\s*(\d{4})(?:-(\d{1,2}))?")
_ONGOING = frozenset({"", "present", "current", "now", "today", "ongoing"})


def _month(date: str, *, end: bool = False) -> int | None:
    """Months since year 0 of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a bare year ends in December."""
    m = _DATE.match(date or "")
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    return int(m.group(1)) * 12 + min(max(month, 1), 12) - 1


def _latest_date(profile: Profile) -> int | None:
    dates = [
        *(d for e in (*profile.experiences, *profile.volunteer) for d in (e.start_date, e.end_date)),
        *(d for ed in profile.education for d in (ed.start_date, ed.end_date)),
        *(d for p in profile.projects for d in (p.start_date, p.end_date)),
        *(c.date for c in profile.certifications),
    ]
    months = [m for d in dates if (m := _month(d)) is not None]
    return max(months) if months else None


def years_of_experience(profile: Profile, today: str | None) -> float:
    now = _month(today) if today else _latest_date(profile)
    if now is None:
        return 0.0
    spans = []
    for e in profile.experiences:
        start = _month(e.start_date)
        end = now if normalize(e.end_date) in _ONGOING else _month(e.end_date, end=True)
        if start is not None and end is not None and min(end, now) >= start:
            spans.append((start, min(end, now)))
    total, reach = 0, None
    for start, end in sorted(spans):
        if reach is not None and start <= reach:
            start = reach + 1
        if end >= start:
            total += end - start + 1
        reach = end if reach is None else max(reach, end)
    return round(total / 12, 1)


# A field that names no particular domain ("the specialty", "a similar role"): it cannot be matched to
# profile entries, so stage 4 leaves such a knock-out unknown instead of guessing.
GENERIC_FIELDS = frozenset(
    {
        "specialty", "the specialty", "this specialty", "the field", "this field", "a similar role",
        "similar role", "a similar position", "similar position", "this role", "the role", "a related field",
        "related field", "the industry", "this industry", "industry", "the area", "this area", "a similar",
        "similar", "bereich", "dem bereich", "el sector", "el area", "un puesto similar", "puesto similar",
    }
)  # fmt: skip
_ALTERNATIVES = re.compile(r"\s*(?:/|,|;|\bor\b|\band\b|\boder\b|\bund\b|\bo\b|\by\b|&)\s*")


def field_terms(field: str) -> tuple[str, ...]:
    """What a knock-out's field is matched by: its vocabulary terms ("python/django" -> Python, Django),
    else its own words split at "/", "or", "and" ("ICU" -> ICU). Empty for a generic field."""
    norm = normalize(field).strip(" .")
    if not norm or norm in GENERIC_FIELDS:
        return ()
    found = extract_terms(field)
    if found:
        return tuple(found)
    return field_words(field)


def field_words(field: str) -> tuple[str, ...]:
    """The field in the posting's own words, split at "/", "or", "and" ("outpatient surgical coding")."""
    norm = normalize(field).strip(" .")
    if not norm or norm in GENERIC_FIELDS:
        return ()
    return tuple(part for part in _ALTERNATIVES.split(norm) if part and part not in GENERIC_FIELDS)


def _entry_text(exp: Experience) -> str:
    return "\n".join((exp.title, exp.summary, *(h.text for h in exp.highlights)))


_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "with",
        "for",
        "to",
        "and",
        "or",
        "as",
        "at",
        "by",
        "experience",
        "experiences",
        "work",
        "working",
    ]
)


def _words(text: str) -> list[str]:
    return [stem(t) for t in tokenize(text) if t not in _STOP]


# Endings that turn a field into its worker or its act ("analytics", "analyst", "analysis"; "coding", "coder",
# "coded"; "accounting", "accountant"): a title names a field this way ("Data Analyst" for data analytics).
_FAMILY_ENDINGS = re.compile(r"(?:ytics|ytic|ysis|yst|ing|ers|er|ed|ants|ant|ist|ment)$")


def _root(word: str) -> str:
    root = _FAMILY_ENDINGS.sub("", word) if len(word) >= 5 else word
    return root if len(root) >= 3 else word


def _same_word(a: str, b: str) -> bool:
    """One word, or one the other's longer form ("engineer" and "engineering"), or one family ("analyst" and
    "analytics", "coder" and "coding")."""
    if a == b or (min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a))):
        return True
    return min(len(a), len(b)) >= 4 and _root(a) == _root(b)


def _matches(exp: Experience, terms: tuple[str, ...], words: tuple[str, ...] = ()) -> bool:
    """The entry names one of ``terms`` through the vocabulary (any alias), or every word of one of ``terms``
    or ``words`` (the field as the posting words it: "outpatient surgical coding" in "Outpatient Surgical
    Coder", when the vocabulary's canonical form "medical coding" is not in the entry)."""
    text = _entry_text(exp)
    if TextIndex(text).find(terms):
        return True
    said = _words(text)
    return any(
        (wanted := _words(term)) and all(any(_same_word(w, e) for e in said) for w in wanted)
        for term in dict.fromkeys((*terms, *words))
    )


def years_in_field(profile: Profile, field: str, today: str | None) -> FieldYears | None:
    """Years in the work entries whose title, summary or highlights name ``field``; None for a generic
    field. Same rules as ``years_of_experience`` (overlaps merged, ongoing until ``today``)."""
    terms = field_terms(field)
    if not terms:
        return None
    words = field_words(field)
    chosen = tuple(exp for exp in profile.experiences if _matches(exp, terms, words))
    latest = _latest_date(profile)  # of the whole profile, so ongoing roles end where the career does
    until = today or (f"{latest // 12:04d}-{latest % 12 + 1:02d}" if latest is not None else None)
    years = years_of_experience(replace(profile, experiences=chosen), until) if chosen and until else 0.0
    return FieldYears(field=field, years=years, evidence=tuple(exp.ref for exp in chosen))
