"""Create the Postgres database that DATABASE_URL names if it does not exist (SQLite needs nothing)."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from settings import settings


def main() -> None:
    url = make_url(settings.database_url)
    if not url.drivername.startswith("postgresql"):
        return
    engine = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database})
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{url.database}"'))
            print(f"Created database {url.database}")
    engine.dispose()


if __name__ == "__main__":
    main()
