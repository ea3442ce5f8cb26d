"""Latency, throughput and memory of the web process, as the Procfile runs it (gunicorn, gthread).

Usage: python bench/api_bench.py [SECONDS] [CLIENTS]   (default 10 s per endpoint, 16 clients)

Needs the local Postgres and Redis (DATABASE_URL, REDIS_URL). Creates a throwaway database, starts gunicorn
on a free loopback port with the Procfile's options, and for each endpoint runs CLIENTS threads issuing
requests back to back for SECONDS: the status poll a mobile app makes (GET /generations/{id}), a job search,
and accepting a generation (POST /generations; no worker runs, so they stay queued). Prints requests per
second and latency percentiles, then each gunicorn process's resident memory and whether litellm is loaded.
Traffic goes to 127.0.0.1 only and every loop stops at its deadline.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import POSTGRES_URL, REDIS_URL, ThrowawayDatabase, alembic_config, free_port  # noqa: E402

VENV_BIN = Path(sys.executable).parent


class Client:
    def __init__(self, base: str) -> None:
        self.base = base
        self.headers = {"Content-Type": "application/json"}

    def call(self, method: str, path: str, body: object = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(  # noqa: S310 -- http://127.0.0.1 only
            self.base + path, data=data, method=method, headers=self.headers
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 -- loopback only
            return json.loads(response.read() or b"{}")


def hammer(request: Callable[[], object], seconds: float, clients: int) -> tuple[int, list[float]]:
    """CLIENTS threads calling ``request`` back to back until the deadline; (requests, latencies in ms)."""
    deadline = time.monotonic() + seconds

    def loop() -> list[float]:
        latencies = []
        while time.monotonic() < deadline:
            started = time.perf_counter()
            request()
            latencies.append((time.perf_counter() - started) * 1000)
        return latencies

    with ThreadPoolExecutor(clients) as pool:
        results = [f.result() for f in [pool.submit(loop) for _ in range(clients)]]
    latencies = sorted(x for r in results for x in r)
    return len(latencies), latencies


def report(name: str, seconds: float, count: int, latencies: list[float]) -> None:
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(
        f"{name:34s} {count / seconds:8.1f} req/s   p50 {statistics.median(latencies):6.1f} ms"
        f"   p95 {p95:6.1f} ms   max {latencies[-1]:6.1f} ms"
    )


def memory(pid: int) -> list[tuple[int, int, bool]]:
    """(pid, resident KiB, litellm loaded) for gunicorn's master and its workers."""
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    rows = []
    for p in [pid, *map(int, children.stdout.split())]:
        status = Path(f"/proc/{p}/status").read_text()
        rss = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
        maps = Path(f"/proc/{p}/maps").read_text()
        rows.append((p, rss, "litellm" in maps))
    return rows


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    from alembic import command

    database = ThrowawayDatabase(POSTGRES_URL, prefix="jobwise_bench_api")
    url = database.create()
    command.upgrade(alembic_config(url), "head")
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": REDIS_URL,
        "CELERY_BROKER_URL": REDIS_URL,
        "JOBWISE_QUEUE_PREFIX": f"bench-{uuid.uuid4().hex[:8]}-",
        "RATELIMIT_DEFAULT": "1000000 per minute",
        "RATELIMIT_AUTH": "1000000 per minute",
        "LOG_LEVEL": "WARNING",
    }
    web = subprocess.Popen(
        [VENV_BIN / "gunicorn", "wsgi:app", "--bind", f"127.0.0.1:{port}", "--worker-class", "gthread",
         "--workers", "2", "--threads", "8", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        client = Client(f"http://127.0.0.1:{port}")
        for _ in range(100):
            try:
                client.call("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        account = {"email": "bench@example.com", "password": "bench-password-1", "name": "Bench"}
        client.call("POST", "/api/v1/auth/register", account)
        credentials = {"email": account["email"], "password": account["password"]}
        token = client.call("POST", "/api/v1/auth/login", credentials)["access_token"]
        client.headers["Authorization"] = f"Bearer {token}"
        resume = json.loads((ROOT / "examples" / "profile.json").read_text(encoding="utf-8"))
        posting = json.loads((ROOT / "examples" / "job.json").read_text(encoding="utf-8"))
        profile_id = client.call("POST", "/api/v1/profiles/import", resume)["id"]
        for i in range(200):
            client.call("POST", "/api/v1/jobs", posting | {"title": f"{posting['title']} {i}"})
        job_id = client.call("POST", "/api/v1/jobs", posting)["id"]
        request = {"profile_id": profile_id, "job_id": job_id}
        generation_id = client.call("POST", "/api/v1/generations", request)["id"]

        print(
            f"gunicorn gthread, 2 workers x 8 threads; {clients} clients, {seconds:.0f} s each; 201 postings"
        )
        search = {"keywords": ["python", "redis"]}
        cases = {
            "GET /generations/{id} (status poll)": lambda: client.call(
                "GET", f"/api/v1/generations/{generation_id}"
            ),
            "POST /jobs/search": lambda: client.call("POST", "/api/v1/jobs/search", search),
            "POST /generations (202, queued)": lambda: client.call("POST", "/api/v1/generations", request),
        }
        for name, call in cases.items():
            report(name, seconds, *hammer(call, seconds, clients))
        for pid, rss, litellm in memory(web.pid):
            role = "master" if pid == web.pid else "worker"
            print(f"gunicorn {role} pid {pid}: {rss / 1024:6.1f} MiB resident, litellm loaded: {litellm}")
    finally:
        web.terminate()
        web.wait(timeout=30)
        database.drop()


if __name__ == "__main__":
    main()
