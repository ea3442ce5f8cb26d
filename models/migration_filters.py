"""What Alembic's autogenerate must not compare: schema the migrations own but the ORM does not map."""

from __future__ import annotations

from typing import Any

# The Postgres full-text search vector of jobs (a generated column and its GIN index; see models/job.py).
UNMAPPED_COLUMNS = {("jobs", "search_vector")}
UNMAPPED_INDEXES = {"ix_jobs_search_vector"}


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    if type_ == "column" and (obj.table.name, name) in UNMAPPED_COLUMNS:
        return False
    if type_ == "index" and name in UNMAPPED_INDEXES:
        return False
    # Tables we do not know (another app's, in a shared database) are never proposed for dropping.
    return not (type_ == "table" and reflected and compare_to is None)
