"""The whole flow through the client generated from the contract (clients/python, openapi-python-client),
as a mobile team's generated client would run it: gunicorn serving the app, a real Celery worker, and only
the client's typed functions and models (no raw HTTP)."""

from __future__ import annotations

import io
import time
import uuid
from http import HTTPStatus

import httpx
import pytest
from jobwise_client import AuthenticatedClient, Client
from jobwise_client.api.auth import get_me, post_login, post_register
from jobwise_client.api.generations import get_generation, get_generation_document, post_generations
from jobwise_client.api.jobs import post_job_search, post_jobs
from jobwise_client.api.profiles import post_profile_import
from jobwise_client.models import (
    Generation,
    GenerationCreate,
    GenerationOptions,
    GenerationOptionsTemplate,
    GetGenerationDocumentKind,
    Job,
    JobSearch,
    JobSearchResult,
    JobSeniorityType1,
    JsonResume,
    Login,
    Problem,
    ProfileImport,
    Register,
    Token,
    User,
)
from jobwise_client.types import UNSET, File
from pypdf import PdfReader

from tests.conftest import TEST_PASSWORD
from tests.factories import EXAMPLE_JOB, EXAMPLE_RESUME

pytestmark = pytest.mark.integration
FINAL = {"succeeded", "failed", "cancelled"}
TIMEOUT = httpx.Timeout(60)


def test_a_generated_client_drives_the_whole_flow(live_server, celery_worker):
    anonymous = Client(base_url=live_server, timeout=TIMEOUT, raise_on_unexpected_status=True)
    email = f"client-{uuid.uuid4().hex[:8]}@example.com"

    user = post_register.sync(
        client=anonymous, body=Register(email=email, password=TEST_PASSWORD, name="Ana")
    )
    assert isinstance(user, User) and user.email == email
    token = post_login.sync(client=anonymous, body=Login(email=email, password=TEST_PASSWORD))
    assert isinstance(token, Token) and token.token_type == "Bearer"
    client = AuthenticatedClient(
        base_url=live_server, token=token.access_token, timeout=TIMEOUT, raise_on_unexpected_status=True
    )

    profile = post_profile_import.sync(client=client, body=JsonResume.from_dict(EXAMPLE_RESUME))
    assert isinstance(profile, ProfileImport) and profile.name == EXAMPLE_RESUME["basics"]["name"]
    assert profile.warnings == []  # a v1 document: nothing read differently

    job = post_jobs.sync(
        client=client,
        body=Job(
            title=EXAMPLE_JOB["title"],
            company=EXAMPLE_JOB["company"],
            description=EXAMPLE_JOB["description"],
            location=EXAMPLE_JOB["location"],
            remote=True,
            seniority=JobSeniorityType1.SENIOR,
        ),
    )
    assert isinstance(job, Job) and job.id is not UNSET

    found = post_job_search.sync(client=client, body=JobSearch(keywords=["backend", "python"]))
    assert isinstance(found, JobSearchResult)
    assert job.id in [hit.id for hit in found.results]

    accepted = post_generations.sync_detailed(
        client=client,
        body=GenerationCreate(
            profile_id=profile.id,
            job_id=job.id,
            options=GenerationOptions(template=GenerationOptionsTemplate.MODERN),
        ),
        idempotency_key=f"client-test-{uuid.uuid4().hex}",
    )
    assert accepted.status_code == HTTPStatus.ACCEPTED
    generation = accepted.parsed
    assert isinstance(generation, Generation)

    # Poll as the contract says: long-poll with the ETag; 304 means unchanged.
    status, etag = generation.status, UNSET
    deadline = time.monotonic() + 120
    while status not in FINAL:
        assert time.monotonic() < deadline, f"generation still {status}"
        polled = get_generation.sync_detailed(generation.id, client=client, wait=5, if_none_match=etag)
        if polled.status_code == HTTPStatus.NOT_MODIFIED:
            continue
        assert isinstance(polled.parsed, Generation)
        status, etag = polled.parsed.status, polled.headers["ETag"]
    assert status == "succeeded"

    resume = get_generation_document.sync(generation.id, GetGenerationDocumentKind.RESUME, client=client)
    assert isinstance(resume, File)
    pdf = resume.payload.read()
    assert pdf.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert EXAMPLE_RESUME["basics"]["name"] in text

    missing = get_generation.sync_detailed(uuid.uuid4(), client=client)
    assert missing.status_code == HTTPStatus.NOT_FOUND
    assert isinstance(missing.parsed, Problem)
    assert missing.parsed.status == 404 and missing.parsed.detail == "No such generation."

    signed_out = get_me.sync_detailed(client=anonymous)
    assert signed_out.status_code == HTTPStatus.UNAUTHORIZED
    assert isinstance(signed_out.parsed, Problem) and signed_out.parsed.status == 401
