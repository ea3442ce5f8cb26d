"""Pipeline tests need nothing but inputs: the bundled example profile and posting."""

import json
from pathlib import Path

import pytest

from pipeline.inputs import Posting, Profile, profile_from_json_resume

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def example_resume_doc() -> dict:
    return json.loads((EXAMPLES / "profile.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_profile(example_resume_doc) -> Profile:
    return profile_from_json_resume(example_resume_doc)


@pytest.fixture(scope="session")
def example_posting() -> Posting:
    return Posting(**json.loads((EXAMPLES / "job.json").read_text(encoding="utf-8")))
