"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import kombu
import marshmallow as ma
import redis
import structlog
from flask import Response, current_app
from flask.views import MethodView
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from sqlalchemy import func, select, text

from api.blueprint import Blueprint
from api.errors import problem
from api.extensions import db, limiter
from api.schemas import BaseSchema
from models.generation import STATUSES, Generation
from telemetry import metrics_registry
from workers.chains import queue_depths

blp = Blueprint("health", __name__, description="Liveness, readiness and metrics", rate_limited=False)
log = structlog.get_logger("jobwise.health")


class HealthSchema(BaseSchema):
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


def _check_broker() -> str:
    url = current_app.config["CELERY_BROKER_URL"]
    if not url:
        return "not configured"
    with kombu.Connection(url, connect_timeout=2, transport_options={"socket_timeout": 2}) as connection:
        connection.ensure_connection(max_retries=1, timeout=2)
    return "ok"


@blp.route("/readyz")
class Ready(MethodView):
    decorators = (limiter.exempt,)

    @blp.doc(security=[])
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, description="A dependency is unreachable")
    def get(self) -> dict[str, Any] | Response:
        """The database, Redis and the broker answer; 503 naming what is down."""
        checks: dict[str, str] = {}
        dependencies = [("database", _check_database), ("redis", _check_redis)]
        if current_app.config["CELERY_BROKER_URL"]:
            dependencies.append(("broker", _check_broker))
        for name, check in dependencies:
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
        body = generate_latest(metrics_registry()) + generate_latest(_SCRAPE_TIME)
        return Response(body, mimetype=CONTENT_TYPE_LATEST)


class PipelineCollector:
    """Read at scrape time: generations by status (from the database) and messages waiting per queue."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        by_status = GaugeMetricFamily("jobwise_generations", "Generations by status", labels=["status"])
        counts = dict(
            db.session.execute(select(Generation.status, func.count()).group_by(Generation.status)).all()
        )
        for status in STATUSES:
            by_status.add_metric([status], counts.get(status, 0))
        yield by_status
        depth = GaugeMetricFamily(
            "jobwise_queue_depth", "Messages waiting in a pipeline queue", labels=["queue"]
        )
        try:
            depths = queue_depths()
        except Exception as exc:  # an unreachable broker must not break the scrape; readyz reports it
            log.warning("queue_depth_unavailable", error_type=type(exc).__name__)
            depths = {}
        for queue, count in depths.items():
            depth.add_metric([queue], count)
        yield depth


_SCRAPE_TIME = CollectorRegistry(auto_describe=False)
_SCRAPE_TIME.register(PipelineCollector())
