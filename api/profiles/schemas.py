"""Profile bodies: the API's own shape, and JSON Resume (v1) for import, derived from the same fields."""

from __future__ import annotations

import copy
from typing import Any

import marshmallow as ma
from marshmallow import INCLUDE, validate

from api.schemas import BaseSchema, Pattern
from models.json_resume import LINKS, LOCATION, SECTIONS

# JSON Resume's own date pattern: YYYY, YYYY-MM or YYYY-MM-DD.
DATE_PATTERN = r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$"
LONG_TEXT = 20_000


def text(max_length: int, **kwargs: Any) -> ma.fields.String:
    return ma.fields.String(validate=validate.Length(max=max_length), **kwargs)


def date() -> ma.fields.String:
    return ma.fields.String(validate=Pattern(DATE_PATTERN, error="Use YYYY, YYYY-MM or YYYY-MM-DD."))


def strings(max_length: int, max_items: int = 100) -> ma.fields.List:
    return ma.fields.List(text(max_length), validate=validate.Length(max=max_items))


class LinkSchema(BaseSchema):
    network = text(100)
    username = text(200)
    url = text(2000)


class ExperienceSchema(BaseSchema):
    employer = text(300)
    title = text(300)
    location = text(300)
    description = text(LONG_TEXT)
    url = text(2000)
    start_date = date()
    end_date = date()
    summary = text(LONG_TEXT)
    highlights = strings(2000)


class EducationSchema(BaseSchema):
    institution = text(300)
    url = text(2000)
    area = text(300)
    study_type = text(200)
    start_date = date()
    end_date = date()
    score = text(50)
    courses = strings(300)


class SkillSchema(BaseSchema):
    name = text(200)
    level = text(100)
    keywords = strings(100)


class ProjectSchema(BaseSchema):
    name = text(300)
    description = text(LONG_TEXT)
    highlights = strings(2000)
    keywords = strings(100)
    start_date = date()
    end_date = date()
    url = text(2000)
    roles = strings(200)
    entity = text(300)
    type = text(100)


class CertificationSchema(BaseSchema):
    name = text(300)
    issuer = text(300)
    date = date()
    url = text(2000)


class LanguageSchema(BaseSchema):
    language = text(100)
    fluency = text(100)


def items(schema: type[ma.Schema]) -> ma.fields.List:
    return ma.fields.List(ma.fields.Nested(schema), validate=validate.Length(max=200))


class ProfileSchema(BaseSchema):
    id = ma.fields.UUID(dump_only=True)
    name = ma.fields.String(
        required=True, validate=validate.Length(min=1, max=200), metadata={"example": "Ana Lima"}
    )
    label = text(200, metadata={"example": "Backend Engineer"})
    image = text(2000)
    email = ma.fields.Email(validate=validate.Length(max=254), metadata={"example": "ana.lima@example.com"})
    phone = text(50, metadata={"example": "+351 912 345 678"})
    url = text(2000)
    summary = text(LONG_TEXT, metadata={"example": "Backend engineer who ships data pipelines."})
    address = text(500)
    postal_code = text(20)
    city = text(200)
    country_code = text(10)
    region = text(200)
    links = items(LinkSchema)
    experiences = items(ExperienceSchema)
    volunteer = items(ExperienceSchema)
    education = items(EducationSchema)
    skills = items(SkillSchema)
    projects = items(ProjectSchema)
    certifications = items(CertificationSchema)
    languages = items(LanguageSchema)
    created_at = ma.fields.DateTime(dump_only=True)
    updated_at = ma.fields.DateTime(dump_only=True)


class ImportWarningSchema(BaseSchema):
    key = ma.fields.String(dump_only=True, metadata={"example": "work[].company"})
    replacement = ma.fields.String(dump_only=True, metadata={"example": "work[].name"})
    count = ma.fields.Integer(dump_only=True, metadata={"example": 9})
    message = ma.fields.String(dump_only=True)


class ProfileImportSchema(ProfileSchema):
    """The imported profile, and what was read differently from the document (JSON Resume 0.x keys)."""

    warnings = ma.fields.List(ma.fields.Nested(ImportWarningSchema), dump_only=True)


class ProfileSummarySchema(BaseSchema):
    id = ma.fields.UUID(dump_only=True)
    name = ma.fields.String(dump_only=True)
    label = ma.fields.String(dump_only=True)
    created_at = ma.fields.DateTime(dump_only=True)
    updated_at = ma.fields.DateTime(dump_only=True)


# JSON Resume: the same field rules under JSON Resume's key names, extension fields kept (lossless).


class Extensible(BaseSchema):
    class Meta:
        unknown = INCLUDE


def _renamed(source: type[ma.Schema], mapping: dict[str, str], name: str) -> type[ma.Schema]:
    """``source``'s fields keyed by their JSON Resume names (``mapping``: JSON key to attribute)."""
    fields = {json_key: copy.deepcopy(source._declared_fields[attr]) for json_key, attr in mapping.items()}
    for field in fields.values():
        field.required = False
        field.metadata = {key: value for key, value in field.metadata.items() if key != "example"}
    return Extensible.from_dict(fields, name=name)


_ITEM_SCHEMAS: dict[str, type[ma.Schema]] = {
    "work": ExperienceSchema,
    "volunteer": ExperienceSchema,
    "education": EducationSchema,
    "skills": SkillSchema,
    "projects": ProjectSchema,
    "certificates": CertificationSchema,
    "languages": LanguageSchema,
}
_BASICS = {key: key for key in ("label", "image", "email", "phone", "url", "summary")}

JsonResumeBasicsSchema = Extensible.from_dict(
    {
        **_renamed(ProfileSchema, _BASICS, "JsonResumeBasicsFields")._declared_fields,
        "name": ma.fields.String(required=True, validate=validate.Length(min=1, max=200)),
        "location": ma.fields.Nested(_renamed(ProfileSchema, LOCATION, "JsonResumeLocation")),
        "profiles": items(_renamed(LinkSchema, LINKS, "JsonResumeProfile")),
    },
    name="JsonResumeBasics",
)

_free_text = ma.fields.String
_OTHER_SECTIONS = {
    "awards": {"title": _free_text(), "date": date(), "awarder": _free_text(), "summary": _free_text()},
    "publications": {
        "name": _free_text(),
        "publisher": _free_text(),
        "releaseDate": date(),
        "url": _free_text(),
        "summary": _free_text(),
    },
    "interests": {"name": _free_text(), "keywords": ma.fields.List(_free_text())},
    "references": {"name": _free_text(), "reference": _free_text()},
}


_JsonResumeFields = Extensible.from_dict(
    {
        "basics": ma.fields.Nested(JsonResumeBasicsSchema, required=True),
        **{
            key: items(_renamed(_ITEM_SCHEMAS[key], mapping, f"JsonResume{key.title()}"))
            for key, (_collection, mapping) in SECTIONS.items()
        },
        **{
            key: items(Extensible.from_dict(fields, name=f"JsonResume{key.title()}"))
            for key, fields in _OTHER_SECTIONS.items()
        },
        "meta": ma.fields.Nested(
            Extensible.from_dict(
                {"canonical": _free_text(), "version": _free_text(), "lastModified": _free_text()},
                name="JsonResumeMeta",
            )
        ),
    },
    name="JsonResumeFields",
)


class JsonResumeSchema(_JsonResumeFields):  # type: ignore[misc,valid-type]
    """A JSON Resume v1 document (https://jsonresume.org/schema), kept exactly as sent."""

    @ma.post_load(pass_original=True)
    def keep_document(self, _data: dict[str, Any], original: dict[str, Any], **_: Any) -> dict[str, Any]:
        return original
