"""The JobWise web API: ``create_app`` builds a configured Flask app."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import swagger_ui_bundle
from flask import Blueprint, Flask, g, request
from sqlalchemy.exc import DBAPIError
from werkzeug.middleware.proxy_fix import ProxyFix

from api.config import Config
from api.errors import log_unhandled_error, register_outage_handlers

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class JobWiseFlask(Flask):
    def log_exception(self, exc_info: Any) -> None:
        """One structured log line per unhandled error, without messages or SQL parameters; this replaces
        Flask's plain-text traceback (which repeated it, parameters included)."""
        log_unhandled_error(exc_info[1])

    def dispatch_request(self) -> Any:
        """An idempotent read that met a connection the database had dropped (a restart, a terminated
        backend) runs once more on a fresh one; pool pre-ping covers connections dropped while idle."""
        try:
            return super().dispatch_request()
        except DBAPIError as error:
            if request.method not in SAFE_METHODS or not error.connection_invalidated:
                raise
            session = g.pop("db_session", None)
            if session is not None:
                session.close()
            return super().dispatch_request()


def _swagger_assets() -> Blueprint:
    """Swagger UI's files from the installed package, so /docs works offline."""
    return Blueprint(
        "swagger_ui_assets",
        __name__,
        static_folder=str(Path(swagger_ui_bundle.swagger_ui_path)),
        static_url_path="/static/swagger-ui",
    )


def create_app(config: Config | Mapping[str, Any] | None = None) -> Flask:
    """Build the app from ``config``: a Config, or Flask config overrides on top of ``settings``."""
    from api import auth, generations, health, jobs, profiles, webhooks
    from api.auth.tokens import register_jwt_callbacks
    from api.cli import register_cli
    from api.extensions import api, init_extensions, jwt
    from api.hardening import init_hardening
    from api.observability import init_observability

    if not isinstance(config, Config):
        config = Config(**dict(config or {}))
    config.check()

    app = JobWiseFlask(__name__)
    app.config.from_object(config)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    if hops := app.config["PROXY_HOPS"]:
        # Behind a platform's router: the client's address (rate limits, audit) and scheme come from the
        # X-Forwarded-For / -Proto entries the trusted proxies appended, not from the router's connection.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    init_observability(app)
    init_hardening(app)
    init_extensions(app)
    register_jwt_callbacks(jwt)
    app.register_blueprint(_swagger_assets())
    for module in (health, auth, profiles, jobs, generations, webhooks):
        api.register_blueprint(module.blp)
    register_outage_handlers(app)
    register_cli(app)
    return app
