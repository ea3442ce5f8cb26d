"""Stage 3, the Document Generator: the tailored resume and cover letter, from the candidate's real items.

The offline writer (``offline``) is the default and the draft a model rewrites (``llm``). Either way the
truthfulness guard (``guard``) checks every claim against the profile before anything leaves the stage.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.document_generator import llm as with_llm
from pipeline.document_generator.guard import check_documents, headers_of
from pipeline.document_generator.offline import write_offline
from pipeline.document_generator.types import (
    PAGE_SIZES,
    TEMPLATES,
    CoverLetter,
    DocumentName,
    Documents,
    GenerationOptions,
    GuardReport,
    Line,
    PageSize,
    RemovedClaim,
    Resume,
    ResumeEntry,
    ResumeSection,
    TemplateName,
)
from pipeline.inputs import Profile
from pipeline.job_analyzer import JobAnalysis
from pipeline.llm import LLM
from pipeline.profile_compiler import CompiledProfile

__all__ = [
    "PAGE_SIZES",
    "TEMPLATES",
    "CoverLetter",
    "DocumentName",
    "Documents",
    "GenerationOptions",
    "GuardReport",
    "Line",
    "PageSize",
    "RemovedClaim",
    "Resume",
    "ResumeEntry",
    "ResumeSection",
    "TemplateName",
    "generate_documents",
    "write_offline",
]


def generate_documents(
    profile: Profile,
    analysis: JobAnalysis,
    compiled: CompiledProfile,
    options: GenerationOptions,
    llm: LLM | None = None,
) -> Documents:
    """Write both documents: the offline writer's (extractive, template-based), or with ``llm`` the model's
    rewrite of them. Either way the truthfulness guard checks every claim. Asking for ``generator="llm"``
    without an ``llm`` gets offline text and a reason.
    """
    draft = write_offline(profile, analysis, compiled, options)
    if llm is not None:
        return with_llm.write_with_llm(profile, analysis, compiled, options, llm, draft)
    documents = check_documents(draft, profile, analysis, compiled, headers=headers_of(draft.resume))
    if options.generator == "llm":
        return replace(documents, fallback_reason="no language model is configured")
    return documents
