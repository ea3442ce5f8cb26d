"""Job search: the tsvector is kept in the row (storage MAIN) instead of out of line in the TOAST table.

A search reads the vector of every visible posting twice (the ``@@`` match and ``ts_rank``). With the default
storage (EXTENDED) a typical posting's vector (about 1 kB for an 800-character description) is moved out of
line, so each read was a TOAST index lookup: about half of the query's time with 201 matching postings.
With MAIN the vector stays in the row (compressed if need be; out of line only when the row cannot fit
otherwise) and the description, read for one page of hits only, is the value moved out instead.

Existing rows are rewritten once (the stored generated column is recomputed by any UPDATE) so they take the
new storage; that is one pass over the jobs table. Postgres only: SQLite has no search vector.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _set_storage(storage: str) -> None:
    op.execute(f"ALTER TABLE jobs ALTER COLUMN search_vector SET STORAGE {storage}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _set_storage("MAIN")
    op.execute("UPDATE jobs SET title = title")  # recomputes search_vector, stored the new way


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _set_storage("EXTENDED")  # rows keep their inline vectors until they are next written
