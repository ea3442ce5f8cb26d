"""One error format everywhere: RFC 9457 ``application/problem+json``."""

from __future__ import annotations

import traceback
from collections.abc import Mapping
from typing import Any

import marshmallow as ma
import structlog
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.ext.marshmallow.common import resolve_schema_cls
from flask import Response, g, json, request
from flask_smorest import Api
from flask_smorest.pagination import PaginationMetadataSchema
from sqlalchemy.exc import StatementError
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from api.schemas import BaseSchema

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = structlog.get_logger(__name__)


class ProblemSchema(BaseSchema):
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


def log_unhandled_error(error: BaseException) -> None:
    """Log an error no handler answered, without its message: a database error's message and parameters can
    hold a profile's email, phone or address ("Failing row contains ..."). What is logged is the error
    type, the SQLSTATE and statement (placeholders only) of a database error, and where it was raised."""
    fields: dict[str, Any] = {"error_type": f"{type(error).__module__}.{type(error).__qualname__}"}
    if isinstance(error, StatementError):
        fields["statement"] = error.statement
        original = getattr(error, "orig", None)
        if sqlstate := getattr(original, "pgcode", None) or getattr(original, "sqlstate", None):
            fields["sqlstate"] = sqlstate
        if original is not None:
            fields["cause_type"] = f"{type(original).__module__}.{type(original).__qualname__}"
    frames = traceback.extract_tb(error.__traceback__)
    fields["where"] = [f"{frame.filename}:{frame.lineno} in {frame.name}" for frame in frames[-12:]]
    log.error("unhandled_error", **fields)


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


RESPONSE_HEADERS: dict[str, dict[str, Any]] = {
    "RETRY_AFTER": {"description": "Seconds to wait before the next attempt", "schema": {"type": "integer"}},
    "LOCATION": {"description": "The URL of the created resource", "schema": {"type": "string"}},
    "WWW_AUTHENTICATE": {"description": "The authentication scheme: Bearer", "schema": {"type": "string"}},
    "CACHE_CONTROL": {"description": "Caching rules for this response", "schema": {"type": "string"}},
}


# Problems the shared machinery answers, referenced by name from every operation they apply to.
PROBLEM_RESPONSES: dict[str, tuple[str, dict[str, str]]] = {
    "INVALID_BODY": ("The body is missing, is not JSON, or is nested too deeply", {}),
    "BODY_TOO_LARGE": ("The body is larger than the server accepts (MAX_CONTENT_LENGTH)", {}),
    "NOT_JSON": ("The body is not application/json", {}),
    "NO_VALID_TOKEN": ("No valid access token", {"WWW-Authenticate": "WWW_AUTHENTICATE"}),
    "RATE_LIMITED": ("Too many requests; retry after the given seconds", {"Retry-After": "RETRY_AFTER"}),
}


def nullable_enum(_converter: Any, field: ma.fields.Field, ret: dict[str, Any]) -> dict[str, Any]:
    """A nullable enum as ``enum: [..., null]`` alone. apispec writes ``type: string, nullable: true`` beside
    it, which openapi-python-client turns into three copies of the enum class; without the null in the enum,
    OpenAPI 3.0 forbids null (schemathesis enforces that) and the generator drops None from the type."""
    if ret.get("nullable") and None in ret.get("enum", ()):
        del ret["nullable"], ret["type"]  # apispec documents: ``ret`` holds what earlier functions built
    return {}


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
        self.register_field(ma.fields.URL, "string", "uri")  # "url" is not a JSON Schema format
        plugin.converter.add_attribute_function(nullable_enum)
        for name, header in RESPONSE_HEADERS.items():
            self.spec.components.header(name, header, lazy=True)
        # X-Pagination carries JSON: described with content, not as an object-valued header.
        paging = {
            "description": "Paging metadata, as JSON",
            "content": {"application/json": {"schema": PaginationMetadataSchema}},
        }
        self.spec.components.header("X_PAGINATION", paging, lazy=True)
        for name, (description, headers) in PROBLEM_RESPONSES.items():
            response = {
                "description": description,
                "content": {PROBLEM_MEDIA_TYPE: {"schema": ProblemSchema}},
                **({"headers": headers} if headers else {}),
            }
            self.spec.components.response(name, response, lazy=True)

    def handle_http_exception(self, error: HTTPException) -> Response:  # type: ignore[override]
        if error.response is not None:  # a response made in this format already (abort with a Response)
            return error.response
        data = getattr(error, "data", None) or {}
        headers = dict(data.get("headers") or {})
        if error.code == 405 and getattr(error, "valid_methods", None):
            headers["Allow"] = ", ".join(sorted(error.valid_methods))
        errors = data.get("errors") or data.get("messages")
        detail = data.get("message") or (None if errors else error.description)
        if error.code == 422 and errors:
            detail = detail or "The request has invalid fields; see errors."
        if isinstance(error, InternalServerError):  # logged by JobWiseFlask.log_exception
            detail = "An unexpected error occurred; the request id identifies it in our logs."
        return problem(
            error.code or 500,
            detail,
            type_=data.get("type"),
            errors=flatten_errors(_strip_location(errors)) if errors else None,
            headers=headers,
        )


# A dependency that is down answers 503 with Retry-After, never 500: the request was fine, the service is
# briefly not. What is down is named (database, redis, broker), never the error's message.
OUTAGE_RETRY_AFTER_S = "5"


def outage_of(error: BaseException) -> str | None:
    """The dependency an error says is unreachable, or None for any other error."""
    import kombu.exceptions
    import redis.exceptions
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
    from sqlalchemy.exc import TimeoutError as PoolTimeoutError

    if isinstance(error, OperationalError | InterfaceError | PoolTimeoutError):  # no pooled connection free
        return "database"
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return "database"
    if isinstance(error, redis.exceptions.ConnectionError | redis.exceptions.TimeoutError):
        return "redis"
    if isinstance(error, kombu.exceptions.OperationalError | ConnectionError):
        return "broker"
    return None


def outage_problem(dependency: str) -> Response:
    log.warning("dependency_unavailable", dependency=dependency)
    return problem(
        503,
        f"The {dependency} is unavailable for a moment; try again shortly.",
        title="Service Unavailable",
        headers={"Retry-After": OUTAGE_RETRY_AFTER_S},
    )


def register_outage_handlers(app: Any) -> None:
    """503 problem+json for a database, Redis or broker outage that reaches a view."""
    import kombu.exceptions
    import redis.exceptions
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.exc import TimeoutError as PoolTimeoutError

    def handle(error: Exception) -> Response:
        dependency = outage_of(error)
        if dependency is None:
            raise error  # not an outage: Flask's own handling (a 500, logged without its message)
        return outage_problem(dependency)

    outages = (DBAPIError, PoolTimeoutError, redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
    for kind in (*outages, kombu.exceptions.OperationalError, ConnectionError):
        app.register_error_handler(kind, handle)
