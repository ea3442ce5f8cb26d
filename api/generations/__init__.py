"""Generations: request a tailored resume and cover letter (202), poll until ready, download the files."""

from __future__ import annotations

import io
import json
import re
import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from flask import Response, current_app, request, send_file, stream_with_context, url_for
from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import select

from api.announcements import Announcements
from api.auth.tokens import current_user_id, token_required
from api.blueprint import Blueprint
from api.extensions import db
from api.generations.schemas import (
    DOCUMENT_KINDS,
    DocumentArgsSchema,
    DocumentSchema,
    EventsArgsSchema,
    GenerationCreateSchema,
    GenerationListArgsSchema,
    GenerationOptionsSchema,
    GenerationReportSchema,
    GenerationSchema,
    GenerationStagesSchema,
    GenerationSummarySchema,
    IdempotencyKeySchema,
    StageSchema,
    WaitArgsSchema,
)
from api.generations.service import (
    IdempotencyConflictError,
    InvalidRequestError,
    create_generation,
    publish,
    wait_for_version,
)
from api.pagination import SelectPage
from models.generation import (
    FINAL_STATUSES,
    SUCCEEDED,
    Document,
    Generation,
    GenerationStage,
    cancel_generation,
    document_files,
    get_document,
    get_owned_generation,
    list_generations,
    owned_report,
    owned_status,
    stages_with_output,
    webhooks_queued,
)
from workers.chains import dispatch_webhooks

blp = Blueprint("generations", __name__, url_prefix="/api/v1/generations", description="Document generation")
POLL_AFTER_S = "2"
STATUS_HEADERS_DOC = {"ETag": "ETAG", "Retry-After": "RETRY_AFTER", "Cache-Control": "CACHE_CONTROL"}
BINARY = {"type": "string", "format": "binary"}
OPTION_KEYS = tuple(GenerationOptionsSchema().fields)
ETAG_VERSION = re.compile(r"v(\d{1,10})(?:-[a-z-]+)?")
SSE_KEEPALIVE_S = 15.0
# One Server-Sent Event as the spec describes a text/event-stream (each event is checked against it).
SSE_EVENT = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "description": "The generation's version"},
        "event": {"type": "string", "enum": ["status"]},
        "data": {"type": "string", "description": "The status body (JSON), as GET /generations/{id} has it"},
        "retry": {"type": "integer"},
    },
}
SSE_RETRY_MS = 2000
OTHER_MEDIA_TYPES = ("text/plain", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def owned_or_404(generation_id: uuid.UUID) -> Generation:
    generation = get_owned_generation(db.session, current_user_id(), generation_id)
    if generation is None:
        abort(404, message="No such generation.")
    return generation


def status_headers(status: str, etag: str) -> dict[str, str]:
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if status not in FINAL_STATUSES:
        headers["Retry-After"] = POLL_AFTER_S
    return headers


def version_tag(version: int, include: tuple[str, ...] = ()) -> str:
    return f"v{version}{''.join('-' + part for part in sorted(include))}"


def not_modified(version: int, include: tuple[str, ...] = ()) -> bool:
    """Whether If-None-Match names this representation (weak or strong, as RFC 9110 compares it)."""
    return request.if_none_match.contains_weak(version_tag(version, include))


def version_etag(version: int, include: tuple[str, ...] = ()) -> str:
    """The ETag of a representation: the generation's version, and what was included with it."""
    return f'"{version_tag(version, include)}"'


def versioned_part(version: int, part: str) -> tuple[dict[str, str], Response | None]:
    """The headers of a part that changes with the generation's version (``/report``, ``/stages``), and the
    304 answer when If-None-Match already names it."""
    include = (part,)
    headers = {"ETag": version_etag(version, include), "Cache-Control": "private, no-cache"}
    return headers, Response(status=304, headers=headers) if not_modified(version, include) else None


def requested_version() -> int | None:
    """The version named by If-None-Match (``"v12"`` or ``"v12-report"``), if any."""
    for tag in request.if_none_match.as_set(include_weak=True):
        match = ETAG_VERSION.fullmatch(tag or "")  # werkzeug gives None for an empty tag ("")
        if match:
            return int(match.group(1))
    return None


def announcements() -> Announcements | None:
    return current_app.extensions.get("jobwise_announcements")


def read_status(owner_id: uuid.UUID, generation_id: uuid.UUID) -> Any:
    with db.quick_read() as connection:
        return owned_status(connection, owner_id, generation_id)


def release_session() -> None:
    """End the read transaction and hand the connection back to the pool while waiting."""
    db.session.close()


def isoformat(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def status_body(row: Any, include: tuple[str, ...] = ()) -> dict[str, Any]:
    """The status representation, built from the status columns without marshmallow (the hot path)."""
    started, finished = row.started_at, row.finished_at
    options = row.options or {}
    body: dict[str, Any] = {
        "id": str(row.id),
        "profile_id": str(row.profile_id),
        "job_id": str(row.job_id),
        "status": row.status,
        "progress": row.progress,
        "current_stage": row.current_stage,
        "version": row.version,
        "options": {key: options[key] for key in OPTION_KEYS if key in options},
        "ats_score": row.ats_score,
        "documents": [],
        "generation_time_s": (
            round((finished - row.created_at).total_seconds(), 3) if started and finished else None
        ),
        "error": row.error,
        "failed_stage": row.failed_stage,
        "created_at": isoformat(row.created_at),
        "started_at": isoformat(started),
        "finished_at": isoformat(finished),
    }
    if row.status == SUCCEEDED:
        body["documents"] = DocumentSchema(many=True).dump(
            Document(generation_id=row.id, **file) for file in document_files(db.session, row.id)
        )
    if "report" in include:
        body["ats_report"] = db.session.scalar(select(Generation.ats_report).where(Generation.id == row.id))
    if "stages" in include:
        body["stages"] = StageSchema(many=True).dump(
            db.session.scalars(
                select(GenerationStage)
                .where(GenerationStage.generation_id == row.id)
                .order_by(GenerationStage.position)
            )
        )
    return body


def json_response(body: Any, status: int, headers: dict[str, str]) -> Response:
    return Response(json.dumps(body, separators=(",", ":")), status, headers, mimetype="application/json")


@blp.route("")
class Generations(MethodView):
    decorators = (token_required,)

    @blp.arguments(IdempotencyKeySchema, location="headers", as_kwargs=True)
    @blp.arguments(GenerationCreateSchema)
    @blp.response(202, GenerationSchema, headers={"Location": "LOCATION", "Retry-After": "RETRY_AFTER"})
    @blp.alt_response(422, description="Invalid fields, or an Idempotency-Key reused with another request")
    def post(self, data: dict[str, Any], idempotency_key: str | None = None) -> Any:
        """Accept a generation and enqueue it; the body is the generation as accepted (queued). Poll the
        Location until it ends."""
        key = idempotency_key or None
        data["options"].setdefault("generator", current_app.config["JOBWISE_DEFAULT_GENERATOR"])
        if data["options"]["generator"] == "llm" and not current_app.config["JOBWISE_LLM_CONFIG"]:
            abort(422, message="The llm generator is not available: this server has no JOBWISE_LLM_CONFIG.")
        try:
            generation, created = create_generation(db.session, current_user_id(), data, key)
        except InvalidRequestError as exc:
            abort(422, message="The request names something you cannot use.", errors=exc.errors)
        except IdempotencyConflictError:
            abort(422, message="This Idempotency-Key was already used with a different request.")
        db.session.commit()
        if created:  # answered as accepted, not read back: a worker (or eager mode) may already have run it
            publish(db.session, generation)
        location = url_for("generations.GenerationById", generation_id=generation.id)
        return generation, 202, {"Location": location, "Retry-After": POLL_AFTER_S}

    @blp.arguments(GenerationListArgsSchema, location="query")
    @blp.response(200, GenerationSummarySchema(many=True))
    @blp.paginate(SelectPage)
    def get(self, args: dict[str, Any]) -> Any:
        """The caller's generations, newest first; filter with ?status=."""
        return list_generations(current_user_id(), args.get("status"))


@blp.route("/<uuid:generation_id>")
class GenerationById(MethodView):
    decorators = (token_required,)

    @blp.arguments(WaitArgsSchema(), location="query")  # an instance: a class is instantiated per request
    @blp.response(200, GenerationSchema, headers=STATUS_HEADERS_DOC)
    @blp.alt_response(
        304, description="Unchanged since the ETag in If-None-Match", headers=STATUS_HEADERS_DOC
    )
    @blp.conditional
    @blp.alt_response(404, description="No such generation for this user")
    def get(self, args: dict[str, Any], generation_id: uuid.UUID) -> Any:
        """Status, progress, score and documents (about 1 KB). The ETag is the generation's version;
        Retry-After until the end.

        With ``?wait=N`` (N at most 30) the answer is held until the generation changes (from the version
        in If-None-Match, or from now) or N seconds pass. ``?include=report,stages`` adds the ATS report
        and the stages (API 1.0's shape); they also have their own resources.
        """
        include = tuple(sorted(set(args["include"])))
        owner_id = current_user_id()
        baseline = requested_version()
        row = wait_for_version(
            lambda: read_status(owner_id, generation_id),
            release_session,
            generation_id,
            baseline,
            args["wait"],
            announcements(),
        )
        if row is None:
            abort(404, message="No such generation.")
        etag = version_etag(row.version, include)
        headers = status_headers(row.status, etag)
        if not_modified(row.version, include):
            return Response(status=304, headers=headers)
        return json_response(status_body(row, include), 200, headers)


@blp.route("/<uuid:generation_id>/report")
class GenerationReport(MethodView):
    decorators = (token_required,)

    @blp.response(200, GenerationReportSchema, headers={"ETag": "ETAG", "Cache-Control": "CACHE_CONTROL"})
    @blp.alt_response(304, description="Unchanged since the ETag in If-None-Match", headers={"ETag": "ETAG"})
    @blp.conditional
    @blp.alt_response(404, description="No such generation for this user")
    def get(self, generation_id: uuid.UUID) -> Any:
        """The ATS score and report; both null (with the status) until stage 4 has run."""
        row = owned_report(db.session, current_user_id(), generation_id)
        if row is None:
            abort(404, message="No such generation.")
        headers, unchanged = versioned_part(row.version, "report")
        return unchanged or (row._asdict(), 200, headers)


@blp.route("/<uuid:generation_id>/stages")
class GenerationStages(MethodView):
    decorators = (token_required,)

    @blp.response(200, GenerationStagesSchema, headers={"ETag": "ETAG", "Cache-Control": "CACHE_CONTROL"})
    @blp.alt_response(304, description="Unchanged since the ETag in If-None-Match", headers={"ETag": "ETAG"})
    @blp.conditional
    @blp.alt_response(404, description="No such generation for this user")
    def get(self, generation_id: uuid.UUID) -> Any:
        """Every stage with its attempts, timings, meta (model, tokens, cost) and output."""
        row = owned_status(db.session.connection(), current_user_id(), generation_id)
        if row is None:
            abort(404, message="No such generation.")
        headers, unchanged = versioned_part(row.version, "stages")
        if unchanged is not None:
            return unchanged
        body = {
            "id": row.id,
            "status": row.status,
            "version": row.version,
            "stages": stages_with_output(db.session, generation_id),
        }
        return body, 200, headers


@blp.route("/<uuid:generation_id>/events")
class GenerationEvents(MethodView):
    decorators = (token_required,)

    @blp.arguments(EventsArgsSchema, location="headers", as_kwargs=True)
    @blp.response(
        200,
        SSE_EVENT,
        content_type="text/event-stream",
        description=(
            "Server-Sent Events: a `status` event (data: the status body, id: its version) now and at "
            "every change, a comment every 15 s, and the end of the stream after the final status or "
            "JOBWISE_SSE_MAX_S; reconnect with Last-Event-ID to resume."
        ),
    )
    @blp.alt_response(404, description="No such generation for this user")
    def get(self, generation_id: uuid.UUID, last_event_id: int | None = None) -> Any:
        """Follow a generation as a stream of status events (an EventSource), resumable."""
        owner_id = current_user_id()
        row = read_status(owner_id, generation_id)
        if row is None:
            abort(404, message="No such generation.")
        release_session()
        max_s = current_app.config["JOBWISE_SSE_MAX_S"]

        def stream() -> Iterator[str]:
            current, sent = row, last_event_id or 0
            deadline = time.monotonic() + max_s
            yield f"retry: {SSE_RETRY_MS}\n\n"
            while True:
                if current.version != sent:
                    body = json.dumps(status_body(current), separators=(",", ":"))
                    release_session()
                    sent = current.version
                    yield f"id: {sent}\nevent: status\ndata: {body}\n\n"
                if current.status in FINAL_STATUSES:
                    return
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return
                current = wait_for_version(
                    lambda: read_status(owner_id, generation_id),
                    release_session,
                    generation_id,
                    sent,
                    min(SSE_KEEPALIVE_S, remaining),
                    announcements(),
                )
                release_session()
                if current is None:
                    return
                if current.version == sent:
                    yield ": keep-alive\n\n"

        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return Response(stream_with_context(stream()), 200, headers, mimetype="text/event-stream")


@blp.route("/<uuid:generation_id>/cancel")
class GenerationCancel(MethodView):
    decorators = (token_required,)

    @blp.response(200, GenerationSchema)
    @blp.alt_response(404, description="No such generation for this user")
    @blp.alt_response(409, description="The generation has already ended")
    def post(self, generation_id: uuid.UUID) -> Generation:
        """Cancel a generation that has not ended; no further stage runs."""
        generation = owned_or_404(generation_id)
        if not cancel_generation(db.session, generation):
            abort(409, message=f"The generation has already ended ({generation.status}).")
        db.session.commit()
        if webhooks_queued(db.session):
            dispatch_webhooks()
        return generation


@blp.route(f"/<uuid:generation_id>/documents/<any({', '.join(DOCUMENT_KINDS)}):kind>")
class GenerationDocument(MethodView):
    decorators = (token_required,)

    @blp.arguments(DocumentArgsSchema, location="query")
    @blp.response(
        200,
        BINARY,
        content_type="application/pdf",
        description="The file: PDF by default, or ?format=txt (text/plain), ?format=docx (resume only)",
        headers={"ETag": "ETAG"},
    )
    @blp.alt_response(304, description="Unchanged since the ETag in If-None-Match", headers={"ETag": "ETAG"})
    @blp.alt_response(404, description="No such generation, or that document is not ready")
    @blp.conditional
    @blp.doc(
        responses={200: {"content": {media_type: {"schema": BINARY} for media_type in OTHER_MEDIA_TYPES}}}
    )
    def get(self, args: dict[str, Any], generation_id: uuid.UUID, kind: str) -> Response:
        """Download the resume or cover letter (kind ``resume`` or ``cover_letter``)."""
        generation = owned_or_404(generation_id)
        document = get_document(db.session, generation.id, kind, args["format"])
        if document is None:
            abort(404, message=f"No {args['format']} {kind} for this generation (yet).")
        return send_file(
            io.BytesIO(document.content),
            mimetype=document.media_type,
            as_attachment=True,
            download_name=f"{kind}.{document.format}",
            etag=document.sha256,
            conditional=True,
            max_age=0,
        )
