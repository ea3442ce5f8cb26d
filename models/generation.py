"""A generation request, the record of each pipeline stage it went through, and the files it produced."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.base import Base, IdMixin, JSONType, TimestampMixin, utcnow

QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED = "queued", "running", "succeeded", "failed", "cancelled"
STATUSES = (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED)
FINAL_STATUSES = frozenset({SUCCEEDED, FAILED, CANCELLED})

STAGE_PENDING, STAGE_RUNNING, STAGE_SUCCEEDED, STAGE_FAILED = "pending", "running", "succeeded", "failed"


class Generation(IdMixin, TimestampMixin, Base):
    __tablename__ = "generations"
    __table_args__ = (
        Index("ix_generations_owner_id_created_at", "owner_id", "created_at"),
        Index("ix_generations_status_updated_at", "status", "updated_at"),
        UniqueConstraint("owner_id", "idempotency_key"),
    )

    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    profile_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=QUEUED)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    current_stage: Mapped[str | None] = mapped_column(String(40))
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    request_hash: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    failed_stage: Mapped[str | None] = mapped_column(String(40))
    ats_score: Mapped[float | None] = mapped_column(Float)
    ats_report: Mapped[dict[str, Any] | None]
    enqueue_count: Mapped[int] = mapped_column(default=0)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    # Last sign of life from a worker; the sweeper re-enqueues a stage that has been silent too long.
    heartbeat_at: Mapped[datetime] = mapped_column(default=utcnow)

    stages: Mapped[list[GenerationStage]] = relationship(
        back_populates="generation",
        order_by="GenerationStage.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="generation",
        order_by="Document.kind, Document.format",
        cascade="all, delete-orphan",
        lazy="selectin",
    )

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES

    @property
    def generation_time_s(self) -> float | None:
        if self.started_at is None or self.finished_at is None:
            return None
        return round((self.finished_at - self.created_at).total_seconds(), 3)


class GenerationStage(IdMixin, Base):
    """One row per stage per generation; re-running a stage overwrites its row."""

    __tablename__ = "generation_stages"
    __table_args__ = (UniqueConstraint("generation_id", "name"),)

    generation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("generations.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(40))
    position: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default=STAGE_PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    duration_s: Mapped[float | None] = mapped_column(Float)
    output: Mapped[dict[str, Any] | None] = mapped_column(JSONType, deferred=True)
    error: Mapped[str | None] = mapped_column(Text)
    # Model, prompt version, tokens, cost, cache hits, fallbacks: whatever the stage reports about itself.
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)

    generation: Mapped[Generation] = relationship(back_populates="stages")


class Document(IdMixin, Base):
    """A produced file. Content lives here (bytea on Postgres), never in a task message."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("generation_id", "kind", "format"),)

    generation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("generations.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    format: Mapped[str] = mapped_column(String(10))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int | None]
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    generation: Mapped[Generation] = relationship(back_populates="documents")


def get_owned_generation(
    session: Session, owner_id: uuid.UUID, generation_id: uuid.UUID
) -> Generation | None:
    return session.scalar(
        select(Generation).where(Generation.id == generation_id, Generation.owner_id == owner_id)
    )
