"""Which refs a profile has, what text each one stands for, and whether generated lines cite real ones.

Item refs come from ``pipeline.inputs.json_resume`` (``work[0]``, ``work[0].highlights[2]``, ``skills[1]``,
``projects[0].highlights[1]``, ``certificates[0]``, ``languages[1]``, ``education[0]``). This module adds
refs for single fields, named after their JSON Resume paths:

- ``basics.name``, ``basics.label``, ``basics.email``, ``basics.phone``, ``basics.url``,
  ``basics.location`` (city, region and country code as one), ``basics.summary``, ``basics.profiles[i]``
- ``work[i].summary`` and ``volunteer[i].summary``, ``projects[i].description``, ``education[i].score``
- ``skills[i].keywords[j]``, ``projects[i].keywords[j]``, ``education[i].courses[j]``: ``j`` is the
  position in the ``Profile`` tuple, which equals the JSON position unless the document had blank entries.

An entry ref (``work[0]``, ``education[0]``) stands for its header facts: title, organization, place, dates.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from pipeline.inputs.types import Experience, Profile


class ProvenanceError(ValueError):
    """A generated line cites a ref the profile does not have."""


def _facts(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


def _listed(base: str, name: str, values: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    for j, value in enumerate(values):
        yield f"{base}.{name}[{j}]", value


def _experience(exp: Experience) -> Iterator[tuple[str, str]]:
    yield exp.ref, _facts(exp.title, exp.employer, exp.location, exp.start_date, exp.end_date)
    if exp.summary:
        yield f"{exp.ref}.summary", exp.summary
    for highlight in exp.highlights:
        yield highlight.ref, highlight.text


def _basics(profile: Profile) -> Iterator[tuple[str, str]]:
    fields = {
        "name": profile.name,
        "label": profile.label,
        "email": profile.email,
        "phone": profile.phone,
        "url": profile.url,
        "location": profile.location,
        "summary": profile.summary,
    }
    for name, value in fields.items():
        if value:
            yield f"basics.{name}", value
    for i, link in enumerate(profile.links):
        yield f"basics.profiles[{i}]", _facts(link.network, link.username, link.url)


def _items(profile: Profile) -> Iterator[tuple[str, str]]:
    yield from _basics(profile)
    for exp in (*profile.experiences, *profile.volunteer):
        yield from _experience(exp)
    for edu in profile.education:
        named = " in ".join(p for p in (edu.study_type, edu.area) if p)  # as documents name it
        yield edu.ref, _facts(edu.study_type, edu.area, named, edu.institution, edu.start_date, edu.end_date)
        if edu.score:
            yield f"{edu.ref}.score", edu.score
        yield from _listed(edu.ref, "courses", edu.courses)
    for skill in profile.skills:
        yield skill.ref, _facts(skill.name, *skill.keywords)
        yield from _listed(skill.ref, "keywords", skill.keywords)
    for project in profile.projects:
        yield project.ref, _facts(project.name, project.description, project.start_date, project.end_date)
        if project.description:
            yield f"{project.ref}.description", project.description
        for highlight in project.highlights:
            yield highlight.ref, highlight.text
        yield from _listed(project.ref, "keywords", project.keywords)
    for cert in profile.certifications:
        yield cert.ref, _facts(cert.name, cert.issuer, cert.date)
    for lang in profile.languages:
        yield lang.ref, _facts(lang.language, lang.fluency)


def profile_texts(profile: Profile) -> dict[str, str]:
    """Every ref of ``profile`` with the profile's own text for it, in document order."""
    return dict(_items(profile))


def profile_refs(profile: Profile) -> frozenset[str]:
    """Every ref a generated line may cite as its source."""
    return frozenset(profile_texts(profile))


def verify_sources(sources: Iterable[tuple[str, ...]], refs: frozenset[str]) -> int:
    """Count the claims (non-empty source tuples) checked; raise ``ProvenanceError`` on an unknown ref."""
    checked = 0
    for cited in sources:
        unknown = [ref for ref in cited if ref not in refs]
        if unknown:
            raise ProvenanceError(f"unknown profile refs: {', '.join(unknown)}")
        checked += bool(cited)
    return checked


# Contact details are never shown to a model: they are the profile's, not the model's, to write.
CONTACT_REFS = (
    "basics.name",
    "basics.email",
    "basics.phone",
    "basics.url",
    "basics.location",
    "basics.profiles",
)


def profile_items_json(profile: Profile) -> str:
    """The profile as [{"ref", "text"}] JSON without contact details: what a prompt may show of it."""
    items = [
        {"ref": r, "text": t} for r, t in profile_texts(profile).items() if not r.startswith(CONTACT_REFS)
    ]
    return json.dumps(items, ensure_ascii=False)
