"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
import redis
from flask import Response, current_app
from flask.views import MethodView
from flask_smorest import Blueprint
from prometheus_client import generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from sqlalchemy import text

from api.errors import problem
from api.extensions import db, limiter
from telemetry import metrics_registry

blp = Blueprint("health", __name__, description="Liveness, readiness and metrics")


class HealthSchema(ma.Schema):
    status = ma.fields.String(required=True)
    checks = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())


@blp.route("/healthz")
class Health(MethodView):
    decorators = (limiter.exempt,)

    @blp.doc(security=[])
    @blp.response(200, HealthSchema)
    def get(self) -> dict[str, Any]:
        """The process is up."""
        return {"status": "ok"}


def _check_database() -> str:
    db.session.execute(text("SELECT 1"))
    return "ok"


def _check_redis() -> str:
    url = current_app.config["REDIS_URL"]
    if not url:
        return "not configured"
    client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    finally:
        client.close()
    return "ok"


@blp.route("/readyz")
class Ready(MethodView):
    decorators = (limiter.exempt,)

    @blp.doc(security=[])
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, description="A dependency is unreachable")
    def get(self) -> dict[str, Any] | Response:
        """The database and Redis answer."""
        checks: dict[str, str] = {}
        for name, check in (("database", _check_database), ("redis", _check_redis)):
            try:
                checks[name] = check()
            except Exception as exc:
                checks[name] = f"error: {type(exc).__name__}"
        failing = [name for name, result in checks.items() if result.startswith("error")]
        if failing:
            return problem(503, f"Not ready: {', '.join(failing)} unreachable.")
        return {"status": "ready", "checks": checks}


@blp.route("/metrics")
class Metrics(MethodView):
    decorators = (limiter.exempt,)

    @blp.doc(security=[])
    @blp.response(200, content_type="text/plain")
    def get(self) -> Response:
        """Prometheus metrics of this process (or of all gunicorn workers in multiprocess mode)."""
        return Response(generate_latest(metrics_registry()), mimetype=CONTENT_TYPE_LATEST)
