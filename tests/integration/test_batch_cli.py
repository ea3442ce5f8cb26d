"""The installed ``jobwise`` command against gunicorn and a real Celery worker: a batch of five postings with
access tokens that live 3 seconds (so the command must refresh), interrupted by SIGINT after its second
result and resumed by the same command, with no generation asked for twice."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from jobwise_client import Client
from jobwise_client.api.auth import post_register
from jobwise_client.models import Register
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.generation import Generation
from models.job import Job
from models.profile import Profile
from models.user import RefreshToken, RefreshTokenFamily, User
from tests.conftest import ROOT, TEST_PASSWORD, gunicorn_server
from tests.factories import EXAMPLE_JOB, EXAMPLE_RESUME

pytestmark = pytest.mark.integration

JOBWISE = Path(sys.executable).parent / ("jobwise.exe" if os.name == "nt" else "jobwise")
ACCESS_TOKEN_SECONDS = 3
COMPANIES = ("Parcelhub", "Northbeam", "Quayline", "Tessellate", "Brightwater")
DOCUMENTS = {"resume.pdf", "resume.txt", "resume.docx", "cover_letter.pdf", "cover_letter.txt", "report.json"}


@pytest.fixture(scope="module")
def server_log(tmp_path_factory) -> Path:
    """The server's log: its access lines (method, path, status, duration; no bodies) name what a failed
    run asked and got."""
    return tmp_path_factory.mktemp("gunicorn-short-tokens") / "stderr.log"


@pytest.fixture(scope="module")
def server(database_url, celery_worker, server_log):
    with gunicorn_server(
        database_url,
        server_log,
        JWT_ACCESS_TOKEN_SECONDS_OVERRIDE=str(ACCESS_TOKEN_SECONDS),
        LOG_LEVEL="INFO",
    ) as url:
        yield url


def requests_seen(log: Path, last: int = 60) -> str:
    """The server's last access lines, shown when a run fails."""
    lines = [
        line for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if '"path"' in line
    ]
    return "\nthe server's last requests:\n" + "\n".join(lines[-last:])


@pytest.fixture
def user(server, tmp_path):
    """A registered account, logged in with ``jobwise login`` (password on stdin) in its own config folder."""
    email = f"batch-{uuid.uuid4().hex[:8]}@example.com"
    with Client(base_url=server) as client:
        response = post_register.sync_detailed(
            client=client, body=Register(email=email, password=TEST_PASSWORD, name="Batch User")
        )
    assert response.status_code == 201
    env = {**os.environ, "JOBWISE_CONFIG_DIR": str(tmp_path / "config"), "NO_COLOR": "1", "COLUMNS": "160"}
    login = jobwise(
        env, "login", "--server", server, "--email", email, "--password-stdin", stdin=TEST_PASSWORD
    )
    assert login.returncode == 0, login.stderr
    return email, env


def jobwise(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [JOBWISE, *args], env=env, input=stdin, capture_output=True, text=True, timeout=600, cwd=ROOT,
        start_new_session=True,  # no controlling terminal: nothing can wait on a tty
    )  # fmt: skip


@contextmanager
def sigint_as_in_a_terminal() -> Iterator[None]:
    """A child inherits an ignored SIGINT (pytest started in the background by a shell ignores it), and
    Python then leaves Ctrl-C ignored. A user at a terminal has it delivered: so must the command here. A
    handled signal is reset to its default in the child."""
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        if previous is signal.SIG_IGN:
            signal.signal(signal.SIGINT, previous)


def batch_files(tmp_path: Path) -> tuple[Path, Path]:
    profile = tmp_path / "resume.json"
    profile.write_text(json.dumps(EXAMPLE_RESUME), encoding="utf-8")
    jobs = tmp_path / "postings.jsonl"
    postings = [{**EXAMPLE_JOB, "company": company} for company in COMPANIES]
    jobs.write_text("".join(json.dumps(p) + "\n" for p in postings), encoding="utf-8")
    return profile, jobs


def finished(out: Path) -> int:
    try:
        state = json.loads((out / ".jobwise-batch.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0  # not written yet, or being replaced
    return sum(entry.get("status") == "downloaded" for entry in state["entries"].values())


def owned(session: Session, model, user_id) -> int:
    column = model.owner_id if hasattr(model, "owner_id") else model.user_id
    return session.scalar(select(func.count()).select_from(model).where(column == user_id))


def test_a_batch_interrupted_after_two_results_resumes_without_a_second_generation(
    user, engine, tmp_path, server_log
):
    email, env = user
    profile, jobs = batch_files(tmp_path)
    out = tmp_path / "out"
    command = [JOBWISE, "batch", "submit", "--profile", str(profile), "--jobs", str(jobs), "--out", str(out),
               "--template", "modern", "--one-page", "auto", "--concurrency", "2"]  # fmt: skip

    # First run: stopped with SIGINT (what Ctrl-C sends) once two results are on disk.
    log = tmp_path / "first.log"
    with log.open("w") as output, sigint_as_in_a_terminal():
        first = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT,
                                 start_new_session=True)  # fmt: skip
        deadline = time.monotonic() + 480
        while finished(out) < 2:
            assert first.poll() is None, f"the batch ended early:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"no two results yet:\n{log.read_text()}"
            time.sleep(0.1)
        first.send_signal(signal.SIGINT)
        assert first.wait(timeout=60) == 130, log.read_text()
    interrupted = finished(out)
    assert 2 <= interrupted < len(COMPANIES)
    assert "Run the same command again to resume" in log.read_text()

    # Second run: the same command finishes the batch, starting on an access token that has expired.
    time.sleep(ACCESS_TOKEN_SECONDS)
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, cwd=ROOT,
                            start_new_session=True)  # fmt: skip
    assert second.returncode == 0, second.stdout + second.stderr + requests_seen(server_log)
    assert f"Resuming: {interrupted} of 5 already finished." in second.stdout
    assert "401" not in log.read_text() + second.stdout

    state = json.loads((out / ".jobwise-batch.json").read_text(encoding="utf-8"))
    entries = list(state["entries"].values())
    assert [entry["status"] for entry in entries] == ["downloaded"] * 5
    for entry in entries:
        folder = out / entry["folder"]
        assert {p.name for p in folder.iterdir()} == DOCUMENTS
        report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        assert report["generation_id"] == entry["generation_id"]
        assert report["ats_score"] == entry["ats_score"] > 0
        assert report["status"] == "succeeded"
    letter = PdfReader(out / entries[1]["folder"] / "cover_letter.pdf")
    assert "Northbeam" in "".join(page.extract_text() for page in letter.pages)

    with Session(engine) as session:
        user_id = session.scalar(select(User.id).where(User.email == email))
        generations = session.scalars(select(Generation).where(Generation.owner_id == user_id)).all()
        # One generation per posting, whatever was in flight at the interruption; one job, one profile.
        assert len(generations) == 5
        assert {str(g.id) for g in generations} == {entry["generation_id"] for entry in entries}
        assert len({g.job_id for g in generations}) == 5
        assert {g.status for g in generations} == {"succeeded"}
        assert owned(session, Job, user_id) == 5
        assert owned(session, Profile, user_id) == 1
        # Access tokens of 3 s: refreshed (at least once, when the resume starts; in practice during both
        # runs), each refresh token spent once (a token spent twice would have revoked the login).
        families = session.scalars(
            select(RefreshTokenFamily).where(RefreshTokenFamily.user_id == user_id)
        ).all()
        assert len(families) == 1 and families[0].revoked_at is None
        tokens = session.scalar(
            select(func.count()).select_from(RefreshToken).where(RefreshToken.family_id == families[0].id)
        )
        assert tokens >= 2, "the batch never refreshed its access token"

    # The other commands, on what the batch made.
    generation_id = entries[0]["generation_id"]
    status = jobwise(env, "status", generation_id)
    assert status.returncode == 0, status.stderr
    assert "succeeded" in status.stdout and "ATS score" in status.stdout
    downloaded = jobwise(env, "download", generation_id, "--out", str(tmp_path / "one"))
    assert downloaded.returncode == 0, downloaded.stderr
    assert {p.name for p in (tmp_path / "one").iterdir()} == DOCUMENTS
    assert (tmp_path / "one" / "resume.pdf").read_bytes() == (
        out / entries[0]["folder"] / "resume.pdf"
    ).read_bytes()


def test_login_import_and_logout(user, tmp_path):
    email, env = user
    credentials = Path(env["JOBWISE_CONFIG_DIR"]) / "credentials.json"
    assert json.loads(credentials.read_text(encoding="utf-8"))["email"] == email
    if os.name != "nt":
        assert stat.S_IMODE(credentials.stat().st_mode) == 0o600
    assert TEST_PASSWORD not in credentials.read_text(encoding="utf-8")

    # An access token the server refuses (401) is refreshed once and the request, body and all, sent again.
    stored = json.loads(credentials.read_text(encoding="utf-8"))
    stored.update(access_token="not-a-token", access_expires_at=time.time() + 3600, access_lifetime_s=3600)
    credentials.write_text(json.dumps(stored), encoding="utf-8")
    page = ROOT / "tests" / "data" / "job_pages" / "remote_telecommute.html"
    imported = jobwise(env, "jobs", "import-url", str(page))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert imported.stdout.startswith("saved job ")
    assert json.loads(credentials.read_text(encoding="utf-8"))["access_token"] != "not-a-token"
    graph = tmp_path / "posting.json"
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Night Nurse",
        "description": "Wards.",
        "hiringOrganization": {"@type": "Organization", "name": "St Elsewhere"},
        "identifier": "N-1",
    }
    graph.write_text(json.dumps([{"@type": "Organization", "name": "x"}, posting]), encoding="utf-8")
    first, again = (
        jobwise(env, "jobs", "import-url", str(graph)),
        jobwise(env, "jobs", "import-url", str(graph)),
    )
    assert first.stdout.startswith("saved job ") and "Night Nurse at St Elsewhere" in first.stdout
    assert again.stdout.startswith("updated job "), again.stdout + again.stderr
    empty = jobwise(
        env, "jobs", "import-url", str(ROOT / "tests" / "data" / "job_pages" / "no_jobposting.html")
    )
    assert empty.returncode == 1
    assert "422" in empty.stderr and "JobPosting" in empty.stderr

    assert jobwise(env, "logout").returncode == 0
    assert not credentials.exists()
    after = jobwise(env, "status", str(uuid.uuid4()))
    assert after.returncode == 1
    assert "jobwise login" in after.stderr
