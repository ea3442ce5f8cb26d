"""Waiting for a generation to change without polling the database and, under gevent, without a thread.

Workers and the API bump ``generations.version`` and ``pg_notify('generation_changed', 'id:version')`` in
the transaction of the change (``models.generation.changed``). Each web process keeps one Postgres
connection that LISTENs on that channel (a background thread; a greenlet under gunicorn's gevent worker)
and wakes the waiters of that generation. A waiter is an Event in a dict: a few hundred bytes, so a
thousand long-polls or SSE streams cost a few hundred kilobytes, not a thousand threads.

The number of waiters per process is bounded (``JOBWISE_MAX_WAITERS``): beyond it a long-poll answers at
once, as a plain poll, and the client's Retry-After paces it. If the listening connection drops, every waiter
is woken (they re-read the row) and the listener reconnects.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
from collections import defaultdict
from typing import Any

import structlog
from sqlalchemy.engine import make_url

from models.generation import CHANGED_CHANNEL

log = structlog.get_logger("jobwise.announcements")
RECONNECT_AFTER_S = 1.0
SELECT_TIMEOUT_S = 5.0


class Waiter:
    __slots__ = ("event", "version")

    def __init__(self) -> None:
        self.event = threading.Event()
        self.version = 0


class Announcements:
    """One LISTEN connection per process, fanning changes out to the waiters of each generation."""

    def __init__(self, database_url: str, max_waiters: int) -> None:
        self.dsn = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
        self.max_waiters = max_waiters
        self._waiters: dict[str, set[Waiter]] = defaultdict(set)
        self._count = 0
        self._lock = threading.Lock()
        self._pid = 0
        self.listening = threading.Event()

    @property
    def waiting(self) -> int:
        return self._count

    def _ensure_started(self) -> None:
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()  # after a fork the parent's listener does not exist here
            self._waiters.clear()
            self._count = 0
            self.listening.clear()
            threading.Thread(target=self._run, name="jobwise-listen", daemon=True).start()
        self.listening.wait(2.0)

    def stop(self) -> None:
        """Stop listening (tests; a process that exits needs nothing)."""
        self._pid = -1
        self._wake_all()

    def register(self, generation_id: str) -> Waiter | None:
        """A waiter for this generation, or None when the process already holds ``max_waiters``."""
        self._ensure_started()
        with self._lock:
            if self._count >= self.max_waiters:
                return None
            waiter = Waiter()
            self._waiters[generation_id].add(waiter)
            self._count += 1
            return waiter

    def unregister(self, generation_id: str, waiter: Waiter) -> None:
        with self._lock:
            waiters = self._waiters.get(generation_id)
            if waiters is not None and waiter in waiters:
                waiters.discard(waiter)
                self._count -= 1
                if not waiters:
                    del self._waiters[generation_id]

    def _dispatch(self, payload: str) -> None:
        generation_id, _, version = payload.partition(":")
        with self._lock:
            waiters = list(self._waiters.get(generation_id, ()))
        for waiter in waiters:
            waiter.version = int(version or 0)
            waiter.event.set()

    def _wake_all(self) -> None:
        with self._lock:
            waiters = [w for group in self._waiters.values() for w in group]
        for waiter in waiters:
            waiter.event.set()

    def _run(self) -> None:
        import psycopg2
        import psycopg2.extensions

        pid = os.getpid()
        while self._pid == pid:
            connection: Any = None
            try:
                connection = psycopg2.connect(self.dsn, application_name="jobwise-listen")
                connection.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
                with connection.cursor() as cursor:
                    cursor.execute(f"LISTEN {CHANGED_CHANNEL}")
                self.listening.set()
                while self._pid == pid:
                    readable, _, _ = select.select([connection], [], [], SELECT_TIMEOUT_S)
                    if not readable:
                        continue
                    connection.poll()
                    while connection.notifies:
                        self._dispatch(connection.notifies.pop(0).payload)
            except Exception as exc:  # the database went away: wake everyone, who re-read; reconnect
                self.listening.clear()
                if self._pid != pid:
                    return
                log.warning("listen_lost", error_type=type(exc).__name__)
                self._wake_all()
                time.sleep(RECONNECT_AFTER_S)
            finally:
                if connection is not None:
                    with contextlib.suppress(Exception):  # closing a broken connection
                        connection.close()


_BY_URL: dict[str, Announcements] = {}


def announcements_for(database_url: str, max_waiters: int) -> Announcements | None:
    """The process's announcements for this Postgres database (one LISTEN connection however many apps);
    None on SQLite, where waiters poll."""
    if not database_url.startswith("postgresql"):
        return None
    found = _BY_URL.get(database_url)
    if found is None:
        found = _BY_URL[database_url] = Announcements(database_url, max_waiters)
    found.max_waiters = max_waiters
    return found


def stop_all() -> None:
    """Stop every listener of this process (before its database is dropped, in tests)."""
    for announcements in _BY_URL.values():
        announcements.stop()
    _BY_URL.clear()
