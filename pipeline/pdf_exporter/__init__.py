"""Stage 5, the PDF Exporter: every file a generation offers, rendered through ``pipeline.render``."""

from __future__ import annotations

from pipeline.document_generator import Documents, GenerationOptions
from pipeline.render import (
    DOCX,
    TXT,
    RenderedFile,
    cover_letter_text,
    render_cover_letter_pdf,
    render_resume_pdf,
    resume_docx,
    resume_text,
)

__all__ = ["RenderedFile", "export_documents"]


def export_documents(
    documents: Documents,
    options: GenerationOptions,
    resume_pdf: RenderedFile | None = None,
    cover_letter_pdf: RenderedFile | None = None,
) -> tuple[RenderedFile, ...]:
    """Every file a generation offers: resume PDF, TXT and DOCX; cover letter PDF and TXT.

    ``resume_pdf`` and ``cover_letter_pdf`` are the PDFs stage 4 rendered and scored or checked; when given
    they are exported as they are, so the files the user gets are the files that were read back, and
    nobody renders them twice.
    """
    resume = documents.resume
    files = [
        resume_pdf or render_resume_pdf(resume, options),
        RenderedFile("resume", "txt", TXT, resume_text(resume).encode()),
        RenderedFile("resume", "docx", DOCX, resume_docx(resume, options.page_size)),
    ]
    if documents.cover_letter:
        files += [
            cover_letter_pdf or render_cover_letter_pdf(documents.cover_letter, options),
            RenderedFile("cover_letter", "txt", TXT, cover_letter_text(documents.cover_letter).encode()),
        ]
    return tuple(files)
