"""Accounts and tokens against Postgres: rotation, reuse detection, expiry, tampering, key rotation."""

from __future__ import annotations

import base64
import json
import time

import pytest
from flask_jwt_extended import create_access_token
from sqlalchemy import select

from api import create_app
from api.config import Config
from models.audit import AuditEvent
from models.user import User
from settings import Settings
from tests.conftest import TEST_PASSWORD, make_config, register


def login(client, email: str) -> dict:
    response = client.post("/api/v1/auth/login", json={"email": email, "password": TEST_PASSWORD})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_register_login_and_me(client, db_session):
    register(client, "Ada@Example.com", name="Ada")
    tokens = login(client, "ada@example.com")
    assert tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] == 15 * 60
    me = client.get("/api/v1/auth/me", headers=bearer(tokens["access_token"]))
    assert me.status_code == 200
    assert me.get_json()["email"] == "ada@example.com"
    assert "password" not in me.get_json()
    stored = db_session.scalar(select(User).where(User.email == "ada@example.com"))
    assert stored.password_hash.startswith("$argon2id$")


def test_token_answers_are_never_cached(client):
    register(client, "cache@example.com")
    answer = client.post("/api/v1/auth/login", json={"email": "cache@example.com", "password": TEST_PASSWORD})
    assert answer.headers["Cache-Control"] == "no-store" and answer.headers["Pragma"] == "no-cache"
    refreshed = client.post(
        "/api/v1/auth/refresh", json={"refresh_token": answer.get_json()["refresh_token"]}
    )
    assert refreshed.status_code == 200 and refreshed.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("scheme", ["bearer", "BEARER", "BeArEr"])
def test_the_bearer_scheme_is_case_insensitive(client, scheme):
    register(client, "scheme@example.com")
    token = login(client, "scheme@example.com")["access_token"]
    response = client.get("/api/v1/auth/me", headers={"Authorization": f"{scheme} {token}"})
    assert response.status_code == 200, response.get_json()


def test_register_twice_is_409(client):
    register(client, "twice@example.com")
    again = client.post(
        "/api/v1/auth/register", json={"email": "twice@example.com", "password": TEST_PASSWORD, "name": "X"}
    )
    assert again.status_code == 409
    assert again.content_type == "application/problem+json"


def test_wrong_password_is_401_and_audited_without_email(client, db_session):
    register(client, "wrong@example.com")
    response = client.post("/api/v1/auth/login", json={"email": "wrong@example.com", "password": "nope-nope"})
    assert response.status_code == 401
    assert response.get_json()["detail"] == "Email or password is wrong."
    event = db_session.scalar(select(AuditEvent).where(AuditEvent.action == "login_failed"))
    assert event is not None and event.user_id is not None
    assert "wrong@example.com" not in json.dumps(event.details)


def test_unknown_email_gets_the_same_answer(client):
    response = client.post(
        "/api/v1/auth/login", json={"email": "nobody@example.com", "password": "whatever1"}
    )
    assert response.status_code == 401
    assert response.get_json()["detail"] == "Email or password is wrong."


def test_refresh_rotates_and_reuse_revokes_the_family(client, db_session):
    register(client, "rotate@example.com")
    first = login(client, "rotate@example.com")
    second = client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    second = second.get_json()
    assert second["refresh_token"] != first["refresh_token"]
    assert client.get("/api/v1/auth/me", headers=bearer(second["access_token"])).status_code == 200

    reused = client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reused.status_code == 401
    assert "already used" in reused.get_json()["detail"]
    # The thief's reuse also kills the legitimate newer tokens of the same login.
    assert (
        client.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]}).status_code
        == 401
    )
    assert client.get("/api/v1/auth/me", headers=bearer(second["access_token"])).status_code == 401
    assert db_session.scalar(select(AuditEvent).where(AuditEvent.action == "refresh_reuse")) is not None


def test_other_logins_survive_a_reuse(client):
    register(client, "two-devices@example.com")
    phone = login(client, "two-devices@example.com")
    laptop = login(client, "two-devices@example.com")
    client.post("/api/v1/auth/refresh", json={"refresh_token": phone["refresh_token"]})
    client.post("/api/v1/auth/refresh", json={"refresh_token": phone["refresh_token"]})
    assert client.get("/api/v1/auth/me", headers=bearer(laptop["access_token"])).status_code == 200


def test_logout_revokes_access_and_refresh(client):
    register(client, "bye@example.com")
    tokens = login(client, "bye@example.com")
    assert client.post("/api/v1/auth/logout", headers=bearer(tokens["access_token"])).status_code == 204
    assert client.get("/api/v1/auth/me", headers=bearer(tokens["access_token"])).status_code == 401
    refreshed = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refreshed.status_code == 401


def test_access_token_is_not_a_refresh_token(client):
    register(client, "types@example.com")
    tokens = login(client, "types@example.com")
    response = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["access_token"]})
    assert response.status_code == 401


def test_expired_token_is_401(app, client):
    register(client, "late@example.com")
    tokens = login(client, "late@example.com")
    claims = json.loads(base64.urlsafe_b64decode(tokens["access_token"].split(".")[1] + "=="))
    with app.app_context():
        from datetime import timedelta

        expired = create_access_token(
            claims["sub"], additional_claims={"fam": claims["fam"]}, expires_delta=timedelta(seconds=-1)
        )
    response = client.get("/api/v1/auth/me", headers=bearer(expired))
    assert response.status_code == 401
    assert response.content_type == "application/problem+json"
    assert response.get_json()["detail"] == "The token has expired."


def test_a_token_verified_before_is_refused_once_it_expires(app, client):
    """Verified claims are reused until the token's expiry (api/extensions.py), never past it."""
    register(client, "soon@example.com")
    claims = json.loads(
        base64.urlsafe_b64decode(login(client, "soon@example.com")["access_token"].split(".")[1] + "==")
    )
    with app.app_context():
        from datetime import timedelta

        short = create_access_token(
            claims["sub"], additional_claims={"fam": claims["fam"]}, expires_delta=timedelta(seconds=2)
        )
    assert client.get("/api/v1/auth/me", headers=bearer(short)).status_code == 200
    assert client.get("/api/v1/auth/me", headers=bearer(short)).status_code == 200
    time.sleep(3)  # past its expiry (a wait, not a timed assertion)
    response = client.get("/api/v1/auth/me", headers=bearer(short))
    assert response.status_code == 401
    assert response.get_json()["detail"] == "The token has expired."


def test_a_verified_token_is_still_refused_after_logout(client):
    """The claims cache skips the signature check, never the revocation check."""
    headers = register(client, "gone@example.com")
    assert client.get("/api/v1/auth/me", headers=headers).status_code == 200
    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 204
    assert client.get("/api/v1/auth/me", headers=headers).status_code == 401


def tamper(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["sub"] = "00000000-0000-0000-0000-000000000000"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


@pytest.mark.parametrize(
    "header",
    [
        lambda token: bearer(tamper(token)),
        lambda token: bearer(token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")),
        lambda token: {"Authorization": "Bearer not.a.jwt"},
        lambda token: {"Authorization": "Token " + token},
        lambda token: {},
    ],
    ids=["forged-claims", "bad-signature", "garbage", "wrong-scheme", "missing"],
)
def test_bad_tokens_are_401_problems(client, header):
    register(client, "tamper@example.com")
    token = login(client, "tamper@example.com")["access_token"]
    response = client.get("/api/v1/auth/me", headers=header(token))
    assert response.status_code == 401
    assert response.content_type == "application/problem+json"
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_signing_key_rotation_keeps_old_tokens_valid(database_url, db_sessionmaker):
    old = create_app(
        make_config(
            database_url,
            DB_SESSIONMAKER=db_sessionmaker,
            JWT_KEY_ID="2025",
            JWT_SECRET_KEY="old-secret-" + "o" * 40,
        )
    )
    headers = register(old.test_client(), "keys@example.com")
    kid = json.loads(base64.urlsafe_b64decode(headers["Authorization"].split()[1].split(".")[0] + "=="))[
        "kid"
    ]
    assert kid == "2025"

    rotated = create_app(
        make_config(
            database_url,
            DB_SESSIONMAKER=db_sessionmaker,
            JWT_KEY_ID="2026",
            JWT_SECRET_KEY="new-secret-" + "n" * 40,
            JWT_PREVIOUS_KEYS={"2025": "old-secret-" + "o" * 40},
        )
    )
    assert rotated.test_client().get("/api/v1/auth/me", headers=headers).status_code == 200

    retired = create_app(
        make_config(
            database_url,
            DB_SESSIONMAKER=db_sessionmaker,
            JWT_KEY_ID="2026",
            JWT_SECRET_KEY="new-secret-" + "n" * 40,
        )
    )
    assert retired.test_client().get("/api/v1/auth/me", headers=headers).status_code == 401


@pytest.mark.parametrize("secret", [None, "short"])
def test_production_refuses_default_or_short_secrets(secret):
    env = {"JOBWISE_ENV": "production", "DATABASE_URL": "postgresql://db/jobwise"}
    if secret:
        env["JWT_SECRET_KEY"] = secret
    with pytest.raises(RuntimeError, match="JWT key"):
        create_app(Config(Settings.from_env(env)))


def test_production_accepts_strong_secrets():
    env = {"JOBWISE_ENV": "production", "DATABASE_URL": "postgresql://db/jobwise", "JWT_SECRET_KEY": "s" * 48}
    Config(Settings.from_env(env)).check()


def test_deleting_the_account_needs_a_fresh_login_and_removes_everything(client, db_session):
    from sqlalchemy import func

    from models.generation import Generation
    from models.job import Job
    from models.profile import Profile
    from tests.factories import EXAMPLE_JOB, EXAMPLE_RESUME

    register(client, "leaving@example.com")
    tokens = login(client, "leaving@example.com")
    headers = bearer(tokens["access_token"])
    profile = client.post("/api/v1/profiles/import", json=EXAMPLE_RESUME, headers=headers).get_json()
    job = client.post("/api/v1/jobs", json=EXAMPLE_JOB, headers=headers).get_json()
    client.post(
        "/api/v1/generations", json={"profile_id": profile["id"], "job_id": job["id"]}, headers=headers
    )

    refreshed = client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    ).get_json()
    stale = client.delete("/api/v1/auth/me", headers=bearer(refreshed["access_token"]))
    assert stale.status_code == 401
    assert stale.content_type == "application/problem+json"

    fresh = login(client, "leaving@example.com")
    assert client.delete("/api/v1/auth/me", headers=bearer(fresh["access_token"])).status_code == 204
    for model in (User, Profile, Job, Generation):
        assert db_session.scalar(select(func.count()).select_from(model)) == 0
    assert client.get("/api/v1/auth/me", headers=bearer(fresh["access_token"])).status_code == 401
    assert (
        client.post("/api/v1/auth/refresh", json={"refresh_token": fresh["refresh_token"]}).status_code == 401
    )
    event = db_session.scalar(select(AuditEvent).where(AuditEvent.action == "account_delete"))
    assert event.user_id is None
    assert event.target_id == str(
        json.loads(base64.urlsafe_b64decode(fresh["access_token"].split(".")[1] + "=="))["sub"]
    )
