"""The CLI's files: the login (owner-only, locked while a token is refreshed) and the batch state."""

from __future__ import annotations

import json
import os
import stat
import threading
import time

import pytest
from jobwise_cli.credentials import LOCK, Credentials, CredentialStore
from jobwise_cli.state import STATE_FILE, BatchState, StateError


def test_credentials_are_readable_by_their_owner_only(tmp_path):
    store = CredentialStore(tmp_path / "config")
    assert store.load() is None
    store.save(Credentials(server="http://h", email="a@example.com", refresh_token="r1"))
    assert store.load() == Credentials(server="http://h", email="a@example.com", refresh_token="r1")
    if os.name != "nt":
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(store.directory.stat().st_mode) == 0o700
    store.path.write_text("{broken", encoding="utf-8")
    assert store.load() is None
    store.delete()
    assert not store.path.exists()


def test_the_refresh_lock_is_held_by_one_at_a_time_and_a_stale_one_is_taken_over(tmp_path):
    store = CredentialStore(tmp_path)
    inside, overlaps = [], []

    def hold() -> None:
        with store.locked():
            inside.append(1)
            overlaps.append(len(inside))
            time.sleep(0.05)
            inside.pop()

    threads = [threading.Thread(target=hold) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == [1, 1, 1, 1]
    assert not (tmp_path / LOCK).exists()

    (tmp_path / LOCK).write_text("")
    with pytest.raises(TimeoutError), store.locked(timeout_s=0.2):
        pass
    old = time.time() - 3600
    os.utime(tmp_path / LOCK, (old, old))  # left by a killed process
    with store.locked(timeout_s=1):
        pass


def test_the_state_file_is_written_whole_and_refuses_another_account(tmp_path):
    state = BatchState.open(tmp_path, "http://h", "a@example.com")
    with state.change():
        state.entry("k1").update(status="queued", generation_id="g1")
    data = json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))
    assert data["entries"] == {"k1": {"status": "queued", "generation_id": "g1"}}
    assert not list(tmp_path.glob("*.tmp"))

    again = BatchState.open(tmp_path, "http://h", "a@example.com")
    assert again.entries["k1"]["generation_id"] == "g1"
    assert again.batch == state.batch and len(state.batch) == 32
    assert BatchState.open(tmp_path / "other", "http://h", "a@example.com").batch != state.batch
    with pytest.raises(StateError, match=r"belongs to a batch of a@example\.com on http://h"):
        BatchState.open(tmp_path, "http://h", "b@example.com")
    (tmp_path / STATE_FILE).write_text("not json", encoding="utf-8")
    with pytest.raises(StateError, match="not a batch state file"):
        BatchState.open(tmp_path, "http://h", "a@example.com")
