"""Stage 2 with a model: judge which unmet requirements the profile shows a transferable skill for.

Only requirements the deterministic matrix left ``missing`` are asked about, and the model can only move
one to ``transferable``, never to ``met``, with evidence refs the profile has; its note is marked as its
judgement. Scores and rankings stay the offline compiler's. An invalid answer changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from pipeline.inputs import Profile, profile_items_json, profile_texts
from pipeline.llm import LLM, InvalidAnswerError, data_block
from pipeline.profile_compiler.types import MISSING, TRANSFERABLE, CompiledProfile, RequirementMatch
from pipeline.serialization import json_schema

PROMPT = "judge_transferable.v1"
MAX_EVIDENCE = 6
MAX_NOTE = 200


@dataclass(frozen=True)
class Judgement:
    matches: tuple[RequirementMatch, ...] = ()


def judge_transferable(profile: Profile, compiled: CompiledProfile, llm: LLM) -> CompiledProfile:
    """``compiled`` with the requirements the model judges transferable marked so, with evidence."""
    unmet = [m for m in compiled.matrix if m.status == MISSING]
    if not unmet:
        return compiled
    asked = [{"requirement_id": m.requirement_id, "requirement": m.requirement, "required": m.required}
             for m in unmet]  # fmt: skip
    variables = {
        "schema": json.dumps(json_schema(Judgement)),
        "requirements": data_block("requirements", json.dumps(asked, ensure_ascii=False)),
        "profile": data_block("profile", profile_items_json(profile)),
    }
    try:
        answer = llm.complete(PROMPT, variables, Judgement)
    except InvalidAnswerError:
        return compiled
    refs = profile_texts(profile)
    judged = {}
    for match in answer.matches:
        evidence = tuple(dict.fromkeys(r for r in match.evidence if r in refs))[:MAX_EVIDENCE]
        if match.status == TRANSFERABLE and evidence:
            judged[match.requirement_id] = (
                evidence,
                f"judged transferable by the model: {match.note}"[:MAX_NOTE],
            )

    def upgraded(match: RequirementMatch) -> RequirementMatch:
        if match.status != MISSING or match.requirement_id not in judged:
            return match
        evidence, note = judged[match.requirement_id]
        return replace(match, status=TRANSFERABLE, evidence=evidence, note=note)

    return replace(compiled, matrix=tuple(upgraded(m) for m in compiled.matrix))
