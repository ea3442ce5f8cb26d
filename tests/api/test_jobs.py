"""Job postings: CRUD, public postings, owner isolation, ranked search, and the admin import command."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import func, select

from api.jobs.schemas import JobSearchHitSchema
from models.job import Job

POSTING = {"title": "Backend Engineer", "company": "Acme", "description": "Build APIs in Python."}


def create(client, auth, **fields) -> dict:
    response = client.post("/api/v1/jobs", json={**POSTING, **fields}, headers=auth)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_crud(client, auth):
    job = create(
        client, auth, location="Berlin", remote=True, seniority="senior", url="https://acme.example/j/1"
    )
    assert job["is_public"] is False
    url = f"/api/v1/jobs/{job['id']}"
    assert client.get(url, headers=auth).get_json()["location"] == "Berlin"
    assert client.patch(url, json={"seniority": "lead"}, headers=auth).get_json()["seniority"] == "lead"
    replaced = client.put(url, json=POSTING, headers=auth).get_json()
    assert replaced["location"] is None and replaced["remote"] is None
    assert [j["id"] for j in client.get("/api/v1/jobs", headers=auth).get_json()] == [job["id"]]
    assert client.delete(url, headers=auth).status_code == 204
    assert client.get(url, headers=auth).status_code == 404


def test_a_salary_range_upside_down_is_a_422_and_nothing_changes(client, auth, db_session):
    body = {**POSTING, "salary_min": 90000, "salary_max": 60000, "salary_currency": "EUR"}
    response = client.post("/api/v1/jobs", json=body, headers=auth)
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"salary_min": ["Must not exceed salary_max."]}
    job = create(client, auth)
    replaced = client.put(f"/api/v1/jobs/{job['id']}", json=body, headers=auth)
    assert replaced.status_code == 422
    assert db_session.scalar(select(func.count()).select_from(Job)) == 1
    assert client.get(f"/api/v1/jobs/{job['id']}", headers=auth).get_json()["salary_min"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"company": "Acme", "description": "x"}, "title"),
        ({**POSTING, "seniority": "wizard"}, "seniority"),
        ({**POSTING, "url": "not a url"}, "url"),
        ({**POSTING, "title": "x" * 201}, "title"),
        ({**POSTING, "remote": "sometimes"}, "remote"),
    ],
)
def test_invalid_posting_is_422_and_not_stored(client, auth, db_session, body, field):
    response = client.post("/api/v1/jobs", json=body, headers=auth)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]
    assert db_session.scalar(select(func.count()).select_from(Job)) == 0


@pytest.mark.parametrize(
    ("method", "body"), [("get", None), ("put", POSTING), ("patch", {"title": "x"}), ("delete", None)]
)
def test_another_users_job_is_404(client, auth, other_auth, method, body):
    job = create(client, auth)
    kwargs = {"headers": other_auth} | ({"json": body} if body else {})
    assert getattr(client, method)(f"/api/v1/jobs/{job['id']}", **kwargs).status_code == 404
    assert client.get(f"/api/v1/jobs/{job['id']}", headers=auth).status_code == 200


def public_job(db_session, **fields) -> Job:
    job = Job(owner_id=None, source="import", **{**POSTING, **fields})
    db_session.add(job)
    db_session.commit()
    return job


def test_deleting_a_job_is_audited(client, auth, db_session):
    from models.audit import AuditEvent

    job = create(client, auth)
    client.delete(f"/api/v1/jobs/{job['id']}", headers=auth)
    event = db_session.scalar(select(AuditEvent).where(AuditEvent.action == "job_delete"))
    assert event.target_id == job["id"]
    assert event.user_id is not None


def test_public_postings_are_readable_by_all_and_read_only(client, auth, db_session):
    job = public_job(db_session)
    url = f"/api/v1/jobs/{job.id}"
    assert client.get(url, headers=auth).get_json()["is_public"] is True
    assert client.patch(url, json={"title": "Mine"}, headers=auth).status_code == 403
    assert client.delete(url, headers=auth).status_code == 403
    assert client.get("/api/v1/jobs", headers=auth).get_json() == []
    assert [j["id"] for j in client.get("/api/v1/jobs?scope=public", headers=auth).get_json()] == [
        str(job.id)
    ]
    assert client.get("/api/v1/jobs?scope=everything", headers=auth).status_code == 422


def search(client, auth, **body):
    response = client.post("/api/v1/jobs/search", json=body, headers=auth)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_title_match_ranks_above_description_match(client, auth):
    in_description = create(
        client,
        auth,
        title="Platform Engineer",
        description="You will mostly write Kubernetes operators in Go.",
    )
    in_title = create(client, auth, title="Kubernetes Engineer", description="Run our clusters.")
    create(client, auth, title="Designer", company="Studio", description="Figma all day.")
    result = search(client, auth, keywords=["kubernetes"])
    assert result["total"] == 2
    assert [hit["id"] for hit in result["results"]] == [in_title["id"], in_description["id"]]
    assert result["results"][0]["score"] > result["results"][1]["score"]


def test_multi_word_keywords_match_as_phrases(client, auth):
    phrase = create(client, auth, title="ML Engineer", description="Machine learning in production.")
    create(client, auth, title="Mechanic", description="Fix the machine while learning the trade.")
    result = search(client, auth, keywords=["machine learning"])
    assert [hit["id"] for hit in result["results"]] == [phrase["id"]]


def test_pagination_does_not_repeat(client, auth):
    ids = {create(client, auth, title=f"Python Developer {i}")["id"] for i in range(7)}
    first = search(client, auth, keywords=["python"], page=1, page_size=3)
    second = search(client, auth, keywords=["python"], page=2, page_size=3)
    third = search(client, auth, keywords=["python"], page=3, page_size=3)
    pages = [[hit["id"] for hit in page["results"]] for page in (first, second, third)]
    assert first["total"] == 7 and (first["page"], first["page_size"]) == (1, 3)
    assert [len(p) for p in pages] == [3, 3, 1]
    assert set(pages[0]) | set(pages[1]) | set(pages[2]) == ids
    assert not set(pages[0]) & set(pages[1])


def test_a_page_past_the_end_is_empty_and_keeps_the_total(client, auth):
    for i in range(3):
        create(client, auth, title=f"Scala Developer {i}")
    past = search(client, auth, keywords=["scala"], page=5, page_size=2)
    assert past["results"] == [] and past["total"] == 3 and past["page"] == 5
    assert search(client, auth, keywords=["cobol"]) == {"results": [], "total": 0, "page": 1, "page_size": 20}


def test_search_hits_are_what_the_schema_dumps(client, auth, db_session):
    """The hot path writes hits by hand (search_hit); they must equal JobSearchHitSchema().dump, nulls and
    all, for a full posting, a sparse one and a public one."""
    full = create(
        client,
        auth,
        title="Haskell Engineer",
        location="Porto",
        remote=False,
        seniority="mid",
        employment_type="contract",
        url="https://acme.example/j/9",
        posted_at="2026-11-20T09:00:00+00:00",
        valid_through="2026-12-20T09:00:00+01:00",
        salary_min=50000,
        salary_max=65000.5,
        salary_currency="EUR",
        salary_unit="year",
    )
    sparse = create(client, auth, title="Haskell Developer")
    public = public_job(db_session, title="Haskell Consultant", external_id="src:7")
    result = search(client, auth, keywords=["haskell"])
    hits = {hit["id"]: hit for hit in result["results"]}
    assert set(hits) == {full["id"], sparse["id"], str(public.id)}
    schema = JobSearchHitSchema()
    for job_id, hit in hits.items():
        job = db_session.get(Job, uuid.UUID(job_id))
        db_session.refresh(job)
        job.score = hit["score"]
        assert hit == json.loads(json.dumps(schema.dump(job))), job_id
    assert hits[full["id"]]["salary_min"] == 50000.0 and hits[sparse["id"]]["location"] is None


def test_search_body_is_utf8_json_with_any_text(client, auth):
    """The hits are written by orjson as UTF-8, not escaped: text outside ASCII (accents, right-to-left
    scripts, characters beyond the BMP) and JSON's special characters come back exactly."""
    title = 'Haskell "Entwickler" \\ Zürich مطوّر 𝔘'
    description = "Lignes\nséparées\tpar des tabulations, un caractère de contrôle \u0001"
    job = create(client, auth, title=title, description=description)
    response = client.post("/api/v1/jobs/search", json={"keywords": ["haskell"]}, headers=auth)
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "Zürich".encode() in response.data  # UTF-8 as it is, no \u escapes
    (hit,) = response.get_json()["results"]
    assert (hit["id"], hit["title"], hit["description"]) == (job["id"], title, description)


def test_search_covers_own_and_public_but_not_others(client, auth, other_auth, db_session):
    mine = create(client, auth, title="Rust Engineer")
    create(client, other_auth, title="Rust Engineer at a secret startup")
    public = public_job(db_session, title="Rust Developer")
    result = search(client, auth, keywords=["rust"])
    assert {hit["id"] for hit in result["results"]} == {mine["id"], str(public.id)}


def test_filters(client, auth):
    berlin = create(
        client, auth, title="Go Developer", location="Berlin, Germany", remote=True, seniority="senior"
    )
    create(client, auth, title="Go Developer", location="Lisbon", remote=False, seniority="senior")
    create(client, auth, title="Go Developer", location="Berlin", remote=True, seniority="entry")
    result = search(client, auth, keywords=["developer"], location="berlin", seniority="senior", remote=True)
    assert [hit["id"] for hit in result["results"]] == [berlin["id"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "keywords"),
        ({"keywords": []}, "keywords"),
        ({"keywords": [f"k{i}" for i in range(11)]}, "keywords"),
        ({"keywords": ["   "]}, "keywords.0"),
        ({"keywords": ["x"], "location": "x" * 101}, "location"),
        ({"keywords": ["x"], "seniority": "principal"}, "seniority"),
        ({"keywords": ["x"], "page": 0}, "page"),
        ({"keywords": ["x"], "page_size": 1000}, "page_size"),
        ({"keywords": ["x"], "remote": "maybe"}, "remote"),
    ],
)
def test_search_validation(client, auth, body, field):
    response = client.post("/api/v1/jobs/search", json=body, headers=auth)
    assert response.status_code == 422
    assert response.content_type == "application/problem+json"
    assert field in response.get_json()["errors"]


def test_search_escapes_like_wildcards_and_tsquery_syntax(client, auth):
    create(client, auth, title="C++ Developer")
    assert search(client, auth, keywords=["%"])["total"] == 0
    assert search(client, auth, keywords=["!&|("])["total"] == 0


def test_admin_import_command(app, db_session, tmp_path):
    lines = [
        {"external_id": "board-1", "title": "Data Engineer", "company": "Acme", "description": "Spark."},
        {
            "external_id": "board-2",
            "title": "SRE",
            "company": "Beta",
            "description": "On call.",
            "remote": True,
        },
    ]
    source = tmp_path / "jobs.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["jobs", "import", str(source)])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.output
    lines[0]["title"] = "Senior Data Engineer"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["jobs", "import", str(source)])
    assert "0 new, 2 updated" in result.output
    titles = db_session.scalars(select(Job.title).where(Job.owner_id.is_(None)).order_by(Job.title)).all()
    assert titles == ["SRE", "Senior Data Engineer"]


def test_admin_import_is_all_or_nothing(app, db_session, tmp_path):
    source = tmp_path / "jobs.jsonl"
    good = json.dumps({"title": "A", "company": "B", "description": "C"})
    source.write_text(f"{good}\n{{not json\n{json.dumps({'title': 'no company'})}\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["jobs", "import", str(source)])
    assert result.exit_code != 0
    assert "line 2" in result.output and "line 3" in result.output
    assert db_session.scalar(select(func.count()).select_from(Job)) == 0


@pytest.mark.parametrize("blank", ["\x85", "\x1c", "\ufeff", " \u3000\t"])
def test_a_keyword_blank_in_python_or_in_json_schema_is_refused_and_the_spec_says_so(client, auth, blank):
    """The spec's pattern is the server's rule: any language's validator refuses what the server refuses."""
    import re

    response = client.post("/api/v1/jobs/search", json={"keywords": ["python", blank]}, headers=auth)
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"keywords.1": ["Must not be blank."]}
    spec = client.get("/openapi.json").get_json()
    pattern = spec["components"]["schemas"]["JobSearch"]["properties"]["keywords"]["items"]["pattern"]
    assert re.search(pattern, blank) is None and re.search(pattern, "x\x85") is not None
