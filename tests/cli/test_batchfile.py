"""The pure parts of `jobwise batch submit`: reading postings, options, idempotency keys, folder names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jobwise_cli.batchfile import (
    JobsFileError,
    folder_name,
    idempotency_key,
    read_postings,
    resolve_one_page,
    slug,
)

POSTING = {"title": "Data Engineer", "company": "Quayline", "description": "Pipelines in Python and SQL."}
PROFILE = {"basics": {"name": "Ada"}, "work": [{"name": "Acme", "startDate": "2019-03"}]}
OPTIONS = {"template": "classic", "one_page": True}


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_json_lines_skip_blank_lines_and_keep_known_fields(tmp_path):
    extra = {**POSTING, "remote": True, "salary_min": 90000, "unknown": "ignored", "seniority": "mid"}
    path = write(tmp_path, "jobs.jsonl", json.dumps(POSTING) + "\n\n" + json.dumps(extra) + "\n")
    first, second = read_postings(path)
    assert first.fields == POSTING and first.line == 1
    assert second.line == 3
    assert second.fields == {**POSTING, "remote": True, "salary_min": 90000.0, "seniority": "mid"}
    assert second.label == "Data Engineer at Quayline"


def test_csv_with_a_bom_a_quoted_multiline_description_and_typed_columns(tmp_path):
    text = (
        "Title,Company,Description,Remote,Salary_Min,Location\r\n"
        'Nurse,St Elsewhere,"Night shifts.\r\nPACU, BLS required.",no,"55,000",Boston\r\n'
        ",,,,,\r\n"
        "Analyst,Northbeam,Reports,yes,,\r\n"
    )
    path = write(tmp_path, "jobs.csv", text, encoding="utf-8-sig")
    nurse, analyst = read_postings(path)
    assert nurse.fields == {
        "title": "Nurse",
        "company": "St Elsewhere",
        "description": "Night shifts.\nPACU, BLS required.",
        "remote": False,
        "salary_min": 55000.0,
        "location": "Boston",
    }
    assert analyst.fields == {
        "title": "Analyst",
        "company": "Northbeam",
        "description": "Reports",
        "remote": True,
    }
    assert analyst.line == 5


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("jobs.jsonl", '{"title": "x"}\n', "line 1: missing company, description"),
        ("jobs.jsonl", json.dumps(POSTING) + "\n{not json\n", "line 2: not JSON"),
        ("jobs.jsonl", "[1, 2]\n", "line 1: a posting is a JSON object"),
        ("jobs.jsonl", json.dumps({**POSTING, "remote": "maybe"}), "line 1: remote is not true or false"),
        ("jobs.jsonl", json.dumps({**POSTING, "salary_max": "lots"}), "line 1: salary_max is not a number"),
        ("jobs.csv", "title,company,description\nA,B,C,D\n", "line 2: more values than columns"),
        ("jobs.csv", "title,company\nA,B\n", "line 2: missing description"),
        ("jobs.jsonl", "\n\n", "no postings"),
        ("jobs.txt", "x", "give a .jsonl or .csv file"),
    ],
)
def test_a_bad_file_is_refused_naming_the_line(tmp_path, name, text, message):
    with pytest.raises(JobsFileError, match=message):
        read_postings(write(tmp_path, name, text))


def test_the_key_depends_on_content_and_batch_not_on_key_order():
    key = idempotency_key(PROFILE, POSTING, OPTIONS, "b1")
    assert key.startswith("jobwise-cli-v1-") and len(key) <= 200
    reordered = json.loads(json.dumps(dict(reversed(list(POSTING.items())))))
    assert idempotency_key(dict(reversed(list(PROFILE.items()))), reordered, OPTIONS, "b1") == key
    assert idempotency_key(PROFILE, {**POSTING, "company": "Northbeam"}, OPTIONS, "b1") != key
    assert idempotency_key({**PROFILE, "skills": [{"name": "SQL"}]}, POSTING, OPTIONS, "b1") != key
    assert idempotency_key(PROFILE, POSTING, {**OPTIONS, "template": "modern"}, "b1") != key
    assert idempotency_key(PROFILE, POSTING, {**OPTIONS, "one_page": False}, "b1") != key
    assert idempotency_key(PROFILE, POSTING, OPTIONS, "b2") != key


def test_one_page_auto_is_left_to_the_server():
    assert resolve_one_page("auto") == "auto"
    assert resolve_one_page("true") is True
    assert resolve_one_page("false") is False


def test_folder_names_are_safe_on_every_system(tmp_path):
    path = write(
        tmp_path,
        "jobs.jsonl",
        json.dumps({**POSTING, "title": 'Ingeniero/a: "Datos" <Sr.>', "company": "Ñandú"}),
    )
    (posting,) = read_postings(path)
    assert folder_name(7, posting) == "07-ingeniero-a-datos-sr-at-and"
    assert slug("???") == "job"
    assert len(slug("x" * 100)) == 40
