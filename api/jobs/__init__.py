"""Job postings: a user's saved ones, public ones, and ranked search over both."""

from __future__ import annotations

import uuid
from typing import Any

import orjson
from flask import Response, current_app, request
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import ValidationError

from api.audit import audit
from api.auth.tokens import current_user_id, token_required
from api.blueprint import Blueprint
from api.errors import PROBLEM_MEDIA_TYPE, ProblemSchema
from api.extensions import db
from api.jobs import jsonld
from api.jobs.posting_import import ImportRefusedError, posting_fields
from api.jobs.schemas import (
    OPTIONAL_FIELDS,
    JobImportSchema,
    JobListArgsSchema,
    JobSchema,
    JobSearchResultSchema,
    JobSearchSchema,
    search_hits,
)
from api.jobs.service import SearchCriteria, create_job, import_job, list_jobs, search_jobs, update_job
from api.pagination import SelectPage
from models.job import Job, get_visible_job

blp = Blueprint("jobs", __name__, url_prefix="/api/v1/jobs", description="Job postings and search")


def visible_or_404(job_id: uuid.UUID) -> Job:
    job = get_visible_job(db.session, current_user_id(), job_id)
    if job is None:
        abort(404, message="No such job.")
    return job


def owned_or_error(job_id: uuid.UUID) -> Job:
    """The caller's own posting; public postings are read-only (403), anyone else's do not exist (404)."""
    job = visible_or_404(job_id)
    if job.is_public:
        abort(403, message="Public postings are read-only.")
    return job


@blp.route("")
class Jobs(MethodView):
    decorators = (token_required,)

    @blp.arguments(JobListArgsSchema, location="query")
    @blp.response(200, JobSchema(many=True))
    @blp.paginate(SelectPage)
    def get(self, args: dict[str, Any]) -> Any:
        """Saved postings (scope=mine, the default), public ones, or both; newest first."""
        return list_jobs(current_user_id(), args["scope"])

    @blp.arguments(JobSchema)
    @blp.response(201, JobSchema)
    def post(self, data: dict[str, Any]) -> Job:
        """Save a posting."""
        job = create_job(db.session, current_user_id(), data)
        db.session.commit()
        return job


HTML_TYPES = ("text/html", "application/xhtml+xml")
PROBLEM = {"schema": ProblemSchema, "content_type": PROBLEM_MEDIA_TYPE}
IMPORT_BODY = {
    "required": True,
    "description": (
        "A schema.org JobPosting as JSON-LD (an object, an array or an @graph), or a whole HTML page that "
        'carries one in <script type="application/ld+json">. The server reads only this body: it fetches '
        "no URL. Pages up to JOBWISE_IMPORT_MAX_BYTES (2 MiB by default)."
    ),
    "content": {
        # application/json and other +json types are read the same way as application/ld+json.
        "application/ld+json": {"schema": {"type": "object"}},
        "text/html": {"schema": {"type": "string", "format": "binary"}},
    },
}


@blp.route("/import")
class JobImport(MethodView):
    decorators = (token_required,)

    @blp.doc(requestBody=IMPORT_BODY)
    @blp.response(201, JobSchema)
    @blp.alt_response(200, schema=JobSchema, description="Imported before (same identifier): updated")
    @blp.alt_response(413, description="Larger than the import limit", **PROBLEM)
    @blp.alt_response(415, description="Neither JSON-LD, JSON nor HTML", **PROBLEM)
    @blp.alt_response(
        422, description="No JobPosting, or it lacks a title, company or description", **PROBLEM
    )
    def post(self) -> tuple[Job, int]:
        """Save a posting from a job board's JobPosting JSON-LD, or from a page that carries one."""
        try:
            data = JobImportSchema().load(posting_fields(_submitted_posting()))
        except ImportRefusedError as problem:
            abort(422, message=problem.detail, errors=problem.errors)
        except ValidationError as invalid:
            abort(422, message="The JobPosting has values a posting cannot hold.", errors=invalid.messages)
        job, created = import_job(db.session, current_user_id(), data)
        db.session.commit()
        return job, 201 if created else 200


def _submitted_posting() -> jsonld.Found:
    """The JobPostings in the request body, read by its media type; 415 and 413 problems otherwise."""
    mimetype = request.mimetype
    is_html = mimetype in HTML_TYPES
    if not is_html and mimetype != "application/json" and not mimetype.endswith("+json"):
        abort(415, message="Send JobPosting JSON-LD as application/ld+json, or the page as text/html.")
    request.max_content_length = current_app.config["IMPORT_MAX_BYTES"]
    body = request.get_data(cache=False)
    charset = request.mimetype_params.get("charset")
    if is_html:
        return jsonld.from_html(body, charset or ("utf-8" if _is_utf8(body) else None))
    try:
        return jsonld.from_json(body.decode(charset or "utf-8-sig"))
    except (UnicodeDecodeError, LookupError):
        abort(422, message="The JSON-LD is not valid UTF-8 text.", errors={"body": ["Not UTF-8."]})


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@blp.route("/search")
class JobSearch(MethodView):
    decorators = (token_required,)

    @blp.arguments(JobSearchSchema())  # an instance: a class is instantiated per request
    @blp.response(200, JobSearchResultSchema)
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Search the caller's and public postings: any keyword matches, title hits rank highest."""
        criteria = SearchCriteria(**{**data, "keywords": tuple(data["keywords"])})
        with db.quick_read() as connection:  # autocommit: no BEGIN and ROLLBACK around the one query
            rows, total = search_jobs(connection, current_user_id(), criteria)
        body = {
            "results": search_hits(rows),
            "total": total,
            "page": criteria.page,
            "page_size": criteria.page_size,
        }
        # Built without marshmallow (the hot path); search_hits gives what JobSearchResultSchema would.
        # orjson writes a page of 20 postings in about a tenth of json.dumps's time (8 against 105 us).
        return Response(orjson.dumps(body), 200, mimetype="application/json")


@blp.route("/<uuid:job_id>")
class JobById(MethodView):
    decorators = (token_required,)

    @blp.response(200, JobSchema)
    @blp.alt_response(404, description="No such posting visible to this user")
    def get(self, job_id: uuid.UUID) -> Job:
        """One posting: the caller's own or a public one."""
        return visible_or_404(job_id)

    @blp.arguments(JobSchema)
    @blp.response(200, JobSchema)
    @blp.alt_response(403, description="Public postings are read-only")
    @blp.alt_response(404, description="No such posting visible to this user")
    def put(self, data: dict[str, Any], job_id: uuid.UUID) -> Job:
        """Replace a saved posting."""
        blank = dict.fromkeys(OPTIONAL_FIELDS)
        job = update_job(owned_or_error(job_id), blank | data)
        db.session.commit()
        return job

    @blp.arguments(JobSchema(partial=True))
    @blp.response(200, JobSchema)
    @blp.alt_response(403, description="Public postings are read-only")
    @blp.alt_response(404, description="No such posting visible to this user")
    def patch(self, data: dict[str, Any], job_id: uuid.UUID) -> Job:
        """Change some fields of a saved posting."""
        job = update_job(owned_or_error(job_id), data)
        db.session.commit()
        return job

    @blp.response(204)
    @blp.alt_response(403, description="Public postings are read-only")
    @blp.alt_response(404, description="No such posting visible to this user")
    def delete(self, job_id: uuid.UUID) -> None:
        """Delete a saved posting and the generations made for it."""
        job = owned_or_error(job_id)
        db.session.delete(job)
        audit(db.session, "job_delete", user_id=job.owner_id, target=("job", job.id))
        db.session.commit()
