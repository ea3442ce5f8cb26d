"""JSON Resume in: pydantic models that read a document without changing it, and the Profile built from it."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from pipeline.inputs import JsonResume, profile_from_json_resume, profile_refs

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("path", [DATA / "full_resume.json", EXAMPLES / "profile.json"])
def test_a_document_reads_back_exactly_as_given(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert JsonResume.model_validate(copy.deepcopy(doc)).document() == doc


def test_unknown_sections_and_extension_fields_are_kept():
    doc = {
        "basics": {
            "name": "Ada",
            "x-pronouns": "she/her",
            "location": {"city": "Brno", "x-district": "Zabovresky"},
        },
        "work": [{"name": "Acme", "position": "Engineer", "startDate": "2020-01", "x-team": "Core"}],
        "awards": [{"title": "Best thesis", "date": "2016"}],
        "meta": {"version": "v1.0.0"},
    }
    assert JsonResume.model_validate(copy.deepcopy(doc)).document() == doc


def test_the_profile_uses_camel_case_fields_and_json_path_refs():
    profile = profile_from_json_resume(
        {
            "basics": {"name": " Ada Lovelace ", "location": {"city": "London", "countryCode": "GB"}},
            "work": [
                {
                    "name": "Analytical Engines",
                    "position": "Analyst",
                    "startDate": "1842-01",
                    "highlights": ["Wrote the first program", "", None, "Published notes"],
                }
            ],
            "education": [{"institution": "Home", "studyType": "Tutoring", "area": "Mathematics"}],
            "volunteer": [{"organization": "Society", "position": "Member"}],
        }
    )
    assert profile.name == "Ada Lovelace"
    assert profile.location == "London, GB"
    work = profile.experiences[0]
    assert (work.employer, work.title, work.start_date) == ("Analytical Engines", "Analyst", "1842-01")
    assert [(h.ref, h.text) for h in work.highlights] == [
        ("work[0].highlights[0]", "Wrote the first program"),
        ("work[0].highlights[3]", "Published notes"),
    ], "blank entries are skipped, refs keep the document's positions"
    assert profile.education[0].study_type == "Tutoring"
    assert profile.volunteer[0].employer == "Society"
    assert {"work[0]", "work[0].highlights[3]", "education[0]", "volunteer[0]"} <= profile_refs(profile)


def test_a_document_of_the_wrong_shape_is_refused_naming_the_field():
    with pytest.raises(ValueError, match=r"work\.0\.highlights"):
        profile_from_json_resume({"basics": {"name": "A"}, "work": [{"highlights": "not a list"}]})
