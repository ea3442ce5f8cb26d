"""The litellm adapter over real HTTP against the fake OpenAI-compatible server: answers, re-asks,
failover, key rotation, error sorting, usage and cost, redaction. No network, no real key."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.errors import StageError, TransientError
from pipeline.llm import MAX_RETRY_AFTER_S, InvalidAnswerError, LLMSession, ModelRouter, usage_meta
from pipeline.profile_compiler.llm import Judgement
from tests.fakes.openai_server import FakeOpenAI, Reply

PROMPT = "judge_transferable.v1"
PRICE_IN, PRICE_OUT = 0.000002, 0.000008
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def fake():
    with FakeOpenAI(lambda _request: {"matches": []}) as server:
        yield server


@pytest.fixture(autouse=True)
def fresh(fake):
    fake.reset()


def deployment(fake: FakeOpenAI, group: str, model: str, key: str = "test-key", **params) -> dict:
    litellm_params = {"model": f"openai/{model}", "api_base": fake.url, "api_key": key, **params}
    return {"model_name": group, "litellm_params": litellm_params}


def session(*deployments: dict, fallbacks=None, timeout=5, **jobwise) -> LLMSession:
    settings = {"timeout": timeout, "fallbacks": fallbacks or []}
    config = {"model_list": list(deployments), "router_settings": settings, "jobwise": jobwise}
    return LLMSession(ModelRouter(config, secrets=[d["litellm_params"]["api_key"] for d in deployments]))


def ask(llm: LLMSession) -> Judgement:
    variables = {
        "schema": "{}",
        "requirements": "<requirements>[]</requirements>",
        "profile": "<profile>[]</profile>",
    }
    return llm.complete(PROMPT, variables, Judgement)


def test_an_answer_is_validated_and_its_tokens_cost_and_latency_recorded(fake):
    llm = session(
        deployment(fake, "main", "fake-a", input_cost_per_token=PRICE_IN, output_cost_per_token=PRICE_OUT)
    )
    assert ask(llm) == Judgement(matches=())
    (call,) = llm.calls
    (request,) = fake.requests
    assert (call.prompt, call.model, call.outcome) == (PROMPT, "openai/fake-a", "ok")
    assert call.input_tokens > 0 and call.output_tokens > 0
    assert call.cost_usd == pytest.approx(call.input_tokens * PRICE_IN + call.output_tokens * PRICE_OUT)
    assert call.latency_s > 0
    assert request.body["response_format"] == {"type": "json_object"}
    assert "(prompt judge_transferable.v1)" in request.system
    meta = usage_meta(llm.calls)
    assert meta["model"] == "openai/fake-a" and meta["prompt_version"] == PROMPT
    assert meta["input_tokens"] == call.input_tokens and meta["cost_usd"] == pytest.approx(call.cost_usd)


def test_invalid_json_then_valid_json_is_asked_again(fake):
    llm = session(deployment(fake, "main", "fake-a"))
    fake.script("fake-a", Reply(content="Sure! Here is the JSON you asked for: {matches: []"))
    assert ask(llm) == Judgement(matches=())
    assert [c.outcome for c in llm.calls] == ["invalid", "ok"]
    second = fake.requests[1].messages
    assert second[-2] == {
        "role": "assistant",
        "content": "Sure! Here is the JSON you asked for: {matches: []",
    }
    assert "not valid" in second[-1]["content"]


def test_a_wrong_shape_is_asked_again_then_given_up_on(fake):
    llm = session(deployment(fake, "main", "fake-a"), answer_retries=2)
    fake.script("fake-a", *[Reply(content='{"matches": [{"status": "met"}]}')] * 3)
    with pytest.raises(InvalidAnswerError, match="3 tries"):
        ask(llm)
    assert [c.outcome for c in llm.calls] == ["invalid", "invalid", "gave_up"]
    assert "matches.0.requirement_id" in llm.calls[-1].error
    assert "judge_transferable.v1" in usage_meta(llm.calls)["fallback"]


def test_a_code_fence_around_the_json_is_tolerated(fake):
    llm = session(deployment(fake, "main", "fake-a"))
    fake.script("fake-a", Reply(content='```json\n{"matches": []}\n```'))
    assert ask(llm) == Judgement(matches=())
    assert len(fake.requests) == 1


def test_a_permanent_500_from_the_first_model_falls_over_to_the_second(fake):
    llm = session(
        deployment(fake, "primary", "fake-a"),
        deployment(fake, "backup", "fake-b"),
        fallbacks=[{"primary": ["backup"]}],
    )
    fake.script("fake-a", *[Reply(status=500)] * 3)
    assert ask(llm) == Judgement(matches=())
    assert [r.model for r in fake.requests] == ["fake-a", "fake-b"]
    assert llm.calls[0].model == "openai/fake-b"


def test_a_slow_model_times_out_and_falls_over(fake):
    llm = session(
        deployment(fake, "primary", "fake-slow"),
        deployment(fake, "backup", "fake-b"),
        fallbacks=[{"primary": ["backup"]}],
        timeout=1,
    )
    fake.latency["fake-slow"] = 5
    started = time.monotonic()
    ask(llm)
    assert time.monotonic() - started < 5, "answered by the backup before the slow model could answer"
    assert llm.calls[0].model == "openai/fake-b"


def test_keys_of_one_model_are_used_in_turn_and_a_rejected_one_rests(fake):
    keys = ("key-one", "key-two")
    llm = session(*(deployment(fake, "main", "fake-a", key) for key in keys))
    for _ in range(20):
        ask(llm)
    assert {r.api_key for r in fake.requests} == set(keys), "both keys used"
    fake.reset()
    fake.script("key-one", *[Reply(status=401)] * 20)
    for _ in range(20):
        try:
            ask(llm)
        except TransientError:  # key-one answered 401: with another key configured, worth a retry
            continue
    rejected = [r for r in fake.requests if r.api_key == "key-one"]
    assert len(rejected) <= 1, "a rejected key rests while the other one serves"


def test_a_rate_limit_becomes_a_transient_error_carrying_retry_after(fake):
    llm = session(deployment(fake, "main", "fake-a"))
    fake.script("fake-a", Reply(status=429, headers={"Retry-After": "7"}))
    with pytest.raises(TransientError) as raised:
        ask(llm)
    assert raised.value.retry_after == 7
    assert "RateLimitError" in str(raised.value)
    assert llm.calls[0].outcome == "error"


def test_retry_after_is_capped(fake):
    llm = session(deployment(fake, "main", "fake-capped"))
    fake.script("fake-capped", Reply(status=429, headers={"Retry-After": "3600"}))
    with pytest.raises(TransientError) as raised:
        ask(llm)
    assert raised.value.retry_after == MAX_RETRY_AFTER_S


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (500, TransientError),
        (503, TransientError),
        (401, StageError),
        (404, StageError),
        (400, InvalidAnswerError),
    ],
)
def test_errors_are_sorted_for_the_one_retry_layer(fake, status, error):
    llm = session(deployment(fake, "main", f"fake-{status}", key="sk-secret-key-must-not-show-0000"))
    fake.script(f"fake-{status}", Reply(status=status))
    with pytest.raises(error) as raised:
        ask(llm)
    assert "sk-secret-key-must-not-show-0000" not in str(raised.value)
    assert len(fake.requests) == 1, "no retry inside litellm: Celery is the retry layer"


def test_personal_data_leaves_as_placeholders_and_comes_back(fake):
    llm = session(deployment(fake, "main", "fake-a"), redact_pii=True)
    fake.respond = lambda request: {
        "matches": [{"requirement_id": "R1", "requirement": "x", "required": True, "status": "transferable",
                     "evidence": ["work[0]"], "note": "reach me at [EMAIL_1] or [PHONE_1]"}]
    }  # fmt: skip
    profile = json.dumps([{"ref": "basics.summary", "text": "Mail jordan@example.com, call +1 415 555 0142"}])
    variables = {"schema": "{}", "requirements": "<requirements>[]</requirements>", "profile": profile}
    answer = llm.complete(PROMPT, variables, Judgement)
    (request,) = fake.requests
    assert "jordan@example.com" not in request.user and "555 0142" not in request.user
    assert "[EMAIL_1]" in request.user and "[PHONE_1]" in request.user
    assert answer.matches[0].note == "reach me at jordan@example.com or +1 415 555 0142"


def test_the_offline_generator_and_the_web_app_never_import_litellm():
    code = (
        "import sys, json\n"
        "from api import create_app\n"
        "from pipeline.inputs import Posting, profile_from_json_resume\n"
        "from pipeline.job_analyzer import analyze_job\n"
        "from pipeline.profile_compiler import compile_profile\n"
        "from pipeline.document_generator import GenerationOptions, generate_documents\n"
        "import pipeline.llm, pipeline.document_generator.llm, workers.tasks\n"
        "create_app()\n"
        "posting = Posting(**json.load(open('examples/job.json')))\n"
        "profile = profile_from_json_resume(json.load(open('examples/profile.json')))\n"
        "analysis = analyze_job(posting)\n"
        "generate_documents(profile, analysis, compile_profile(profile, analysis), GenerationOptions())\n"
        "assert 'litellm' not in sys.modules, 'litellm was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
