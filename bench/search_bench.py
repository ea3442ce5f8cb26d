"""What one job search costs, in process: the database's time for the query and the web process's CPU.

Usage: python bench/search_bench.py [RUNS]   (default 200)

Needs the local Postgres. Creates a throwaway database with the 201 postings bench/status_bench.py searches
(examples/job.json, all matching "python redis", owned by the searching user) and prints:

1. Database: planning and execution time of the statement ``search_jobs`` sends (EXPLAIN ANALYZE, median and
   minimum of RUNS) and the shared buffers it touches, for postings saved under migration 0006 (the search
   vector out of line) and again after 0007 (which rewrites them with the vector in the row), beside a
   one-row read by primary key.
2. Web process CPU (time.process_time, median of 7 batches of RUNS): ``search_jobs`` (one page of 20),
   writing the hits (``search_hits``, and marshmallow's ``JobSearchHitSchema.dump`` for comparison) and the
   JSON body (orjson, as the view writes it; json.dumps for comparison), beside the same one-row read
   through the same session; and the body's size.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402
from alembic import command  # noqa: E402
from sqlalchemy import event, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from api.jobs.schemas import JobSearchHitSchema, search_hits  # noqa: E402
from api.jobs.service import SearchCriteria, search_jobs  # noqa: E402
from models.job import Job  # noqa: E402
from models.session import make_engine  # noqa: E402
from models.user import User  # noqa: E402
from tests.conftest import POSTGRES_URL, ThrowawayDatabase, alembic_config  # noqa: E402

CRITERIA = SearchCriteria(keywords=("python", "redis"))
ONE_ROW = text("SELECT id, title FROM jobs WHERE id = :id")


def explain(session: Session, sql: str, runs: int) -> str:
    """Planning and execution ms (median, min) and buffers of ``sql`` over ``runs`` EXPLAIN ANALYZE."""
    planning, execution, buffers = [], [], ""
    for _ in range(runs):
        plan = "\n".join(session.execute(text(f"EXPLAIN (ANALYZE, BUFFERS, SUMMARY) {sql}")).scalars())
        planning.append(float(re.search(r"Planning Time: ([\d.]+)", plan).group(1)))
        execution.append(float(re.search(r"Execution Time: ([\d.]+)", plan).group(1)))
        buffers = re.search(r"Buffers: (shared hit=\d+)", plan).group(1)
    return (
        f"planning {statistics.median(planning):.3f} (min {min(planning):.3f}) ms, execution "
        f"{statistics.median(execution):.3f} (min {min(execution):.3f}) ms, {buffers}"
    )


def cpu_ms(fn: Callable[[], Any], runs: int) -> float:
    batches = []
    for _ in range(7):
        started = time.process_time()
        for _ in range(runs):
            fn()
        batches.append((time.process_time() - started) / runs * 1000)
    return statistics.median(batches)


def bench(url: str, runs: int) -> None:
    """Postings saved under migration 0006, measured, then migrated to head (0007 rewrites them), measured."""
    command.upgrade(alembic_config(url), "0006")
    engine = make_engine(url)
    statements: list[tuple[str, Any]] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append((a[2], a[3])))
    posting = json.loads((ROOT / "examples" / "job.json").read_text())
    with Session(engine) as session:
        user = User(email="bench@example.com", name="Bench", password_hash="-")  # noqa: S106 -- no one logs in
        session.add(user)
        session.flush()
        for i in range(201):
            session.add(Job(owner_id=user.id, **(posting | {"title": f"{posting['title']} {i}"})))
        session.commit()
        session.connection().exec_driver_sql("ANALYZE jobs")
        session.commit()
        rows, total = search_jobs(session.connection(), user.id, CRITERIA)
        sql, params = statements[-1]
        cursor = session.connection().connection.cursor()
        sql = cursor.mogrify(sql, params).decode()
        one_row = f"SELECT id, title FROM jobs WHERE id = '{rows[0].id}'"  # noqa: S608 -- a UUID
        print(f"search over {total} matching postings, page of {len(rows)}; database, {runs} runs:")
        print(f"  saved under 0006:    {explain(session, sql, runs)}")
        session.commit()
        command.upgrade(alembic_config(url), "head")
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE jobs")
        print(f"  after 0007:          {explain(session, sql, runs)}")
        print(f"  one-row read by id:  {explain(session, one_row, runs)}")

        hits = search_hits(rows)
        body = {"results": hits, "total": total, "page": 1, "page_size": 20}
        schema = JobSearchHitSchema(many=True)
        measured = {
            "search_jobs (query, 20 rows)": lambda: search_jobs(session.connection(), user.id, CRITERIA),
            "one-row read, same session": lambda: session.execute(ONE_ROW, {"id": rows[0].id}).all(),
            "search_hits (20 hits)": lambda: search_hits(rows),
            "JobSearchHitSchema dump (unused)": lambda: schema.dump(rows),
            "orjson.dumps of the body (the view)": lambda: orjson.dumps(body),
            "json.dumps of the body (unused)": lambda: json.dumps(body, separators=(",", ":")),
        }
        print(f"web process CPU per search, median of 7 x {runs}:")
        for name, fn in measured.items():
            print(f"  {name + ':':38s}{cpu_ms(fn, runs):.3f} ms")
        size = len(orjson.dumps(body))
        described = sum(len(hit["description"]) for hit in hits)
        print(f"  body {size} bytes, of which descriptions {described}")
    engine.dispose()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    database = ThrowawayDatabase(POSTGRES_URL, prefix="jobwise_searchbench")
    url = database.create()
    try:
        bench(url, runs)
    finally:
        database.drop()


if __name__ == "__main__":
    main()
