"""Concurrent LLM generations on one LLM worker against a fake model that takes LATENCY_S per call.

Usage: python bench/llm_bench.py [GENERATIONS] [LATENCY_S]   (default 50 and 2.0)

Needs the local Postgres and Redis (DATABASE_URL, REDIS_URL). Starts, in a throwaway database and on queues
of its own: the fake OpenAI-compatible server (in this process), and the Procfile's two workers as
subprocesses: one LLM worker (threads pool, concurrency GENERATIONS) and one CPU worker (prefork, one
process per core). Every generation has a job of its own, so the analysis cache never answers.

Reports the time of one generation alone (after a warm-up that pays litellm's import) against the sum of
its model calls, then the wall time of GENERATIONS generations enqueued at once against running their
calls one after another (calls x LATENCY_S).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REDIS = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
os.environ["CELERY_BROKER_URL"] = REDIS  # before celeryconfig is read
os.environ["JOBWISE_QUEUE_PREFIX"] = f"bench-{uuid.uuid4().hex[:8]}-"

import yaml  # noqa: E402
from alembic import command  # noqa: E402

from models.generation import FINAL_STATUSES, Generation, new_generation  # noqa: E402
from models.session import SessionLocal, configure  # noqa: E402
from tests.conftest import POSTGRES_URL, ThrowawayDatabase, alembic_config  # noqa: E402
from tests.factories import EXAMPLE_JOB, OFFLINE_OPTIONS, make_job, make_profile, make_user  # noqa: E402
from tests.fakes import model  # noqa: E402
from tests.fakes.openai_server import FakeOpenAI  # noqa: E402
from workers.chains import enqueue_generation  # noqa: E402


def start_worker(
    name: str, pool: str, concurrency: int, queue: str, env: dict[str, str], logs: Path
) -> subprocess.Popen:
    log = logs / f"{name}.log"
    command = [sys.executable, "-m", "celery", "-A", "workers.celery_app:celery_app", "worker",
               "--pool", pool, "--concurrency", str(concurrency), "--queues", queue, "--hostname",
               f"{name}@%h", "--without-gossip", "--without-mingle", "--loglevel", "INFO"]  # fmt: skip
    worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while "ready." not in log.read_text():
        if worker.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"worker {name} did not start:\n{log.read_text()}")
        time.sleep(0.2)
    return worker


def new_generations(count: int) -> list[uuid.UUID]:
    with SessionLocal.begin() as session:
        owner = make_user(session)
        profile = make_profile(session, owner)
        ids = []
        for _ in range(count):
            job = make_job(
                session, owner, description=f"{EXAMPLE_JOB['description']}\nRef {uuid.uuid4().hex}."
            )
            options = {**OFFLINE_OPTIONS, "generator": "llm"}
            ids.append(new_generation(session, owner.id, profile.id, job.id, options=options).id)
    return ids


@dataclass(frozen=True)
class Run:
    wall_s: float  # enqueue of the first to the end of the last
    durations_s: list[float]  # each generation, created to finished
    llm_stages_done_s: float  # enqueue to the end of the last LLM-queue stage (documents written)


def run(count: int) -> Run:
    """Enqueue ``count`` generations at once and wait for all of them."""
    ids = new_generations(count)
    started, started_at = time.monotonic(), datetime.now(UTC)
    for generation_id in ids:
        enqueue_generation(generation_id)
    while True:
        with SessionLocal() as session:
            rows = [session.get(Generation, i) for i in ids]
            if all(row.status in FINAL_STATUSES for row in rows):
                failed = [row.error for row in rows if row.status != "succeeded"]
                if failed:
                    raise RuntimeError(f"{len(failed)} generations failed: {failed[0]}")
                written = max(
                    s.finished_at for row in rows for s in row.stages if s.name == "generate_documents"
                )
                llm_done = (written.replace(tzinfo=UTC) - started_at).total_seconds()
                return Run(time.monotonic() - started, [row.generation_time_s for row in rows], llm_done)
        time.sleep(0.1)


def main(count: int, latency: float) -> None:
    database = ThrowawayDatabase(POSTGRES_URL, prefix="jobwise_bench")
    url = database.create()
    command.upgrade(alembic_config(url), "head")
    configure(url)
    prefix = os.environ["JOBWISE_QUEUE_PREFIX"]
    workers = []
    with FakeOpenAI(model.answer) as fake, tempfile.TemporaryDirectory() as tmp:
        fake.latency["fake-model"] = latency
        config = Path(tmp) / "llm.yaml"
        params = {"model": "openai/fake-model", "api_base": fake.url, "api_key": "os.environ/BENCH_KEY"}
        deployment = {"model_name": "main", "litellm_params": params}
        config.write_text(yaml.safe_dump({"model_list": [deployment], "router_settings": {"timeout": 30}}))
        env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": REDIS, "JOBWISE_LLM_CONFIG": str(config),
               "BENCH_KEY": "bench-key", "LOG_LEVEL": "WARNING"}  # fmt: skip
        try:
            workers.append(start_worker("llm", "threads", max(count, 4), f"{prefix}llm", env, Path(tmp)))
            workers.append(
                start_worker("cpu", "prefork", os.cpu_count() or 2, f"{prefix}cpu", env, Path(tmp))
            )
            run(1)  # warm-up: litellm's import, fonts, connections
            fake.requests.clear()
            single = run(1)
            calls = len(fake.requests)
            print(f"one generation: {single.wall_s:.2f} s")
            print(f"  documents written after {single.llm_stages_done_s:.2f} s")
            print(f"  {calls} model calls of {latency:.1f} s, {calls - 1} deep (resume and letter overlap)")
            fake.requests.clear()
            batch = run(count)
            calls = len(fake.requests)
            median, slowest = statistics.median(batch.durations_s), max(batch.durations_s)
            print(f"{count} generations at once on one LLM worker: {batch.wall_s:.2f} s wall")
            print(f"  all documents written after {batch.llm_stages_done_s:.2f} s")
            print(f"  per generation: median {median:.2f} s, slowest {slowest:.2f} s")
            print(f"  {calls} model calls x {latency:.1f} s = {calls * latency:.0f} s one after another")
            print(f"  {count} x {latency:.1f} s = {count * latency:.0f} s")
        finally:
            for worker in workers:
                worker.terminate()
                worker.wait(timeout=30)
            database.drop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50, float(sys.argv[2]) if len(sys.argv) > 2 else 2.0)
