"""The one function the web app calls to run a generation, and the queue depths it reports."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import structlog
from celery import chain

from celeryconfig import CPU_QUEUE, LLM_QUEUE, task_routes
from models.generation import STAGES, fail_generation
from models.session import SessionLocal
from workers.celery_app import celery_app

log = structlog.get_logger("jobwise.chains")


def generation_chain(generation_id: uuid.UUID, from_stage: str = STAGES[0], *, llm: bool = False) -> chain:
    """The stage tasks from ``from_stage`` on; only the id travels, as the first task's argument.

    For an LLM generation the quality stage runs on the LLM queue too: below the ATS target it asks the model
    for a second draft, a network wait that would otherwise hold a CPU worker process.
    """
    stages = STAGES[STAGES.index(from_stage) :]
    signatures = [celery_app.signature(f"jobwise.{name}") for name in stages]
    if llm and "validate_quality" in stages:
        signatures[stages.index("validate_quality")].set(queue=LLM_QUEUE)
    return chain(signatures[0].clone(args=(str(generation_id),)), *signatures[1:])


def enqueue_generation(generation_id: uuid.UUID, from_stage: str = STAGES[0], *, llm: bool = False) -> None:
    """Publish the chain of a committed generation (call after commit). With no broker (the embedded mode)
    the chain runs here and now."""
    work = generation_chain(generation_id, from_stage, llm=llm)
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


def dispatch_webhooks() -> None:
    """Send the due webhook deliveries now (call after committing a generation's end). Celery beat also
    runs this every ``WEBHOOK_SWEEP_S``, so a failure to publish here only delays them."""
    try:
        celery_app.signature("jobwise.dispatch_webhooks").apply_async()
    except Exception:
        log.exception("webhook_dispatch_failed")


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


def queue_of(stage: str, *, llm: bool = False) -> str:
    """The queue a stage's message goes to (an LLM generation validates on the LLM queue)."""
    if llm and stage == "validate_quality":
        return LLM_QUEUE
    return task_routes[f"jobwise.{stage}"]["queue"]


class QueueProbe:
    """Whether the broker may still hold a stage's message, read once per queue per sweep.

    Redis: the queue is a list, and each message names its argument (the generation id) in plain text in
    its headers, so the waiting messages are searched (the first ``scan_limit``; a longer queue counts as
    holding it). RabbitMQ cannot be read without consuming: a queue holding any message counts as holding
    it, so a lost message is re-published once its queue has drained. Unreachable: it may hold it.
    """

    def __init__(self, scan_limit: int = 20000, queue_for: Callable[..., str] | None = None) -> None:
        self.scan_limit = scan_limit
        self.queue_for = queue_for or queue_of
        self._seen: dict[str, bytes | int | None] = {}

    def _read(self, queue: str) -> bytes | int | None:
        if queue not in self._seen:
            try:
                self._seen[queue] = self._contents(queue)
            except Exception:  # cannot look: assume it waits, re-publish at a later sweep
                self._seen[queue] = None
        return self._seen[queue]

    def _contents(self, queue: str) -> bytes | int:
        with celery_app.connection_for_read() as connection:
            if connection.transport_cls in ("redis", "rediss") or connection.transport.driver_type == "redis":
                client = connection.default_channel.client
                if client.llen(queue) > self.scan_limit:
                    return -1
                return b"\n".join(client.lrange(queue, 0, -1))
            channel = connection.channel()
            try:
                return channel.queue_declare(queue=queue, passive=True).message_count
            except connection.channel_errors:
                return 0
            finally:
                channel.close()

    def __call__(self, generation_id: uuid.UUID, stage: str, llm: bool) -> bool:
        contents = self._read(self.queue_for(stage, llm=llm))
        if contents is None or isinstance(contents, int):
            return contents != 0
        return str(generation_id).encode() in contents
