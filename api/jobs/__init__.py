"""Job postings: a user's saved ones, public ones, and ranked search over both."""

from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView
from flask_jwt_extended import jwt_required
from flask_smorest import abort

from api.audit import audit
from api.auth.tokens import current_user_id
from api.blueprint import Blueprint
from api.extensions import db
from api.jobs.schemas import JobListArgsSchema, JobSchema, JobSearchResultSchema, JobSearchSchema
from api.jobs.service import SearchCriteria, create_job, list_jobs, search_jobs, update_job
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
    decorators = (jwt_required(),)

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


@blp.route("/search")
class JobSearch(MethodView):
    decorators = (jwt_required(),)

    @blp.arguments(JobSearchSchema)
    @blp.response(200, JobSearchResultSchema)
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Search the caller's and public postings: any keyword matches, title hits rank highest."""
        criteria = SearchCriteria(**{**data, "keywords": tuple(data["keywords"])})
        results, total = search_jobs(db.session, current_user_id(), criteria)
        return {"results": results, "total": total, "page": criteria.page, "page_size": criteria.page_size}


@blp.route("/<uuid:job_id>")
class JobById(MethodView):
    decorators = (jwt_required(),)

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
        blank = dict.fromkeys(("location", "remote", "seniority", "employment_type", "url", "posted_at"))
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
