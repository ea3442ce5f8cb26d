"""One sessionmaker per process; ``configure`` binds it to an engine built for that process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import sessionmaker

SessionLocal = sessionmaker(expire_on_commit=False)


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys on and its directory created.

    Statement parameters (emails, phones, addresses, resume text) never appear in logs or error messages.
    """
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def configure(url: str, **kwargs: Any) -> Engine:
    """Bind ``SessionLocal`` to an engine for ``url``; reuses the bound engine when the URL is the same.

    Call it in each process after any fork: pooled connections must never cross a fork.
    """
    current = SessionLocal.kw.get("bind")
    same_url = isinstance(current, Engine) and current.url.render_as_string(hide_password=False) == url
    if same_url and not kwargs:
        return current
    engine = make_engine(url, **kwargs)
    SessionLocal.configure(bind=engine)
    return engine


def dispose() -> None:
    """Drop the pooled connections of the bound engine (after a fork, or at shutdown)."""
    current = SessionLocal.kw.get("bind")
    if isinstance(current, Engine):
        current.dispose(close=False)
