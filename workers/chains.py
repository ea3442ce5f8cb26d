"""The one function the web app calls to run a generation, and the queue depths it reports."""

from __future__ import annotations

import uuid

from celery import chain

from celeryconfig import CPU_QUEUE, LLM_QUEUE
from models.generation import STAGES
from workers.celery_app import celery_app


def enqueue_generation(generation_id: uuid.UUID, from_stage: str = STAGES[0]) -> None:
    """Publish the stage chain for a committed generation, from ``from_stage`` on. Call after commit.

    Only the id travels in the message. With no broker (the embedded mode) the chain runs here and now.
    """
    if celery_app.conf.task_always_eager:
        celery_app.loader.import_default_modules()  # the tasks run here, so this process needs them
    stages = STAGES[STAGES.index(from_stage) :]
    signatures = [celery_app.signature(f"jobwise.{name}") for name in stages]
    chain(signatures[0].clone(args=(str(generation_id),)), *signatures[1:]).apply_async()


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
