"""What the fake model answers: the draft each prompt carries, lightly rewritten and marked.

``answer`` is a ``FakeOpenAI`` responder. It finds the <draft> block of the request and returns it in the
shape the prompt asks for, with ``MARK`` added as a resume summary line and as the letter's first sentence,
so a test can see the model's text in the final PDFs. ``fabricating`` adds claims no profile supports.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tests.fakes.openai_server import Request

MARK = "Rewritten by the fake model for this role."
_DRAFT = re.compile(r"<draft>\n(.*?)\n</draft>", re.DOTALL)
# Claims of kinds the guard must catch: an employer, a skill, a degree, a number.
FABRICATED_BULLET = "Led the platform team at Google"
FABRICATED_SKILL = "Haskell"
FABRICATED_SUMMARY = "Holds a PhD from Stanford University and cut costs by 73%."


def draft_in(request: Request) -> Any:
    found = _DRAFT.search(request.user)
    return json.loads(found.group(1)) if found else None


def _mark(line_holder: list[dict[str, Any]]) -> None:
    line_holder.insert(0, {"text": MARK, "sources": []})


def answer(request: Request) -> dict[str, Any]:
    draft = draft_in(request)
    if request.prompt == "analyze_job":
        return {**draft, "generator": "llm"}
    if request.prompt == "judge_transferable":
        return {"matches": []}
    if request.prompt == "write_resume":
        summary = next((s for s in draft if s["kind"] == "summary"), None)
        if summary is not None:
            _mark(summary["lines"])
        return {"sections": draft}
    if request.prompt == "write_cover_letter":
        _mark(draft[0])
        return {"paragraphs": draft}
    return {}


def fabricating(request: Request) -> dict[str, Any]:
    """Like ``answer``, plus an invented employer, skill, degree and number in the resume."""
    result = answer(request)
    if request.prompt != "write_resume":
        return result
    for section in result["sections"]:
        if section["kind"] == "summary":
            section["lines"].append({"text": FABRICATED_SUMMARY, "sources": ["basics.summary"]})
        if section["kind"] == "skills":
            section["lines"].append({"text": f"Functional: {FABRICATED_SKILL}", "sources": ["skills[0]"]})
        if section["kind"] == "experience":
            first = section["entries"][0]
            first["bullets"].insert(0, {"text": FABRICATED_BULLET, "sources": [first["ref"]]})
    return result
