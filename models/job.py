"""Job postings: a user's saved ones (owner set) and public ones loaded by an admin (no owner)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, or_, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, IdMixin, TimestampMixin

SENIORITIES = ("intern", "entry", "mid", "senior", "lead")
EMPLOYMENT_TYPES = ("full_time", "part_time", "contract", "internship", "temporary")
SALARY_UNITS = ("hour", "day", "week", "month", "year")

# Postgres full-text search uses a generated, weighted tsvector column (title A, company B, location C,
# description D) with a GIN index, created by migration 0001. It is not mapped: the ORM never writes it, and
# SQLite has none (api/jobs/service.py searches by substring there).


class Job(IdMixin, TimestampMixin, Base):
    __tablename__ = "jobs"
    __table_args__ = (
        Index("ix_jobs_owner_id_created_at", "owner_id", "created_at"),
        Index("ix_jobs_seniority", "seniority"),
        Index("ix_jobs_posted_at", "posted_at"),
        # external_id names a posting at its source: unique among the public postings (the admin import
        # upserts by it) and within each user's own (a re-imported posting updates the saved one), so two
        # users may save the same posting.
        Index(
            "uq_jobs_public_external_id",
            "external_id",
            unique=True,
            postgresql_where=text("owner_id IS NULL"),
            sqlite_where=text("owner_id IS NULL"),
        ),
        Index("uq_jobs_owner_id_external_id", "owner_id", "external_id", unique=True),
    )

    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    company: Mapped[str] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(200))
    remote: Mapped[bool | None]
    seniority: Mapped[str | None] = mapped_column(String(20))
    employment_type: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2000))
    posted_at: Mapped[datetime | None]
    source: Mapped[str] = mapped_column(String(20), default="user")
    external_id: Mapped[str | None] = mapped_column(String(200))
    valid_through: Mapped[datetime | None]
    # The posting's base salary: a range (min = max for one figure) in a currency per unit of time.
    salary_min: Mapped[float | None] = mapped_column(Numeric(12, 2, asdecimal=False))
    salary_max: Mapped[float | None] = mapped_column(Numeric(12, 2, asdecimal=False))
    salary_currency: Mapped[str | None] = mapped_column(String(3))
    salary_unit: Mapped[str | None] = mapped_column(String(5))

    @property
    def is_public(self) -> bool:
        return self.owner_id is None


def visible_to(user_id: uuid.UUID) -> Any:
    """The condition for postings a user may read: their own and the public ones."""
    return or_(Job.owner_id == user_id, Job.owner_id.is_(None))


def get_visible_job(session: Session, user_id: uuid.UUID, job_id: uuid.UUID) -> Job | None:
    return session.scalar(select(Job).where(Job.id == job_id, visible_to(user_id)))
