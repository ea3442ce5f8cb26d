"""What the pipeline reads: a candidate profile and a job posting, as plain frozen data.

Every profile item carries ``ref``, its JSON path inside the JSON Resume document it came from
(``work[0]``, ``work[0].highlights[2]``, ``skills[3]``, ``basics.summary``). Generated text points back
at these refs, which is how every sentence stays traceable to the profile. ``pipeline.inputs.json_resume``
builds a ``Profile`` from a JSON Resume document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Seniority = Literal["intern", "entry", "mid", "senior", "lead"]
EmploymentType = Literal["full_time", "part_time", "contract", "internship", "temporary"]


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
    seniority: Seniority | None = None
    employment_type: EmploymentType | None = None
    url: str = ""
