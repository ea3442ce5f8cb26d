"""schema.org JobPosting nodes in a JSON-LD document, or in the JSON-LD scripts of an HTML page.

JSON-LD is read as plain JSON: no ``@context`` is fetched or expanded, so nothing leaves the server. A
page may carry several ``<script type="application/ld+json">`` blocks, each an object, an array or an
``@graph``, with the JobPosting at any depth (inside an ItemList, a WebPage's ``mainEntity``) and its
organization or place given by an ``@id`` reference to another node; blocks that are not valid JSON are
counted and skipped. The walk is iterative and bounded, so no page can exhaust the stack or the CPU.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

LD_JSON = "application/ld+json"
MAX_SCRIPTS = 100  # JSON-LD scripts read from one page
MAX_NODES = 50_000  # JSON values visited looking for postings
MAX_DEPTH = 64
# Wrappers some pages put around a script's JSON to hide it from old browsers.
_WRAPPERS = (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>"))


@dataclass(frozen=True)
class Found:
    """What a document or page holds: its JobPostings in document order and every node with an ``@id``."""

    postings: list[dict[str, Any]] = field(default_factory=list)
    nodes_by_id: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    scripts: int = 0
    invalid_scripts: int = 0
    from_page: bool = True  # an HTML page's scripts, or one JSON-LD document

    def resolve(self, value: Any) -> Any:
        """A bare ``{"@id": ...}`` reference replaced by the node it names, when the page has it."""
        if isinstance(value, dict) and isinstance(value.get("@id"), str) and set(value) <= {"@id", "@type"}:
            return self.nodes_by_id.get(value["@id"], value)
        return value


def from_json(text: str) -> Found:
    """The postings of one JSON-LD document (an object, an array or an ``@graph``)."""
    document = load(text)
    if document is None:
        return Found(scripts=1, invalid_scripts=1, from_page=False)
    return _walk([document], scripts=1, invalid=0, from_page=False)


def from_html(page: bytes, encoding: str | None = None) -> Found:
    """The postings of every JSON-LD script in an HTML page; ``encoding`` None lets the page's meta decide."""
    try:
        root = lxml.html.document_fromstring(page, parser=lxml.html.HTMLParser(encoding=encoding))
    except (etree.ParserError, ValueError, LookupError):  # empty, or a charset lxml does not know
        return Found()
    documents: list[Any] = []
    scripts = invalid = 0
    for script in root.iter("script"):
        if not is_ld_json(script.get("type")):
            continue
        scripts += 1
        if scripts > MAX_SCRIPTS:
            break
        document = load(script.text or "")
        if document is None:
            invalid += 1
        else:
            documents.append(document)
    return _walk(documents, scripts=min(scripts, MAX_SCRIPTS), invalid=invalid)


def is_ld_json(script_type: str | None) -> bool:
    return (script_type or "").split(";")[0].strip().lower() == LD_JSON


def load(text: str) -> Any | None:
    """JSON from a script's text, tolerating comment or CDATA wrappers and raw newlines inside strings."""
    text = text.strip()
    for start, end in _WRAPPERS:
        if text.startswith(start) and text.endswith(end):
            text = text[len(start) : -len(end)].strip()
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        return None


def is_job_posting(node: Mapping[str, Any]) -> bool:
    """``@type`` JobPosting, alone or among others, plain or as a full IRI (https://schema.org/JobPosting)."""
    types = node.get("@type")
    names = types if isinstance(types, list) else [types]
    return any(
        isinstance(name, str) and name.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "JobPosting" for name in names
    )


def _walk(documents: list[Any], *, scripts: int, invalid: int, from_page: bool = True) -> Found:
    postings: list[dict[str, Any]] = []
    nodes_by_id: dict[str, dict[str, Any]] = {}
    stack: list[tuple[Any, int]] = [(document, 0) for document in reversed(documents)]
    visited = 0
    while stack and visited < MAX_NODES:
        value, depth = stack.pop()
        visited += 1
        if isinstance(value, dict):
            if is_job_posting(value):
                postings.append(value)
            node_id = value.get("@id")
            if isinstance(node_id, str) and not set(value) <= {"@id", "@type"}:
                nodes_by_id.setdefault(node_id, value)
            children = list(value.values())
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth < MAX_DEPTH:
            stack.extend((child, depth + 1) for child in reversed(children))
    return Found(postings, nodes_by_id, scripts, invalid, from_page)
