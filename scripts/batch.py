"""Submit a batch of generations to a JobWise server and download the results.

    python scripts/batch.py --server http://127.0.0.1:8000 --email me@example.com \
        --profile resume.json --jobs postings.jsonl --out out/batch

The password comes from JOBWISE_PASSWORD or a prompt, never from the command line. Each request for a
generation carries an Idempotency-Key made from the profile, the job and the options, so a retried
request never starts a second generation.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

FINAL = {"succeeded", "failed", "cancelled"}


class JobWise:
    """A minimal HTTP client for the JobWise API (standard library only)."""

    def __init__(self, server: str) -> None:
        self.server = server.rstrip("/")
        self.token = ""

    def request(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.server}{path}", data=data, method=method)  # noqa: S310
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 -- the user's server
                payload = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            problem = json.loads(exc.read() or b"{}")
            raise click.ClickException(
                f"{method} {path}: {exc.code} {problem.get('detail', exc.reason)}"
            ) from None
        return json.loads(payload) if kind.endswith("json") else payload

    def login(self, email: str, password: str) -> None:
        self.token = self.request("POST", "/api/v1/auth/login", {"email": email, "password": password})[
            "access_token"
        ]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "job"


def idempotency_key(profile_id: str, job_id: str, options: dict[str, Any]) -> str:
    material = json.dumps([profile_id, job_id, options], sort_keys=True)
    return "batch-" + hashlib.sha256(material.encode()).hexdigest()[:40]


def read_postings(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def summary(rows: list[dict[str, Any]]) -> Table:
    table = Table(title="Batch")
    for column in ("#", "job", "status", "ATS score", "files"):
        table.add_column(column)
    for number, row in enumerate(rows, start=1):
        score = row.get("ats_score")
        table.add_row(
            str(number),
            row["label"],
            row["status"],
            f"{score:.2f}" if score is not None else "-",
            row.get("folder", row.get("error") or ""),
        )
    return table


@click.command()
@click.option("--server", default="http://127.0.0.1:8000", show_default=True)
@click.option("--email", required=True)
@click.option("--password", envvar="JOBWISE_PASSWORD", prompt=True, hide_input=True)
@click.option(
    "--profile", "profile_path", type=click.Path(exists=True, path_type=Path), help="JSON Resume file"
)
@click.option("--profile-id", help="use a profile already on the server instead of --profile")
@click.option(
    "--jobs", "jobs_path", type=click.Path(exists=True, path_type=Path), required=True, help="JSON Lines"
)
@click.option(
    "--out", "out_dir", type=click.Path(path_type=Path), default=Path("out/batch"), show_default=True
)
@click.option("--template", type=click.Choice(["classic", "modern"]), default="classic", show_default=True)
@click.option("--one-page", is_flag=True)
@click.option("--generator", type=click.Choice(["offline", "llm"]))
@click.option("--timeout", "timeout_s", default=600, show_default=True, help="seconds to wait for the batch")
def main(
    server: str,
    email: str,
    password: str,
    profile_path: Path | None,
    profile_id: str | None,
    jobs_path: Path,
    out_dir: Path,
    template: str,
    one_page: bool,
    generator: str | None,
    timeout_s: int,
) -> None:
    """Generate a tailored resume and cover letter for every posting in JOBS."""
    if bool(profile_path) == bool(profile_id):
        raise click.UsageError("give exactly one of --profile and --profile-id")
    console = Console(highlight=False)
    api = JobWise(server)
    api.login(email, password)
    if profile_path:
        document = json.loads(profile_path.read_text(encoding="utf-8"))
        profile_id = api.request("POST", "/api/v1/profiles/import", document)["id"]
    options = {"template": template, "one_page": one_page} | ({"generator": generator} if generator else {})

    rows = []
    for posting in read_postings(jobs_path):
        job = api.request("POST", "/api/v1/jobs", posting)
        key = idempotency_key(str(profile_id), job["id"], options)
        body = {"profile_id": profile_id, "job_id": job["id"], "options": options}
        generation = api.request("POST", "/api/v1/generations", body, {"Idempotency-Key": key})
        rows.append({"id": generation["id"], "status": generation["status"],
                     "label": f"{posting['title']} at {posting['company']}"})  # fmt: skip
    console.print(f"Submitted {len(rows)} generation(s).")

    deadline = time.monotonic() + timeout_s
    while any(row["status"] not in FINAL for row in rows) and time.monotonic() < deadline:
        for row in rows:
            if row["status"] not in FINAL:
                generation = api.request("GET", f"/api/v1/generations/{row['id']}?wait=10")
                row.update(status=generation["status"], ats_score=generation["ats_score"],
                           error=generation["error"], documents=generation["documents"])  # fmt: skip
    for number, row in enumerate(rows, start=1):
        if row["status"] == "succeeded":
            folder = out_dir / f"{number:02d}-{slug(row['label'])}"
            folder.mkdir(parents=True, exist_ok=True)
            for document in row["documents"]:
                if document["format"] == "pdf":
                    (folder / f"{document['kind']}.pdf").write_bytes(api.request("GET", document["url"]))
            row["folder"] = str(folder)
    console.print(summary(rows))
    unfinished = [row for row in rows if row["status"] != "succeeded"]
    if unfinished:
        raise click.ClickException(f"{len(unfinished)} of {len(rows)} generation(s) did not succeed")


if __name__ == "__main__":
    main()
