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
