"""Stage results to JSON-ready dicts and back, validated against the same dataclasses."""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from pydantic import TypeAdapter

T = TypeVar("T")


@cache
def _adapter(cls: type) -> TypeAdapter[Any]:
    return TypeAdapter(cls)


def to_data(obj: Any) -> Any:
    """A stage dataclass as plain JSON-compatible data."""
    return _adapter(type(obj)).dump_python(obj, mode="json")


def from_data(cls: type[T], data: Any) -> T:
    """Validate ``data`` and build a ``cls``; raises ``pydantic.ValidationError`` on a mismatch."""
    return _adapter(cls).validate_python(data)


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of a stage dataclass, as handed to a model asked for structured output."""
    return _adapter(cls).json_schema()
