"""JSON Resume (v1) documents as pydantic models, and the ``Profile`` the pipeline reads from one.

The models name every field of the JSON Resume schema (camelCase aliases: ``startDate``, ``studyType``)
and keep unknown keys (``extra="allow"``), so ``JsonResume.model_validate(doc).document() == doc``: the
pipeline reads a document without changing it. ``profile_from_json_resume`` keeps what the documents may
speak of, with refs that are JSON paths into the document; blank strings and list entries are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from pipeline.inputs.types import (
    Certification,
    Education,
    Experience,
    Highlight,
    Language,
    Link,
    Profile,
    Project,
    Skill,
)


class _Section(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="allow")


class Location(_Section):
    address: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country_code: str | None = None
    region: str | None = None


class SocialProfile(_Section):
    network: str | None = None
    username: str | None = None
    url: str | None = None


class Basics(_Section):
    name: str | None = None
    label: str | None = None
    image: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: list[SocialProfile] | None = None


class _Role(_Section):
    position: str | None = None
    url: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    summary: str | None = None
    highlights: list[str | None] | None = None


class Work(_Role):
    name: str | None = None
    location: str | None = None
    description: str | None = None


class Volunteer(_Role):
    organization: str | None = None


class Study(_Section):
    institution: str | None = None
    url: str | None = None
    area: str | None = None
    study_type: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    score: str | None = None
    courses: list[str | None] | None = None


class SkillEntry(_Section):
    name: str | None = None
    level: str | None = None
    keywords: list[str | None] | None = None


class ProjectEntry(_Section):
    name: str | None = None
    description: str | None = None
    highlights: list[str | None] | None = None
    keywords: list[str | None] | None = None
    start_date: str | None = None
    end_date: str | None = None
    url: str | None = None
    roles: list[str | None] | None = None
    entity: str | None = None
    type: str | None = None


class Certificate(_Section):
    name: str | None = None
    date: str | None = None
    url: str | None = None
    issuer: str | None = None


class SpokenLanguage(_Section):
    language: str | None = None
    fluency: str | None = None


class JsonResume(_Section):
    """A JSON Resume document; sections the pipeline does not read (awards, meta, ...) stay as extras."""

    basics: Basics | None = None
    work: list[Work] | None = None
    volunteer: list[Volunteer] | None = None
    education: list[Study] | None = None
    skills: list[SkillEntry] | None = None
    projects: list[ProjectEntry] | None = None
    certificates: list[Certificate] | None = None
    languages: list[SpokenLanguage] | None = None

    def document(self) -> dict[str, Any]:
        """The document as it was given: JSON Resume keys, nothing added."""
        return self.model_dump(by_alias=True, exclude_unset=True, mode="json")


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _strings(values: list[str | None] | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in values or () if v and v.strip())


def _highlights(base: str, values: list[str | None] | None) -> tuple[Highlight, ...]:
    return tuple(
        Highlight(ref=f"{base}.highlights[{i}]", text=v.strip())
        for i, v in enumerate(values or ())
        if v and v.strip()
    )


def _location(location: Location | None) -> str:
    if location is None:
        return ""
    parts = (_text(location.city), _text(location.region), _text(location.country_code))
    return ", ".join(p for p in parts if p)


def _extra(section: _Section, key: str) -> Any:
    return (section.model_extra or {}).get(key)


def _experience(ref: str, role: Work | Volunteer, employer: Any, location: str | None) -> Experience:
    return Experience(
        ref=ref,
        employer=_text(employer),
        title=_text(role.position),
        location=_text(location),
        start_date=_text(role.start_date),
        end_date=_text(role.end_date),
        summary=_text(role.summary),
        highlights=_highlights(ref, role.highlights),
        url=_text(role.url),
    )


def profile_from_resume(resume: JsonResume) -> Profile:
    """The ``Profile`` of a parsed document; refs are JSON paths into it."""
    basics = resume.basics or Basics()
    return Profile(
        name=_text(basics.name),
        label=_text(basics.label),
        email=_text(basics.email),
        phone=_text(basics.phone),
        url=_text(basics.url),
        location=_location(basics.location),
        summary=_text(basics.summary),
        links=tuple(
            Link(network=_text(p.network), username=_text(p.username), url=_text(p.url))
            for p in basics.profiles or ()
        ),
        experiences=tuple(
            _experience(f"work[{i}]", w, w.name or _extra(w, "organization"), w.location)
            for i, w in enumerate(resume.work or ())
        ),
        volunteer=tuple(
            _experience(f"volunteer[{i}]", v, v.organization or _extra(v, "name"), None)
            for i, v in enumerate(resume.volunteer or ())
        ),
        education=tuple(
            Education(
                ref=f"education[{i}]",
                institution=_text(e.institution),
                area=_text(e.area),
                study_type=_text(e.study_type),
                start_date=_text(e.start_date),
                end_date=_text(e.end_date),
                score=_text(e.score),
                courses=_strings(e.courses),
            )
            for i, e in enumerate(resume.education or ())
        ),
        skills=tuple(
            Skill(ref=f"skills[{i}]", name=_text(s.name), level=_text(s.level), keywords=_strings(s.keywords))
            for i, s in enumerate(resume.skills or ())
        ),
        projects=tuple(
            Project(
                ref=f"projects[{i}]",
                name=_text(p.name),
                description=_text(p.description),
                highlights=_highlights(f"projects[{i}]", p.highlights),
                keywords=_strings(p.keywords),
                start_date=_text(p.start_date),
                end_date=_text(p.end_date),
                url=_text(p.url),
                roles=_strings(p.roles),
            )
            for i, p in enumerate(resume.projects or ())
        ),
        certifications=tuple(
            Certification(
                ref=f"certificates[{i}]",
                name=_text(c.name),
                issuer=_text(c.issuer),
                date=_text(c.date),
                url=_text(c.url),
            )
            for i, c in enumerate(resume.certificates or ())
        ),
        languages=tuple(
            Language(ref=f"languages[{i}]", language=_text(lang.language), fluency=_text(lang.fluency))
            for i, lang in enumerate(resume.languages or ())
        ),
    )


def profile_from_json_resume(doc: Mapping[str, Any]) -> Profile:
    """Build a ``Profile`` from a JSON Resume (v1) document; raises ``pydantic.ValidationError`` (a
    ``ValueError``) naming the field when the document does not have the schema's shape."""
    return profile_from_resume(JsonResume.model_validate(doc))
