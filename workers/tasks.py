"""One Celery task per pipeline stage. Each loads by id, calls its pure stage, saves, returns the id."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import uuid
from datetime import UTC, datetime

import structlog
from celery import signals
from sqlalchemy.orm import Session

from models.generation import STAGES, Generation, mark_unpublished, replace_documents
from models.session import SessionLocal
from models.webhook import due_deliveries
from pipeline.document_generator import Documents, generate_documents
from pipeline.job_analyzer import analyze_job, cache_key
from pipeline.pdf_exporter import export_documents
from pipeline.profile_compiler import compile_profile
from pipeline.quality_validator import QualityResult, validate_quality
from pipeline.render import PDF, RenderedFile
from pipeline.serialization import to_data
from pipeline.warmup import warm_up
from settings import settings
from workers import webhooks
from workers.cache import load_analysis, store_analysis
from workers.celery_app import celery_app, ensure_database
from workers.inputs import (
    PROFILE_USED,
    AnalyzeInputs,
    CompileInputs,
    ExportInputs,
    GenerateInputs,
    ValidateInputs,
    load_analyze,
    load_compile,
    load_export,
    load_generate,
    load_validate,
)
from workers.llm import llm_for, llm_meta
from workers.runner import RETRY_POLICY, Stage, StageResult, run_stage
from workers.sweeper import sweep

ANALYZE, COMPILE, GENERATE, VALIDATE, EXPORT = STAGES
log = structlog.get_logger("jobwise.sweeper")
WEBHOOK_COUNTDOWN_MAX_S = 600


@signals.worker_init.connect
def _warm_up(**_: object) -> None:
    """Phrases, vocabularies and fonts loaded before the pool starts: the threads share them, the prefork
    children inherit them, and no first generation pays for them (or races to load them twice)."""
    warm_up()


# 1. Job Analyzer
def _analyze(inputs: AnalyzeInputs) -> StageResult:
    llm = llm_for(inputs.options.generator, ANALYZE)
    if llm is None:
        return StageResult(to_data(analyze_job(inputs.posting)))
    key = cache_key(inputs.posting)
    cached = load_analysis(key)
    if cached is not None:  # the same job analysed before: no model call
        free = {"input_tokens": 0, "output_tokens": 0, "cost_usd": 0.0, "latency_s": 0.0, "calls": 0}
        return StageResult(cached.output, meta={**cached.meta, **free, "cache": "hit"})
    analysis = analyze_job(inputs.posting, llm=llm)
    meta = {"generator": analysis.generator, **llm_meta(llm), "cache": "miss"}
    if analysis.generator == "llm":
        store_analysis(key, to_data(analysis), meta)
    return StageResult(to_data(analysis), meta=meta)


# 2. Profile Compiler
def _compile(inputs: CompileInputs) -> StageResult:
    llm = llm_for(inputs.options.generator, COMPILE)
    compiled = compile_profile(inputs.profile, inputs.analysis, llm=llm, today=inputs.today)
    # The profile it compiled goes along: the later stages write and check against this very version
    # (an edit meanwhile does not mix two), and need not load it again (nine queries).
    return StageResult({**to_data(compiled), PROFILE_USED: to_data(inputs.profile)}, meta=llm_meta(llm))


# 3. Document Generator
def _generate(inputs: GenerateInputs) -> StageResult:
    llm = llm_for(inputs.options.generator, GENERATE)
    documents = generate_documents(inputs.profile, inputs.analysis, inputs.compiled, inputs.options, llm=llm)
    meta = {"generator": documents.generator, **llm_meta(llm), "removed_claims": len(documents.guard.removed)}
    if documents.fallback_reason:
        meta["fallback"] = documents.fallback_reason
    return StageResult(to_data(documents), meta=meta)


# 4. Quality Validator
def _validate(inputs: ValidateInputs) -> StageResult:
    llm = llm_for(inputs.options.generator, VALIDATE)

    def regenerate(emphasize: tuple[str, ...]) -> Documents:
        emphasized = dataclasses.replace(inputs.options, emphasize=emphasize)
        return generate_documents(inputs.profile, inputs.analysis, inputs.compiled, emphasized, llm=llm)

    result = validate_quality(
        inputs.profile,
        inputs.analysis,
        inputs.compiled,
        inputs.documents,
        inputs.options,
        regenerate=regenerate,
        target=settings.jobwise_ats_target,
    )
    return StageResult(to_data(result), meta={"regenerated": result.report.regenerated, **llm_meta(llm)})


def _save_validate(session: Session, generation: Generation, result: StageResult) -> None:
    report = result.output["report"]
    generation.ats_score, generation.ats_report = report["ats_score"], report


# 5. PDF Exporter
def _export(inputs: ExportInputs) -> StageResult:
    files = [
        {
            "kind": f.kind,
            "format": f.format,
            "media_type": f.media_type,
            "content": f.content,
            "size": len(f.content),
            "sha256": hashlib.sha256(f.content).hexdigest(),
            "pages": f.pages,
        }
        for f in export_documents(inputs.documents, inputs.options, *checked_pdfs(inputs.validated))
    ]
    listing = [{k: v for k, v in f.items() if k != "content"} for f in files]
    return StageResult({"files": listing}, extra=files)


def checked_pdfs(validated: QualityResult | None) -> tuple[RenderedFile | None, RenderedFile | None]:
    """The resume PDF stage 4 scored and the letter PDF it checked (kept base64 in its output); None for
    one it did not keep (an older stage-4 row, no letter, or a letter over one page)."""
    if validated is None:
        return None, None
    resume = letter = None
    if validated.resume_pdf:
        content = base64.b64decode(validated.resume_pdf)
        resume = RenderedFile("resume", "pdf", PDF, content, validated.resume_pages, validated.resume_dropped)
    if validated.cover_letter_pdf:
        letter = RenderedFile("cover_letter", "pdf", PDF, base64.b64decode(validated.cover_letter_pdf), 1)
    return resume, letter


def _save_export(session: Session, generation: Generation, result: StageResult) -> None:
    replace_documents(session, generation.id, result.extra)


PIPELINE = {
    ANALYZE: Stage(ANALYZE, load_analyze, _analyze),
    COMPILE: Stage(COMPILE, load_compile, _compile),
    GENERATE: Stage(GENERATE, load_generate, _generate),
    VALIDATE: Stage(VALIDATE, load_validate, _validate, _save_validate),
    EXPORT: Stage(EXPORT, load_export, _export, _save_export),
}


@celery_app.task(name="jobwise.analyze_job", bind=True, **RETRY_POLICY)
def analyze_job_task(self, generation_id: str) -> str:
    return run_stage(self, generation_id, PIPELINE[ANALYZE])


@celery_app.task(name="jobwise.compile_profile", bind=True, **RETRY_POLICY)
def compile_profile_task(self, generation_id: str) -> str:
    return run_stage(self, generation_id, PIPELINE[COMPILE])


@celery_app.task(name="jobwise.generate_documents", bind=True, **RETRY_POLICY)
def generate_documents_task(self, generation_id: str) -> str:
    return run_stage(self, generation_id, PIPELINE[GENERATE])


@celery_app.task(name="jobwise.validate_quality", bind=True, **RETRY_POLICY)
def validate_quality_task(self, generation_id: str) -> str:
    return run_stage(self, generation_id, PIPELINE[VALIDATE])


@celery_app.task(name="jobwise.export_documents", bind=True, **RETRY_POLICY)
def export_documents_task(self, generation_id: str) -> str:
    return run_stage(self, generation_id, PIPELINE[EXPORT])


@celery_app.task(name="jobwise.sweep_stuck_generations", ignore_result=True)
def sweep_stuck_generations_task() -> int:
    """Re-enqueue stages whose worker went silent or whose message was lost; fail those out of attempts."""
    from workers.chains import QueueProbe, enqueue_generation

    ensure_database()
    with SessionLocal.begin() as session:
        requeue = sweep(session, datetime.now(UTC), settings, QueueProbe())
    published = 0
    for generation_id, stage, llm in requeue:
        try:
            enqueue_generation(generation_id, from_stage=stage, llm=llm)
            published += 1
        except Exception as exc:  # the broker is down: the next sweep publishes it
            log.warning(
                "sweeper_publish_failed", generation_id=str(generation_id), error_type=type(exc).__name__
            )
            with SessionLocal.begin() as session:
                mark_unpublished(session, generation_id, stage)
    return published


@celery_app.task(name="jobwise.deliver_webhook", ignore_result=True)
def deliver_webhook_task(delivery_id: str) -> str | None:
    """One signed attempt at a webhook delivery; a failure schedules the next with exponential backoff."""
    ensure_database()
    with SessionLocal.begin() as session:
        outcome = webhooks.attempt(
            session,
            uuid.UUID(delivery_id),
            allow_private=settings.jobwise_webhooks_allow_private,
            retry_base_s=settings.jobwise_webhook_retry_base_s,
            max_attempts=settings.jobwise_webhook_max_attempts,
            timeout_s=settings.jobwise_webhook_timeout_s,
        )
    if outcome is None:
        return None
    if outcome.retry_in is not None and outcome.retry_in <= WEBHOOK_COUNTDOWN_MAX_S:
        # Short waits ride on the broker; longer ones (hours) are picked up by the beat sweep when due,
        # since a broker may redeliver a message held past its visibility timeout.
        deliver_webhook_task.apply_async((delivery_id,), countdown=outcome.retry_in)
    return outcome.status


@celery_app.task(name="jobwise.dispatch_webhooks", ignore_result=True)
def dispatch_webhooks_task() -> int:
    """Send every due webhook delivery (after a generation ends, and from beat)."""
    ensure_database()
    with SessionLocal.begin() as session:
        due = due_deliveries(session, datetime.now(UTC))
    for delivery_id in due:
        deliver_webhook_task.delay(str(delivery_id))
    return len(due)
