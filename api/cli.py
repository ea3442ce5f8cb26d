"""Admin commands: ``flask jobs import FILE.jsonl`` loads public postings."""

from __future__ import annotations

import json
from typing import Any, TextIO

import click
from flask import Flask
from flask.cli import AppGroup
from marshmallow import ValidationError
from rich.console import Console

from api.extensions import db
from api.jobs.schemas import JobImportSchema
from api.jobs.service import import_public_jobs

jobs_cli = AppGroup("jobs", help="Manage public job postings.")


def parse_jsonl(stream: TextIO) -> tuple[list[dict[str, Any]], list[str]]:
    """Every line validated; returns the records and one message per bad line."""
    schema = JobImportSchema()
    records: list[dict[str, Any]] = []
    problems: list[str] = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            records.append(schema.load(json.loads(line)))
        except json.JSONDecodeError as exc:
            problems.append(f"line {number}: not JSON ({exc.msg})")
        except ValidationError as exc:
            problems.append(f"line {number}: {exc.messages}")
    return records, problems


@jobs_cli.command("import")
@click.argument("source", type=click.File("r", encoding="utf-8"))
def import_command(source: TextIO) -> None:
    """Load public postings from a JSON Lines file, all or nothing (upsert by external_id)."""
    console = Console(stderr=True, highlight=False)
    records, problems = parse_jsonl(source)
    if problems:
        for message in problems:
            console.print(f"[red]{message}[/red]")
        raise click.ClickException(f"{len(problems)} invalid line(s); nothing was imported")
    created, updated = import_public_jobs(db.session, records)
    db.session.commit()
    console.print(f"Imported {created + updated} posting(s): {created} new, {updated} updated.")


def register_cli(app: Flask) -> None:
    app.cli.add_command(jobs_cli)
