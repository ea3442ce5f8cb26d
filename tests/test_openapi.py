"""The committed API contract is exactly what the app generates (`python dev.py openapi` rewrites it)."""

from __future__ import annotations

from pathlib import Path

import yaml

SPEC = Path(__file__).resolve().parents[1] / ".context" / "api" / "openapi-spec.yaml"


def test_spec_file_matches_the_app(app):
    generated = app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    committed = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert committed == generated, "the API changed: run `python dev.py openapi` and commit the spec"
