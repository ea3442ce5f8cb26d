"""The Celery app (settings in celeryconfig.py) and per-process set-up of logging, database and metrics."""

from __future__ import annotations

from typing import Any

from celery import Celery, signals

from models.session import SessionLocal, configure, dispose
from settings import settings
from telemetry import configure_logging, metrics_registry

celery_app = Celery("jobwise", include=["workers.tasks"])
celery_app.config_from_object("celeryconfig")


def ensure_database() -> None:
    """Bind the session factory on first use in this process (the web app may have bound it already)."""
    if SessionLocal.kw.get("bind") is None:
        configure(settings.database_url)


@signals.worker_init.connect
def _on_worker_start(**_: Any) -> None:
    configure_logging(settings.log_level)


@signals.worker_process_init.connect
def _on_child_start(**_: Any) -> None:
    """A forked prefork child must never use its parent's pooled connections."""
    dispose()
    SessionLocal.configure(bind=None)
    ensure_database()


@signals.worker_ready.connect
def _serve_metrics(**_: Any) -> None:
    if settings.worker_metrics_port:
        from prometheus_client import start_http_server

        start_http_server(settings.worker_metrics_port, registry=metrics_registry())
