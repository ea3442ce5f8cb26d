"""HTTP details every response and request gets: nosniff, and the Bearer scheme read case-insensitively."""

from __future__ import annotations

import re

from flask import Flask, Response, request

# RFC 9110 section 11.1: authentication schemes are case-insensitive; flask-jwt-extended compares exactly.
_BEARER = re.compile(r"(^|,)(\s*)bearer(?=\s)", re.IGNORECASE)


def _normalize_bearer_scheme() -> None:
    header = request.environ.get("HTTP_AUTHORIZATION")
    if header and not header.startswith("Bearer "):
        request.environ["HTTP_AUTHORIZATION"] = _BEARER.sub(r"\1\2Bearer", header)


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


def init_hardening(app: Flask) -> None:
    """Register before the extensions, so the rate limiter already sees the normalized token."""
    app.before_request(_normalize_bearer_scheme)
    app.after_request(_security_headers)
