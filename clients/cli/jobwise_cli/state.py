"""The state file of a batch (``DIR/.jobwise-batch.json``): what was created on the server and what was
downloaded, saved atomically after every change, so the same command after Ctrl-C resumes where it was.

Entries are keyed by idempotency key: the same posting with the same profile and options is found again
however the postings file was reordered."""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

STATE_FILE = ".jobwise-batch.json"
VERSION = 1
DONE = "downloaded"  # succeeded and every file on disk
FINAL = {"succeeded", "failed", "cancelled"}


class StateError(RuntimeError):
    """The state file belongs to another server or account, or is not ours."""


class BatchState:
    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data
        self._lock = threading.RLock()

    @classmethod
    def open(cls, out_dir: Path, server: str, email: str) -> BatchState:
        path = out_dir / STATE_FILE
        if not path.exists():
            data = {"version": VERSION, "batch": uuid.uuid4().hex, "server": server, "email": email,
                    "profile": {}, "entries": {}}  # fmt: skip
            return cls(path, data)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StateError(f"{path} is not a batch state file ({exc}); use another --out") from None
        if data.get("version") != VERSION:
            raise StateError(f"{path} was written by another version of jobwise; use another --out")
        if (data.get("server"), data.get("email")) != (server, email):
            raise StateError(
                f"{path} belongs to a batch of {data.get('email')} on {data.get('server')}; use another --out"
            )
        return cls(path, data)

    @property
    def batch(self) -> str:
        return self.data["batch"]

    @property
    def entries(self) -> dict[str, dict[str, Any]]:
        return self.data["entries"]

    def entry(self, key: str) -> dict[str, Any]:
        with self._lock:
            return self.entries.setdefault(key, {})

    @contextmanager
    def change(self) -> Iterator[None]:
        """Change entries under the lock, then write the file."""
        with self._lock:
            yield
            self.save()

    def save(self) -> None:
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(self.path.name + ".tmp")
            temporary.write_text(json.dumps(self.data, indent=1, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, self.path)  # atomic on POSIX and Windows: never half a file
