"""Logging and metrics set-up shared by the web app and the workers.

Logs are one JSON object per line on stderr, carrying ids, never personal data: no emails, names, resume
text, tokens or keys.
"""

from __future__ import annotations

import logging
import sys

import structlog
from prometheus_client import REGISTRY, CollectorRegistry, multiprocess

from settings import settings


def configure_logging(level: str = "INFO", as_json: bool = True) -> None:
    renderer = structlog.processors.JSONRenderer() if as_json else structlog.dev.ConsoleRenderer(colors=False)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )


def metrics_registry() -> CollectorRegistry:
    """This process's metrics, or every process's when PROMETHEUS_MULTIPROC_DIR is set (gunicorn, prefork)."""
    if not settings.prometheus_multiproc_dir:
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry
