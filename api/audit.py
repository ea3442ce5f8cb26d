"""Audit rows from a request: who, from where, and which request."""

from __future__ import annotations

from typing import Any

from flask import g, request

from models.audit import AuditEvent, record_event


def request_context() -> dict[str, Any]:
    return {"ip": request.remote_addr, "request_id": g.get("request_id")}


def audit(session: Any, action: str, **kwargs: Any) -> AuditEvent:
    """Record ``action`` in ``session``; it is committed with the change it describes."""
    return record_event(session, action, **request_context(), **kwargs)
