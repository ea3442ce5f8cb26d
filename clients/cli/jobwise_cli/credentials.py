"""Where a login is kept: ``credentials.json`` in the user's config directory (platformdirs), readable by
its owner only (0600 in a 0700 folder; on Windows the per-user profile folder is already private).

It holds the server, the email, the refresh token and the current access token with its expiry, so
several ``jobwise`` processes share one login. A refresh token is spent by exactly one of them: a refresh
happens under a lock file and starts by re-reading the file, because a refresh token spent twice revokes
the whole login on the server."""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_config_dir

FILE = "credentials.json"
LOCK = "credentials.lock"
LOCK_STALE_S = 60.0  # a lock older than this was left by a killed process


@dataclass
class Credentials:
    server: str
    email: str
    refresh_token: str
    access_token: str = ""
    access_expires_at: float = 0.0  # seconds since the epoch
    access_lifetime_s: float = 0.0


def default_config_dir() -> Path:
    return Path(user_config_dir("jobwise", appauthor=False))


class CredentialStore:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / FILE

    def load(self) -> Credentials | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return Credentials(**data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError):
            return None  # unreadable or from another version: as if logged out

    def save(self, credentials: Credentials) -> None:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = self.path.with_name(FILE + ".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(asdict(credentials), handle)
        os.chmod(temporary, 0o600)  # whatever the umask made of it
        os.replace(temporary, self.path)

    def delete(self) -> None:
        self.path.unlink(missing_ok=True)

    @contextlib.contextmanager
    def locked(self, timeout_s: float = 60.0) -> Iterator[None]:
        """Hold ``credentials.lock`` (created exclusively, so it works the same on every system)."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = self.directory / LOCK
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                descriptor = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                break
            except FileExistsError:
                with contextlib.suppress(OSError):
                    if time.time() - lock.stat().st_mtime > LOCK_STALE_S:
                        lock.unlink()
                        continue
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{lock} is held by another jobwise process") from None
                time.sleep(0.05)
        try:
            os.close(descriptor)
            yield
        finally:
            with contextlib.suppress(OSError):
                lock.unlink()
