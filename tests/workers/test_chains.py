"""The chain enqueue_generation publishes: the id only, the right stages, the right queues."""

from __future__ import annotations

import uuid

import pytest

from celeryconfig import LLM_QUEUE
from models.generation import STAGES
from workers.chains import generation_chain


@pytest.mark.parametrize(("llm", "quality_queue"), [(False, None), (True, LLM_QUEUE)])
def test_the_chain_carries_only_the_id(llm, quality_queue):
    generation_id = uuid.uuid4()
    steps = generation_chain(generation_id, llm=llm).tasks
    assert [step.task for step in steps] == [f"jobwise.{name}" for name in STAGES]
    assert steps[0].args == (str(generation_id),)
    assert all(not step.args and not step.kwargs for step in steps[1:]), (
        "later stages get the id from the chain"
    )
    quality = next(step for step in steps if step.task == "jobwise.validate_quality")
    assert quality.options.get("queue") == quality_queue


def test_resuming_starts_at_the_given_stage():
    steps = generation_chain(uuid.uuid4(), from_stage="validate_quality").tasks
    assert [step.task for step in steps] == ["jobwise.validate_quality", "jobwise.export_documents"]
