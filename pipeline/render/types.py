"""A rendered file: what it is, its media type and bytes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pipeline.document_generator import DocumentName

FileFormat = Literal["pdf", "txt", "docx"]
PDF = "application/pdf"
TXT = "text/plain; charset=utf-8"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class RenderedFile:
    kind: DocumentName
    format: FileFormat
    media_type: str
    content: bytes
    pages: int | None = None  # PDFs only
    dropped: tuple[str, ...] = ()  # refs of bullets left out so the document fits (one-page option)
