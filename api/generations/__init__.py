"""Generations: request a tailored resume and cover letter (202), poll until ready, download the files."""

from __future__ import annotations

import hashlib
import io
import json
import uuid
from typing import Any

from flask import Response, current_app, request, send_file, url_for
from flask.views import MethodView
from flask_jwt_extended import jwt_required
from flask_smorest import abort

from api.auth.tokens import current_user_id
from api.blueprint import Blueprint
from api.extensions import db
from api.generations.schemas import (
    DOCUMENT_KINDS,
    DocumentArgsSchema,
    GenerationCreateSchema,
    GenerationListArgsSchema,
    GenerationSchema,
    GenerationSummarySchema,
    IdempotencyKeySchema,
    WaitArgsSchema,
)
from api.generations.service import (
    IdempotencyConflictError,
    InvalidRequestError,
    create_generation,
    publish,
    wait_for_change,
)
from api.pagination import SelectPage
from models.generation import (
    Generation,
    cancel_generation,
    get_document,
    get_owned_generation,
    list_generations,
)

blp = Blueprint("generations", __name__, url_prefix="/api/v1/generations", description="Document generation")
POLL_AFTER_S = "2"
STATUS_HEADERS_DOC = {"ETag": "ETAG", "Retry-After": "RETRY_AFTER", "Cache-Control": "CACHE_CONTROL"}
BINARY = {"type": "string", "format": "binary"}
OTHER_MEDIA_TYPES = ("text/plain", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def owned_or_404(generation_id: uuid.UUID) -> Generation:
    generation = get_owned_generation(db.session, current_user_id(), generation_id)
    if generation is None:
        abort(404, message="No such generation.")
    return generation


def etag_of(generation: Generation) -> str:
    body = json.dumps(GenerationSchema().dump(generation), sort_keys=True, default=str)
    return hashlib.sha256(body.encode()).hexdigest()[:32]


def status_headers(generation: Generation, etag: str) -> dict[str, str]:
    headers = {"ETag": f'"{etag}"', "Cache-Control": "private, no-cache"}
    if not generation.is_final:
        headers["Retry-After"] = POLL_AFTER_S
    return headers


def requested_etag() -> str | None:
    tags = request.if_none_match
    return next(iter(tags), None) if tags else None


@blp.route("")
class Generations(MethodView):
    decorators = (jwt_required(),)

    @blp.arguments(IdempotencyKeySchema, location="headers", as_kwargs=True)
    @blp.arguments(GenerationCreateSchema)
    @blp.response(202, GenerationSchema, headers={"Location": "LOCATION", "Retry-After": "RETRY_AFTER"})
    @blp.alt_response(422, description="Invalid fields, or an Idempotency-Key reused with another request")
    def post(self, data: dict[str, Any], idempotency_key: str | None = None) -> Any:
        """Accept a generation and enqueue it; poll the Location until it ends."""
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
        if created:
            publish(db.session, generation)
            db.session.refresh(generation)
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
    decorators = (jwt_required(),)

    @blp.arguments(WaitArgsSchema, location="query")
    @blp.response(200, GenerationSchema, headers=STATUS_HEADERS_DOC)
    @blp.alt_response(
        304, description="Unchanged since the ETag in If-None-Match", headers=STATUS_HEADERS_DOC
    )
    @blp.conditional
    @blp.alt_response(404, description="No such generation for this user")
    def get(self, args: dict[str, Any], generation_id: uuid.UUID) -> Any:
        """Status, progress, stages, score and documents. Sends an ETag and, until the end, Retry-After.

        With ``?wait=N`` (N at most 30) the answer is held until the generation changes or N seconds pass.
        """
        baseline = requested_etag()
        found = wait_for_change(db.session, current_user_id(), generation_id, etag_of, baseline, args["wait"])
        if found is None:
            abort(404, message="No such generation.")
        generation, etag = found
        headers = status_headers(generation, etag)
        if baseline == etag:
            return Response(status=304, headers=headers)
        return generation, 200, headers


@blp.route("/<uuid:generation_id>/cancel")
class GenerationCancel(MethodView):
    decorators = (jwt_required(),)

    @blp.response(200, GenerationSchema)
    @blp.alt_response(404, description="No such generation for this user")
    @blp.alt_response(409, description="The generation has already ended")
    def post(self, generation_id: uuid.UUID) -> Generation:
        """Cancel a generation that has not ended; no further stage runs."""
        generation = owned_or_404(generation_id)
        if not cancel_generation(db.session, generation):
            abort(409, message=f"The generation has already ended ({generation.status}).")
        db.session.commit()
        return generation


@blp.route(f"/<uuid:generation_id>/documents/<any({', '.join(DOCUMENT_KINDS)}):kind>")
class GenerationDocument(MethodView):
    decorators = (jwt_required(),)

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
