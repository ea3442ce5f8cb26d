"""What a finished generation gives: its ATS score and report, and its files on disk."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any
from uuid import UUID

from jobwise_client import Client
from jobwise_client.api.generations import get_generation_document
from jobwise_client.models import (
    Generation,
    GetGenerationDocumentFormat,
    GetGenerationDocumentKind,
    GetGenerationIncludeItem,
)
from jobwise_client.types import Unset

from jobwise_cli.session import ApiError, expect

STAGES = ("analyze_job", "compile_profile", "generate_documents", "validate_quality", "export_documents")
FINAL = {"succeeded", "failed", "cancelled"}
# The status poll is slim (API 1.1); a finished generation is read once with its report and stages.
FULL = [GetGenerationIncludeItem.REPORT, GetGenerationIncludeItem.STAGES]


def value(field: Any, default: Any = None) -> Any:
    """A generated model's field, with ``default`` for an unset one."""
    return default if isinstance(field, Unset) else field


def ats_result(generation: Generation) -> tuple[float | None, dict[str, Any] | None]:
    """The ATS score and report of a generation read with ``include=FULL``: the one place they are read
    (the server also serves the report at GET /generations/{id}/report)."""
    score = value(generation.ats_score)
    report = value(generation.ats_report)
    return score, (report.to_dict() if report is not None else None)


def stages_done(generation: Generation) -> set[str]:
    """The stages that succeeded: from ``stages`` when the answer has them, else from the slim poll's
    ``progress`` (the share of the five stages done, in order)."""
    stages = value(generation.stages)
    if stages:
        return {value(stage.name) for stage in stages if value(stage.status) == "succeeded"}
    return set(STAGES[: round((value(generation.progress) or 0) * len(STAGES))])


def report(generation: Generation) -> dict[str, Any]:
    """report.json: the score, the ATS report, the stages and the documents."""
    score, ats_report = ats_result(generation)
    return {
        "generation_id": str(value(generation.id)),
        "job_id": str(value(generation.job_id)),
        "status": value(generation.status),
        "ats_score": score,
        "ats_report": ats_report,
        "stages": [
            {
                "name": value(s.name),
                "status": value(s.status),
                "attempts": value(s.attempts),
                "duration_s": value(s.duration_s),
            }
            for s in value(generation.stages, [])
        ],
        "generation_time_s": value(generation.generation_time_s),
        "documents": [
            {
                "kind": value(d.kind),
                "format": value(d.format_),
                "size": value(d.size),
                "sha256": value(d.sha256),
                "pages": value(d.pages),
            }
            for d in value(generation.documents, [])
        ],
    }


def file_name(kind: str, format_: str) -> str:
    return f"{kind}.{format_}"


def download(client: Client, generation: Generation, folder: Path) -> list[str]:
    """Every document of a succeeded generation (PDF, TXT, DOCX) and report.json into ``folder``; each file
    checked against the sha256 the server gives and written atomically. The names written."""
    folder.mkdir(parents=True, exist_ok=True)
    generation_id = UUID(str(generation.id))
    written = []
    for document in value(generation.documents, []):
        kind, format_ = value(document.kind), value(document.format_)
        response = get_generation_document.sync_detailed(
            generation_id,
            GetGenerationDocumentKind(kind),
            client=client,
            format_=GetGenerationDocumentFormat(format_),
        )
        expect(response, [200], f"download {kind} {format_}")
        content = response.content
        expected = value(document.sha256)
        if expected and hashlib.sha256(content).hexdigest() != expected:
            raise ApiError(f"download {kind} {format_}: the file does not match its sha256")
        name = file_name(kind, format_)
        write_atomically(folder / name, content)
        written.append(name)
    text = json.dumps(report(generation), indent=2, ensure_ascii=False) + "\n"
    write_atomically(folder / "report.json", text.encode("utf-8"))
    written.append("report.json")
    return written


def write_atomically(path: Path, content: bytes) -> None:
    temporary = path.with_name(path.name + ".part")
    temporary.write_bytes(content)
    os.replace(temporary, path)
