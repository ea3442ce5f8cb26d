"""The batch CLI against a real HTTP server (the app on a local port) and the real worker."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from werkzeug.serving import make_server

from api import create_app
from scripts.batch import main
from tests.conftest import TEST_PASSWORD, make_config
from tests.factories import EXAMPLE_JOB, EXAMPLE_RESUME

pytestmark = pytest.mark.integration


@pytest.fixture
def server(database_url, celery_worker):
    app = create_app(make_config(database_url))
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", app
    httpd.shutdown()
    thread.join(timeout=10)


def test_batch_submits_every_posting_and_downloads_the_pdfs(server, tmp_path: Path):
    url, app = server
    app.test_client().post(
        "/api/v1/auth/register",
        json={"email": "batch@example.com", "password": TEST_PASSWORD, "name": "Batch"},
    )
    profile = tmp_path / "resume.json"
    profile.write_text(json.dumps(EXAMPLE_RESUME), encoding="utf-8")
    second = {**EXAMPLE_JOB, "title": "Platform Engineer", "company": "Northbeam"}
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text("\n".join(json.dumps(p) for p in (EXAMPLE_JOB, second)) + "\n", encoding="utf-8")
    out = tmp_path / "out"

    result = CliRunner().invoke(
        main,
        ["--server", url, "--email", "batch@example.com", "--profile", str(profile), "--jobs", str(jobs),
         "--out", str(out), "--template", "modern", "--timeout", "120"],
        env={"JOBWISE_PASSWORD": TEST_PASSWORD},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Submitted 2 generation(s)." in result.output
    folders = sorted(p.name for p in out.iterdir())
    assert folders == ["01-senior-backend-engineer-at-parcelhub", "02-platform-engineer-at-northbeam"]
    letter = PdfReader(out / folders[1] / "cover_letter.pdf")
    assert "Northbeam" in "".join(page.extract_text() for page in letter.pages)


def test_batch_reports_a_wrong_password(server, tmp_path: Path):
    url, _ = server
    jobs = tmp_path / "jobs.jsonl"
    jobs.write_text(json.dumps(EXAMPLE_JOB) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--server", url, "--email", "nobody@example.com", "--profile-id", "x", "--jobs", str(jobs)],
        env={"JOBWISE_PASSWORD": "wrong-password"},
    )  # fmt: skip
    assert result.exit_code != 0
    assert "401" in result.output
