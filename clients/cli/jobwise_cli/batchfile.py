"""The pure parts of a batch: reading the postings file, resolving options, deriving idempotency keys.

No network, no terminal: everything here is tested on its own (tests/cli)."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KEY_PREFIX = "jobwise-cli-v1-"
REQUIRED = ("title", "company", "description")
TEXT_FIELDS = (
    "title", "company", "description", "location", "seniority", "employment_type", "url", "posted_at",
    "valid_through", "salary_currency", "salary_unit", "external_id",
)  # fmt: skip
NUMBER_FIELDS = ("salary_min", "salary_max")
TRUE = {"true", "yes", "y", "1", "remote"}
FALSE = {"false", "no", "n", "0", "onsite", "on-site"}
ONE_PAGE_CHOICES = ("true", "false", "auto")


class JobsFileError(ValueError):
    """The postings file cannot be read; the message names the line and the field."""


@dataclass(frozen=True)
class Posting:
    """One posting of the file: where it was (for messages) and the fields sent as a job."""

    line: int
    fields: Mapping[str, Any]

    @property
    def label(self) -> str:
        return f"{self.fields['title']} at {self.fields['company']}"


def read_postings(path: Path) -> list[Posting]:
    """The postings of a JSON Lines (``.jsonl``, ``.ndjson``) or CSV (``.csv``, a header row) file."""
    suffix = path.suffix.lower()
    text = path.read_text(encoding="utf-8-sig")  # a BOM, as Excel and PowerShell write, is no field name
    if suffix == ".csv":
        postings = _read_csv(text)
    elif suffix in (".jsonl", ".ndjson", ".json"):
        postings = _read_jsonl(text)
    else:
        raise JobsFileError(f"{path.name}: give a .jsonl or .csv file")
    if not postings:
        raise JobsFileError(f"{path.name}: no postings")
    return postings


def _read_jsonl(text: str) -> list[Posting]:
    postings = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise JobsFileError(f"line {number}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise JobsFileError(f"line {number}: a posting is a JSON object")
        postings.append(Posting(number, _clean(record, number)))
    return postings


def _read_csv(text: str) -> list[Posting]:
    reader = csv.DictReader(text.splitlines(keepends=True))
    if reader.fieldnames is None:
        return []
    postings = []
    for record in reader:
        number = reader.line_num  # the line the record ends on; a quoted description spans several
        if not any((value or "").strip() for value in record.values() if isinstance(value, str)):
            continue
        if None in record:
            raise JobsFileError(f"line {number}: more values than columns")
        values = {(name or "").strip().lower(): (value or "").strip() for name, value in record.items()}
        postings.append(Posting(number, _clean({k: v for k, v in values.items() if v != ""}, number)))
    return postings


def _clean(record: Mapping[str, Any], line: int) -> dict[str, Any]:
    """The fields a job takes, typed; unknown columns are ignored, missing required ones refused."""
    missing = [name for name in REQUIRED if not str(record.get(name) or "").strip()]
    if missing:
        raise JobsFileError(f"line {line}: missing {', '.join(missing)}")
    fields: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        value = record.get(name)
        if value is not None and value != "":
            fields[name] = value if isinstance(value, str) else str(value)
    for name in NUMBER_FIELDS:
        value = record.get(name)
        if value is None or value == "":
            continue
        try:
            fields[name] = float(str(value).replace(",", "")) if isinstance(value, str) else float(value)
        except ValueError:
            raise JobsFileError(f"line {line}: {name} is not a number: {value!r}") from None
    if "remote" in record and record["remote"] not in (None, ""):
        fields["remote"] = _boolean(record["remote"], "remote", line)
    return fields


def _boolean(value: Any, name: str, line: int) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise JobsFileError(f"line {line}: {name} is not true or false: {value!r}")


def resolve_one_page(choice: str) -> bool | str:
    """The API's ``one_page`` for ``--one-page``: ``true``/``false`` as said; ``auto`` is left to the server,
    which makes a one-page resume when the career fits one readable page (README, "One page")."""
    return choice if choice == "auto" else choice == "true"


def canonical(value: Any) -> str:
    """JSON with sorted keys and no spacing: the same content always gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(value: Any) -> str:
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()


def idempotency_key(
    profile: Mapping[str, Any], posting: Mapping[str, Any], options: Mapping[str, Any], batch: str
) -> str:
    """The Idempotency-Key of one generation, from what it is made of: the profile's content, the
    posting's fields and the options, within one batch (the id its state file got when it was created).
    The same batch run again asks for the same generations; a changed profile, posting or option is
    another generation. The batch is part of it because the server matches a key with the request body,
    whose profile and job ids are the batch's own: the same files into another --out are a new batch
    instead of a key reused with other ids (422)."""
    digest = content_hash({"profile": profile, "posting": posting, "options": options, "batch": batch})
    return KEY_PREFIX + digest[:48]


def slug(text: str, limit: int = 40) -> str:
    """A folder-name part safe on Windows, macOS and Linux: ASCII letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-") or "job"


def folder_name(number: int, posting: Posting) -> str:
    return f"{number:02d}-{slug(posting.label)}"
