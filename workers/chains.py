"""The one function the web app calls to run a generation, and the queue depths it reports."""

from __future__ import annotations

import uuid

from celery import chain

from celeryconfig import CPU_QUEUE, LLM_QUEUE
from models.generation import STAGES, fail_generation
from models.session import SessionLocal
from workers.celery_app import celery_app


def enqueue_generation(generation_id: uuid.UUID, from_stage: str = STAGES[0]) -> None:
    """Publish the stage chain for a committed generation, from ``from_stage`` on. Call after commit.

    Only the id travels in the message. With no broker (the embedded mode) the chain runs here and now.
    """
    stages = STAGES[STAGES.index(from_stage) :]
    signatures = [celery_app.signature(f"jobwise.{name}") for name in stages]
    work = chain(signatures[0].clone(args=(str(generation_id),)), *signatures[1:])
    if not celery_app.conf.task_always_eager:
        work.apply_async()
        return
    try:
        celery_app.loader.import_default_modules()  # the tasks run here, so this process needs them
        work.apply_async()
    except Exception as exc:  # no sweeper runs in the embedded mode: end the generation with the reason
        with SessionLocal.begin() as session:
            fail_generation(
                session, generation_id, None, f"could not run the pipeline: {type(exc).__name__}: {exc}"
            )
        raise


def queue_depths() -> dict[str, int]:
    """Messages waiting in each pipeline queue (Redis or RabbitMQ); empty in the embedded mode."""
    if celery_app.conf.task_always_eager:
        return {}
    depths = {}
    with celery_app.connection_for_read() as connection:
        for queue in (LLM_QUEUE, CPU_QUEUE):
            channel = connection.channel()  # a refused passive declare closes its channel (AMQP)
            try:
                depths[queue] = channel.queue_declare(queue=queue, passive=True).message_count
            except connection.channel_errors:  # never declared, or drained and removed: nothing waits
                depths[queue] = 0
            finally:
                channel.close()
    return depths
