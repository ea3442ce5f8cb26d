"""Each stage task, called directly against Postgres, twice: the second run overwrites the first."""

from __future__ import annotations

import base64
import hashlib
import uuid

from sqlalchemy import select

from models.generation import (
    STAGES,
    Document,
    Generation,
    GenerationStage,
    cancel_generation,
    stage_output,
    webhooks_queued,
)
from models.profile import Profile
from models.webhook import WebhookEndpoint
from tests.factories import make_generation
from workers import tasks
from workers.inputs import PROFILE_USED

TASKS = (
    tasks.analyze_job_task,
    tasks.compile_profile_task,
    tasks.generate_documents_task,
    tasks.validate_quality_task,
    tasks.export_documents_task,
)


def run(task, generation_id: uuid.UUID) -> str:
    result = task.apply(args=(str(generation_id),))
    return result.state


def stage_rows(session, generation_id):
    session.expire_all()
    return session.scalars(
        select(GenerationStage)
        .where(GenerationStage.generation_id == generation_id)
        .order_by(GenerationStage.position)
    ).all()


def documents_of(session, generation_id):
    session.expire_all()
    rows = session.scalars(select(Document).where(Document.generation_id == generation_id)).all()
    return sorted((d.kind, d.format, d.sha256) for d in rows)


def test_each_stage_twice_is_idempotent(session):
    generation = make_generation(session)
    session.commit()
    outputs = {}
    for task in TASKS[:-1]:
        assert run(task, generation.id) == "SUCCESS"
        first = {s.name: s.output for s in stage_rows(session, generation.id)}
        assert run(task, generation.id) == "SUCCESS"
        second = {s.name: s.output for s in stage_rows(session, generation.id)}
        outputs[task.name] = (first, second)
    assert run(tasks.export_documents_task, generation.id) == "SUCCESS"
    files = documents_of(session, generation.id)
    # Redelivered after the generation ended, the last stage changes nothing.
    assert run(tasks.export_documents_task, generation.id) == "IGNORED"
    assert documents_of(session, generation.id) == files
    rows = stage_rows(session, generation.id)
    assert [r.name for r in rows] == list(STAGES)
    assert [r.attempts for r in rows] == [2, 2, 2, 2, 1]
    assert {r.status for r in rows} == {"succeeded"}
    for first, second in outputs.values():
        assert first == second, "a re-run must produce the same stage output"
    refreshed = session.get(Generation, generation.id)
    assert refreshed.status == "succeeded"
    assert refreshed.progress == 1.0
    assert 0 <= refreshed.ats_score <= 1
    documents = session.scalars(select(Document).where(Document.generation_id == generation.id)).all()
    assert sorted((d.kind, d.format) for d in documents) == [
        ("cover_letter", "pdf"),
        ("cover_letter", "txt"),
        ("resume", "docx"),
        ("resume", "pdf"),
        ("resume", "txt"),
    ]


def test_a_cancelled_generation_runs_no_stage(session):
    from models.generation import cancel_generation

    generation = make_generation(session)
    cancel_generation(session, generation)
    session.commit()
    assert run(tasks.analyze_job_task, generation.id) == "IGNORED"
    assert {r.attempts for r in stage_rows(session, generation.id)} == {0}
    assert session.get(Generation, generation.id).status == "cancelled"


def test_a_bad_option_fails_with_the_stage_and_reason(session):
    generation = make_generation(session, template="fancy")
    session.commit()
    states = [run(task, generation.id) for task in TASKS]
    failed = session.get(Generation, generation.id)
    session.refresh(failed)
    assert failed.status == "failed"
    assert failed.failed_stage in STAGES
    assert "template" in failed.error
    assert "IGNORED" in states
    assert failed.finished_at is not None


def test_the_exported_pdfs_are_the_ones_stage_4_scored_and_checked(session, monkeypatch):
    """Stage 5 exports stage 4's resume and cover letter bytes (kept base64 in its output) and renders
    neither PDF itself."""
    generation = make_generation(session)
    session.commit()
    for task in TASKS[:-1]:
        assert run(task, generation.id) == "SUCCESS"
    scored = next(s.output for s in stage_rows(session, generation.id) if s.name == "validate_quality")
    renders: list[str] = []
    for name in ("render_resume_pdf", "render_cover_letter_pdf"):
        original = tasks.export_documents.__globals__[name]
        monkeypatch.setitem(
            tasks.export_documents.__globals__,
            name,
            lambda *a, _name=name, _original=original: renders.append(_name) or _original(*a),
        )

    assert run(tasks.export_documents_task, generation.id) == "SUCCESS"
    files = {d[:2]: d[2] for d in documents_of(session, generation.id)}
    assert files["resume", "pdf"] == hashlib.sha256(base64.b64decode(scored["resume_pdf"])).hexdigest()
    letter = base64.b64decode(scored["cover_letter_pdf"])
    assert files["cover_letter", "pdf"] == hashlib.sha256(letter).hexdigest()
    assert renders == []


def test_an_ending_says_whether_webhooks_are_to_be_sent(db_sessionmaker):
    """Ending a generation queues a delivery per enabled endpoint of its owner; the workers and the cancel
    view dispatch the webhook task only when one was queued (most owners have none)."""
    for endpoints in ((), (True,), (False,)):
        with db_sessionmaker.begin() as session:
            generation = make_generation(session)
            session.add_all(
                WebhookEndpoint(
                    owner_id=generation.owner_id, url="https://hooks.example/x", secret="s", enabled=e
                )
                for e in endpoints
            )
            session.flush()
            assert cancel_generation(session, generation)
            assert webhooks_queued(session) is (True in endpoints), endpoints


def test_a_generation_works_from_the_profile_version_stage_2_compiled(session):
    """Stage 2 keeps the profile it compiled with its result; stages 3 and 4 write from that version even
    when the profile is edited meanwhile (and need not read it again). A stage 2 result stored without it
    (before the change) means the profile as it is now."""
    generation = make_generation(session)
    session.commit()
    for task in TASKS[:2]:
        assert run(task, generation.id) == "SUCCESS"
    profile = session.get(Profile, generation.profile_id)
    original = profile.name
    profile.name = "Renamed Meanwhile"
    session.commit()
    assert run(tasks.generate_documents_task, generation.id) == "SUCCESS"
    documents = stage_output(session, generation.id, "generate_documents")
    assert documents["resume"]["name"] == original

    compiled = next(s for s in stage_rows(session, generation.id) if s.name == "compile_profile")
    assert compiled.output[PROFILE_USED]["name"] == original
    compiled.output = {k: v for k, v in compiled.output.items() if k != PROFILE_USED}
    session.commit()
    assert run(tasks.generate_documents_task, generation.id) == "SUCCESS"
    documents = stage_output(session, generation.id, "generate_documents")
    assert documents["resume"]["name"] == "Renamed Meanwhile"
