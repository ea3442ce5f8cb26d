"""Webhook endpoints a user registers, and the outbox of deliveries to them.

A delivery row is written in the same transaction that ends a generation (``queue_final_event``), so an
event is never lost nor sent for a change that rolled back; a Celery task sends it and records each attempt.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, ForeignKey, Index, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, IdMixin, JSONType, TimestampMixin, utcnow

if TYPE_CHECKING:
    from models.generation import Generation

PENDING, DELIVERED, FAILED, SKIPPED = "pending", "delivered", "failed", "skipped"
EVENT_PREFIX = "generation."  # generation.succeeded, generation.failed, generation.cancelled


class WebhookEndpoint(IdMixin, TimestampMixin, Base):
    __tablename__ = "webhook_endpoints"

    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str | None] = mapped_column(String(500))
    # "whsec_" + base64; shown to its owner once (on creation and rotation), used to sign every delivery.
    secret: Mapped[str] = mapped_column(String(100))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(String(200))


class WebhookDelivery(IdMixin, Base):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        Index("ix_webhook_deliveries_endpoint_id_created_at", "endpoint_id", "created_at"),
        Index("ix_webhook_deliveries_status_next_attempt_at", "status", "next_attempt_at"),
    )

    endpoint_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("webhook_endpoints.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(60))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONType)
    status: Mapped[str] = mapped_column(String(20), default=PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    response_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(String(500))
    next_attempt_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


def final_event_payload(generation: Generation) -> dict[str, Any]:
    """What a subscriber receives when a generation ends: its final state, no documents or report."""
    return {
        "type": f"{EVENT_PREFIX}{generation.status}",
        "timestamp": utcnow().isoformat(),
        "data": {
            "id": str(generation.id),
            "status": generation.status,
            "version": generation.version,
            "ats_score": generation.ats_score,
            "failed_stage": generation.failed_stage,
            "error": generation.error,
            "finished_at": generation.finished_at.isoformat() if generation.finished_at else None,
            "url": f"/api/v1/generations/{generation.id}",
        },
    }


def queue_final_event(session: Session, generation: Generation) -> int:
    """One pending delivery per enabled endpoint of the owner; in the caller's transaction."""
    endpoints = session.scalars(
        select(WebhookEndpoint.id).where(
            WebhookEndpoint.owner_id == generation.owner_id, WebhookEndpoint.enabled.is_(True)
        )
    ).all()
    payload = final_event_payload(generation)
    now = utcnow()
    session.add_all(
        WebhookDelivery(endpoint_id=endpoint_id, event=payload["type"], payload=payload, next_attempt_at=now)
        for endpoint_id in endpoints
    )
    return len(endpoints)


def owned_endpoint(session: Session, owner_id: uuid.UUID, endpoint_id: uuid.UUID) -> WebhookEndpoint | None:
    return session.scalar(
        select(WebhookEndpoint).where(WebhookEndpoint.id == endpoint_id, WebhookEndpoint.owner_id == owner_id)
    )


def list_endpoints(owner_id: uuid.UUID) -> Any:
    return (
        select(WebhookEndpoint)
        .where(WebhookEndpoint.owner_id == owner_id)
        .order_by(WebhookEndpoint.created_at.desc(), WebhookEndpoint.id)
    )


def list_deliveries(endpoint_id: uuid.UUID) -> Any:
    return (
        select(WebhookDelivery)
        .where(WebhookDelivery.endpoint_id == endpoint_id)
        .order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id)
    )


def due_deliveries(
    session: Session, now: datetime, grace_s: float = 0.0, limit: int = 100
) -> list[uuid.UUID]:
    """Pending deliveries whose next attempt is due (``grace_s`` late, for the sweep of lost messages)."""
    cutoff = now - timedelta(seconds=grace_s)
    return list(
        session.scalars(
            select(WebhookDelivery.id)
            .where(WebhookDelivery.status == PENDING, WebhookDelivery.next_attempt_at <= cutoff)
            .order_by(WebhookDelivery.next_attempt_at)
            .limit(limit)
        )
    )


def lock_delivery(session: Session, delivery_id: uuid.UUID) -> tuple[WebhookDelivery, WebhookEndpoint] | None:
    """The pending delivery and its endpoint, locked (skip locked: another worker is sending it)."""
    row = session.execute(
        select(WebhookDelivery, WebhookEndpoint)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(WebhookDelivery.id == delivery_id, WebhookDelivery.status == PENDING)
        .with_for_update(of=WebhookDelivery, skip_locked=True)
    ).first()
    return None if row is None else (row[0], row[1])
