"""Stage liveness: the lease owner, heartbeat, and when each stage was published and received.

The sweeper re-enqueues a stage whose worker stopped beating (not after a fixed timeout) and re-publishes
one whose message was published but never received. Existing rows get NULLs: a pending stage of an
unfinished generation then counts as never published, and the sweeper publishes it on its next run.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("owner", "heartbeat_at", "enqueued_at", "received_at")


def upgrade() -> None:
    with op.batch_alter_table("generation_stages") as batch:
        batch.add_column(sa.Column("owner", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("enqueued_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("received_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("generation_stages") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
