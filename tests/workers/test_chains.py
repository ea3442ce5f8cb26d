"""The chain enqueue_generation publishes: the id only, the right stages, the right queues."""

from __future__ import annotations

import uuid

import pytest

from celeryconfig import CPU_QUEUE, LLM_QUEUE
from models.generation import STAGES
from workers.chains import generation_chain, queue_of


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


def test_an_offline_generation_runs_every_stage_on_the_cpu_queue():
    """Offline, the first three stages are CPU work too: on the prefork pool, not a GIL-bound thread pool."""
    steps = generation_chain(uuid.uuid4(), llm=False).tasks
    assert [step.options.get("queue") for step in steps[:3]] == [CPU_QUEUE] * 3
    assert [queue_of(name, llm=False) for name in STAGES] == [CPU_QUEUE] * 5


def test_an_llm_generation_waits_for_the_model_on_the_llm_queue():
    steps = generation_chain(uuid.uuid4(), llm=True).tasks
    assert all("queue" not in step.options for step in steps[:3]), "routed by task_routes: the LLM queue"
    assert [queue_of(name, llm=True) for name in STAGES] == [LLM_QUEUE] * 4 + [CPU_QUEUE]
