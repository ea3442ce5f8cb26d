"""The Blueprint every resource uses: strict JSON bodies, bounded paging, and problem responses documented.

- Bodies: a required JSON body must be there (400), be JSON (415), be under MAX_CONTENT_LENGTH however it
  is sent (413, chunked too), be nested at most ``MAX_JSON_DEPTH`` deep (400, checked on the raw bytes
  before parsing, so no recursion limit is ever reached) and hold no NaN or Infinity (400).
- Paging: ``page`` has a maximum, so no offset overflows the database's bigint.
- The contract: every error a view can answer is documented with its problem+json body and headers (400,
  401, 413, 415, 429 from the shared machinery; 403, 404, 409, 503 that views declare get the body too).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

import flask_smorest
import marshmallow as ma
from flask import current_app, request
from flask_smorest import abort
from flask_smorest.pagination import Page, PaginationParameters
from flask_smorest.utils import unpack_tuple_response
from marshmallow import validate
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.exceptions import RequestEntityTooLarge

from api.errors import PROBLEM_MEDIA_TYPE, ProblemSchema
from api.schemas import BaseSchema

MAX_JSON_DEPTH = 32
MAX_PAGE = 10_000

_JSON_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"')
_NOT_A_BRACKET = bytes(set(range(256)) - set(b"[]{}"))
_OPENING = frozenset(b"[{")


def json_nesting_exceeds(raw: bytes, limit: int) -> bool:
    """Whether arrays and objects in the JSON text ``raw`` nest deeper than ``limit``; strings are skipped."""
    depth = 0
    for byte in _JSON_STRING.sub(b"", raw).translate(None, _NOT_A_BRACKET):
        if byte in _OPENING:
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


class JsonBodyParser(FlaskParser):
    """webargs' Flask parser, stricter about JSON bodies than ``FlaskParser.load_json``."""

    def load_json(self, req: Any, schema: ma.Schema) -> Any:
        raw = req.get_data(cache=True)  # 413 when Content-Length is over MAX_CONTENT_LENGTH
        limit = req.max_content_length
        if req.content_length is None and limit is not None and len(raw) >= limit:
            # A streamed (chunked) body is cut at the limit without an error: whatever followed is too much.
            raise RequestEntityTooLarge
        if not raw:
            abort(400, message="This request needs a JSON body.")
        if not is_json_request(req):
            abort(415, message="Send the body as application/json.")
        if json_nesting_exceeds(raw, MAX_JSON_DEPTH):
            abort(400, message=f"The JSON body is nested deeper than {MAX_JSON_DEPTH} levels.")
        try:
            return json.loads(raw, parse_constant=_refuse_constant)
        except ValueError:  # JSONDecodeError, UnicodeDecodeError, NaN, an integer of over 4300 digits
            abort(400, message="The body is not valid JSON.")


def page_arguments(default_page_size: int, max_page_size: int) -> type[BaseSchema]:
    """flask-smorest's paging arguments, with a maximum page number."""

    class PageArguments(BaseSchema):
        class Meta:
            unknown = ma.EXCLUDE

        page = ma.fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE))
        page_size = ma.fields.Integer(
            load_default=default_page_size, validate=validate.Range(min=1, max=max_page_size)
        )

        @ma.post_load
        def make_paginator(self, data: dict[str, int], **_: Any) -> PaginationParameters:
            return PaginationParameters(**data)

    return PageArguments


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's Blueprint with the behaviour and documentation above.

    ``rate_limited=False`` for blueprints whose views are exempt from the rate limits (health checks).
    """

    ARGUMENTS_PARSER = JsonBodyParser()

    def __init__(self, *args: Any, rate_limited: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rate_limited = rate_limited
        self._prepare_doc_cbks.append(self._prepare_problem_doc)

    def paginate(  # type: ignore[override]
        self, pager: type[Page], *, page_size: int | None = None, max_page_size: int | None = None
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """``flask_smorest.Blueprint.paginate`` over a pager class, with ``page`` at most ``MAX_PAGE``."""
        defaults = self.DEFAULT_PAGINATION_PARAMETERS
        schema = page_arguments(
            page_size or defaults["page_size"], max_page_size or defaults["max_page_size"]
        )

        def decorator(func: Callable[..., Any]) -> Callable[..., Any]:
            @wraps(func)
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                page_params = self.PAGINATION_ARGUMENTS_PARSER.parse(schema, request, location="query")
                result, status, headers = unpack_tuple_response(
                    current_app.ensure_sync(func)(*args, **kwargs)
                )
                result = pager(result, page_params=page_params).items
                result, headers = self._set_pagination_metadata(page_params, result, headers)
                return result, status, headers

            wrapper._apidoc = {  # type: ignore[attr-defined]
                **getattr(wrapper, "_apidoc", {}),
                "pagination": {
                    "parameters": {"in": "query", "schema": schema},
                    "response": {422: "UNPROCESSABLE_ENTITY"},
                },
            }
            return wrapper

        return decorator

    def _store_endpoint_docs(self, endpoint: str, obj: Any, *args: Any, **kwargs: Any) -> None:
        """Each operation gets an ``operationId``, the name generated clients give its function:
        the HTTP method and the view's name, without "ById" (``ProfileById.get`` is ``getProfile``)."""
        super()._store_endpoint_docs(endpoint, obj, *args, **kwargs)
        resource = getattr(obj, "__name__", endpoint).removesuffix("ById")
        for method, doc in self._docs[endpoint].items():
            if method != "parameters":
                doc.setdefault("manual_doc", {}).setdefault("operationId", f"{method}{resource}")

    def _document_pagination_metadata(self, spec: Any, resp_doc: dict[str, Any]) -> None:
        resp_doc.setdefault("headers", {})[self.PAGINATION_HEADER_NAME] = "X_PAGINATION"

    @staticmethod
    def conditional(func: Callable[..., Any]) -> Callable[..., Any]:
        """Document the If-None-Match request header, for a view that answers 304 when it matches."""
        func._apidoc = {**getattr(func, "_apidoc", {}), "if_none_match": True}  # type: ignore[attr-defined]
        return func

    def _prepare_problem_doc(self, doc: dict[str, Any], doc_info: dict[str, Any], **_: Any) -> dict[str, Any]:
        if doc_info.get("if_none_match"):
            doc.setdefault("parameters", []).append("IF_NONE_MATCH")
        responses = doc.setdefault("responses", {})
        for status, response in responses.items():
            if str(status).isdigit() and int(status) >= 400 and isinstance(response, dict):
                response.setdefault("content", {PROBLEM_MEDIA_TYPE: {"schema": ProblemSchema}})
        codes = {str(status) for status in responses}

        def add(status: int, name: str) -> None:
            if str(status) not in codes:
                responses[status] = name  # a response of ProblemApi.PROBLEM_RESPONSES

        if "requestBody" in doc:
            add(400, "INVALID_BODY")
            add(413, "BODY_TOO_LARGE")
            add(415, "NOT_JSON")
        if doc_info.get("manual_doc", {}).get("security") != []:
            add(401, "NO_VALID_TOKEN")
        if self.rate_limited:
            add(429, "RATE_LIMITED")
        return doc
