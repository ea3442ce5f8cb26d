"""A generation request, the record of each pipeline stage it went through, and the files it produced."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    Row,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    bindparam,
    delete,
    select,
    text,
    update,
)
from sqlalchemy.orm import Mapped, Session, joinedload, lazyload, mapped_column, relationship, undefer

from models.base import Base, IdMixin, JSONType, TimestampMixin, utcnow
from models.webhook import queue_final_event

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
    # Bumped by every change a client can see (``changed``): the status ETag and the SSE event id.
    version: Mapped[int] = mapped_column(default=1, server_default="1")

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
    # Liveness. ``owner`` is the lease of the worker running the stage (one at a time); it beats
    # ``heartbeat_at`` while it runs. ``enqueued_at`` is when a message for the stage was published (None:
    # not, or publishing failed), ``received_at`` when a worker took it.
    owner: Mapped[str | None] = mapped_column(String(200))
    heartbeat_at: Mapped[datetime | None]
    enqueued_at: Mapped[datetime | None]
    received_at: Mapped[datetime | None]

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


# Postgres channel announcing "<generation id>:<version>" when a change commits (see ``changed``).
CHANGED_CHANNEL = "generation_changed"
WEBHOOKS_QUEUED = "jobwise_webhooks_queued"  # a key of ``Session.info``, set by ``changed``


def changed(session: Session, generation: Generation) -> None:
    """Bump the version of a changed generation and, on Postgres, announce it. The NOTIFY is part of the
    caller's transaction: listeners hear it at commit, never for a change rolled back."""
    generation.version = (generation.version or 0) + 1
    announce(session, generation.id, generation.version)
    if generation.is_final and queue_final_event(session, generation):
        session.info[WEBHOOKS_QUEUED] = True


def webhooks_queued(session: Session) -> bool:
    """Whether this session ended a generation whose owner has webhook endpoints (deliveries to send)."""
    return bool(session.info.get(WEBHOOKS_QUEUED))


def announce(session: Session, generation_id: uuid.UUID, version: int) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANGED_CHANNEL, "payload": f"{generation_id}:{version}"},
        )


def get_owned_generation(
    session: Session, owner_id: uuid.UUID, generation_id: uuid.UUID
) -> Generation | None:
    return session.scalar(
        select(Generation).where(Generation.id == generation_id, Generation.owner_id == owner_id)
    )


def status_columns() -> tuple[Any, ...]:
    return (
        Generation.id,
        Generation.profile_id,
        Generation.job_id,
        Generation.status,
        Generation.progress,
        Generation.current_stage,
        Generation.options,
        Generation.version,
        Generation.ats_score,
        Generation.error,
        Generation.failed_stage,
        Generation.created_at,
        Generation.started_at,
        Generation.finished_at,
    )


def owned_status(connection: Connection, owner_id: uuid.UUID, generation_id: uuid.UUID) -> Row[Any] | None:
    """The columns of a status poll, in one small query: no stages, report or documents loaded.

    The statement is built once and run on a connection (Core, not the ORM's execution path): building it
    and the ORM's result handling cost about a third of a status poll's CPU.
    """
    return connection.execute(_OWNED_STATUS, {"generation_id": generation_id, "owner_id": owner_id}).first()


def owned_report(session: Session, owner_id: uuid.UUID, generation_id: uuid.UUID) -> Row[Any] | None:
    """The ATS score and report of the owner's generation, with its status and version."""
    return session.execute(
        select(
            Generation.id, Generation.status, Generation.version, Generation.ats_score, Generation.ats_report
        ).where(Generation.id == generation_id, Generation.owner_id == owner_id)
    ).first()


# Typed parameters: at import the foreign key's type is not resolved yet, and an untyped UUID reaches SQLite
# as an object it cannot bind.
_OWNED_STATUS = select(*status_columns()).where(
    Generation.id == bindparam("generation_id", type_=Uuid()),
    Generation.owner_id == bindparam("owner_id", type_=Uuid()),
)


def document_files(session: Session, generation_id: uuid.UUID) -> list[dict[str, Any]]:
    """A generation's files as described to clients, without their content."""
    columns = (
        Document.kind,
        Document.format,
        Document.media_type,
        Document.size,
        Document.sha256,
        Document.pages,
    )
    rows = session.execute(
        select(*columns)
        .where(Document.generation_id == generation_id)
        .order_by(Document.kind, Document.format)
    )
    return [row._asdict() for row in rows]


def stages_with_output(session: Session, generation_id: uuid.UUID) -> list[GenerationStage]:
    return list(
        session.scalars(
            select(GenerationStage)
            .where(GenerationStage.generation_id == generation_id)
            .order_by(GenerationStage.position)
            .options(undefer(GenerationStage.output))
        )
    )


# The pipeline, in order. Names are stored in generation_stages.name and shown to clients.
STAGES = ("analyze_job", "compile_profile", "generate_documents", "validate_quality", "export_documents")


def new_generation(
    session: Session, owner_id: uuid.UUID, profile_id: uuid.UUID, job_id: uuid.UUID, **fields: Any
) -> Generation:
    """A queued generation with one pending row per stage."""
    generation = Generation(owner_id=owner_id, profile_id=profile_id, job_id=job_id, **fields)
    generation.stages = [GenerationStage(name=name, position=i) for i, name in enumerate(STAGES)]
    generation.documents = []  # none yet: known, so answering the request does not load them
    generation.stages[0].enqueued_at = utcnow()  # published right after the commit (mark_unpublished if not)
    session.add(generation)
    session.flush()
    return generation


# What a change of state locks and reads, in one statement: the generation row (only it is locked) with
# its stage rows joined (their outputs stay deferred); its documents only if touched, and no change of state
# touches them (``replace_documents`` deletes by id). Built once: each stage task runs it twice.
_LOCKED = (
    select(Generation)
    .where(Generation.id == bindparam("generation_id", type_=Uuid()))
    .options(joinedload(Generation.stages), lazyload(Generation.documents))
    .with_for_update(of=Generation)
)


def _unfinished(session: Session, generation_id: uuid.UUID) -> Generation | None:
    """The generation, locked for this transaction; None when it is gone or has already ended."""
    generation = session.scalars(_LOCKED, {"generation_id": generation_id}).unique().one_or_none()
    return None if generation is None or generation.is_final else generation


def _stage(generation: Generation, name: str) -> GenerationStage:
    return next(stage for stage in generation.stages if stage.name == name)


def claim_stage(
    session: Session,
    generation_id: uuid.UUID,
    name: str,
    owner: str,
    now: datetime | None = None,
    liveness_s: float = 60.0,
) -> Generation | None:
    """Take the lease on stage ``name`` for ``owner`` and mark it running (one more attempt).

    None when the generation is final, or when another owner holds a live lease (its heartbeat is younger
    than ``liveness_s``): two copies of a stage never run at once. The generation row is locked, so two
    claims are serialized (compare-and-swap on the stage's owner).
    """
    generation = _unfinished(session, generation_id)
    if generation is None:
        return None
    now = now or utcnow()
    stage = _stage(generation, name)
    held = stage.status == STAGE_RUNNING and stage.owner not in (None, owner)
    if held and stage.heartbeat_at is not None and now - stage.heartbeat_at < timedelta(seconds=liveness_s):
        return None
    stage.status, stage.started_at, stage.finished_at, stage.error = STAGE_RUNNING, now, None, None
    stage.owner, stage.heartbeat_at, stage.received_at = owner, now, now
    stage.attempts += 1
    generation.status, generation.current_stage, generation.heartbeat_at = RUNNING, name, now
    generation.started_at = generation.started_at or now
    changed(session, generation)
    return generation


def start_stage(session: Session, generation_id: uuid.UUID, name: str) -> Generation | None:
    """Mark ``name`` running (one more attempt) with a lease of its own; None when the generation is final."""
    return claim_stage(session, generation_id, name, owner=f"start:{uuid.uuid4().hex}", liveness_s=0)


def beat(
    session: Session, generation_id: uuid.UUID, name: str, owner: str, now: datetime | None = None
) -> bool:
    """A sign of life from the owner of a running stage; False when it has lost the lease (or it ended)."""
    now = now or utcnow()
    held = session.execute(
        update(GenerationStage)
        .where(
            GenerationStage.generation_id == generation_id,
            GenerationStage.name == name,
            GenerationStage.owner == owner,
            GenerationStage.status == STAGE_RUNNING,
        )
        .values(heartbeat_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if held:
        session.execute(
            update(Generation)
            .where(Generation.id == generation_id, Generation.status == RUNNING)
            .values(heartbeat_at=now)
            .execution_options(synchronize_session=False)
        )
    return bool(held)


def complete_stage(
    session: Session,
    generation_id: uuid.UUID,
    name: str,
    output: dict[str, Any],
    meta: dict[str, Any],
    *,
    owner: str | None = None,
    now: datetime | None = None,
    next_published: bool = True,
) -> Generation | None:
    """Store a stage's result (overwriting an earlier run's) and advance progress; the last stage ends it.

    With ``owner``, only the lease holder completes: None when the lease was taken over (the sweeper gave
    the stage to another worker). ``next_published`` records that the next stage's message is being sent.
    """
    generation = _unfinished(session, generation_id)
    if generation is None:
        return None
    now = now or utcnow()
    stage = _stage(generation, name)
    if owner is not None and stage.owner != owner:
        return None
    stage.status, stage.finished_at, stage.output, stage.meta = STAGE_SUCCEEDED, now, output, meta
    stage.duration_s = round((now - stage.started_at).total_seconds(), 3) if stage.started_at else None
    stage.heartbeat_at = now
    done = sum(s.status == STAGE_SUCCEEDED for s in generation.stages)
    generation.progress = round(done / len(STAGES), 3)
    generation.heartbeat_at = now
    if done == len(STAGES):
        generation.status, generation.finished_at, generation.current_stage = SUCCEEDED, now, None
    elif next_published and stage.position + 1 < len(STAGES):
        following = generation.stages[stage.position + 1]
        if following.status != STAGE_RUNNING:
            following.enqueued_at, following.received_at = now, None
    changed(session, generation)
    return generation


def note_stage_error(
    session: Session, generation_id: uuid.UUID, name: str, error: str, *, owner: str | None = None
) -> None:
    """Record a transient error on a stage that will be retried; ``owner`` gives up its lease, so the
    retry (another delivery) can claim the stage."""
    generation = _unfinished(session, generation_id)
    if generation is not None:
        stage = _stage(generation, name)
        stage.error = error
        if owner is not None and stage.owner == owner:
            stage.owner = None
        generation.heartbeat_at = utcnow()
        changed(session, generation)


def fail_generation(
    session: Session,
    generation_id: uuid.UUID,
    stage_name: str | None,
    reason: str,
    *,
    owner: str | None = None,
) -> bool:
    """End a generation as failed, naming the stage and the reason; False if it had already ended, or when
    ``owner`` is given and no longer holds the stage's lease."""
    generation = _unfinished(session, generation_id)
    if generation is None:
        return False
    now = utcnow()
    if stage_name:
        stage = _stage(generation, stage_name)
        if owner is not None and stage.owner not in (None, owner):  # another worker holds the stage now
            return False
        stage.status, stage.finished_at, stage.error = STAGE_FAILED, now, reason
    generation.status, generation.failed_stage, generation.error = FAILED, stage_name, reason
    generation.finished_at = generation.heartbeat_at = now
    changed(session, generation)
    return True


def cancel_generation(session: Session, generation: Generation) -> bool:
    """Cancel a generation that has not ended; workers stop before their next stage."""
    if generation.is_final:
        return False
    generation.status = CANCELLED
    generation.finished_at = generation.heartbeat_at = utcnow()
    changed(session, generation)
    return True


def stage_output(session: Session, generation_id: uuid.UUID, name: str) -> dict[str, Any] | None:
    return session.scalar(
        select(GenerationStage.output).where(
            GenerationStage.generation_id == generation_id, GenerationStage.name == name
        )
    )


SILENT, UNDELIVERED, UNPUBLISHED = "silent", "undelivered", "unpublished"


class Stalled(NamedTuple):
    generation: Generation
    stage: str
    kind: str  # SILENT: its worker stopped beating; UNDELIVERED: published, never received; UNPUBLISHED
    idle_s: float  # how long without a sign of life (or since it was published)


def stalled_stages(
    session: Session, now: datetime, liveness_s: float, undelivered_s: float, limit: int = 200
) -> list[Stalled]:
    """The current stage of each unfinished generation that needs the sweeper, generations locked (skip
    locked): running with no heartbeat for ``liveness_s``; published ``undelivered_s`` ago and never
    received (the caller checks the broker still has no message for it); or never published. A running
    stage that beats, however long it takes, is never stalled."""
    candidates = session.scalars(
        select(Generation)
        .where(Generation.status.in_((QUEUED, RUNNING)))
        .order_by(Generation.heartbeat_at)
        .limit(limit)
        .with_for_update(skip_locked=True, of=Generation)
    )
    stalled = []
    for generation in candidates:
        stage = next((s for s in generation.stages if s.status != STAGE_SUCCEEDED), None)
        if stage is None:
            continue
        if stage.status == STAGE_RUNNING:
            idle = (now - generation.heartbeat_at).total_seconds()
            if idle >= liveness_s:
                stalled.append(Stalled(generation, stage.name, SILENT, idle))
        elif stage.enqueued_at is None:
            stalled.append(Stalled(generation, stage.name, UNPUBLISHED, 0.0))
        elif stage.received_at is None or stage.received_at < stage.enqueued_at:
            idle = (now - stage.enqueued_at).total_seconds()
            if idle >= undelivered_s:
                stalled.append(Stalled(generation, stage.name, UNDELIVERED, idle))
    return stalled


def release_for_retry(session: Session, generation: Generation, name: str, now: datetime) -> None:
    """Take the lease back from a lost worker and count one more enqueue; the caller publishes the stage
    after the commit. A worker that was only late finds its lease gone and cannot complete."""
    stage = _stage(generation, name)
    stage.status, stage.owner, stage.enqueued_at, stage.received_at = STAGE_PENDING, None, now, None
    generation.enqueue_count += 1
    generation.heartbeat_at = now
    changed(session, generation)


def mark_unpublished(session: Session, generation_id: uuid.UUID, name: str = STAGES[0]) -> None:
    """Publishing stage ``name`` failed (broker down): the sweeper publishes it on its next run."""
    session.execute(
        update(GenerationStage)
        .where(GenerationStage.generation_id == generation_id, GenerationStage.name == name)
        .where(GenerationStage.status != STAGE_RUNNING)
        .values(enqueued_at=None)
        .execution_options(synchronize_session=False)
    )


def replace_documents(session: Session, generation_id: uuid.UUID, files: list[dict[str, Any]]) -> None:
    """Store a generation's files, replacing those of an earlier run of the export stage."""
    session.execute(delete(Document).where(Document.generation_id == generation_id))
    session.add_all(Document(generation_id=generation_id, **file) for file in files)


def find_by_idempotency_key(session: Session, owner_id: uuid.UUID, key: str) -> Generation | None:
    return session.scalar(
        select(Generation).where(Generation.owner_id == owner_id, Generation.idempotency_key == key)
    )


def list_generations(owner_id: uuid.UUID, status: str | None = None) -> Any:
    """A query for a user's generations, newest first, optionally of one status."""
    query = select(Generation).where(Generation.owner_id == owner_id)
    if status:
        query = query.where(Generation.status == status)
    return query.order_by(Generation.created_at.desc(), Generation.id)


def get_document(session: Session, generation_id: uuid.UUID, kind: str, format_: str) -> Document | None:
    return session.scalar(
        select(Document)
        .where(Document.generation_id == generation_id, Document.kind == kind, Document.format == format_)
        .options(undefer(Document.content))
    )
