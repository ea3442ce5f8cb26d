"""A Procfile-like stack on this machine, and the faults an operator meets, for the fault suite and bench.

The stack: its own redis-server on a free port with no persistence (broker, rate limits, cache), a throwaway
database on the shared Postgres, gunicorn (gthread) as web, an LLM worker (threads pool), a CPU worker
(prefork pool) and celery beat running the sweeper, with short liveness settings. Like a platform's process
manager, the stack restarts a worker process that exits.

The faults: SIGKILL a CPU pool child; SIGKILL the LLM worker's main process and start a new one; kill
Redis and start it again empty 3 s later; terminate the service's Postgres backends (of its own database
only). Each phase submits a batch of offline generations through the live API, injects one fault while they
run, and records when each generation ends. Every request's status is counted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import create_engine, text

from tests.conftest import POSTGRES_URL, ThrowawayDatabase, alembic_config

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
FINAL = {"succeeded", "failed", "cancelled"}
FAULTS = ("kill_cpu_child", "kill_llm_worker", "restart_redis", "drop_postgres_connections")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children_of(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@dataclass
class Http:
    base: str
    token: str = ""
    statuses: dict[int, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)  # noqa: S310
        request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 -- our own server
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        except OSError:  # the web process itself unreachable: counted apart, as 0
            status, raw = 0, b""
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
        try:
            return status, json.loads(raw) if raw else None
        except ValueError:
            return status, None

    def server_errors(self) -> dict[int, int]:
        return {s: n for s, n in self.statuses.items() if s >= 500 or s == 0}


class Stack:
    """The processes of the Procfile, started by this object; ``stop`` ends only them."""

    def __init__(self, workdir: Path, *, liveness_s: float = 6, sweep_s: float = 2, heartbeat_s: float = 1):
        self.workdir = workdir
        self.database = ThrowawayDatabase(POSTGRES_URL, prefix="jobwise_fault")
        self.redis_port = free_port()
        self.web_port = free_port()
        prefix = f"fault-{uuid.uuid4().hex[:8]}-"
        self.env = {
            **os.environ,
            "JOBWISE_ENV_FILE": "",
            "JOBWISE_QUEUE_PREFIX": prefix,
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "CELERY_BROKER_URL": f"redis://127.0.0.1:{self.redis_port}/1",
            "JOBWISE_HEARTBEAT_S": str(heartbeat_s),
            "JOBWISE_LIVENESS_S": str(liveness_s),
            "JOBWISE_UNDELIVERED_S": str(liveness_s),
            "JOBWISE_SWEEP_INTERVAL_S": str(sweep_s),
            "JOBWISE_MAX_ENQUEUES": "5",
            "RATELIMIT_DEFAULT": "100000 per minute",
            "RATELIMIT_AUTH": "100000 per minute",
            "RATELIMIT_PER_ADDRESS": "1000000 per minute",
            "LOG_LEVEL": "WARNING",
            "WEB_CONCURRENCY": "2",
            "WEB_THREADS": "8",
        }
        self.queues = {"llm": f"{prefix}llm", "cpu": f"{prefix}cpu"}
        self.processes: dict[str, subprocess.Popen] = {}
        self.restarts: dict[str, int] = {}
        self._supervising = threading.Event()
        self._supervisor: threading.Thread | None = None
        self._lock = threading.Lock()
        self.engine: Any = None

    # --- processes ---------------------------------------------------------------------------------------
    def _commands(self) -> dict[str, list[str]]:
        celery = [str(BIN / "celery"), "-A", "workers.celery_app:celery_app"]
        return {
            "redis": ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "",
                      "--appendonly", "no", "--dir", str(self.workdir)],
            "web": [str(BIN / "gunicorn"), "wsgi:app", "--config", "gunicorn.conf.py",
                    "--bind", f"127.0.0.1:{self.web_port}", "--worker-class", "gthread"],
            "worker_llm": [*celery, "worker", "--queues", self.queues["llm"], "--pool", "threads",
                           "--concurrency", "8", "--hostname", f"llm-{self.web_port}@%h", "--loglevel",
                           "WARNING", "--without-gossip", "--without-mingle"],
            "worker_cpu": [*celery, "worker", "--queues", self.queues["cpu"], "--pool", "prefork",
                           "--concurrency", "2", "--hostname", f"cpu-{self.web_port}@%h", "--loglevel",
                           "WARNING", "--without-gossip", "--without-mingle"],
            "beat": [*celery, "beat", "--schedule", str(self.workdir / "beat-schedule"),
                     "--loglevel", "WARNING"],
        }  # fmt: skip

    def start_process(self, name: str) -> subprocess.Popen:
        log = (self.workdir / f"{name}.log").open("ab")
        process = subprocess.Popen(self._commands()[name], cwd=ROOT, env=self.env, stdout=log, stderr=log)
        self.processes[name] = process
        return process

    def start(self) -> None:
        url = self.database.create()
        command.upgrade(alembic_config(url), "head")
        self.env["DATABASE_URL"] = url
        self.engine = create_engine(url, pool_pre_ping=True)
        self.start_process("redis")
        self.wait_for_redis()
        for name in ("web", "worker_llm", "worker_cpu", "beat"):
            self.start_process(name)
        self._wait_for_web()
        self._supervising.set()
        self._supervisor = threading.Thread(target=self._supervise, daemon=True)
        self._supervisor.start()

    def _supervise(self) -> None:
        """Restart a worker or beat that exited (what a platform's process manager does)."""
        while self._supervising.is_set():
            with self._lock:
                for name in ("worker_llm", "worker_cpu", "beat"):
                    process = self.processes.get(name)
                    if process is not None and process.poll() is not None and self._supervising.is_set():
                        self.restarts[name] = self.restarts.get(name, 0) + 1
                        self.start_process(name)
            time.sleep(0.5)

    def wait_for_redis(self, timeout_s: float = 30) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.redis_port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def _wait_for_web(self, timeout_s: float = 90) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=2):  # noqa: S310
                    return
            except OSError:
                if self.processes["web"].poll() is not None:
                    break
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not start:\n{(self.workdir / 'web.log').read_text()[-3000:]}")

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def stop(self) -> None:
        self._supervising.clear()
        if self._supervisor is not None:
            self._supervisor.join(timeout=5)
        for process in self.processes.values():  # only the processes this stack started
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
            for child in children_of(process.pid):
                with contextlib.suppress(OSError):
                    os.kill(child, signal.SIGKILL)
        if self.engine is not None:
            self.engine.dispose()
        self.database.drop()

    # --- faults ------------------------------------------------------------------------------------------
    def kill_cpu_child(self) -> None:
        """SIGKILL one prefork pool child of the CPU worker (its parent starts a new one)."""
        deadline = time.monotonic() + 10
        while not (children := children_of(self.processes["worker_cpu"].pid)):
            if time.monotonic() > deadline:
                raise RuntimeError("the CPU worker has no pool child")
            time.sleep(0.1)
        os.kill(children[0], signal.SIGKILL)

    def kill_llm_worker(self) -> None:
        """SIGKILL the LLM worker's main process (its threads die with it) and start a new one."""
        with self._lock:  # this fault restarts it itself, not the supervisor
            old = self.processes["worker_llm"]
            os.kill(old.pid, signal.SIGKILL)
            old.wait(timeout=10)
            self.start_process("worker_llm")

    def restart_redis(self, down_s: float = 3) -> None:
        """Kill Redis and start it again, empty, ``down_s`` later: every queued message is lost."""
        old = self.processes["redis"]
        os.kill(old.pid, signal.SIGKILL)
        old.wait(timeout=10)
        time.sleep(down_s)
        self.start_process("redis")
        self.wait_for_redis()

    def drop_postgres_connections(self) -> int:
        """pg_terminate_backend every connection to this stack's own database, except the one asking."""
        admin = create_engine(self.database.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                return len(
                    conn.execute(
                        text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = :name AND pid <> pg_backend_pid()"
                        ),
                        {"name": self.database.name},
                    ).all()
                )
        finally:
            admin.dispose()

    # --- reading the database ----------------------------------------------------------------------------
    def statuses(self, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        for attempt in range(3):
            try:
                with self.engine.connect() as conn:
                    rows = conn.execute(
                        text("SELECT id::text, status FROM generations WHERE id::text = ANY(:ids)"),
                        {"ids": ids},
                    ).all()
                return dict(rows)
            except Exception:  # the fault dropped this connection too
                if attempt == 2:
                    raise
                time.sleep(0.5)
        return {}

    def running_stages(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(
                conn.execute(text("SELECT name FROM generation_stages WHERE status = 'running'")).scalars()
            )

    def duplicated_stage_rows(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT generation_id, name FROM generation_stages "
                    "GROUP BY generation_id, name HAVING count(*) > 1) d"
                )
            ).scalar_one()

    def bad_documents(self) -> list[str]:
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT id::text, sha256, size, content FROM documents")).all()
        return [
            row.id
            for row in rows
            if hashlib.sha256(row.content).hexdigest() != row.sha256 or len(row.content) != row.size
        ]

    def document_count(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM documents")).scalar_one()


@dataclass
class Phase:
    fault: str
    submitted: list[str]
    fault_at: float = 0.0
    ended_at: dict[str, float] = field(default_factory=dict)

    def recovery_s(self) -> list[float]:
        """Per generation running at the fault: seconds from the fault until it ended."""
        return [max(0.0, at - self.fault_at) for at in self.ended_at.values()]


@dataclass
class FaultRun:
    stack: Stack
    per_phase: int = 5
    http: Http = field(init=False)
    phases: list[Phase] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    last_fault_at: float = 0.0
    started_at: float = 0.0

    def __post_init__(self) -> None:
        self.http = Http(self.stack.base_url)

    def prepare(self) -> dict[str, str]:
        email = f"fault-{uuid.uuid4().hex[:8]}@example.com"
        password = "correct horse battery staple"
        status, _ = self.http.call(
            "POST", "/api/v1/auth/register", {"email": email, "password": password, "name": "F"}
        )
        assert status == 201, status
        _, tokens = self.http.call("POST", "/api/v1/auth/login", {"email": email, "password": password})
        self.http.token = tokens["access_token"]
        resume = json.loads((ROOT / "examples" / "profile.json").read_text(encoding="utf-8"))
        posting = json.loads((ROOT / "examples" / "job.json").read_text(encoding="utf-8"))
        _, profile = self.http.call("POST", "/api/v1/profiles/import", resume)
        _, job = self.http.call("POST", "/api/v1/jobs", posting)
        return {"profile_id": profile["id"], "job_id": job["id"]}

    def submit(self, request: dict[str, str], count: int) -> list[str]:
        ids = []
        for _ in range(count):
            status, body = self.http.call(
                "POST", "/api/v1/generations", {**request, "options": {"template": "modern"}}
            )
            if status == 202:
                ids.append(body["id"])
        self.accepted += ids
        return ids

    def _poll_api(self, ids: list[str]) -> None:
        """What a mobile client does meanwhile: status, list; every answer is counted."""
        for generation_id in ids[:3]:
            self.http.call("GET", f"/api/v1/generations/{generation_id}")
        self.http.call("GET", "/api/v1/generations?page_size=5")
        self.http.call("GET", "/readyz")

    def _wait_for_running(self, ids: list[str], stages: set[str], timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.stack.running_stages() & stages:
                return
            if all(s in FINAL for s in self.stack.statuses(ids).values()):
                return
            time.sleep(0.05)

    def run_phase(self, request: dict[str, str], fault: str, bound_s: float) -> Phase:
        ids = self.submit(request, self.per_phase)
        phase = Phase(fault, ids)
        self.phases.append(phase)
        target = (
            {"validate_quality", "export_documents"}
            if fault == "kill_cpu_child"
            else {"analyze_job", "compile_profile", "generate_documents"}
        )
        self._wait_for_running(ids, target)
        phase.fault_at = time.monotonic()
        if fault == "restart_redis":
            outage = threading.Thread(target=self.stack.restart_redis)
            outage.start()
            while outage.is_alive():  # the API keeps answering through the outage
                phase.submitted += self.submit(request, 1)
                self._poll_api(ids)
                time.sleep(0.2)
        else:
            getattr(self.stack, fault)()
        self.last_fault_at = time.monotonic()
        self._poll_api(ids)
        self.wait_final(phase, bound_s)
        return phase

    def wait_final(self, phase: Phase, bound_s: float) -> None:
        deadline = time.monotonic() + bound_s
        pending = set(phase.submitted)
        while pending and time.monotonic() < deadline:
            for generation_id, status in self.stack.statuses(sorted(pending)).items():
                if status in FINAL:
                    phase.ended_at[generation_id] = time.monotonic()
                    pending.discard(generation_id)
            self._poll_api(sorted(pending))
            time.sleep(0.3)

    def run(self, bound_s: float) -> None:
        self.started_at = time.monotonic()
        request = self.prepare()
        for fault in FAULTS:
            self.run_phase(request, fault, bound_s)

    # --- results -----------------------------------------------------------------------------------------
    def unfinished(self) -> list[str]:
        return [i for i, s in self.stack.statuses(self.accepted).items() if s not in FINAL]

    def outcomes(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for status in self.stack.statuses(self.accepted).values():
            counts[status] = counts.get(status, 0) + 1
        return counts

    def report(self) -> str:
        lines = [f"jobs: {len(self.accepted)} accepted; outcomes {self.outcomes()}",
                 f"faults: {', '.join(p.fault for p in self.phases)}; worker restarts by the supervisor "
                 f"{self.stack.restarts or 'none'}",
                 "recovery, seconds from the fault until each generation of its batch ended:"]  # fmt: skip
        for phase in self.phases:
            times = phase.recovery_s()
            if times:
                p50, worst = statistics.median(times), max(times)
                lines.append(f"  {phase.fault:28s} n={len(times):3d}  p50 {p50:6.1f}  max {worst:6.1f}")
        server_errors = self.http.server_errors()
        by_status = dict(sorted(self.http.statuses.items()))
        lines.append(f"responses: {sum(by_status.values())}, by status {by_status}")
        fives = sum(n for s, n in server_errors.items() if s != 503)
        lines.append(f"5xx other than 503: {fives}; 503: {self.http.statuses.get(503, 0)}")
        lines.append(f"unfinished after the bound: {len(self.unfinished())}")
        bad = len(self.stack.bad_documents())
        lines.append(f"duplicated stage rows: {self.stack.duplicated_stage_rows()}; documents ")
        lines[-1] += f"{self.stack.document_count()}, sha256 mismatches {bad}"
        return "\n".join(lines)
