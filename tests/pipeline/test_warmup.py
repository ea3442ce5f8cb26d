"""Per-process caches: one phrases table however many threads ask first, and a warm-up that fills them."""

from __future__ import annotations

import threading

from pipeline.document_generator import phrases as phrases_module
from pipeline.warmup import warm_up


def test_threads_asking_at_once_share_one_phrases_table():
    phrases_module._phrases.cache_clear()
    phrases_module._load_once.cache_clear()
    start, seen = threading.Barrier(8), []

    def ask() -> None:
        start.wait()
        seen.append(phrases_module.phrases("en"))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(table) for table in seen}) == 1
    assert all(table is phrases_module.phrases("en") for table in seen)


def test_warm_up_is_idempotent_and_keeps_the_same_tables():
    warm_up()
    english = phrases_module.phrases("en")
    warm_up()
    assert phrases_module.phrases("en") is english
