"""The ``jobwise`` command."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

import click
import httpx
from jobwise_client.api.auth import post_logout
from jobwise_client.api.generations import get_generation
from jobwise_client.api.jobs import post_job_import
from jobwise_client.models import Generation, PostJobImportJsonBody
from jobwise_client.types import File
from rich.console import Console
from rich.table import Table

from jobwise_cli import __version__
from jobwise_cli.batch import BatchRequest, BatchRun, hard_exit, load_profile
from jobwise_cli.batchfile import ONE_PAGE_CHOICES, JobsFileError, read_postings
from jobwise_cli.credentials import CredentialStore, default_config_dir
from jobwise_cli.results import FULL, ats_result, download, value
from jobwise_cli.session import ApiError, TokenSession, expect, login
from jobwise_cli.state import StateError

F = TypeVar("F", bound=Callable[..., Any])
INTERRUPTED = 130  # what shells report for a command stopped by Ctrl-C
TEMPLATES = ("classic", "modern")
EXISTING_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
FOLDER = click.Path(file_okay=False, path_type=Path)
JOBS_HELP = "Postings: JSON Lines (.jsonl) or CSV with a header row (.csv)."
OUT_HELP = "Results (a folder per posting) and the state file that makes the batch resumable."


def console() -> Console:
    return Console(highlight=False)


def friendly_errors(command: F) -> F:
    """Turn a refused request or an unreachable server into one line and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (ApiError, StateError, JobsFileError, TimeoutError) as exc:
            raise click.ClickException(str(exc)) from None
        except httpx.TransportError as exc:
            raise click.ClickException(f"cannot reach the server: {exc}") from None

    return wrapper  # type: ignore[return-value]


@click.group()
@click.version_option(__version__, prog_name="jobwise")
@click.option(
    "--config-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="JOBWISE_CONFIG_DIR",
    help="Where the login is kept (default: the user's config folder).",
)
@click.pass_context
def cli(context: click.Context, config_dir: Path | None) -> None:
    """JobWise from the command line: log in, submit batches, follow and download generations."""
    context.obj = CredentialStore(config_dir or default_config_dir())


def session_of(context: click.Context) -> TokenSession:
    return TokenSession(context.find_object(CredentialStore))


@cli.command("login")
@click.option("--server", envvar="JOBWISE_SERVER", default="http://127.0.0.1:8000", show_default=True)
@click.option("--email", prompt=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (scripts).")
@click.pass_context
@friendly_errors
def login_command(context: click.Context, server: str, email: str, password_stdin: bool) -> None:
    """Log in; the refresh token is kept in your config folder, readable by you only."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True)
    store = context.find_object(CredentialStore)
    login(store, server.rstrip("/"), email, password)
    console().print(f"Logged in to {server} as {email}. Credentials: {store.path}", markup=False)


@cli.command("logout")
@click.pass_context
@friendly_errors
def logout_command(context: click.Context) -> None:
    """End this login on the server and forget it here."""
    store = context.find_object(CredentialStore)
    if store.load() is None:
        console().print("Not logged in.")
        return
    try:
        session = session_of(context)
        with session.client() as client:
            post_logout.sync_detailed(client=client)
    except (ApiError, httpx.TransportError) as exc:
        console().print(
            f"The server did not confirm the logout ({exc}); forgetting the login here.", markup=False
        )
    store.delete()
    console().print("Logged out.")


def fetch(client: Any, generation_id: UUID) -> Generation:
    response = get_generation.sync_detailed(generation_id, client=client, include=FULL)
    return expect(response, [200], f"generation {generation_id}")


@cli.command("status")
@click.argument("generation_id", type=click.UUID)
@click.option("--wait", is_flag=True, help="Wait until the generation ends.")
@click.pass_context
@friendly_errors
def status_command(context: click.Context, generation_id: UUID, wait: bool) -> None:
    """Status, stages and ATS score of one generation."""
    session = session_of(context)
    with session.client() as client:
        generation = fetch(client, generation_id)
        while wait and value(generation.status) not in ("succeeded", "failed", "cancelled"):
            response = get_generation.sync_detailed(generation_id, client=client, wait=20)
            generation = expect(response, [200], f"generation {generation_id}")
        if wait:
            generation = fetch(client, generation_id)
    out = console()
    score, _ = ats_result(generation)
    out.print(f"Generation {generation_id}: [bold]{value(generation.status)}[/bold], "
              f"{value(generation.progress, 0):.0%} done")  # fmt: skip
    table = Table("stage", "status", "attempts", "seconds")
    for stage in value(generation.stages, []):
        seconds = value(stage.duration_s)
        table.add_row(value(stage.name), value(stage.status), str(value(stage.attempts, "")),
                      f"{seconds:.2f}" if seconds is not None else "")  # fmt: skip
    out.print(table)
    if score is not None:
        out.print(f"ATS score: [bold]{score:.2f}[/bold]")
    if value(generation.error):
        out.print(f"Error ({value(generation.failed_stage)}): {value(generation.error)}", markup=False)


@cli.command("download")
@click.argument("generation_id", type=click.UUID)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Default: ./ID")
@click.pass_context
@friendly_errors
def download_command(context: click.Context, generation_id: UUID, out_dir: Path | None) -> None:
    """Download the PDFs, TXT, DOCX and report.json of a finished generation."""
    session = session_of(context)
    folder = out_dir or Path(str(generation_id))
    with session.client() as client:
        generation = fetch(client, generation_id)
        if value(generation.status) != "succeeded":
            raise ApiError(
                f"generation {generation_id} is {value(generation.status)}: nothing to download yet"
            )
        names = download(client, generation, folder)
    for name in names:
        console().print(str(folder / name), markup=False)


@cli.group("jobs")
def jobs_group() -> None:
    """Saved postings."""


@jobs_group.command("import-url")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
@friendly_errors
def import_url_command(context: click.Context, file: Path) -> None:
    """Save a posting from a job-board page saved from the browser (FILE.html) or its schema.org
    JobPosting JSON-LD (FILE.json, FILE.jsonld). The server fetches no URL: give it the page."""
    content = file.read_bytes()
    body: PostJobImportJsonBody | File
    if file.suffix.lower() in (".html", ".htm"):
        body = File(payload=content, file_name=file.name, mime_type="text/html")
    else:
        try:
            document = json.loads(content.decode("utf-8-sig"))
        except ValueError as exc:
            raise ApiError(f"{file.name} is not JSON ({exc}); give a .html file for a page") from None
        if isinstance(document, list):
            document = {"@graph": document}  # an array of JSON-LD nodes is the same as a graph
        if not isinstance(document, dict):
            raise ApiError(f"{file.name}: JSON-LD is an object or an array")
        body = PostJobImportJsonBody.from_dict(document)
    session = session_of(context)
    with session.client() as client:
        response = post_job_import.sync_detailed(client=client, body=body)
    job = expect(response, [200, 201], f"import {file.name}")
    verb = "updated" if int(response.status_code) == 200 else "saved"
    console().print(f"{verb} job {job.id}: {job.title} at {job.company}", markup=False)


@cli.group("batch")
def batch_group() -> None:
    """Many postings at once."""


@contextmanager
def interrupts_as_keyboard_interrupt() -> Iterator[None]:
    """SIGTERM (a closed terminal, a service manager) stops a batch like Ctrl-C. Windows delivers Ctrl-C
    as KeyboardInterrupt already and has no SIGTERM to speak of."""
    if not hasattr(signal, "SIGTERM") or sys.platform == "win32":
        yield
        return

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@batch_group.command("submit")
@click.option("--profile", "profile_path", type=EXISTING_FILE, required=True, help="A JSON Resume file.")
@click.option("--jobs", "jobs_path", type=EXISTING_FILE, required=True, help=JOBS_HELP)
@click.option("--out", "out_dir", type=FOLDER, required=True, help=OUT_HELP)
@click.option("--template", type=click.Choice(TEMPLATES), default="classic", show_default=True)
@click.option("--one-page", type=click.Choice(ONE_PAGE_CHOICES), default="auto", show_default=True,
              help="auto: one page for a career under 10 years.")  # fmt: skip
@click.option("--concurrency", type=click.IntRange(1, 16), default=4, show_default=True,
              help="Generations followed at once.")  # fmt: skip
@click.pass_context
@friendly_errors
def submit_command(
    context: click.Context,
    profile_path: Path,
    jobs_path: Path,
    out_dir: Path,
    template: str,
    one_page: str,
    concurrency: int,
) -> None:
    """Generate a tailored resume and cover letter for every posting; run it again to resume."""
    request = BatchRequest(
        profile=load_profile(profile_path),
        postings=read_postings(jobs_path),
        out_dir=out_dir,
        template=template,
        one_page=one_page,
        concurrency=concurrency,
    )
    out = console()
    run = BatchRun(session_of(context), request, out)
    try:
        with interrupts_as_keyboard_interrupt():
            code = run.run()
    except KeyboardInterrupt:
        finished = sum(1 for item in run.items if item.entry.get("status") == "downloaded")
        out.print(f"\nInterrupted: {finished} of {len(run.items)} finished. "
                  "Run the same command again to resume.")  # fmt: skip
        out.file.flush()
        hard_exit(INTERRUPTED)
    sys.exit(code)
