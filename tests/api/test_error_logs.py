"""A database error that no validation caught: a 500 problem, and logs without a byte of the profile."""

from __future__ import annotations

import json
import logging
import uuid

import pytest
from sqlalchemy import text

from api import create_app
from tests.conftest import TEST_PASSWORD, make_config

PROFILE = {
    "name": "María Lopez-Fernandez",
    "label": "trip-the-wire",
    "email": "maria.lopez@example.org",
    "phone": "+34 612 345 678",
    "address": "Calle Mayor 12, 3B",
    "city": "Zaragoza",
    "summary": "Led the Atlas migration",
}
PERSONAL = (
    "María",
    "Lopez-Fernandez",
    "maria.lopez@example.org",
    "612 345 678",
    "Calle Mayor 12",
    "Zaragoza",
    "Atlas",
)


@pytest.fixture
def refusing_profiles(engine):
    """A trigger that fails an insert into profiles the way Postgres fails a check constraint: with the
    whole row in the error's DETAIL ("Failing row contains (...)"), which is where personal data leaks."""
    name = f"refuse_{uuid.uuid4().hex[:8]}"
    with engine.begin() as conn:
        conn.execute(
            text(
                f"CREATE FUNCTION {name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION USING "
                "ERRCODE = 'check_violation', MESSAGE = 'new row for relation \"profiles\" violates check "
                "constraint', DETAIL = 'Failing row contains ' || NEW::text; END $$ LANGUAGE plpgsql"
            )
        )
        conn.execute(
            text(
                f"CREATE TRIGGER {name} BEFORE INSERT ON profiles FOR EACH ROW "
                f"WHEN (NEW.label = 'trip-the-wire') EXECUTE FUNCTION {name}()"
            )
        )
    yield
    with engine.begin() as conn:
        conn.execute(text(f"DROP TRIGGER {name} ON profiles"))
        conn.execute(text(f"DROP FUNCTION {name}()"))


def test_a_forced_database_error_logs_no_personal_data(database_url, refusing_profiles, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    # The app as deployed: its own engine (hide_parameters), committing for real, logging at INFO.
    app = create_app(make_config(database_url, TESTING=False, LOG_LEVEL="INFO"))
    client = app.test_client()
    email = f"logs-{uuid.uuid4().hex[:8]}@example.com"
    client.post("/api/v1/auth/register", json={"email": email, "password": TEST_PASSWORD, "name": "L"})
    token = client.post("/api/v1/auth/login", json={"email": email, "password": TEST_PASSWORD}).get_json()
    capsys.readouterr()
    caplog.clear()

    response = client.post(
        "/api/v1/profiles", json=PROFILE, headers={"Authorization": f"Bearer {token['access_token']}"}
    )

    assert response.status_code == 500
    assert response.content_type == "application/problem+json"
    stderr = capsys.readouterr().err
    records = [f"{record.getMessage()} {record.exc_text or ''}" for record in caplog.records]
    lines = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    # Everything that was logged, as written and with JSON escapes decoded.
    logged = "\n".join([stderr, json.dumps(lines, ensure_ascii=False), *records])
    leaked = [value for value in PERSONAL if value in logged or value in response.get_data(as_text=True)]
    assert leaked == []

    errors = [line for line in lines if line["event"] == "unhandled_error"]
    assert len(errors) == 1
    assert errors[0]["sqlstate"] == "23514"
    assert "INSERT INTO profiles" in errors[0]["statement"]
    assert errors[0]["where"], "the log says where the error was raised"
    assert "Traceback" not in stderr, "no plain-text traceback (Flask's own) besides the one JSON line"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "nothing through stdlib logging"
