"""RabbitMQ as the broker: a generation through a real worker process consuming from RabbitMQ.

RabbitMQ is optional for a developer (`python dev.py test` needs only Postgres and Redis, and skips this when
RabbitMQ is not running); in CI (CI=true) a missing RabbitMQ fails the run. .ci/run starts it when it is down.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest
from celery import Celery, chain
from kombu import Queue

from celeryconfig import LLM_QUEUE, task_routes
from models.generation import STAGES
from models.session import SessionLocal, configure
from tests.conftest import REDIS_URL
from tests.factories import make_generation
from tests.integration.test_pipeline import wait_for_status

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
AMQP_URL = os.environ.get("TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//")


def rabbitmq_up() -> bool:
    address = urlparse(AMQP_URL)
    try:
        with socket.create_connection((address.hostname, address.port or 5672), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(params=[False, True], ids=["classic", "quorum"])
def rabbit_worker(request, database_url: str, tmp_path: Path):
    if not rabbitmq_up():
        if os.environ.get("CI"):
            pytest.fail(f"RabbitMQ is not reachable at {AMQP_URL}")
        pytest.skip("RabbitMQ is not running here; CI runs this test")
    configure(database_url)
    prefix = f"rabbit-{uuid.uuid4().hex[:8]}-"
    env = {**os.environ, "JOBWISE_QUEUE_PREFIX": prefix, "DATABASE_URL": database_url,
           "CELERY_BROKER_URL": AMQP_URL, "REDIS_URL": REDIS_URL,
           # the production setup: replicated quorum queues and publisher confirms
           "JOBWISE_QUORUM_QUEUES": str(request.param).lower(),
           "JOBWISE_CONFIRM_PUBLISH": str(request.param).lower()}  # fmt: skip
    command = [sys.executable, "-m", "celery", "-A", "workers.celery_app:celery_app", "worker",
               "--pool", "threads", "--concurrency", "2", "--queues", f"{prefix}llm,{prefix}cpu",
               "--hostname", f"{prefix}@%h", "--without-gossip", "--without-mingle"]  # fmt: skip
    log = tmp_path / "worker.log"
    worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    yield prefix, request.param
    worker.terminate()  # only the process this test started
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=10)
    with Celery(broker=AMQP_URL).connection_for_write() as connection:
        channel = connection.channel()
        for queue in (f"{prefix}llm", f"{prefix}cpu"):
            channel.queue_delete(queue)
        channel.close()


def test_a_generation_runs_on_rabbitmq(rabbit_worker):
    prefix, quorum = rabbit_worker
    publisher = Celery("jobwise-rabbit-test", broker=AMQP_URL)
    publisher.conf.update(task_serializer="json", accept_content=["json"])
    if quorum:  # declared as the workers declare them (RabbitMQ refuses a redeclaration with other arguments)
        arguments = {"x-queue-type": "quorum"}
        names = (f"{prefix}llm", f"{prefix}cpu")
        publisher.conf.task_queues = [Queue(n, routing_key=n, queue_arguments=arguments) for n in names]
        publisher.conf.broker_transport_options = {"confirm_publish": True}

    def queue_of(stage: str) -> str:
        return f"{prefix}{'llm' if task_routes[f'jobwise.{stage}']['queue'] == LLM_QUEUE else 'cpu'}"

    with SessionLocal.begin() as session:
        generation_id = make_generation(session).id
    steps = [publisher.signature(f"jobwise.{stage}", queue=queue_of(stage)) for stage in STAGES]
    chain(steps[0].clone(args=(str(generation_id),)), *steps[1:]).apply_async()

    done = wait_for_status(generation_id, {"succeeded", "failed"}, timeout_s=120)
    assert done.status == "succeeded", done.error
    assert [s.attempts for s in done.stages] == [1] * len(STAGES)
    if quorum:  # the queue really is a quorum queue: declaring it classic is refused
        with publisher.connection_for_write() as connection:
            channel = connection.channel()
            with pytest.raises(connection.channel_errors, match="x-queue-type"):
                channel.queue_declare(queue=f"{prefix}llm", durable=True, auto_delete=False)
