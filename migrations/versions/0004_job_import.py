"""Job import: validThrough and base salary columns; external_id unique per owner instead of everywhere.

Two users may now save the same posting (same source identifier); it stays unique among public postings
and within one user's postings. Downgrading fails while two users share an external_id.

SQLite cannot drop a unique constraint, so the jobs table is rebuilt there (batch mode). Dropping the old
table with foreign keys on would cascade-delete every generation of every job, so foreign keys are turned
off around the rebuild; SQLite ignores that inside a transaction, which migrations/env.py avoids by giving
each SQLite migration its own. If they are still on, the migration stops instead of deleting anything.

Revision ID: 0004
Revises: 0001
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PUBLIC_ONLY = sa.text("owner_id IS NULL")


def _foreign_keys(enabled: bool) -> None:
    """Turn SQLite's foreign keys off (or back on) for a table rebuild; a no-op on Postgres."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    bind.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if enabled else 'OFF'}")
    if not enabled and bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError(
            "SQLite kept foreign keys on (a transaction is open), and rebuilding the jobs table would "
            "delete every generation; run this migration in its own transaction: alembic upgrade 0004"
        )


def upgrade() -> None:
    _foreign_keys(False)
    with op.batch_alter_table("jobs") as batch:
        batch.drop_constraint("uq_jobs_external_id", type_="unique")
        batch.add_column(sa.Column("valid_through", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("salary_min", sa.Numeric(precision=12, scale=2), nullable=True))
        batch.add_column(sa.Column("salary_max", sa.Numeric(precision=12, scale=2), nullable=True))
        batch.add_column(sa.Column("salary_currency", sa.String(length=3), nullable=True))
        batch.add_column(sa.Column("salary_unit", sa.String(length=5), nullable=True))
    _foreign_keys(True)
    op.create_index(
        "uq_jobs_public_external_id",
        "jobs",
        ["external_id"],
        unique=True,
        postgresql_where=PUBLIC_ONLY,
        sqlite_where=PUBLIC_ONLY,
    )
    op.create_index("uq_jobs_owner_id_external_id", "jobs", ["owner_id", "external_id"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_jobs_owner_id_external_id", table_name="jobs")
    op.drop_index("uq_jobs_public_external_id", table_name="jobs")
    _foreign_keys(False)
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("salary_unit")
        batch.drop_column("salary_currency")
        batch.drop_column("salary_max")
        batch.drop_column("salary_min")
        batch.drop_column("valid_through")
        batch.create_unique_constraint("uq_jobs_external_id", ["external_id"])
    _foreign_keys(True)
