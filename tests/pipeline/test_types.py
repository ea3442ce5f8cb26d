"""Enum-like fields are Literal types: the JSON Schema a model is given lists the values, and the API
offers the same ones the pipeline accepts."""

from __future__ import annotations

import json
from typing import get_args

import pytest
from pydantic import ValidationError

from api.generations.schemas import GENERATORS, PAGE_SIZES, TEMPLATES
from models.job import EMPLOYMENT_TYPES, SENIORITIES
from pipeline.document_generator import PAGE_SIZES as PIPELINE_PAGE_SIZES
from pipeline.document_generator import TEMPLATES as PIPELINE_TEMPLATES
from pipeline.document_generator import GenerationOptions
from pipeline.inputs import EmploymentType, Seniority
from pipeline.job_analyzer import JobAnalysis
from pipeline.job_analyzer.types import Generator
from pipeline.serialization import from_data, json_schema


def _enums(schema: dict) -> list[list[str]]:
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "enum" in node:
                found.append(node["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return found


def test_the_analysis_schema_a_model_gets_lists_the_allowed_values():
    enums = _enums(json_schema(JobAnalysis))
    assert ["intern", "entry", "mid", "senior", "lead"] in enums
    assert ["skill", "experience", "education", "certification", "other"] in enums
    assert ["degree", "clearance", "work_authorization", "location", "years_experience", "license"] in enums


def test_a_value_outside_the_literal_is_refused():
    empty = {"required": [], "preferred": [], "responsibilities": [], "keywords": [], "knockouts": []}
    analysis = {"title": "T", "company": "C", "seniority": "guru", "years_experience": None, **empty}
    with pytest.raises(ValidationError, match="seniority"):
        from_data(JobAnalysis, analysis)
    with pytest.raises(ValidationError, match="template"):
        from_data(GenerationOptions, {"template": "fancy"})
    assert json.loads(json.dumps(json_schema(GenerationOptions)))["properties"]["page_size"]["enum"] == [
        "letter",
        "a4",
    ]


def test_the_api_offers_exactly_what_the_pipeline_accepts():
    assert tuple(TEMPLATES) == PIPELINE_TEMPLATES
    assert tuple(PAGE_SIZES) == PIPELINE_PAGE_SIZES
    assert tuple(GENERATORS) == get_args(Generator)
    assert tuple(SENIORITIES) == get_args(Seniority)
    assert tuple(EMPLOYMENT_TYPES) == get_args(EmploymentType)
