"""Stage 2 with a model: judge which unmet requirements the profile shows a transferable skill for.

Only requirements the deterministic matrix left ``missing`` are asked about, and the model can only move
one to ``transferable``, never to ``met``, with evidence refs the profile has; its note is marked as its
judgement. Scores and rankings stay the offline compiler's. An invalid answer changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from pipeline.inputs import Profile
from pipeline.llm import LLM, InvalidAnswerError, data_block
from pipeline.profile_compiler import MISSING, TRANSFERABLE, CompiledProfile, RequirementMatch
from pipeline.provenance import profile_texts
from pipeline.serialization import json_schema

PROMPT = "judge_transferable.v1"
MAX_EVIDENCE = 6
MAX_NOTE = 200
CONTACT_REFS = (
    "basics.name",
    "basics.email",
    "basics.phone",
    "basics.url",
    "basics.location",
    "basics.profiles",
)


@dataclass(frozen=True)
class Judgement:
    matches: tuple[RequirementMatch, ...] = ()


def profile_items(profile: Profile) -> str:
    """The profile as [{"ref", "text"}] JSON, without contact details: what a prompt may show of it."""
    items = [
        {"ref": r, "text": t} for r, t in profile_texts(profile).items() if not r.startswith(CONTACT_REFS)
    ]
    return json.dumps(items, ensure_ascii=False)


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
        "profile": data_block("profile", profile_items(profile)),
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
