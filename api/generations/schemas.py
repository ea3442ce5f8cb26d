"""Generation request, status and document bodies."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import url_for
from marshmallow import validate
from webargs.fields import DelimitedList

from api.schemas import BaseSchema, StrictBoolean
from models.generation import STATUSES

TEMPLATES = ("classic", "modern")
PAGE_SIZES = ("letter", "a4")
GENERATORS = ("offline", "llm")
DOCUMENT_KINDS = ("resume", "cover_letter")
DOCUMENT_FORMATS = ("pdf", "txt", "docx")


class OnePage(ma.fields.Field):
    """``true``, ``false`` or ``"auto"``: nothing else (no 0/1, no other strings)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool | str:
        if isinstance(value, bool) or value == "auto":
            return value
        raise ma.ValidationError('Must be true, false or "auto".')


class GenerationOptionsSchema(BaseSchema):
    template = ma.fields.String(load_default="classic", validate=validate.OneOf(TEMPLATES))
    page_size = ma.fields.String(load_default="letter", validate=validate.OneOf(PAGE_SIZES))
    one_page = OnePage(
        load_default="auto",
        metadata={
            "oneOf": [{"type": "boolean"}, {"type": "string", "enum": ["auto"]}],
            "description": "Fit the resume on one page: true (always, down to 9 pt, leaving out the least "
            'relevant content first), false (never), or "auto" (one page when the career fits one readable '
            "page keeping the two strongest bullets of each recent role; the default)",
        },
    )
    cover_letter = StrictBoolean(load_default=True)
    generator = ma.fields.String(
        validate=validate.OneOf(GENERATORS),
        metadata={"description": "offline (deterministic, no API key) or llm; default from server config"},
    )


class GenerationCreateSchema(BaseSchema):
    profile_id = ma.fields.UUID(required=True, metadata={"example": "0b7e4c3a-9d0f-4a5e-8d2c-1f6a7b8c9d0e"})
    job_id = ma.fields.UUID(required=True, metadata={"example": "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"})
    options = ma.fields.Nested(
        GenerationOptionsSchema, load_default=lambda: GenerationOptionsSchema().load({})
    )


class StageSchema(BaseSchema):
    name = ma.fields.String()
    status = ma.fields.String(metadata={"description": "pending, running, succeeded or failed"})
    attempts = ma.fields.Integer()
    started_at = ma.fields.DateTime(allow_none=True)
    finished_at = ma.fields.DateTime(allow_none=True)
    duration_s = ma.fields.Float(allow_none=True)
    error = ma.fields.String(allow_none=True)
    meta = ma.fields.Dict(metadata={"description": "Model, prompt version, tokens, cost, cache hits"})


class DocumentSchema(BaseSchema):
    kind = ma.fields.String(metadata={"description": "resume or cover_letter"})
    format = ma.fields.String(metadata={"description": "pdf, txt or docx"})
    media_type = ma.fields.String()
    size = ma.fields.Integer()
    sha256 = ma.fields.String()
    pages = ma.fields.Integer(allow_none=True)
    url = ma.fields.Method("download_url", metadata={"type": "string", "description": "Where to download it"})

    def download_url(self, document: Any) -> str:
        return url_for(
            "generations.GenerationDocument",
            generation_id=document.generation_id,
            kind=document.kind,
            format=document.format,
        )


class GenerationSchema(BaseSchema):
    """A generation. ``stages`` and ``ats_report`` are sent by the status poll only when asked for with
    ``?include=stages,report`` (API 1.1); they also have their own resources."""

    id = ma.fields.UUID()
    profile_id = ma.fields.UUID()
    job_id = ma.fields.UUID()
    status = ma.fields.String(metadata={"description": "queued, running, succeeded, failed or cancelled"})
    progress = ma.fields.Float(metadata={"description": "Share of the five stages done, 0 to 1"})
    current_stage = ma.fields.String(allow_none=True)
    options = ma.fields.Nested(GenerationOptionsSchema)
    version = ma.fields.Integer(
        metadata={"description": "Bumped by every change; the ETag and the SSE event id carry it"}
    )
    stages = ma.fields.List(
        ma.fields.Nested(StageSchema), metadata={"description": "With ?include=stages (and on POST)"}
    )
    ats_score = ma.fields.Float(allow_none=True)
    ats_report = ma.fields.Dict(
        allow_none=True, metadata={"description": "With ?include=report (and on POST)"}
    )
    documents = ma.fields.List(ma.fields.Nested(DocumentSchema))
    generation_time_s = ma.fields.Float(allow_none=True)
    error = ma.fields.String(allow_none=True)
    failed_stage = ma.fields.String(allow_none=True)
    created_at = ma.fields.DateTime()
    started_at = ma.fields.DateTime(allow_none=True)
    finished_at = ma.fields.DateTime(allow_none=True)


class GenerationReportSchema(BaseSchema):
    id = ma.fields.UUID()
    status = ma.fields.String(metadata={"description": "queued, running, succeeded, failed or cancelled"})
    version = ma.fields.Integer()
    ats_score = ma.fields.Float(allow_none=True, metadata={"description": "null until stage 4 has run"})
    ats_report = ma.fields.Dict(allow_none=True, metadata={"description": "null until stage 4 has run"})


# Stage outputs the workers pass on but clients never need: stage 4's scored resume PDF and checked cover
# letter PDF (base64), which stage 5 exports and which are downloadable from /documents, and the profile
# stage 2 compiled (workers/inputs.py PROFILE_USED), the caller's own and already theirs.
INTERNAL_OUTPUT_KEYS = frozenset({"resume_pdf", "cover_letter_pdf", "profile_used"})


class StageOutputSchema(StageSchema):
    output = ma.fields.Method(
        "public_output",
        allow_none=True,
        metadata={"description": "What the stage produced, as JSON", "type": "object"},
    )

    def public_output(self, stage: Any) -> dict[str, Any] | None:
        output = stage["output"] if isinstance(stage, dict) else stage.output
        if output is None:
            return None
        return {key: value for key, value in output.items() if key not in INTERNAL_OUTPUT_KEYS}


class GenerationStagesSchema(BaseSchema):
    id = ma.fields.UUID()
    status = ma.fields.String()
    version = ma.fields.Integer()
    stages = ma.fields.List(ma.fields.Nested(StageOutputSchema))


class GenerationSummarySchema(BaseSchema):
    id = ma.fields.UUID()
    profile_id = ma.fields.UUID()
    job_id = ma.fields.UUID()
    status = ma.fields.String()
    progress = ma.fields.Float()
    ats_score = ma.fields.Float(allow_none=True)
    created_at = ma.fields.DateTime()
    finished_at = ma.fields.DateTime(allow_none=True)


class GenerationListArgsSchema(BaseSchema):
    status = ma.fields.String(validate=validate.OneOf(STATUSES))


class IdempotencyKeySchema(BaseSchema):
    idempotency_key = ma.fields.String(
        data_key="Idempotency-Key",
        validate=validate.Length(min=1, max=200),
        metadata={"description": "Repeat a request safely: the same key and body return the same generation"},
    )


INCLUDES = ("report", "stages")


class WaitArgsSchema(BaseSchema):
    wait = ma.fields.Integer(
        load_default=0,
        validate=validate.Range(min=0, max=30),
        metadata={"description": "Long-poll: hold up to this many seconds until the generation changes"},
    )
    include = DelimitedList(
        ma.fields.String(validate=validate.OneOf(INCLUDES)),
        load_default=(),
        metadata={"description": "Also send these (comma-separated): report (ats_report), stages"},
    )


class EventsArgsSchema(BaseSchema):
    last_event_id = ma.fields.Integer(
        data_key="Last-Event-ID",
        validate=validate.Range(min=0, max=2**31 - 1),
        metadata={"description": "Resume a stream: the id (version) of the last event received"},
    )


class DocumentArgsSchema(BaseSchema):
    format = ma.fields.String(load_default="pdf", validate=validate.OneOf(DOCUMENT_FORMATS))
