"""Job posting and job search bodies."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from marshmallow import validate

from api.blueprint import MAX_PAGE
from api.schemas import NOT_BLANK, BaseSchema, Pattern, StrictBoolean, StrictInteger
from models.job import EMPLOYMENT_TYPES, SALARY_UNITS, SENIORITIES

# What PUT clears when the body leaves it out.
OPTIONAL_FIELDS = (
    "location", "remote", "seniority", "employment_type", "url", "posted_at", "valid_through",
    "salary_min", "salary_max", "salary_currency", "salary_unit",
)  # fmt: skip


class JobSchema(BaseSchema):
    id = ma.fields.UUID(dump_only=True)
    title = ma.fields.String(
        required=True,
        validate=validate.Length(min=1, max=200),
        metadata={"example": "Senior Python Engineer"},
    )
    company = ma.fields.String(
        required=True, validate=validate.Length(min=1, max=200), metadata={"example": "Northwind Analytics"}
    )
    description = ma.fields.String(
        required=True,
        validate=validate.Length(min=1, max=50_000),
        metadata={"example": "Build data pipelines in Python and PostgreSQL. 5+ years of Python required."},
    )
    location = ma.fields.String(
        allow_none=True, validate=validate.Length(max=200), metadata={"example": "Lisbon, Portugal"}
    )
    remote = StrictBoolean(allow_none=True, metadata={"example": True})
    seniority = ma.fields.String(
        allow_none=True, validate=validate.OneOf(SENIORITIES), metadata={"example": "senior"}
    )
    employment_type = ma.fields.String(
        allow_none=True, validate=validate.OneOf(EMPLOYMENT_TYPES), metadata={"example": "full_time"}
    )
    url = ma.fields.Url(
        allow_none=True,
        validate=validate.Length(max=2000),
        metadata={"example": "https://jobs.example.com/1234"},
    )
    posted_at = ma.fields.AwareDateTime(
        allow_none=True, default_timezone=None, metadata={"example": "2026-11-20T09:00:00+00:00"}
    )
    valid_through = ma.fields.AwareDateTime(
        allow_none=True, default_timezone=None, metadata={"description": "Applications close at this time"}
    )
    salary_min = ma.fields.Float(allow_none=True, validate=validate.Range(min=0, max=1e9))
    salary_max = ma.fields.Float(allow_none=True, validate=validate.Range(min=0, max=1e9))
    salary_currency = ma.fields.String(
        allow_none=True,
        validate=validate.Regexp(r"^[A-Z]{3}$", error="An ISO 4217 code such as EUR."),
        metadata={"description": "ISO 4217 currency of the salary"},
    )
    salary_unit = ma.fields.String(
        allow_none=True,
        validate=validate.OneOf(SALARY_UNITS),
        metadata={"description": "The salary figures are per this unit of time"},
    )
    external_id = ma.fields.String(
        dump_only=True,
        allow_none=True,
        metadata={"description": "The posting's id at its source, as imported (namespace:identifier)"},
    )
    is_public = ma.fields.Boolean(dump_only=True)
    created_at = ma.fields.DateTime(dump_only=True)
    updated_at = ma.fields.DateTime(dump_only=True)

    @ma.validates_schema
    def _salary_range(self, data: dict[str, Any], **_: Any) -> None:
        low, high = data.get("salary_min"), data.get("salary_max")
        if low is not None and high is not None and low > high:
            raise ma.ValidationError("Must not exceed salary_max.", "salary_min")


class JobImportSchema(JobSchema):
    """One line of an admin's JSONL import: a public posting, with an optional stable id for upserts."""

    external_id = ma.fields.String(validate=validate.Length(min=1, max=200))  # type: ignore[assignment]


class JobListArgsSchema(BaseSchema):
    scope = ma.fields.String(
        load_default="mine",
        validate=validate.OneOf(("mine", "public", "all")),
        metadata={"description": "mine: saved by the caller; public: loaded by an admin; all: both"},
    )


class JobSearchSchema(BaseSchema):
    keywords = ma.fields.List(
        ma.fields.String(
            validate=[validate.Length(min=1, max=100), Pattern(NOT_BLANK, error="Must not be blank.")]
        ),
        required=True,
        validate=validate.Length(min=1, max=10),
        metadata={"example": ["python", "postgresql"]},
    )
    location = ma.fields.String(validate=validate.Length(max=100), metadata={"example": "Lisbon"})
    seniority = ma.fields.String(validate=validate.OneOf(SENIORITIES))
    remote = StrictBoolean()
    page = StrictInteger(load_default=1, validate=validate.Range(min=1, max=MAX_PAGE))
    page_size = StrictInteger(load_default=20, validate=validate.Range(min=1, max=100))


class JobSearchHitSchema(JobSchema):
    score = ma.fields.Float(dump_only=True, metadata={"description": "Relevance; higher is better"})


class JobSearchResultSchema(BaseSchema):
    results = ma.fields.List(ma.fields.Nested(JobSearchHitSchema), required=True)
    total = ma.fields.Integer(required=True)
    page = ma.fields.Integer(required=True)
    page_size = ma.fields.Integer(required=True)


def _hit_writer(name: str, field: ma.fields.Field) -> Any:
    """How one field of a search hit is written from a row, as marshmallow would dump it."""
    attribute = field.attribute or name
    if isinstance(field, ma.fields.UUID):
        return lambda row: None if (v := getattr(row, attribute)) is None else str(v)
    if isinstance(field, ma.fields.DateTime) and field.format in (None, "iso"):
        return lambda row: None if (v := getattr(row, attribute)) is None else v.isoformat()
    if isinstance(field, ma.fields.Float):
        return lambda row: None if (v := getattr(row, attribute)) is None else float(v)
    if isinstance(field, ma.fields.Boolean):
        return lambda row: None if (v := getattr(row, attribute)) is None else bool(v)
    if type(field) in (ma.fields.String, ma.fields.Url):
        return lambda row: getattr(row, attribute)
    return lambda row: field.serialize(attribute, row)  # anything else: marshmallow itself


class _HitRow:
    """A search row seen as a posting: ``is_public`` and a rounded ``score``, the rest read through."""

    __slots__ = ("row",)

    def __init__(self, row: Any) -> None:
        self.row = row

    @property
    def is_public(self) -> bool:
        return self.row.owner_id is None

    @property
    def score(self) -> float:
        return round(float(self.row.score), 6)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)


# (key, writer, nullable) for every field of JobSearchHitSchema, in its order. Derived from the schema, so
# a field added to JobSchema shows up in search hits too; tests/api/test_jobs.py compares with dump().
_HIT_SCHEMA = JobSearchHitSchema()
_HIT_FIELDS = tuple(
    (field.data_key or name, _hit_writer(name, field), field.allow_none)
    for name, field in _HIT_SCHEMA.dump_fields.items()
)


def search_hit(row: Any) -> dict[str, Any]:
    """One search hit from a row of ``search_jobs``: what ``JobSearchHitSchema().dump`` gives, about ten
    times faster (the search answers 20 of them per request)."""
    hit = _HitRow(row)
    out: dict[str, Any] = {}
    for key, write, nullable in _HIT_FIELDS:
        value = write(hit)
        if value is not None or nullable:
            out[key] = value
    return out
