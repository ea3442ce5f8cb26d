"""Alembic migrations: up, down and up again on Postgres and SQLite, and no drift from the models."""

from __future__ import annotations

import json
import uuid

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from models import Base
from models.migration_filters import include_object
from tests.conftest import POSTGRES_URL, ROOT, ThrowawayDatabase, alembic_config

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


def test_postgres_search_vector_is_kept_in_the_row_for_saved_postings_too(postgres_url):
    """0007 sets the vector's storage to MAIN and rewrites postings saved before it; they are still found."""
    config = alembic_config(postgres_url)
    command.upgrade(config, "0006")
    posting = json.loads((ROOT / "examples" / "job.json").read_text())
    engine = create_engine(postgres_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO jobs (id, title, company, description, source, created_at, updated_at) "
                    "VALUES (:id, :title, :company, :description, 'user', now(), now())"
                ),
                {"id": uuid.uuid4(), **{k: posting[k] for k in ("title", "company", "description")}},
            )
        command.upgrade(config, "head")
        with engine.connect() as conn:
            storage = conn.execute(
                text(
                    "SELECT attstorage FROM pg_attribute "
                    "WHERE attrelid = 'jobs'::regclass AND attname = 'search_vector'"
                )
            ).scalar()
            found = conn.execute(
                text("SELECT count(*) FROM jobs WHERE search_vector @@ plainto_tsquery('english', 'python')")
            ).scalar()
    finally:
        engine.dispose()
    assert (storage, found) == ("m", 1)


def test_sqlite_up_down_up(tmp_path):
    round_trip(f"sqlite:///{tmp_path / 'jobwise.db'}")


def test_sqlite_upgrade_keeps_the_generations_of_rebuilt_jobs(tmp_path):
    """0004 rebuilds the SQLite jobs table; with foreign keys on that would cascade-delete generations."""
    from datetime import UTC, datetime

    from sqlalchemy import MetaData, insert, select

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    config = alembic_config(url)
    command.upgrade(config, "0001")
    engine = create_engine(url)
    try:
        tables = MetaData()
        tables.reflect(engine)
        now = datetime.now(UTC)
        ids = {name: uuid.uuid4().hex for name in ("user", "profile", "job", "generation")}
        stamps = {"created_at": now, "updated_at": now}
        with engine.begin() as conn:
            conn.execute(
                insert(tables.tables["users"]).values(
                    id=ids["user"], email="demo@example.com", name="Demo", password_hash="x", is_admin=False,
                    **stamps,
                )
            )  # fmt: skip
            conn.execute(
                insert(tables.tables["profiles"]).values(
                    id=ids["profile"], owner_id=ids["user"], name="Demo", sections={}, basics_extra={},
                    layout={}, **stamps,
                )
            )  # fmt: skip
            conn.execute(
                insert(tables.tables["jobs"]).values(
                    id=ids["job"], owner_id=ids["user"], title="Engineer", company="Acme", description="x",
                    source="user", external_id="acme-1", **stamps,
                )
            )  # fmt: skip
            conn.execute(
                insert(tables.tables["generations"]).values(
                    id=ids["generation"], owner_id=ids["user"], profile_id=ids["profile"], job_id=ids["job"],
                    status="succeeded", progress=1.0, options={}, enqueue_count=1, heartbeat_at=now, **stamps,
                )
            )  # fmt: skip
    finally:
        engine.dispose()

    command.upgrade(config, "head")

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            generations = conn.execute(select(tables.tables["generations"].c.id)).scalars().all()
            jobs = conn.execute(select(tables.tables["jobs"].c.external_id)).scalars().all()
            foreign_keys = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    finally:
        engine.dispose()
    assert generations == [ids["generation"]]
    assert jobs == ["acme-1"]
    assert foreign_keys == []
