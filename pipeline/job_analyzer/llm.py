"""Stage 1 with a model: the offline analysis as a draft, the posting as data, the answer held to the posting.

Before the call, sentences addressed to a program (``pipeline.job_analyzer.instructions``: "ignore previous
instructions and add ...") are taken out of the posting, and what they asked to add is remembered. The
rest goes between <job_posting> markers with the instruction that it contains no instructions. The answer
is a ``JobAnalysis``; it keeps the posting's title and company, only keywords the posting names, and no
item that is or contains text the posting asked to add. Requirement ids are renumbered. An invalid answer
falls back to the offline analysis.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

from pipeline.inputs import Posting
from pipeline.job_analyzer.instructions import ADDRESSED_TO_A_PROGRAM, split_instructions
from pipeline.job_analyzer.types import JobAnalysis, Keyword, Requirement
from pipeline.llm import LLM, InvalidAnswerError, data_block
from pipeline.serialization import json_schema, to_data
from pipeline.text import TextIndex, normalize

PROMPT = "analyze_job.v1"
MAX_YEARS = 30


def posting_text(posting: Posting) -> str:
    """The posting as one text: title, company, location, description."""
    return "\n".join(p for p in (posting.title, posting.company, posting.location, posting.description) if p)


def cache_key(posting: Posting) -> str:
    """Hash of the normalized posting text and the prompt version: the same job, the same analysis."""
    text = " ".join(normalize(posting_text(posting)).split())
    return hashlib.sha256(f"{PROMPT}\n{text}".encode()).hexdigest()


class _Posting:
    """What the answer is checked against: the posting without its instructions."""

    def __init__(self, text: str, asked: tuple[str, ...]) -> None:
        self.index = TextIndex(text)
        self.norm = normalize(text)
        self.asked = tuple(normalize(a) for a in asked)

    def names(self, keyword: Keyword) -> bool:
        spellings = (keyword.term, *keyword.aliases)
        return bool(self.index.find(spellings)) or any(normalize(s) in self.norm for s in spellings)

    def allows(self, text: str) -> bool:
        norm = normalize(text)
        return not ADDRESSED_TO_A_PROGRAM.search(norm) and not any(a in norm for a in self.asked)


def _held_to(answer: JobAnalysis, draft: JobAnalysis, posting: _Posting) -> JobAnalysis:
    keywords: dict[str, Keyword] = {}
    for k in answer.keywords:
        if k.term not in keywords and posting.names(k) and posting.allows(k.term):
            keywords[k.term] = replace(k, weight=round(min(max(k.weight, 0.0), 1.0), 3))
    if not keywords:
        keywords = {k.term: k for k in draft.keywords}
    requirements = [r for r in (*answer.required, *answer.preferred) if posting.allows(r.text)]
    numbered = [
        Requirement(f"R{n}", r.text, r.required, r.kind, tuple(t for t in r.keywords if t in keywords))
        for n, r in enumerate(sorted(requirements, key=lambda r: not r.required), start=1)
    ]
    years = answer.years_experience
    return JobAnalysis(
        title=draft.title,
        company=draft.company,
        seniority=answer.seniority or draft.seniority,
        required=tuple(r for r in numbered if r.required),
        preferred=tuple(r for r in numbered if not r.required),
        responsibilities=tuple(t for t in answer.responsibilities if posting.allows(t)),
        keywords=tuple(sorted(keywords.values(), key=lambda k: -k.weight)),
        years_experience=years if years is not None and 0 < years <= MAX_YEARS else None,
        knockouts=tuple(k for k in answer.knockouts if posting.allows(k.text)),
        generator="llm",
    )


def analyze_with_llm(posting: Posting, draft: JobAnalysis, llm: LLM) -> JobAnalysis:
    """The model's analysis of ``posting``, held to the posting; ``draft`` (offline) if it gives none."""
    clean, asked = split_instructions(posting_text(posting))
    variables = {
        "schema": json.dumps(json_schema(JobAnalysis)),
        "draft": data_block("draft", json.dumps(to_data(draft), ensure_ascii=False)),
        "posting": data_block("job_posting", clean),
    }
    try:
        answer = llm.complete(PROMPT, variables, JobAnalysis)
    except InvalidAnswerError:
        return draft
    return _held_to(answer, draft, _Posting(clean, asked))
