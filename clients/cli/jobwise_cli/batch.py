"""``jobwise batch submit``: one generation per posting, followed to the end and downloaded as each finishes.

Resumable: every server object it creates (the profile, each job, each generation) is written to the state
file in the output folder before it is used, and each generation is requested with an Idempotency-Key
derived from the profile, the posting and the options. Run the same command again after Ctrl-C: finished
postings are skipped, unfinished generations are followed again, and a request that was sent but whose
answer was lost gets the same generation back."""

from __future__ import annotations

import json
import os
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
from jobwise_client.api.generations import get_generation, post_generations
from jobwise_client.api.jobs import post_jobs
from jobwise_client.api.profiles import post_profile_import
from jobwise_client.models import Generation, GenerationCreate, GenerationOptions, Job, JsonResume
from jobwise_client.types import UNSET, Unset
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from jobwise_cli.batchfile import Posting, content_hash, folder_name, idempotency_key, resolve_one_page
from jobwise_cli.results import FINAL, FULL, STAGES, ats_result, download, stages_done, value
from jobwise_cli.session import ApiError, NotLoggedInError, TokenSession, expect
from jobwise_cli.state import DONE, BatchState

POLL_WAIT_S = 20  # the server holds a poll this long at most while nothing changes
NETWORK_RETRIES = 5
STAGE_LABELS = {
    "analyze_job": "1 analyze posting",
    "compile_profile": "2 match profile",
    "generate_documents": "3 write documents",
    "validate_quality": "4 ATS check",
    "export_documents": "5 export files",
}


class StoppedError(Exception):
    """The batch is stopping: start nothing new."""


@dataclass(frozen=True)
class BatchRequest:
    profile: dict[str, Any]
    postings: list[Posting]
    out_dir: Path
    template: str
    one_page: str  # true, false or auto
    concurrency: int

    def options(self) -> dict[str, Any]:
        return {"template": self.template, "one_page": resolve_one_page(self.one_page)}


@dataclass
class Item:
    number: int
    posting: Posting
    key: str
    entry: dict[str, Any]
    stages: set[str] = field(default_factory=set)
    announced: str = ""  # the status last printed


class BatchRun:
    def __init__(self, session: TokenSession, request: BatchRequest, console: Console) -> None:
        self.session = session
        self.request = request
        self.console = console
        self.client = session.client()
        self.state = BatchState.open(request.out_dir, session.server, session.email)
        self.options = request.options()
        self.stop = threading.Event()
        self.fatal: list[str] = []
        self.items: list[Item] = []
        self._creating = 0  # requests in flight that create something on the server
        self._created = threading.Condition()

    @contextmanager
    def creating(self) -> Iterator[None]:
        """A request that creates a job or a generation, and the state saved after it: on Ctrl-C the batch
        waits for these to end (``drain``), so nothing exists on the server that the state file lacks."""
        with self._created:
            if self.stop.is_set():
                raise StoppedError
            self._creating += 1
        try:
            yield
        finally:
            with self._created:
                self._creating -= 1
                self._created.notify_all()

    def drain(self, timeout_s: float) -> bool:
        """Stop, and wait for the creating requests in flight; False when some did not end in time."""
        self.stop.set()
        with self._created:
            return self._created.wait_for(lambda: self._creating == 0, timeout=timeout_s)

    # -- preparing -----------------------------------------------------------------------------------
    def prepare(self) -> None:
        """The profile on the server (imported once per content) and one state entry per posting."""
        digest = content_hash(self.request.profile)
        profile_state = self.state.data["profile"]
        if profile_state.get("sha256") != digest:
            response = post_profile_import.sync_detailed(
                client=self.client, body=JsonResume.from_dict(self.request.profile)
            )
            profile = expect(response, [200, 201], "profile import")
            with self.state.change():
                self.state.data["profile"] = {"sha256": digest, "id": str(profile.id)}
        seen: set[str] = set()
        for number, posting in enumerate(self.request.postings, start=1):
            key = idempotency_key(self.request.profile, posting.fields, self.options, self.state.batch)
            if key in seen:
                continue  # the same posting twice in the file is one generation
            seen.add(key)
            with self.state.change():
                entry = self.state.entry(key)
                entry.setdefault("label", posting.label)
                entry.setdefault("folder", folder_name(number, posting))
                entry.setdefault("status", "pending")
            finished = entry["status"] in (DONE, "failed", "cancelled")
            self.items.append(Item(number, posting, key, entry, set(STAGES) if finished else set(),
                                   entry["status"] if finished else ""))  # fmt: skip

    # -- one posting ---------------------------------------------------------------------------------
    def process(self, item: Item, on_change: Callable[[Item], None]) -> None:
        entry = item.entry
        if not entry.get("job_id"):
            with self.creating():
                body = Job.from_dict(dict(item.posting.fields))
                response = post_jobs.sync_detailed(client=self.client, body=body)
                job = expect(response, [201], f"save posting (line {item.posting.line})")
                with self.state.change():
                    entry["job_id"] = str(job.id)
        if not entry.get("generation_id"):
            body = GenerationCreate(
                profile_id=UUID(self.state.data["profile"]["id"]),
                job_id=UUID(entry["job_id"]),
                options=GenerationOptions.from_dict(self.options),
            )
            with self.creating():  # the key makes a repeat harmless; waiting spares the repeat
                response = post_generations.sync_detailed(
                    client=self.client, body=body, idempotency_key=item.key
                )
                generation = expect(response, [200, 201, 202], "request generation")
                with self.state.change():
                    entry["generation_id"] = str(generation.id)
                    entry["status"] = value(generation.status, "queued")
        generation = self.follow(item, on_change)
        if generation is None:
            return  # stopped
        status = value(generation.status)
        score, _ = ats_result(generation)
        if status == "succeeded":
            files = download(self.client, generation, self.request.out_dir / entry["folder"])
            with self.state.change():
                entry.update(status=DONE, ats_score=score, files=files, error=None)
        else:
            with self.state.change():
                reason = value(generation.error) or status
                stage = value(generation.failed_stage)
                entry.update(status=status, ats_score=score, error=f"{stage}: {reason}" if stage else reason)
        item.stages = set(STAGES)
        on_change(item)

    def follow(self, item: Item, on_change: Callable[[Item], None]) -> Generation | None:
        """Long-poll the generation until it ends; None when the batch is stopping."""
        generation_id = UUID(item.entry["generation_id"])
        etag: str | Unset = UNSET
        generation: Generation | None = None
        while not self.stop.is_set():
            response = get_generation.sync_detailed(
                generation_id, client=self.client, wait=POLL_WAIT_S if generation else 0, if_none_match=etag
            )
            if int(response.status_code) == 304:
                continue
            generation = expect(response, [200], "follow generation")
            etag = response.headers.get("ETag") or UNSET
            item.stages = stages_done(generation)
            on_change(item)
            if value(generation.status) in FINAL:
                full = get_generation.sync_detailed(generation_id, client=self.client, include=FULL)
                return expect(full, [200], "read the finished generation")
        return None

    def work(self, pending: queue.Queue[Item], on_change: Callable[[Item], None]) -> None:
        while not self.stop.is_set():
            try:
                item = pending.get_nowait()
            except queue.Empty:
                return
            for attempt in range(NETWORK_RETRIES + 1):
                try:
                    self.process(item, on_change)
                    break
                except StoppedError:
                    return
                except NotLoggedInError as exc:
                    self.fatal.append(str(exc))
                    self.stop.set()
                    return
                except (httpx.TransportError, ApiError) as exc:
                    transient = isinstance(exc, httpx.TransportError) or (
                        isinstance(exc, ApiError) and (exc.status >= 500 or exc.status == 429)
                    )
                    if transient and attempt < NETWORK_RETRIES and not self.stop.is_set():
                        time.sleep(min(30, 2**attempt))
                        continue
                    with self.state.change():
                        item.entry.update(status="error", error=str(exc))
                    on_change(item)
                    break

    # -- the whole batch -----------------------------------------------------------------------------
    def run(self) -> int:
        """Run to the end; the exit code (0 only when every generation succeeded and was downloaded).
        KeyboardInterrupt propagates after the state is saved."""
        self.prepare()
        todo = [item for item in self.items if item.entry["status"] not in (DONE, "failed", "cancelled")]
        resumed = len(self.items) - len(todo)
        if resumed:
            self.console.print(f"Resuming: {resumed} of {len(self.items)} already finished.")
        with self._progress() as (progress, overall, stage_tasks):
            lock = threading.Lock()

            def on_change(item: Item) -> None:
                with lock:
                    for stage, task in stage_tasks.items():
                        progress.update(task, completed=sum(stage in i.stages for i in self.items))
                    finished = [
                        i for i in self.items if i.entry["status"] in (DONE, "failed", "cancelled", "error")
                    ]
                    progress.update(overall, completed=len(finished))
                    if item.entry["status"] in (DONE, "failed", "cancelled", "error"):
                        self._announce(progress.console, item, len(finished))

            if self.items:
                on_change(self.items[0])  # counts the postings finished in an earlier run
            pending: queue.Queue[Item] = queue.Queue()
            for item in todo:
                pending.put(item)
            threads = [
                threading.Thread(target=self.work, args=(pending, on_change), daemon=True, name=f"batch-{n}")
                for n in range(max(1, min(self.request.concurrency, len(todo))))
            ]
            for thread in threads:
                thread.start()
            try:
                while any(thread.is_alive() for thread in threads):
                    for thread in threads:
                        thread.join(timeout=0.2)  # short joins: Ctrl-C reaches this thread, also on Windows
            except KeyboardInterrupt:
                self.stop.set()
                progress.console.print(
                    "Stopping: waiting for the requests in flight (Ctrl-C again to quit now) ..."
                )
                self.drain(timeout_s=60)
                self.session.freeze(timeout_s=60)  # a refresh in flight is saved before the exit
                raise
        for message in self.fatal:
            raise NotLoggedInError(message)
        self.console.print(self.summary())
        failed = [i for i in self.items if i.entry["status"] != DONE]
        return 0 if not failed else 1

    def _announce(self, console: Console, item: Item, finished: int) -> None:
        entry = item.entry
        if item.announced == entry["status"]:
            return
        item.announced = entry["status"]
        score = entry.get("ats_score")
        if entry["status"] == DONE:
            where = self.request.out_dir / entry["folder"]
            shown = f"ATS {score:.2f}" if isinstance(score, float | int) else "no ATS score"
            console.print(
                f"[{finished}/{len(self.items)}] {entry['label']}: {shown} -> {where}", markup=False
            )
        else:
            reason = f"{entry['status']} ({entry.get('error')})"
            console.print(f"[{finished}/{len(self.items)}] {entry['label']}: {reason}", markup=False)

    def _progress(self) -> Any:
        batch = self

        class _Context:
            def __enter__(self) -> tuple[Progress, TaskID, dict[str, TaskID]]:
                columns = (TextColumn("{task.description:<20}"), BarColumn(), MofNCompleteColumn())
                self.progress = Progress(*columns, TimeElapsedColumn(), console=batch.console)
                total = len(batch.items)
                stage_tasks = {s: self.progress.add_task(STAGE_LABELS[s], total=total) for s in STAGES}
                overall = self.progress.add_task("[bold]all postings", total=total)
                self.progress.start()
                return self.progress, overall, stage_tasks

            def __exit__(self, *exc: object) -> None:
                self.progress.stop()

        return _Context()

    def summary(self) -> Table:
        table = Table(title=f"Batch: {len(self.items)} posting(s), {self.request.out_dir}")
        for column in ("#", "posting", "status", "ATS score", "files or reason"):
            table.add_column(column, overflow="fold")
        for item in self.items:
            entry = item.entry
            score = entry.get("ats_score")
            status = "succeeded" if entry["status"] == DONE else entry["status"]
            style = "green" if entry["status"] == DONE else "red"
            detail = entry["folder"] if entry["status"] == DONE else (entry.get("error") or "")
            table.add_row(
                str(item.number), entry["label"], f"[{style}]{status}[/{style}]",
                f"{score:.2f}" if isinstance(score, float | int) else "-", detail,
            )  # fmt: skip
        return table


def load_profile(path: Path) -> dict[str, Any]:
    try:
        profile = json.loads(path.read_text(encoding="utf-8-sig"))
    except ValueError as exc:
        raise ApiError(f"{path.name} is not JSON: {exc}") from None
    if not isinstance(profile, dict):
        raise ApiError(f"{path.name}: a JSON Resume is an object")
    return profile


def hard_exit(code: int) -> None:
    """Leave at once: worker threads may sit in a long-poll; the state file is already saved."""
    os._exit(code)
