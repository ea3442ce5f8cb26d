"""What the pipeline reads: a candidate profile and a job posting, as plain frozen data.

Every profile item carries ``ref``, its JSON path inside the JSON Resume document it came from
(``work[0]``, ``work[0].highlights[2]``, ``skills[3]``, ``basics.summary``). Generated text points back
at these refs, which is how every sentence stays traceable to the profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Link:
    network: str
    username: str = ""
    url: str = ""


@dataclass(frozen=True)
class Highlight:
    ref: str
    text: str


@dataclass(frozen=True)
class Experience:
    ref: str
    employer: str
    title: str
    location: str = ""
    start_date: str = ""
    end_date: str = ""
    summary: str = ""
    highlights: tuple[Highlight, ...] = ()
    url: str = ""


@dataclass(frozen=True)
class Education:
    ref: str
    institution: str
    area: str = ""
    study_type: str = ""
    start_date: str = ""
    end_date: str = ""
    score: str = ""
    courses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Skill:
    ref: str
    name: str
    level: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Project:
    ref: str
    name: str
    description: str = ""
    highlights: tuple[Highlight, ...] = ()
    keywords: tuple[str, ...] = ()
    start_date: str = ""
    end_date: str = ""
    url: str = ""
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Certification:
    ref: str
    name: str
    issuer: str = ""
    date: str = ""
    url: str = ""


@dataclass(frozen=True)
class Language:
    ref: str
    language: str
    fluency: str = ""


@dataclass(frozen=True)
class Profile:
    """A candidate, as far as the documents may speak of them."""

    name: str
    label: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    location: str = ""
    summary: str = ""
    links: tuple[Link, ...] = ()
    experiences: tuple[Experience, ...] = ()
    education: tuple[Education, ...] = ()
    skills: tuple[Skill, ...] = ()
    projects: tuple[Project, ...] = ()
    certifications: tuple[Certification, ...] = ()
    languages: tuple[Language, ...] = ()
    volunteer: tuple[Experience, ...] = ()


@dataclass(frozen=True)
class Posting:
    """A job posting. Untrusted text: it is data to analyse, never instructions to follow."""

    title: str
    company: str
    description: str
    location: str = ""
    remote: bool | None = None
    seniority: str | None = None
    employment_type: str | None = None
    url: str = ""


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(v.strip() for v in values or () if isinstance(v, str) and v.strip())


def _highlights(base: str, values: Any) -> tuple[Highlight, ...]:
    return tuple(
        Highlight(ref=f"{base}.highlights[{i}]", text=v.strip())
        for i, v in enumerate(values or ())
        if isinstance(v, str) and v.strip()
    )


def _location(basics: Mapping[str, Any]) -> str:
    loc = basics.get("location") or {}
    parts = (_text(loc.get("city")), _text(loc.get("region")), _text(loc.get("countryCode")))
    return ", ".join(p for p in parts if p)


def _experience(section: str, i: int, item: Mapping[str, Any]) -> Experience:
    ref = f"{section}[{i}]"
    return Experience(
        ref=ref,
        employer=_text(item.get("name") or item.get("organization")),
        title=_text(item.get("position")),
        location=_text(item.get("location")),
        start_date=_text(item.get("startDate")),
        end_date=_text(item.get("endDate")),
        summary=_text(item.get("summary")),
        highlights=_highlights(ref, item.get("highlights")),
        url=_text(item.get("url")),
    )


def profile_from_json_resume(doc: Mapping[str, Any]) -> Profile:
    """Build a ``Profile`` from a JSON Resume (v1) document; refs are JSON paths into ``doc``."""
    basics = doc.get("basics") or {}
    return Profile(
        name=_text(basics.get("name")),
        label=_text(basics.get("label")),
        email=_text(basics.get("email")),
        phone=_text(basics.get("phone")),
        url=_text(basics.get("url")),
        location=_location(basics),
        summary=_text(basics.get("summary")),
        links=tuple(
            Link(network=_text(p.get("network")), username=_text(p.get("username")), url=_text(p.get("url")))
            for p in basics.get("profiles") or ()
        ),
        experiences=tuple(_experience("work", i, w) for i, w in enumerate(doc.get("work") or ())),
        volunteer=tuple(_experience("volunteer", i, v) for i, v in enumerate(doc.get("volunteer") or ())),
        education=tuple(
            Education(
                ref=f"education[{i}]",
                institution=_text(e.get("institution")),
                area=_text(e.get("area")),
                study_type=_text(e.get("studyType")),
                start_date=_text(e.get("startDate")),
                end_date=_text(e.get("endDate")),
                score=_text(e.get("score")),
                courses=_strings(e.get("courses")),
            )
            for i, e in enumerate(doc.get("education") or ())
        ),
        skills=tuple(
            Skill(
                ref=f"skills[{i}]",
                name=_text(s.get("name")),
                level=_text(s.get("level")),
                keywords=_strings(s.get("keywords")),
            )
            for i, s in enumerate(doc.get("skills") or ())
        ),
        projects=tuple(
            Project(
                ref=f"projects[{i}]",
                name=_text(p.get("name")),
                description=_text(p.get("description")),
                highlights=_highlights(f"projects[{i}]", p.get("highlights")),
                keywords=_strings(p.get("keywords")),
                start_date=_text(p.get("startDate")),
                end_date=_text(p.get("endDate")),
                url=_text(p.get("url")),
                roles=_strings(p.get("roles")),
            )
            for i, p in enumerate(doc.get("projects") or ())
        ),
        certifications=tuple(
            Certification(
                ref=f"certificates[{i}]",
                name=_text(c.get("name")),
                issuer=_text(c.get("issuer")),
                date=_text(c.get("date")),
                url=_text(c.get("url")),
            )
            for i, c in enumerate(doc.get("certificates") or ())
        ),
        languages=tuple(
            Language(
                ref=f"languages[{i}]",
                language=_text(lang.get("language")),
                fluency=_text(lang.get("fluency")),
            )
            for i, lang in enumerate(doc.get("languages") or ())
        ),
    )
