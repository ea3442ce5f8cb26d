"""What every request and response schema shares: input safety and responses that match the contract.

- ``BaseSchema`` refuses text Postgres cannot store (NUL) or UTF-8 cannot encode (lone surrogates) anywhere
  in what it loads, with a 422 naming the field, and leaves ``None`` out of what it dumps unless the field
  is nullable. Every schema of the API derives from it: JSON bodies, nested items, list items, dict keys and
  values, extension fields kept verbatim, query and header arguments.
- ``StrictBoolean`` and ``StrictInteger`` take JSON's own types only (no ``0`` for false, no ``"5"`` for 5).
- ``Pattern`` checks a pattern the way JSON Schema does (a search; ``$`` is the end of the text), so the
  server accepts exactly what the published pattern allows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import marshmallow as ma
from marshmallow import validate

# NUL (Postgres refuses it in text and jsonb) and UTF-16 surrogates: json.loads turns a valid pair into one
# code point, so any surrogate left in a str is a lone one that cannot be encoded.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
UNSTORABLE_MESSAGE = "Contains a NUL character or an unpaired surrogate, which cannot be stored."


def unstorable_text(value: Any) -> Any:
    """None when every key and string under ``value`` can be stored; otherwise the errors in marshmallow's
    shape: a list of messages for a string, a dict by key or index for a container."""
    if isinstance(value, str):
        return [UNSTORABLE_MESSAGE] if UNSTORABLE.search(value) else None
    if isinstance(value, Mapping):
        items: Any = value.items()
    elif isinstance(value, list | tuple):
        items = enumerate(value)
    else:
        return None
    errors: dict[str, Any] = {}
    for key, item in items:
        if isinstance(key, str) and UNSTORABLE.search(key):
            errors[UNSTORABLE.sub("?", key)] = [UNSTORABLE_MESSAGE]
        elif (found := unstorable_text(item)) is not None:
            errors[str(key)] = found
    return errors or None


class BaseSchema(ma.Schema):
    @ma.pre_load
    def refuse_unstorable_text(self, data: Any, **_: Any) -> Any:
        if isinstance(data, Mapping) and self.unknown != ma.INCLUDE:
            # Only what this schema keeps: not every header of a request, nor fields it refuses as unknown.
            declared = {field.data_key or name for name, field in self.load_fields.items()}
            scanned: Any = {key: data[key] for key in data if key in declared}
        else:
            scanned = data
        if (errors := unstorable_text(scanned)) is not None:
            raise ma.ValidationError(errors)
        return data

    @ma.post_dump
    def leave_out_null(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        """A field the contract does not mark nullable is left out instead of being sent as null."""
        return {key: value for key, value in data.items() if value is not None or self._nullable(key)}

    def _nullable(self, key: str) -> bool:
        field = next((f for name, f in self.dump_fields.items() if (f.data_key or name) == key), None)
        return field is not None and field.allow_none


class StrictBoolean(ma.fields.Boolean):
    """true or false only: JSON numbers and strings are not booleans."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class StrictInteger(ma.fields.Integer):
    """A JSON integer only: not a string, a boolean or a float."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(strict=True, **kwargs)

    def _validated(self, value: Any) -> int:
        if isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return super()._validated(value)


# "Not blank", read alike by JSON Schema (ECMA-262) and Python: a character outside both languages' white
# space.
# Python's ``\s`` also counts U+001C..U+001F and U+0085, ECMA's also U+FEFF, so with ``\S`` a client's
# validator could accept a keyword the server refuses as blank.
NOT_BLANK = r"[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\x1c-\x1f\x85]"


class Pattern(validate.Regexp):
    """A JSON Schema ``pattern``: matches anywhere unless anchored, and a final ``$`` means the very end.

    Python's ``re.match`` only looks at the start and lets ``$`` match before a final newline, so
    ``validate.Regexp`` would refuse ``" x"`` for ``\\S`` and accept ``"2020\\n"`` for ``^\\d{4}$``.
    """

    def __init__(self, pattern: str, error: str | None = None) -> None:
        super().__init__(pattern, error=error)
        self._search = re.compile(re.sub(r"(?<!\\)\$$", r"\\Z", pattern))

    def __call__(self, value: str) -> str:  # type: ignore[override]
        if self._search.search(value) is None:
            raise ma.ValidationError(self._format_error(value))
        return value
