"""Stage 5: render the documents as text-based, ATS-safe PDFs, plus plain text and DOCX."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.document_generator import CoverLetter, Documents, GenerationOptions, Resume

PDF = "application/pdf"
TXT = "text/plain; charset=utf-8"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class RenderedFile:
    kind: str  # resume | cover_letter
    format: str  # pdf | txt | docx
    media_type: str
    content: bytes
    pages: int | None = None  # PDFs only
    dropped: tuple[str, ...] = ()  # refs of bullets left out so the document fits (one-page option)


def render_resume_pdf(resume: Resume, options: GenerationOptions) -> RenderedFile:
    """Render the resume with ``options.template`` on ``options.page_size``."""
    raise NotImplementedError


def render_cover_letter_pdf(letter: CoverLetter, options: GenerationOptions) -> RenderedFile:
    """Render the cover letter on one page."""
    raise NotImplementedError


def export_documents(documents: Documents, options: GenerationOptions) -> tuple[RenderedFile, ...]:
    """Every file a generation offers: resume PDF, TXT and DOCX; cover letter PDF and TXT."""
    raise NotImplementedError
