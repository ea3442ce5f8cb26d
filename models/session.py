"""One sessionmaker per process; ``configure`` binds it to an engine built for that process."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
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
        for pool_option in ("pool_size", "max_overflow"):  # SQLite's pools are per thread or static
            kwargs.pop(pool_option, None)
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
        return engine
    engine = create_engine(url, **kwargs)
    if not kwargs.get("pool_pre_ping"):
        _ping_when_idle(engine)
    return engine


def make_read_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for single-statement reads: its connections autocommit, so psycopg2 sends no BEGIN before
    the statement and the pool no ROLLBACK when the connection comes back (one round trip, not three)."""
    return make_engine(url, isolation_level="AUTOCOMMIT", pool_reset_on_return=None, **kwargs)


# A pooled connection unused for longer than this is pinged before use (the server may have closed it, or
# restarted). Pinging every checkout, as ``pool_pre_ping`` does, costs a round trip on every request.
IDLE_PING_S = 5.0


def _ping_when_idle(engine: Engine) -> None:
    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < IDLE_PING_S:
            return
        try:
            if not engine.dialect.do_ping(dbapi_connection):
                raise DisconnectionError("ping failed")
        except DisconnectionError:
            raise
        except Exception as exc:  # the pool replaces this connection and tries another
            raise DisconnectionError(str(type(exc).__name__)) from exc


_bound_options: dict[str, Any] = {}  # what the bound engine was made with


def configure(url: str, **kwargs: Any) -> Engine:
    """Bind ``SessionLocal`` to an engine for ``url``; reuses the bound engine when the URL is the same.

    Call it in each process after any fork: pooled connections must never cross a fork.
    """
    current = SessionLocal.kw.get("bind")
    same_url = isinstance(current, Engine) and current.url.render_as_string(hide_password=False) == url
    if same_url and _bound_options == kwargs:
        return current
    engine = make_engine(url, **kwargs)
    _bound_options.clear()
    _bound_options.update(kwargs)
    SessionLocal.configure(bind=engine)
    return engine


def dispose() -> None:
    """Drop the pooled connections of the bound engine (after a fork, or at shutdown)."""
    current = SessionLocal.kw.get("bind")
    if isinstance(current, Engine):
        current.dispose(close=False)
