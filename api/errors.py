"""One error format everywhere: RFC 9457 ``application/problem+json``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import marshmallow as ma
import structlog
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.ext.marshmallow.common import resolve_schema_cls
from flask import Response, g, json, request
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = structlog.get_logger(__name__)


class ProblemSchema(ma.Schema):
    """Documentation of the error body; responses are built by ``problem``."""

    type = ma.fields.String(metadata={"description": "A URI naming the kind of problem"})
    title = ma.fields.String(metadata={"description": "Short summary of the kind of problem"})
    status = ma.fields.Integer(metadata={"description": "HTTP status code"})
    detail = ma.fields.String(metadata={"description": "What went wrong this time"})
    instance = ma.fields.String(metadata={"description": "The request path"})
    request_id = ma.fields.String()
    errors = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.List(ma.fields.String()),
        metadata={"description": "Field errors (422): dotted field path to messages"},
    )


def _slug(status: int) -> str:
    return HTTP_STATUS_CODES.get(status, "error").lower().replace(" ", "-").replace("'", "")


def problem(
    status: int,
    detail: str | None = None,
    *,
    title: str | None = None,
    type_: str | None = None,
    errors: Mapping[str, list[str]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": type_ or f"urn:jobwise:problem:{_slug(status)}",
        "title": title or HTTP_STATUS_CODES.get(status, "Error"),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    body["instance"] = request.path
    if rid := g.get("request_id"):
        body["request_id"] = rid
    if errors:
        body["errors"] = dict(errors)
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def flatten_errors(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested ``{"json": {"items": {"0": {"name": [...]}}}}`` as ``{"items.0.name": [...]}``."""
    if isinstance(messages, list | tuple):
        if all(isinstance(m, str) for m in messages):
            return {prefix or "_schema": list(messages)}
        return {prefix or "_schema": [str(m) for m in messages]}
    if not isinstance(messages, Mapping):
        return {prefix or "_schema": [str(messages)]}
    flat: dict[str, list[str]] = {}
    for key, value in messages.items():
        flat.update(flatten_errors(value, f"{prefix}.{key}" if prefix else str(key)))
    return flat


def _strip_location(messages: Mapping[str, Any]) -> Any:
    """webargs nests errors under the request location (json, query, headers); one location is implied."""
    if len(messages) == 1 and next(iter(messages)) in {"json", "query", "headers", "form", "files"}:
        return next(iter(messages.values()))
    return messages


def schema_name(schema: type[ma.Schema] | ma.Schema) -> str:
    """OpenAPI component names: ``ProfileSchema`` is "Profile", its partial (PATCH) form "ProfilePatch"."""
    name = resolve_schema_cls(schema).__name__.removesuffix("Schema")
    return f"{name}Patch" if isinstance(schema, ma.Schema) and schema.partial else name


class ProblemApi(Api):
    """flask-smorest's Api, answering every HTTP error as problem+json (405 with its Allow header)."""

    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self) -> None:
        """flask-smorest's shared error responses, documented with the media type we really send."""
        self.DEFAULT_RESPONSE_CONTENT_TYPE = PROBLEM_MEDIA_TYPE
        try:
            super()._register_responses()
        finally:
            del self.DEFAULT_RESPONSE_CONTENT_TYPE

    def init_app(self, app: Any, *, spec_kwargs: dict[str, Any] | None = None) -> None:
        plugin = MarshmallowPlugin(schema_name_resolver=schema_name)
        super().init_app(app, spec_kwargs={"marshmallow_plugin": plugin, **(spec_kwargs or {})})

    def handle_http_exception(self, error: HTTPException) -> Response:  # type: ignore[override]
        if error.response is not None:  # already answered in this format (the rate limiter's 429)
            return error.response
        data = getattr(error, "data", None) or {}
        headers = dict(data.get("headers") or {})
        if error.code == 405 and getattr(error, "valid_methods", None):
            headers["Allow"] = ", ".join(sorted(error.valid_methods))
        errors = data.get("errors") or data.get("messages")
        detail = data.get("message") or (None if errors else error.description)
        if error.code == 422 and errors:
            detail = detail or "The request has invalid fields; see errors."
        if isinstance(error, InternalServerError):
            original = getattr(error, "original_exception", None)
            log.error("unhandled_error", exc_info=original or error)
            detail = "An unexpected error occurred; the request id identifies it in our logs."
        return problem(
            error.code or 500,
            detail,
            type_=data.get("type"),
            errors=flatten_errors(_strip_location(errors)) if errors else None,
            headers=headers,
        )
