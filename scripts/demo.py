"""The JobWise demo: one tailored resume and cover letter, end to end, through the real API.

Runs embedded by default (SQLite, Celery eager, the offline generator): no services, no API key.
`python dev.py demo` migrates the database first and then runs this.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api import create_app  # noqa: E402 -- after the path set-up, so the script runs from anywhere

DEMO_EMAIL = "demo@jobwise.example"
DEMO_PASSWORD = "demo-password-not-secret"  # noqa: S105 -- a local demo account


class ApiError(RuntimeError):
    pass


class Client:
    """The API through Flask's test client: real routing, validation, auth and errors, no server needed."""

    def __init__(self) -> None:
        self.http = create_app({"LOG_LEVEL": "WARNING", "RATELIMIT_STORAGE_URI": "memory://"}).test_client()
        self.headers: dict[str, str] = {}

    def call(self, method: str, path: str, expect: int, **kwargs: Any) -> Any:
        response = getattr(self.http, method)(path, headers=self.headers, **kwargs)
        if response.status_code != expect:
            raise ApiError(
                f"{method.upper()} {path} answered {response.status_code}: {response.get_data(as_text=True)}"
            )
        return response

    def sign_in(self) -> None:
        account = {"email": DEMO_EMAIL, "password": DEMO_PASSWORD, "name": "Demo User"}
        registered = self.http.post("/api/v1/auth/register", json=account)
        if registered.status_code not in (201, 409):
            raise ApiError(f"register answered {registered.status_code}")
        tokens = self.call(
            "post", "/api/v1/auth/login", 200, json={"email": DEMO_EMAIL, "password": DEMO_PASSWORD}
        )
        self.headers = {"Authorization": f"Bearer {tokens.get_json()['access_token']}"}


def stage_table(generation: dict[str, Any]) -> Table:
    table = Table(title="Pipeline stages")
    for column in ("stage", "status", "attempts", "seconds"):
        table.add_column(column)
    for stage in generation["stages"]:
        table.add_row(
            stage["name"], stage["status"], str(stage["attempts"]), f"{stage['duration_s'] or 0:.3f}"
        )
    return table


@click.command()
@click.option(
    "--out", "out_dir", type=click.Path(path_type=Path), default=ROOT / "out" / "demo", show_default=True
)
@click.option("--template", type=click.Choice(["classic", "modern"]), default="classic", show_default=True)
def main(out_dir: Path, template: str) -> None:
    """Register a demo user, import the example profile and job, search, generate, and save the files."""
    console = Console(highlight=False)
    client = Client()
    client.sign_in()
    resume = json.loads((ROOT / "examples" / "profile.json").read_text(encoding="utf-8"))
    posting = json.loads((ROOT / "examples" / "job.json").read_text(encoding="utf-8"))
    profile = client.call("post", "/api/v1/profiles/import", 201, json=resume).get_json()
    job = client.call("post", "/api/v1/jobs", 201, json=posting).get_json()
    console.print(
        f"Imported profile of {profile['name']} and the posting {job['title']} at {job['company']}."
    )

    search = client.call(
        "post", "/api/v1/jobs/search", 200, json={"keywords": ["python", "kubernetes"]}
    ).get_json()
    best = search["results"][0]["title"]
    console.print(f"Job search for python, kubernetes: {search['total']} match(es), best {best!r}.")

    request = {"profile_id": profile["id"], "job_id": job["id"], "options": {"template": template}}
    accepted = client.call("post", "/api/v1/generations", 202, json=request)
    generation = client.call("get", accepted.headers["Location"] + "?include=report,stages", 200).get_json()
    console.print(stage_table(generation))
    if generation["status"] != "succeeded":
        raise click.ClickException(f"generation {generation['status']}: {generation['error']}")

    out_dir.mkdir(parents=True, exist_ok=True)
    for document in generation["documents"]:
        if document["format"] == "pdf":
            content = client.call("get", document["url"], 200).get_data()
            (out_dir / f"{document['kind']}.pdf").write_bytes(content)
    report = {
        "generation_id": generation["id"],
        "ats_score": generation["ats_score"],
        "ats_report": generation["ats_report"],
        "stages": [
            {k: s[k] for k in ("name", "status", "attempts", "duration_s")} for s in generation["stages"]
        ],
        "generation_time_s": generation["generation_time_s"],
        "documents": [
            {k: d[k] for k in ("kind", "format", "size", "sha256", "pages")} for d in generation["documents"]
        ],
    }
    (out_dir / "report.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )

    console.print(f"ATS score: [bold]{generation['ats_score']:.2f}[/bold] (target 0.85)")
    for name in ("resume.pdf", "cover_letter.pdf", "report.json"):
        console.print(f"  {out_dir / name}")


if __name__ == "__main__":
    main()
