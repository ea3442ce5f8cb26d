"""Profiles: CRUD, owner isolation, and a lossless JSON Resume round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.profile import Experience, Profile

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def full_resume() -> dict:
    return json.loads((DATA / "full_resume.json").read_text(encoding="utf-8"))


def test_json_resume_round_trip_is_lossless(client, auth):
    document = full_resume()
    created = client.post("/api/v1/profiles/import", json=document, headers=auth)
    assert created.status_code == 201, created.get_json()
    body = created.get_json()
    assert body["name"] == "Mária Ševčíková-Øster"
    assert body["experiences"][0]["employer"] == "Ελληνικά Δεδομένα Α.Ε."
    exported = client.get(f"/api/v1/profiles/{body['id']}/export", headers=auth)
    assert exported.status_code == 200
    assert exported.get_json() == document


def test_round_trip_keeps_empty_sections_and_extension_fields(client, auth):
    document = {
        "basics": {"name": "Иван Петров", "profiles": [], "x-team": {"size": 4}},
        "work": [],
        "skills": [{"name": "Go", "x-years": 3}],
        "x-custom": [1, 2],
    }
    profile_id = client.post("/api/v1/profiles/import", json=document, headers=auth).get_json()["id"]
    assert client.get(f"/api/v1/profiles/{profile_id}/export", headers=auth).get_json() == document


def test_example_profile_imports(client, auth):
    document = json.loads((EXAMPLES / "profile.json").read_text(encoding="utf-8"))
    response = client.post("/api/v1/profiles/import", json=document, headers=auth)
    assert response.status_code == 201
    assert [e["employer"] for e in response.get_json()["experiences"]] == [
        "Brightline Logistics",
        "Cobalt Health",
        "Northwind Analytics",
    ]


def test_invalid_import_is_422_naming_the_field_and_stores_nothing(client, auth, db_session):
    document = full_resume()
    document["work"][1]["startDate"] = "last spring"
    document["education"][0]["courses"] = "not a list"
    response = client.post("/api/v1/profiles/import", json=document, headers=auth)
    assert response.status_code == 422
    assert response.content_type == "application/problem+json"
    errors = response.get_json()["errors"]
    assert "work.1.startDate" in errors
    assert "education.0.courses" in errors
    assert db_session.scalar(select(func.count()).select_from(Profile)) == 0
    assert db_session.scalar(select(func.count()).select_from(Experience)) == 0


def test_import_needs_a_name(client, auth):
    response = client.post("/api/v1/profiles/import", json={"basics": {"label": "x"}}, headers=auth)
    assert response.status_code == 422
    assert "basics.name" in response.get_json()["errors"]


def test_crud(client, auth):
    created = client.post(
        "/api/v1/profiles",
        json={
            "name": "Ana Lima",
            "label": "Engineer",
            "skills": [{"name": "Python", "keywords": ["Flask"]}],
            "experiences": [
                {
                    "employer": "Acme",
                    "title": "Dev",
                    "start_date": "2020-01",
                    "highlights": ["Shipped things"],
                }
            ],
        },
        headers=auth,
    )
    assert created.status_code == 201
    profile = created.get_json()
    url = f"/api/v1/profiles/{profile['id']}"

    listed = client.get("/api/v1/profiles", headers=auth)
    assert [p["id"] for p in listed.get_json()] == [profile["id"]]
    assert json.loads(listed.headers["X-Pagination"])["total"] == 1

    patched = client.patch(url, json={"label": "Senior Engineer"}, headers=auth).get_json()
    assert patched["label"] == "Senior Engineer"
    assert patched["skills"] == profile["skills"]

    replaced = client.put(url, json={"name": "Ana Lima"}, headers=auth).get_json()
    assert "label" not in replaced  # cleared: left out, never null (the contract says string)
    assert replaced["skills"] == [] and replaced["experiences"] == []

    assert client.delete(url, headers=auth).status_code == 204
    assert client.get(url, headers=auth).status_code == 404


def test_create_validates_dates_and_types(client, auth):
    response = client.post(
        "/api/v1/profiles",
        json={"name": "X", "email": "not-an-email", "experiences": [{"start_date": "2020-1"}]},
        headers=auth,
    )
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"email", "experiences.0.start_date"}


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("get", "", None),
        ("put", "", {"name": "Mine now"}),
        ("patch", "", {"name": "Mine now"}),
        ("delete", "", None),
        ("get", "/export", None),
    ],
)
def test_another_users_profile_is_404(client, auth, other_auth, method, suffix, body):
    profile_id = client.post("/api/v1/profiles/import", json=full_resume(), headers=auth).get_json()["id"]
    kwargs = {"headers": other_auth} | ({"json": body} if body else {})
    response = getattr(client, method)(f"/api/v1/profiles/{profile_id}{suffix}", **kwargs)
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"
    assert (
        client.get(f"/api/v1/profiles/{profile_id}", headers=auth).get_json()["name"]
        == "Mária Ševčíková-Øster"
    )
    assert client.get("/api/v1/profiles", headers=other_auth).get_json() == []


def test_profiles_need_a_token(client):
    assert client.get("/api/v1/profiles").status_code == 401


def test_export_and_delete_are_audited(client, auth, db_session):
    from models.audit import AuditEvent

    profile_id = client.post("/api/v1/profiles/import", json=full_resume(), headers=auth).get_json()["id"]
    client.get(f"/api/v1/profiles/{profile_id}/export", headers=auth)
    client.delete(f"/api/v1/profiles/{profile_id}", headers=auth)
    actions = db_session.scalars(select(AuditEvent.action).where(AuditEvent.target_id == profile_id)).all()
    assert sorted(actions) == ["profile_delete", "profile_export"]


# JSON Resume 0.x (tag 0.0.0 of jsonresume/resume-schema): work[].company, website, picture, gpa. Such a file
# used to be accepted silently and its employers vanished from the documents (issue 15).


def legacy_resume() -> dict:
    return json.loads((DATA / "json_resume_0x.json").read_text(encoding="utf-8"))


def test_a_json_resume_0x_file_keeps_its_employers_and_says_what_was_renamed(client, auth):
    from pipeline.inputs import profile_from_json_resume

    document = legacy_resume()
    response = client.post("/api/v1/profiles/import", json=document, headers=auth)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert [e["employer"] for e in body["experiences"]] == [w["company"] for w in document["work"]]
    assert body["experiences"][0]["url"] == "https://halvorsen.example.com"
    assert body["url"] == "https://maren.example.com"
    assert body["image"] == "https://avatars.example.com/maren.jpg"
    assert body["education"][0]["score"] == "B"
    warned = {w["key"]: w for w in body["warnings"]}
    assert set(warned) == {
        "basics.website",
        "basics.picture",
        "work[].company",
        "work[].website",
        "volunteer[].website",
        "education[].gpa",
        "publications[].website",
    }
    assert warned["work[].company"]["replacement"] == "work[].name"
    assert warned["work[].company"]["count"] == 9
    assert warned["work[].website"]["count"] == 6  # three roles have no website

    exported = client.get(f"/api/v1/profiles/{body['id']}/export", headers=auth).get_json()
    assert [w["name"] for w in exported["work"]] == [w["company"] for w in document["work"]]
    assert "company" not in exported["work"][0] and exported["basics"]["url"] == "https://maren.example.com"
    assert exported["publications"][0]["url"] == "https://pub.example.com/forms"
    assert exported["references"] == document["references"]  # sections without a table kept verbatim
    # what the pipeline reads: all nine employers
    assert len([e for e in profile_from_json_resume(exported).experiences if e.employer]) == 9


def test_a_0x_key_beside_its_v1_key_is_kept_not_dropped(client, auth):
    document = {
        "basics": {"name": "Ana Lima"},
        "work": [{"name": "Acme", "company": "Acme Ltd", "position": "Dev"}],
    }
    body = client.post("/api/v1/profiles/import", json=document, headers=auth).get_json()
    assert body["experiences"][0]["employer"] == "Acme"
    assert [w["key"] for w in body["warnings"]] == ["work[].company"]
    assert "kept as an extension field" in body["warnings"][0]["message"]
    exported = client.get(f"/api/v1/profiles/{body['id']}/export", headers=auth).get_json()
    assert exported == document


def test_a_v1_document_has_no_warnings(client, auth):
    body = client.post("/api/v1/profiles/import", json=full_resume(), headers=auth).get_json()
    assert body["warnings"] == []
