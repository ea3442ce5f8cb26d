"""The status path at scale, as ratios to floors measured in the same run on the same machine (issue 17).

Usage: python bench/status_bench.py [SECONDS] [CONNECTIONS] [WAITERS]   (default 10 s, 32, 1000)

Needs the local Postgres and Redis. Creates a throwaway database and, in one run:

- the floors: a bare Flask app reading one row from Postgres (a SQLAlchemy pool sized as the service's, the
  same gunicorn worker class and process count as the service), and a bare chain of five Celery tasks doing
  one UPDATE each (the same pools as the Procfile's workers: threads for the first three, prefork for the
  last two);
- the service: gunicorn with the real gunicorn.conf.py (gevent, WEB_CONCURRENCY processes) and the
  Procfile's two Celery workers.

Load comes from an asyncio + aiohttp client in this process (CONNECTIONS keep-alive connections, requests
back to back), which needs far less CPU than the servers. Prints:

- poll: GET /generations/{id} with a bearer token, req/s and p50/p99, and its ratio to the bare row read;
- search: POST /jobs/search over 201 postings, ratio to the bare row read (floor, poll and search
  alternate for three rounds; the median of the rounds' ratios is reported);
- generation: offline generations one at a time (p95 from POST to succeeded) against the bare chain's p95,
  and N submitted at once (generations/s) against the bare chains/s, with the machine's busy CPU per
  generation and per chain during those bursts (all processes, from /proc/stat), and the generation's
  share of it by process (web, each worker with its children, Postgres, Redis, this client, other); and the
  five stages alone in this process (bench/stage_bench.py's measure): the least a generation costs, and
  the rate the machine's cores would allow if nothing else ran;
- waiters: WAITERS clients long-polling (?wait=30) at once; their generations are then cancelled and the time
  from sending each cancel to its waiters' answers is measured (an upper bound on change to answer), with
  /healthz p99 meanwhile and each gunicorn process's resident memory before and while they wait.

Targets (issue 17): poll >= 0.60, search >= 0.40, generation p95 <= 20x, throughput >= 0.15x, all waiters
answered within 1 s. Traffic stays on 127.0.0.1; every process started here is stopped at the end, and its
throwaway database and Redis queues are deleted.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.stage_bench import example_runs  # noqa: E402
from settings import Settings  # noqa: E402
from tests.conftest import POSTGRES_URL, REDIS_URL, ThrowawayDatabase, alembic_config, free_port  # noqa: E402

VENV_BIN = Path(sys.executable).parent
WEB_PROCESSES = os.environ.get("WEB_CONCURRENCY", "2")
ROUNDS = 3  # floor and service measured alternately, SECONDS each per round
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

BARE_APP = textwrap.dedent(
    """
    import os
    from flask import Flask, jsonify
    from sqlalchemy import create_engine, text

    app = Flask(__name__)
    # The service's pool settings (the bench passes them): the same connections kept, none opened beyond.
    engine = create_engine(
        os.environ["BARE_DATABASE_URL"],
        pool_size=int(os.environ["WEB_DB_POOL_SIZE"]),
        max_overflow=int(os.environ["WEB_DB_MAX_OVERFLOW"]),
    )
    QUERY = text("SELECT id, status, progress, version FROM generations WHERE id = :id")

    @app.get("/row/<uuid:row_id>")
    def row(row_id):
        with engine.connect() as conn:
            found = conn.execute(QUERY, {"id": row_id}).mappings().first()
        return jsonify({k: str(v) for k, v in found.items()})
    """
)

BARE_GUNICORN = textwrap.dedent(
    """
    workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
    worker_class = "gevent"
    worker_connections = 1000

    def post_fork(server, worker):
        from psycogreen.gevent import patch_psycopg

        patch_psycopg()
    """
)

BARE_CHAIN = textwrap.dedent(
    """
    import os
    from celery import Celery
    from sqlalchemy import create_engine, text

    app = Celery("bare", broker=os.environ["BARE_BROKER"])
    app.conf.update(task_serializer="json", accept_content=["json"], task_ignore_result=True,
                    task_acks_late=True, worker_prefetch_multiplier=1, worker_hijack_root_logger=False)
    PREFIX = os.environ["BARE_PREFIX"]
    ENGINE = None

    def engine():
        global ENGINE
        if ENGINE is None:
            ENGINE = create_engine(os.environ["BARE_DATABASE_URL"])
        return ENGINE

    def step(row_id):
        with engine().begin() as conn:
            conn.execute(text("UPDATE bare_chain SET step = step + 1, done_at = clock_timestamp() "
                              "WHERE id = :id"), {"id": row_id})
        return row_id

    def make(n):
        def run_step(row_id):
            return step(row_id)

        run_step.__name__ = f"step{n}"
        return app.task(name=f"bare.step{n}")(run_step)

    step1, step2, step3, step4, step5 = (make(n) for n in range(1, 6))
    """
)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def rss_mib(pid: int) -> list[tuple[int, float]]:
    """(pid, resident MiB) of a process and its children."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    out = []
    for each in pids:
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
        out.append((each, kib / 1024))
    return out


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy (every process: servers, workers, Postgres, Redis, this
    client), from /proc/stat; a burst's share of it says where a throughput gap goes."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / CLOCK_TICKS


def process_cpu() -> dict[int, tuple[int, str, float]]:
    """Every process now: pid -> (parent pid, command name, CPU seconds spent, user and system)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended meanwhile
            continue
        name, fields = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :].split()
        found[int(entry.name)] = (int(fields[1]), name, (int(fields[11]) + int(fields[12])) / CLOCK_TICKS)
    return found


def cpu_by_role(before: dict, after: dict, roles: dict[int, str]) -> dict[str, float]:
    """CPU seconds spent between two ``process_cpu`` readings, per role: the processes in ``roles`` and
    their children under their role, then Postgres, Redis, this client and everything else."""

    def role(pid: int, parent: int, name: str) -> str:
        if pid in roles or parent in roles:
            return roles.get(pid) or roles[parent]
        if name.startswith(("postgres", "postmaster")):
            return "postgres"
        if name.startswith("redis"):
            return "redis"
        return "this client" if pid == os.getpid() else "other"

    spent: dict[str, float] = {}
    for pid, (parent, name, seconds) in after.items():
        key = role(pid, parent, name)
        spent[key] = spent.get(key, 0.0) + seconds - before.get(pid, (0, "", 0.0))[2]
    return spent


def drop_queues(*prefixes: str) -> int:
    """Delete this run's queues from Redis, with what they still hold (the waiters' cancelled generations)
    and kombu's bindings for them; returns how many keys went."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = [
        key
        for prefix in prefixes
        for pattern in (f"{prefix}*", f"_kombu.binding*.{prefix}*")
        for key in client.scan_iter(pattern)
    ]
    return client.delete(*keys) if keys else 0


def wait_http(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 -- loopback
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not come up") from None
            time.sleep(0.2)


async def hammer(session: aiohttp.ClientSession, make_request, seconds: float, connections: int):
    """CONNECTIONS coroutines issuing requests back to back; (requests/s, latencies ms, non-2xx count)."""
    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds

    async def loop() -> None:
        nonlocal errors
        while time.monotonic() < deadline:
            started = time.perf_counter()
            method, url, kwargs = make_request()
            async with session.request(method, url, **kwargs) as response:
                await response.read()
                if response.status >= 300:
                    errors += 1
            latencies.append((time.perf_counter() - started) * 1000)

    begun = time.monotonic()
    await asyncio.gather(*(loop() for _ in range(connections)))
    return len(latencies) / (time.monotonic() - begun), latencies, errors


class Service:
    def __init__(self, base: str, session: aiohttp.ClientSession) -> None:
        self.base, self.session, self.headers = base, session, {}

    async def call(self, method: str, path: str, body: object = None, expect: int | None = None) -> dict:
        for attempt in range(3):
            try:
                async with self.session.request(
                    method, self.base + path, json=body, headers=self.headers
                ) as response:
                    data = await response.read()
                    if expect is not None and response.status != expect:
                        raise RuntimeError(f"{method} {path}: {response.status} {data[:300]!r}")
                    return json.loads(data or b"{}")
            except aiohttp.ClientConnectionError:  # a keep-alive connection the server had closed
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def until_final(self, generation_id: str) -> dict:
        url = f"{self.base}/api/v1/generations/{generation_id}"
        etag = None
        while True:
            headers = {**self.headers, **({"If-None-Match": etag} if etag else {})}
            try:
                response = await self.session.get(url + "?wait=30", headers=headers)
            except aiohttp.ClientConnectionError:
                continue
            async with response:
                if response.status == 200:
                    body = json.loads(await response.read())
                    etag = response.headers["ETag"]
                    if body["status"] in ("succeeded", "failed", "cancelled"):
                        return body
                else:
                    await response.read()


async def bare_chain_figures(broker_prefix: str, database_url: str, sequential: int, burst: int):
    """p95 of one five-task chain from send to the last UPDATE, and chains/s for a burst."""
    from celery import Celery, chain
    from sqlalchemy import create_engine, text

    app = Celery("bare", broker=REDIS_URL)
    app.conf.update(task_serializer="json", accept_content=["json"], task_ignore_result=True)
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE bare_chain (id uuid PRIMARY KEY, step int NOT NULL DEFAULT 0, "
                "created_at timestamptz NOT NULL DEFAULT clock_timestamp(), done_at timestamptz)"
            )
        )

    def send(row_id: str) -> None:
        signatures = [
            app.signature(f"bare.step{n}", queue=broker_prefix + ("llm" if n <= 3 else "cpu"))
            for n in range(1, 6)
        ]
        chain(signatures[0].clone(args=(row_id,)), *signatures[1:]).apply_async()

    def new_rows(count: int) -> list[str]:
        ids = [str(uuid.uuid4()) for _ in range(count)]
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO bare_chain (id) VALUES (:id)"), [{"id": i} for i in ids])
        return ids

    async def all_done(ids: list[str]) -> None:
        deadline = time.monotonic() + 300
        while True:
            if time.monotonic() > deadline:
                raise RuntimeError("the bare chains did not finish (are the bare workers up?)")
            with engine.connect() as conn:
                done = conn.execute(
                    text("SELECT count(*) FROM bare_chain WHERE id = ANY(CAST(:ids AS uuid[])) AND step = 5"),
                    {"ids": ids},
                ).scalar()
            if done == len(ids):
                return
            await asyncio.sleep(0.005)

    latencies = []
    for row_id in new_rows(sequential):
        started = time.perf_counter()
        send(row_id)
        await all_done([row_id])
        latencies.append(time.perf_counter() - started)
    ids = new_rows(burst)
    started, busy = time.perf_counter(), busy_cpu_seconds()
    for row_id in ids:
        send(row_id)
    await all_done(ids)
    rate = burst / (time.perf_counter() - started)
    cpu_each = (busy_cpu_seconds() - busy) / burst
    engine.dispose()
    return pct(latencies, 0.95), rate, cpu_each


async def waiters_figures(service: Service, generation_ids: list[str], waiters: int):
    """WAITERS long-polls spread over the generations; cancel them; latency from sending the cancel to the
    answer."""
    etags = {}
    for gid in generation_ids:
        async with service.session.get(
            f"{service.base}/api/v1/generations/{gid}", headers=service.headers
        ) as r:
            await r.read()
            etags[gid] = r.headers["ETag"]
    connector = aiohttp.TCPConnector(limit=0)
    answered: dict[int, tuple[float, int]] = {}
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=90)) as session:

        async def wait_one(n: int) -> None:
            gid = generation_ids[n % len(generation_ids)]
            headers = {**service.headers, "If-None-Match": etags[gid]}
            async with session.get(f"{service.base}/api/v1/generations/{gid}?wait=30", headers=headers) as r:
                await r.read()
                answered[n] = (time.monotonic(), r.status)

        tasks = [asyncio.create_task(wait_one(n)) for n in range(waiters)]
        await asyncio.sleep(max(5.0, waiters / 200))  # all connected and parked
        early = len(answered)
        health: list[float] = []

        async def probe() -> None:
            for _ in range(40):
                started = time.perf_counter()
                async with session.get(f"{service.base}/healthz") as r:
                    await r.read()
                health.append((time.perf_counter() - started) * 1000)
                await asyncio.sleep(0.05)

        prober = asyncio.create_task(probe())
        await asyncio.sleep(0.5)
        changed_at: dict[str, float] = {}
        for gid in generation_ids:
            # From the moment the cancel is sent: the change commits before its answer, so a waiter can
            # be answered before the cancel's own answer arrives. An upper bound on change-to-answer.
            changed_at[gid] = time.monotonic()
            await service.call("POST", f"/api/v1/generations/{gid}/cancel", expect=200)
        await asyncio.gather(*tasks, return_exceptions=True)
        await prober
    delays = [
        answered[n][0] - changed_at[generation_ids[n % len(generation_ids)]]
        for n in answered
        if n in answered and answered[n][1] == 200
    ]
    return early, delays, sum(1 for _, s in answered.values() if s == 200), health


async def run(seconds: float, connections: int, waiters: int) -> None:
    from alembic import command

    database = ThrowawayDatabase(POSTGRES_URL, prefix="jobwise_bench_status")
    url = database.create()
    command.upgrade(alembic_config(url), "head")
    prefix = f"bench-{uuid.uuid4().hex[:8]}-"
    work = Path(tempfile.mkdtemp(prefix="status-bench-"))
    (work / "bare_app.py").write_text(BARE_APP)
    (work / "bare_gunicorn.py").write_text("import os\n" + BARE_GUNICORN)
    (work / "bare_chain.py").write_text(BARE_CHAIN)
    service = Settings.from_env({k: v for k, v in os.environ.items() if k.startswith("WEB_DB_")})
    env = {
        **os.environ,
        "JOBWISE_ENV_FILE": "",
        "DATABASE_URL": url,
        "REDIS_URL": REDIS_URL,
        "CELERY_BROKER_URL": REDIS_URL,
        "JOBWISE_QUEUE_PREFIX": prefix,
        "RATELIMIT_DEFAULT": "10000000 per minute",
        "RATELIMIT_AUTH": "10000000 per minute",
        "RATELIMIT_PER_ADDRESS": "10000000 per minute",
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": WEB_PROCESSES,
        "WEB_DB_POOL_SIZE": str(service.web_db_pool_size),
        "WEB_DB_MAX_OVERFLOW": str(service.web_db_max_overflow),
        "BARE_DATABASE_URL": url,
        "BARE_BROKER": REDIS_URL,
        "BARE_PREFIX": f"bare-{prefix}",
        "PYTHONPATH": f"{work}:{ROOT}",
    }
    processes: list[subprocess.Popen] = []

    def start(args: list, cwd: Path = ROOT) -> subprocess.Popen:
        log = (work / f"process-{len(processes)}.log").open("wb")  # read it when something fails
        processes.append(subprocess.Popen(args, cwd=cwd, env=env, stdout=log, stderr=log))
        return processes[-1]

    web_port, bare_port = free_port(), free_port()
    celery = VENV_BIN / "celery"
    try:
        web = start(
            [
                VENV_BIN / "gunicorn",
                "wsgi:app",
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{web_port}",
            ]
        )
        bare = start(
            [
                VENV_BIN / "gunicorn",
                "bare_app:app",
                "--config",
                work / "bare_gunicorn.py",
                "--bind",
                f"127.0.0.1:{bare_port}",
            ],
            cwd=work,
        )
        wait_http(f"http://127.0.0.1:{web_port}/healthz", web)
        base = f"http://127.0.0.1:{web_port}"
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connections + 8)) as session:
            service = Service(base, session)
            account = {"email": "bench@example.com", "password": "bench-password-1", "name": "Bench"}
            await service.call("POST", "/api/v1/auth/register", account, expect=201)
            login = {"email": account["email"], "password": account["password"]}
            token = (await service.call("POST", "/api/v1/auth/login", login, expect=200))["access_token"]
            service.headers = {"Authorization": f"Bearer {token}"}
            resume = json.loads((ROOT / "examples" / "profile.json").read_text(encoding="utf-8"))
            posting = json.loads((ROOT / "examples" / "job.json").read_text(encoding="utf-8"))
            profile_id = (await service.call("POST", "/api/v1/profiles/import", resume, expect=201))["id"]
            for i in range(200):
                await service.call(
                    "POST", "/api/v1/jobs", posting | {"title": f"{posting['title']} {i}"}, expect=201
                )
            job_id = (await service.call("POST", "/api/v1/jobs", posting, expect=201))["id"]
            request = {"profile_id": profile_id, "job_id": job_id, "options": {"generator": "offline"}}
            generation_id = (await service.call("POST", "/api/v1/generations", request, expect=202))["id"]
            await asyncio.sleep(0)
            wait_http(f"http://127.0.0.1:{bare_port}/row/{generation_id}", bare)

            print(
                f"gunicorn.conf.py (gevent), {WEB_PROCESSES} processes; "
                f"{connections} connections, {seconds:.0f} s each"
            )
            poll_url = f"{base}/api/v1/generations/{generation_id}"
            async with session.get(poll_url, headers=service.headers) as r:
                poll_bytes = len(await r.read())
            cases = {
                "bare Flask + Postgres row read (floor)": lambda: (
                    "GET",
                    f"http://127.0.0.1:{bare_port}/row/{generation_id}",
                    {},
                ),
                "GET /generations/{id} (status poll)": lambda: (
                    "GET",
                    poll_url,
                    {"headers": service.headers},
                ),
                "POST /jobs/search": lambda: (
                    "POST",
                    f"{base}/api/v1/jobs/search",
                    {"headers": service.headers, "json": {"keywords": ["python", "redis"]}},
                ),
            }
            # Floor and service alternate, ROUNDS times: on a shared machine a burst of someone else's load
            # then lands on both sides of a ratio, and the median of the rounds' ratios is reported.
            ratios: dict[str, list[float]] = {"poll": [], "search": []}
            for round_number in range(1, ROUNDS + 1):
                rates = {}
                for name, make in cases.items():
                    rate, latencies, errors = await hammer(session, make, seconds, connections)
                    rates[name] = rate
                    print(
                        f"  {round_number} {name:40s} {rate:8.1f} req/s  p50 {pct(latencies, 0.5):6.1f} ms  "
                        f"p99 {pct(latencies, 0.99):7.1f} ms  non-2xx {errors}"
                    )
                floor = rates["bare Flask + Postgres row read (floor)"]
                ratios["poll"].append(rates["GET /generations/{id} (status poll)"] / floor)
                ratios["search"].append(rates["POST /jobs/search"] / floor)
            poll_ratio, search_ratio = (statistics.median(ratios[name]) for name in ("poll", "search"))
            print(
                "  ratios per round: poll "
                + ", ".join(f"{r:.2f}" for r in ratios["poll"])
                + "; search "
                + ", ".join(f"{r:.2f}" for r in ratios["search"])
            )
            print(f"  poll body {poll_bytes} bytes (queued)")
            bare.terminate()  # its pooled connections would count against Postgres's max_connections
            bare.wait(timeout=30)

            # Generations: the Procfile's workers, and the bare chain on the same pools.
            llm_worker = start(
                [
                    celery,
                    "-A",
                    "workers.celery_app:celery_app",
                    "worker",
                    "--queues",
                    f"{prefix}llm",
                    "--pool",
                    "threads",
                    "--concurrency",
                    "32",
                    "--hostname",
                    f"llm-{prefix}@%h",
                    "--loglevel",
                    "WARNING",
                ]
            )
            cpu_worker = start(
                [
                    celery,
                    "-A",
                    "workers.celery_app:celery_app",
                    "worker",
                    "--queues",
                    f"{prefix}cpu",
                    "--pool",
                    "prefork",
                    "--concurrency",
                    "2",
                    "--hostname",
                    f"cpu-{prefix}@%h",
                    "--loglevel",
                    "WARNING",
                ]
            )
            start(
                [
                    celery,
                    "-A",
                    "bare_chain:app",
                    "worker",
                    "--queues",
                    f"bare-{prefix}llm",
                    "--pool",
                    "threads",
                    "--concurrency",
                    "32",
                    "--hostname",
                    f"barellm-{prefix}@%h",
                    "--loglevel",
                    "WARNING",
                ],
                cwd=work,
            )
            start(
                [
                    celery,
                    "-A",
                    "bare_chain:app",
                    "worker",
                    "--queues",
                    f"bare-{prefix}cpu",
                    "--pool",
                    "prefork",
                    "--concurrency",
                    "2",
                    "--hostname",
                    f"barecpu-{prefix}@%h",
                    "--loglevel",
                    "WARNING",
                ],
                cwd=work,
            )
            first = (await service.call("POST", "/api/v1/generations", request, expect=202))["id"]
            warm = await service.until_final(first)  # workers up and warm
            assert warm["status"] == "succeeded", warm.get("error")
            bare_p95, bare_rate, bare_cpu = await bare_chain_figures(
                f"bare-{prefix}", url, sequential=20, burst=100
            )

            sequential, burst = 10, 20
            latencies = []
            for _ in range(sequential):
                started = time.perf_counter()
                gid = (await service.call("POST", "/api/v1/generations", request, expect=202))["id"]
                done = await service.until_final(gid)
                latencies.append(time.perf_counter() - started)
                assert done["status"] == "succeeded", done.get("error")
            roles = {web.pid: "web", llm_worker.pid: "threads worker", cpu_worker.pid: "prefork worker"}
            started, busy, each = time.perf_counter(), busy_cpu_seconds(), process_cpu()
            ids = [
                (await service.call("POST", "/api/v1/generations", request, expect=202))["id"]
                for _ in range(burst)
            ]
            await asyncio.gather(*(service.until_final(gid) for gid in ids))
            rate = burst / (time.perf_counter() - started)
            gen_cpu = (busy_cpu_seconds() - busy) / burst
            shares = cpu_by_role(each, process_cpu(), roles)
            gen_p95 = pct(latencies, 0.95)
            print(
                f"  bare five-task chain: p95 {bare_p95 * 1000:.0f} ms, "
                f"{bare_rate:.1f} chains/s (burst of 100), machine CPU {bare_cpu * 1000:.0f} ms per chain"
            )
            print(
                f"  offline generation:   p95 {gen_p95 * 1000:.0f} ms ({sequential} one at a time), "
                f"{rate:.2f} generations/s (burst of {burst}), machine CPU {gen_cpu * 1000:.0f} ms per "
                "generation"
            )
            print(
                "    per generation: "
                + ", ".join(
                    f"{name} {seconds / burst * 1000:.0f} ms"
                    for name, seconds in sorted(shares.items(), key=lambda item: -item[1])
                    if seconds / burst >= 0.0005
                )
            )

            # The stages alone, here in one process (no Celery, no database, no web): what a generation
            # costs at the least, and the rate the machine's cores would allow with nothing else to do.
            stages = statistics.median(sum(run.values()) for run in example_runs(5))
            cores = os.cpu_count() or 1
            print(
                f"    the five stages alone, in one process (bench/stage_bench.py): {stages * 1000:.0f} ms "
                f"per generation; the service's machine CPU per generation is {gen_cpu / stages:.1f}x that. "
                f"With no other work {cores} cores would allow {cores / stages:.1f} generations/s, "
                f"{cores / stages / bare_rate:.2f} of the chain rate"
            )

            # Waiters: queued generations nobody runs (the workers are stopped first), then cancelled.
            for process in processes[2:]:
                process.terminate()
            for process in processes[2:]:
                process.wait(timeout=60)
            targets = [
                (await service.call("POST", "/api/v1/generations", request, expect=202))["id"]
                for _ in range(50)
            ]
            before = rss_mib(web.pid)
            early, delays, ok, health = await waiters_figures(service, targets, waiters)
            during = rss_mib(web.pid)
            print(
                f"  {waiters} waiters on {len(targets)} generations: {ok} answered 200 after the change "
                f"({early} answered before it); change to answer p50 {pct(delays, 0.5) * 1000:.0f} ms, "
                f"p99 {pct(delays, 0.99) * 1000:.0f} ms, "
                f"max {max(delays, default=float('nan')) * 1000:.0f} ms; "
                f"/healthz meanwhile p99 {pct(health, 0.99):.0f} ms"
            )
            for (pid, rss0), (_, rss1) in zip(before, during, strict=False):
                role = "master" if pid == web.pid else "worker"
                print(f"    gunicorn {role} {pid}: {rss0:6.1f} MiB before, {rss1:6.1f} MiB with the waiters")

        within = sum(1 for d in delays if d <= 1.0)
        print()
        print("figure                          measured     target     met")
        rows = [
            ("poll / bare row read", poll_ratio, ">= 0.60", poll_ratio >= 0.60),
            ("search / bare row read", search_ratio, ">= 0.40", search_ratio >= 0.40),
            ("generation p95 / chain p95", gen_p95 / bare_p95, "<= 20x", gen_p95 / bare_p95 <= 20),
            ("throughput / chain rate", rate / bare_rate, ">= 0.15", rate / bare_rate >= 0.15),
            ("waiters answered within 1 s", within, f"{waiters}", within == waiters),
        ]
        for name, value, target, met in rows:
            shown = f"{value:.2f}" if isinstance(value, float) else str(value)
            print(f"{name:30s} {shown:>10s}   {target:>8s}   {'yes' if met else 'NO'}")
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        database.drop()
        drop_queues(prefix, f"bare-{prefix}")


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    connections = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    waiters = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    asyncio.run(run(seconds, connections, waiters))


if __name__ == "__main__":
    main()
