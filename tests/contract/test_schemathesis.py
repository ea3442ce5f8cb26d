"""schemathesis (a tool nobody here wrote) against gunicorn serving the app: every check, every phase
(examples, coverage, fuzzing, stateful), failing on any 5xx, schema violation or other check failure.

Bounded by time: JOBWISE_ST_MAX_TIME seconds (default 150; fuzzing and stateful repeat until it is spent)
and JOBWISE_ST_MAX_EXAMPLES cases per operation and round (default 30). What is left out, and why, is in
schemathesis.toml: only DELETE /auth/me (it deletes the test's own account).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

from tests.conftest import ROOT, TEST_PASSWORD

CONFIG = Path(__file__).with_name("schemathesis.toml")
SPEC = ROOT / ".context" / "api" / "openapi-spec.yaml"


def register(live_server: str) -> str:
    email = f"schemathesis-{uuid.uuid4().hex[:8]}@example.com"
    body = json.dumps({"email": email, "password": TEST_PASSWORD, "name": "Schemathesis"}).encode()
    url = f"{live_server}/api/v1/auth/register"
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 -- our own server
        assert response.status == 201
    return email


def served(live_server: str) -> tuple[int, int]:
    """Requests the server has answered so far, and how many of them with a 5xx, from its own metrics."""
    with urllib.request.urlopen(f"{live_server}/metrics", timeout=30) as response:  # noqa: S310 -- our own server
        lines = response.read().decode().splitlines()
    counts = [
        (line.split('status="')[1][0], float(line.rsplit(" ", 1)[1]))
        for line in lines
        if line.startswith("jobwise_http_requests_total{")
    ]
    return int(sum(n for _, n in counts)), int(sum(n for status, n in counts if status == "5"))


def test_schemathesis_finds_no_server_error_and_no_contract_violation(live_server, tmp_path):
    env = {
        **os.environ,
        "JOBWISE_ST_EMAIL": register(live_server),
        "JOBWISE_ST_PASSWORD": TEST_PASSWORD,
        "PYTHONPATH": str(ROOT),
    }
    command = [
        Path(sys.executable).parent / "st", "--config-file", CONFIG, "run", SPEC, "--url", live_server,
        "--max-examples", os.environ.get("JOBWISE_ST_MAX_EXAMPLES", "30"),
        "--max-time", os.environ.get("JOBWISE_ST_MAX_TIME", "150"),
        "--report", "ndjson", "--report-dir", tmp_path, "--no-color",
    ]  # fmt: skip
    requests_before, errors_before = served(live_server)
    started = time.monotonic()
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    requests_after, errors_after = served(live_server)
    requests, server_errors = requests_after - requests_before, errors_after - errors_before
    summary = result.stdout[result.stdout.rfind("SUMMARY") :]
    print(  # shown with -s or -rP
        f"{summary}\nschemathesis took {time.monotonic() - started:.0f} s; "
        f"the server answered {requests} requests, {server_errors} of them with a 5xx"
    )
    assert result.returncode == 0, result.stdout[-30000:] + result.stderr[-5000:]
    assert server_errors == 0, "schemathesis passed, but the server's own metrics count 5xx answers"
