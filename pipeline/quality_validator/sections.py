"""Which resume sections the extracted text shows: standard headings, and contact details in the header."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.inputs import Profile
from pipeline.text import normalize

# Heading lines an ATS recognizes, normalized ("&" read as "and", a trailing colon dropped).
STANDARD_HEADINGS = {
    "summary": (
        "summary", "professional summary", "career summary", "executive summary", "profile",
        "professional profile", "about me", "objective", "career objective",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "relevant experience", "employment",
        "employment history", "work history", "career history",
    ),
    "education": ("education", "education and training", "academic background"),
    "skills": (
        "skills", "technical skills", "key skills", "core skills", "core competencies", "competencies",
        "skills and tools",
    ),
    "projects": ("projects", "selected projects", "personal projects", "key projects"),
    "certifications": (
        "certifications", "certificates", "licenses and certifications", "certifications and licenses",
    ),
    "languages": ("languages",),
    "volunteer": ("volunteer", "volunteer experience", "volunteering", "volunteer work"),
    "awards": ("awards", "honors", "honors and awards", "awards and honors"),
    "publications": ("publications",),
    "interests": ("interests",),
    "references": ("references",),
}  # fmt: skip
_KIND_OF = {heading: kind for kind, headings in STANDARD_HEADINGS.items() for heading in headings}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"\+?\(?\d[\d ().-]{5,}\d")
_PHONE_DIGITS = 7


def heading_kind(line: str) -> str | None:
    """The section a line names when the line is a standard heading and nothing else."""
    key = normalize(line).replace("&", " and ").rstrip(":").strip()
    return _KIND_OF.get(" ".join(key.split()))


def headings(text: str) -> tuple[str, ...]:
    """The sections the text's heading lines name, in reading order."""
    return tuple(kind for line in text.splitlines() if (kind := heading_kind(line)))


def section_body(text: str, kind: str) -> list[str]:
    """The lines under the first heading of ``kind``, up to the next heading."""
    body: list[str] = []
    inside = False
    for line in text.splitlines():
        named = heading_kind(line)
        if named:
            if inside:
                break
            inside = named == kind
        elif inside:
            body.append(line)
    return body


def header(text: str) -> list[str]:
    """The lines above the first heading: where an ATS looks for the name and contact details."""
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines) if heading_kind(line)), len(lines))
    return lines[:first]


def has_contact(text: str, profile: Profile) -> bool:
    """The header shows the candidate's name (when the profile has one) and an email or a phone number."""
    top = "\n".join(header(text))
    named = not profile.name or normalize(profile.name) in normalize(top)
    phones = (m.group() for m in _PHONE.finditer(top))
    reachable = _EMAIL.search(top) is not None or any(
        sum(ch.isdigit() for ch in phone) >= _PHONE_DIGITS for phone in phones
    )
    return named and reachable


def sections_found(texts: Sequence[str], profile: Profile) -> tuple[str, ...]:
    """Sections every engine's text shows, in the first engine's reading order; "contact" first."""
    contact = ("contact",) if all(has_contact(text, profile) for text in texts) else ()
    shown = [set(headings(text)) for text in texts]
    ordered = dict.fromkeys(kind for kind in headings(texts[0]) if all(kind in s for s in shown))
    return contact + tuple(ordered)
