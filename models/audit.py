"""An append-only record of security-relevant events. Holds ids, never emails or passwords."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, IdMixin, utcnow


class AuditEvent(IdMixin, Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_user_id_created_at", "user_id", "created_at"),)

    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40), index=True)
    target_type: Mapped[str | None] = mapped_column(String(40))
    target_id: Mapped[str | None] = mapped_column(String(64))
    ip: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


def record_event(
    session: Session,
    action: str,
    *,
    user_id: uuid.UUID | None = None,
    target: tuple[str, object] | None = None,
    ip: str | None = None,
    request_id: str | None = None,
    **details: Any,
) -> AuditEvent:
    """Add an audit row to ``session``; the caller's commit makes it durable with the change it records."""
    event = AuditEvent(
        action=action,
        user_id=user_id,
        target_type=target[0] if target else None,
        target_id=str(target[1]) if target else None,
        ip=ip,
        request_id=request_id,
        details=details,
    )
    session.add(event)
    return event
