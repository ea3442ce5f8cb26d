"""Structured JSON logs with a request id, and Prometheus request metrics."""

from __future__ import annotations

import re
import time
import uuid

import structlog
from flask import Flask, Response, g, request
from prometheus_client import Counter, Histogram

from telemetry import configure_logging

REQUEST_ID_HEADER = "X-Request-ID"
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

HTTP_REQUESTS = Counter(
    "jobwise_http_requests_total", "HTTP requests by endpoint and status", ["method", "endpoint", "status"]
)
HTTP_LATENCY = Histogram(
    "jobwise_http_request_duration_seconds",
    "HTTP request latency by endpoint",
    ["method", "endpoint"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


ACCESS_LOG = structlog.get_logger("jobwise.http")


def _before() -> None:
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
    g.request_started = time.perf_counter()
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(request_id=g.request_id)


def _after(response: Response) -> Response:
    elapsed = time.perf_counter() - g.get("request_started", time.perf_counter())
    endpoint = request.url_rule.rule if request.url_rule else "unmatched"
    HTTP_REQUESTS.labels(request.method, endpoint, str(response.status_code)).inc()
    HTTP_LATENCY.labels(request.method, endpoint).observe(elapsed)
    response.headers[REQUEST_ID_HEADER] = g.get("request_id", "")
    # Paths and ids only: bodies, emails and tokens never reach the log.
    ACCESS_LOG.info(
        "request",
        method=request.method,
        path=request.path,
        endpoint=endpoint,
        status=response.status_code,
        duration_ms=round(elapsed * 1000, 2),
    )
    return response


def init_observability(app: Flask) -> None:
    configure_logging(app.config["LOG_LEVEL"], app.config["LOG_JSON"])
    app.before_request(_before)
    app.after_request(_after)
