"""Worker tests call the stage tasks in this process against the test Postgres, with committed rows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from models import Base
from models.session import SessionLocal, configure


@pytest.fixture
def session(database_url: str, broker) -> Iterator[Session]:
    """A session on the shared test database; every table is emptied after the test."""
    engine = configure(database_url)
    with SessionLocal() as session:
        yield session
    tables = ", ".join(f'"{t.name}"' for t in reversed(Base.metadata.sorted_tables))
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} CASCADE"))
