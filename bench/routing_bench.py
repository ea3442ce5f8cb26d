"""Where an offline generation's first three stages run: bursts through the Procfile's two workers (issue 17).

Starts the two workers as the Procfile does (llm: threads, 32; cpu: prefork, 2) on a throwaway database and
queue prefix, then alternates bursts of BURST offline generations published two ways: stages 1-3 on the llm
queue (threads pool, as ``workers.chains`` routes them) or on the cpu queue (prefork); stages 4-5 on the cpu
queue in both. Prints generations/s per burst and the median per routing. No web process: only the workers,
Postgres and Redis. Run it under the shared bench lock; on a box shared with other jobs the rounds vary more
than the routings differ.

Usage: python bench/routing_bench.py [ROUNDS] [BURST]   (default 5, 20)
"""

from __future__ import annotations

import importlib
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
SERVER = os.environ.get("DATABASE_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
NAME = f"jobwise_bench_routing_{uuid.uuid4().hex[:10]}"
URL = create_engine(SERVER).url.set(database=NAME).render_as_string(hide_password=False)
PREFIX = f"routing-{uuid.uuid4().hex[:8]}-"
# Settings are read at import: the workers' environment is this process's before any project import.
os.environ.update(
    JOBWISE_ENV_FILE="",
    DATABASE_URL=URL,
    REDIS_URL=REDIS,
    CELERY_BROKER_URL=REDIS,
    JOBWISE_QUEUE_PREFIX=PREFIX,
    LOG_LEVEL="WARNING",
)
sys.path.insert(0, str(ROOT))


def burst(size: int, stages_on_cpu: bool) -> float:
    """Generations per second for ``size`` offline generations published at once."""
    from celery import chain

    from celeryconfig import CPU_QUEUE, LLM_QUEUE
    from models.generation import STAGES, Generation
    from models.session import SessionLocal
    from tests.factories import make_generation
    from workers.celery_app import celery_app

    with SessionLocal() as session:
        ids = [make_generation(session).id for _ in range(size)]
        session.commit()
    first_three = CPU_QUEUE if stages_on_cpu else LLM_QUEUE
    started = time.perf_counter()
    for generation_id in ids:
        steps = [
            celery_app.signature(f"jobwise.{name}", queue=first_three if n < 3 else CPU_QUEUE)
            for n, name in enumerate(STAGES)
        ]
        chain(steps[0].clone(args=(str(generation_id),)), *steps[1:]).apply_async()
    while True:
        with SessionLocal() as session:
            statuses = session.scalars(select_status(Generation, ids)).all()
        if all(status in ("succeeded", "failed") for status in statuses):
            break
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    if any(status != "succeeded" for status in statuses):
        raise RuntimeError("a generation failed; see the worker logs")
    return size / elapsed


def select_status(generation: type, ids: list[uuid.UUID]):
    from sqlalchemy import select

    return select(generation.status).where(generation.id.in_(ids))


def main(rounds: int, size: int) -> None:
    from alembic import command

    from tests.conftest import alembic_config

    admin = create_engine(create_engine(SERVER).url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{NAME}"'))
    processes = []
    try:
        command.upgrade(alembic_config(URL), "head")
        from models.session import configure, dispose

        configure(URL)
        importlib.import_module("workers.tasks")  # registers the stage tasks the chains name

        celery = Path(sys.executable).parent / "celery"
        for queue, pool, concurrency in (("llm", "threads", "32"), ("cpu", "prefork", "2")):
            processes.append(
                subprocess.Popen(
                    [
                        celery,
                        "-A",
                        "workers.celery_app:celery_app",
                        "worker",
                        "--queues",
                        PREFIX + queue,
                        "--pool",
                        pool,
                        "--concurrency",
                        concurrency,
                        "--hostname",
                        f"{queue}-{PREFIX}@%h",
                        "--loglevel",
                        "WARNING",
                    ],
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        burst(2, False), burst(2, True)  # workers up, fonts and vocabularies loaded
        rates: dict[bool, list[float]] = {False: [], True: []}
        print(f"offline generations, bursts of {size}, stages 4-5 on the cpu queue in both")
        for number in range(rounds):
            for on_cpu in (False, True):
                rates[on_cpu].append(burst(size, on_cpu))
                where = "cpu (prefork)" if on_cpu else "llm (threads)"
                print(
                    f"  round {number + 1}: stages 1-3 on {where:14s} {rates[on_cpu][-1]:6.2f} generations/s"
                )
        for on_cpu, label in ((False, "llm (threads)"), (True, "cpu (prefork)")):
            print(f"  stages 1-3 on {label}: median {statistics.median(rates[on_cpu]):.2f} generations/s")
        dispose()
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    main(*(arguments + [5, 20][len(arguments) :]))
