"""A candidate profile: enough relational structure to hold a full JSON Resume document."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, and_, select
from sqlalchemy.orm import Mapped, Session, foreign, mapped_column, relationship

from models.base import Base, IdMixin, TimestampMixin


class ProfileItem(IdMixin):
    """Columns every list item of a profile shares: its owner, its place, and fields we keep verbatim."""

    position: Mapped[int] = mapped_column(default=0)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ProfileLink(ProfileItem, Base):
    __tablename__ = "profile_links"

    profile_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    network: Mapped[str | None] = mapped_column(String(100))
    username: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(2000))


class Experience(ProfileItem, Base):
    """A job (``kind`` work) or volunteering role (``kind`` volunteer)."""

    __tablename__ = "experiences"

    profile_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="work")
    employer: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(String(300))
    location: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2000))
    start_date: Mapped[str | None] = mapped_column(String(10))
    end_date: Mapped[str | None] = mapped_column(String(10))
    summary: Mapped[str | None] = mapped_column(Text)
    highlights: Mapped[list[Any] | None]


class Education(ProfileItem, Base):
    __tablename__ = "education"

    profile_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    institution: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(String(2000))
    area: Mapped[str | None] = mapped_column(String(300))
    study_type: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[str | None] = mapped_column(String(10))
    end_date: Mapped[str | None] = mapped_column(String(10))
    score: Mapped[str | None] = mapped_column(String(50))
    courses: Mapped[list[Any] | None]


class Skill(ProfileItem, Base):
    __tablename__ = "skills"

    profile_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(200))
    level: Mapped[str | None] = mapped_column(String(100))
    keywords: Mapped[list[Any] | None]


class Project(ProfileItem, Base):
    __tablename__ = "projects"

    profile_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    highlights: Mapped[list[Any] | None]
    keywords: Mapped[list[Any] | None]
    start_date: Mapped[str | None] = mapped_column(String(10))
    end_date: Mapped[str | None] = mapped_column(String(10))
    url: Mapped[str | None] = mapped_column(String(2000))
    roles: Mapped[list[Any] | None]
    entity: Mapped[str | None] = mapped_column(String(300))
    type: Mapped[str | None] = mapped_column(String(100))


class Certification(ProfileItem, Base):
    __tablename__ = "certifications"

    profile_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(300))
    date: Mapped[str | None] = mapped_column(String(10))
    url: Mapped[str | None] = mapped_column(String(2000))
    issuer: Mapped[str | None] = mapped_column(String(300))


class Language(ProfileItem, Base):
    __tablename__ = "languages"

    profile_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    language: Mapped[str | None] = mapped_column(String(100))
    fluency: Mapped[str | None] = mapped_column(String(100))


def _items(model: type, kind: str | None = None) -> Any:
    """A one-to-many list of ``model`` rows kept in ``position`` order, optionally one ``kind`` only."""

    def join() -> Any:
        condition = foreign(model.profile_id) == Profile.id
        return and_(condition, model.kind == kind) if kind else condition

    return relationship(
        model,
        primaryjoin=join,
        order_by=model.position,
        cascade="all, delete-orphan",
        lazy="selectin",
        overlaps="experiences,volunteer",
    )


class Profile(IdMixin, TimestampMixin, Base):
    __tablename__ = "profiles"
    __table_args__ = (Index("ix_profiles_owner_id_created_at", "owner_id", "created_at"),)

    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    label: Mapped[str | None] = mapped_column(String(200))
    image: Mapped[str | None] = mapped_column(String(2000))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(50))
    url: Mapped[str | None] = mapped_column(String(2000))
    summary: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(String(500))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(String(10))
    region: Mapped[str | None] = mapped_column(String(200))
    # JSON Resume sections without a table of their own (awards, publications, interests, references, meta,
    # and any extension fields), kept verbatim so an import exports back unchanged.
    sections: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Unknown keys inside basics and basics.location, and which containers the imported document had.
    basics_extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    layout: Mapped[dict[str, Any]] = mapped_column(default=dict)

    links: Mapped[list[ProfileLink]] = _items(ProfileLink)
    experiences: Mapped[list[Experience]] = _items(Experience, "work")
    volunteer: Mapped[list[Experience]] = _items(Experience, "volunteer")
    education: Mapped[list[Education]] = _items(Education)
    skills: Mapped[list[Skill]] = _items(Skill)
    projects: Mapped[list[Project]] = _items(Project)
    certifications: Mapped[list[Certification]] = _items(Certification)
    languages: Mapped[list[Language]] = _items(Language)


# Nested collections an API payload may carry, with the row type each holds.
COLLECTIONS: dict[str, tuple[type, str | None]] = {
    "links": (ProfileLink, None),
    "experiences": (Experience, "work"),
    "volunteer": (Experience, "volunteer"),
    "education": (Education, None),
    "skills": (Skill, None),
    "projects": (Project, None),
    "certifications": (Certification, None),
    "languages": (Language, None),
}
SCALARS = (
    "name", "label", "image", "email", "phone", "url", "summary",
    "address", "postal_code", "city", "country_code", "region",
)  # fmt: skip


def apply_profile_data(profile: Profile, data: Mapping[str, Any]) -> Profile:
    """Set the scalar fields in ``data`` and replace every collection it names, in the order given."""
    for key in SCALARS:
        if key in data:
            setattr(profile, key, data[key])
    for key in ("sections", "basics_extra", "layout"):
        if key in data:
            setattr(profile, key, dict(data[key]))
    for key, (model, kind) in COLLECTIONS.items():
        if key in data:
            rows = []
            for index, item in enumerate(data[key]):
                row = model(**item, position=index)
                if kind:
                    row.kind = kind
                rows.append(row)
            setattr(profile, key, rows)
    return profile


def get_owned_profile(session: Session, owner_id: uuid.UUID, profile_id: uuid.UUID) -> Profile | None:
    """The profile if ``owner_id`` owns it; None both when it is missing and when it is someone else's."""
    return session.scalar(select(Profile).where(Profile.id == profile_id, Profile.owner_id == owner_id))


def owns_profile(session: Session, owner_id: uuid.UUID, profile_id: uuid.UUID) -> bool:
    """Whether ``owner_id`` owns the profile: one indexed read, without loading the profile's collections
    (``get_owned_profile`` reads them too, eight more queries)."""
    found = session.scalar(select(Profile.id).where(Profile.id == profile_id, Profile.owner_id == owner_id))
    return found is not None


def list_profiles(owner_id: uuid.UUID) -> Any:
    """A query for a user's profiles, newest first."""
    return select(Profile).where(Profile.owner_id == owner_id).order_by(Profile.created_at.desc())
