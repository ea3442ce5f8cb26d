"""Alembic migrations: up, down and up again on Postgres and SQLite, and no drift from the models."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from models import Base
from models.migration_filters import include_object
from tests.conftest import POSTGRES_URL, ThrowawayDatabase, alembic_config

TABLES = set(Base.metadata.tables)


@pytest.fixture
def postgres_url():
    database = ThrowawayDatabase(POSTGRES_URL, prefix="jobwise_migrations")
    yield database.create()
    database.drop()


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def drift(url: str) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"include_object": include_object, "compare_type": True}
            )
            return compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()


def round_trip(url: str) -> None:
    config = alembic_config(url)
    command.upgrade(config, "head")
    assert tables(url) == TABLES
    assert drift(url) == []
    command.downgrade(config, "base")
    assert tables(url) == set()
    command.upgrade(config, "head")
    assert tables(url) == TABLES


def test_postgres_up_down_up(postgres_url):
    round_trip(postgres_url)
    engine = create_engine(postgres_url)
    try:
        columns = {c["name"] for c in inspect(engine).get_columns("jobs")}
        indexes = {i["name"] for i in inspect(engine).get_indexes("jobs")}
    finally:
        engine.dispose()
    assert "search_vector" in columns
    assert "ix_jobs_search_vector" in indexes


def test_sqlite_up_down_up(tmp_path):
    round_trip(f"sqlite:///{tmp_path / 'jobwise.db'}")
