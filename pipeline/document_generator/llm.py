"""Stage 3 with a model: the offline documents as a draft, rewritten for the job, then held to the profile.

The resume and the cover letter are asked for at once, on two threads. The model returns the resume's
sections (``ResumeSection``) and the letter's paragraphs (``Line``), each line citing profile refs. The
layout stays the draft's: its sections in their order with their standard headings, its entries in their
order with the profile's headers; the model writes the lines and bullets. An entry the model left out
keeps the draft's bullets; one the profile lacks is kept for the guard to remove and report. Name,
contact, date, salutation and closing are the draft's.

Then the truthfulness guard (``guard``) checks every claim, and for API keys, the system prompts and an
answer's other leaks. A document it had to change is asked for once more with the
violations listed; what is still unsupported is removed. The report lists the first answer's violations
as ``regenerated`` and what the guard took out of the final documents as ``removed`` or ``rewritten``.
A document the model gives no valid answer for falls back to the draft, with the reason.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from pipeline.document_generator.guard import Forbidden, check_documents, headers_of
from pipeline.document_generator.relevance import Item, Relevance
from pipeline.document_generator.types import (
    Documents,
    GenerationOptions,
    GuardReport,
    Line,
    Resume,
    ResumeSection,
)
from pipeline.inputs import Profile, profile_items_json, profile_refs
from pipeline.job_analyzer import JobAnalysis
from pipeline.llm import LLM, InvalidAnswerError, data_block, load_prompt
from pipeline.profile_compiler import CompiledProfile
from pipeline.serialization import json_schema, to_data

RESUME_PROMPT = "write_resume.v1"
LETTER_PROMPT = "write_cover_letter.v1"
JOB_KEYWORDS = 25
RESUME, LETTER = "resume", "cover_letter"


@dataclass(frozen=True)
class ResumeAnswer:
    sections: tuple[ResumeSection, ...]


@dataclass(frozen=True)
class LetterAnswer:
    paragraphs: tuple[tuple[Line, ...], ...]


def _job(analysis: JobAnalysis) -> str:
    job = {
        "title": analysis.title,
        "company": analysis.company,
        "required": [r.text for r in analysis.required],
        "preferred": [r.text for r in analysis.preferred],
        "responsibilities": list(analysis.responsibilities),
        "keywords": [k.term for k in analysis.keywords[:JOB_KEYWORDS]],
    }
    return data_block("job", json.dumps(job, ensure_ascii=False))


def _json(value: Any) -> str:
    return json.dumps(to_data(value), ensure_ascii=False)


class _Writer:
    """The model's answers for one generation, and how they become checked documents."""

    def __init__(self, profile: Profile, analysis: JobAnalysis, compiled: CompiledProfile,
                 options: GenerationOptions, draft: Documents, llm: LLM) -> None:  # fmt: skip
        self.profile, self.analysis, self.compiled, self.draft, self.llm = (
            profile,
            analysis,
            compiled,
            draft,
            llm,
        )
        self.refs = profile_refs(profile)
        self.common = {"job": _job(analysis), "profile": data_block("profile", profile_items_json(profile))}
        self.emphasize = ", ".join(options.emphasize) or "none"
        prompts = (load_prompt(RESUME_PROMPT).system, load_prompt(LETTER_PROMPT).system)
        self.forbidden = Forbidden(llm.secrets, prompts)

    def _ask(self, document: str, violations: str) -> ResumeAnswer | LetterAnswer:
        if document == RESUME:
            variables = {
                **self.common,
                "schema": json.dumps(json_schema(ResumeAnswer)),
                "violations": violations,
                "emphasize": self.emphasize,
                "draft": data_block("draft", _json(self.draft.resume.sections)),
            }
            return self.llm.complete(RESUME_PROMPT, variables, ResumeAnswer)
        assert self.draft.cover_letter is not None
        variables = {
            **self.common,
            "schema": json.dumps(json_schema(LetterAnswer)),
            "violations": violations,
            "draft": data_block("draft", _json(self.draft.cover_letter.paragraphs)),
        }
        return self.llm.complete(LETTER_PROMPT, variables, LetterAnswer)

    def _answers(self, asks: dict[str, str]) -> list[ResumeAnswer | LetterAnswer | InvalidAnswerError]:
        """Each document's answer (or why there is none), asked concurrently; other errors propagate."""

        def ask(document: str) -> ResumeAnswer | LetterAnswer | InvalidAnswerError:
            try:
                return self._ask(document, asks[document])
            except InvalidAnswerError as error:
                return error

        with ThreadPoolExecutor(max_workers=len(asks)) as pool:
            return list(pool.map(ask, asks))

    def _resume(self, answer: ResumeAnswer) -> Resume:
        """The draft's layout with the model's lines and bullets."""
        written = {}
        for section in answer.sections:
            written.setdefault(section.kind, section)
        sections = []
        for section in self.draft.resume.sections:
            mine = written.get(section.kind)
            if mine is None:
                sections.append(section)
                continue
            entries = {e.ref: e for e in mine.entries}
            known = {e.ref for e in section.entries}
            kept = [entries.get(e.ref, e) for e in section.entries]
            invented = [e for ref, e in entries.items() if ref not in known and ref not in self.refs]
            lines = mine.lines if section.lines else ()
            sections.append(replace(section, lines=lines, entries=tuple(kept + invented)))
        return replace(self.draft.resume, sections=tuple(sections))

    def write(self, asks: dict[str, str], base: Documents) -> tuple[Documents, list[str]]:
        """``base`` with the asked documents (resume, cover_letter: the violations to avoid) rewritten,
        after the guard; and the reasons of those the model gave no valid answer for."""
        resume, letter, failures = base.resume, base.cover_letter, []
        for answer in self._answers(asks):
            if isinstance(answer, InvalidAnswerError):
                failures.append(str(answer))
            elif isinstance(answer, ResumeAnswer):
                resume = self._resume(answer)
            elif letter is not None:
                letter = replace(letter, paragraphs=answer.paragraphs)
        documents = Documents(resume, letter, generator="llm", fallback_reason="; ".join(failures))
        headers = headers_of(self.draft.resume)
        checked = check_documents(
            documents, self.profile, self.analysis, self.compiled, headers=headers, forbidden=self.forbidden
        )
        return checked, failures


def _violations(report: GuardReport, document: str) -> str:
    found = [f"- {r.kind} {r.claim!r} in: {r.text}" for r in report.removed if r.document == document]
    return "\n".join(found) or "none"


def _scored(documents: Documents, relevance: Relevance) -> Documents:
    """Each line's relevance score, from the profile items it cites: the exporter trims by it."""

    def score(line: Line) -> Line:
        return replace(
            line, score=max((relevance.line_score(Item(r, line.text)) for r in line.sources), default=0.0)
        )

    sections = tuple(
        replace(s, lines=tuple(map(score, s.lines)),
                entries=tuple(replace(e, bullets=tuple(map(score, e.bullets))) for e in s.entries))
        for s in documents.resume.sections
    )  # fmt: skip
    letter = documents.cover_letter
    if letter is not None:
        letter = replace(letter, paragraphs=tuple(tuple(map(score, p)) for p in letter.paragraphs))
    return replace(documents, resume=replace(documents.resume, sections=sections), cover_letter=letter)


def _merged(first: GuardReport, final: GuardReport) -> GuardReport:
    """The final report, preceded by the first answer's violations the model was told to fix."""
    again = {(r.document, r.kind, r.claim) for r in final.removed}
    fixed = tuple(
        replace(r, action="regenerated") for r in first.removed if (r.document, r.kind, r.claim) not in again
    )
    return GuardReport(
        final.checked_claims, fixed + final.removed, tuple(dict.fromkeys(first.leaks + final.leaks))
    )


def write_with_llm(
    profile: Profile,
    analysis: JobAnalysis,
    compiled: CompiledProfile,
    options: GenerationOptions,
    llm: LLM,
    draft: Documents,
) -> Documents:
    """The model's resume and cover letter for the job, held to the profile; ``draft`` where it fails."""
    writer = _Writer(profile, analysis, compiled, options, draft, llm)
    asks = {RESUME: "none", **({LETTER: "none"} if draft.cover_letter is not None else {})}
    documents, failures = writer.write(asks, draft)
    if len(failures) == len(asks):
        return replace(documents, generator="offline")
    report = documents.guard
    to_fix = {r.document for r in report.removed} | (set(asks) if report.leaks else set())
    if to_fix:
        again, _ = writer.write({d: _violations(report, d) for d in to_fix}, documents)
        guard = _merged(report, again.guard)
        documents = replace(again, fallback_reason=documents.fallback_reason, guard=guard)
    return _scored(documents, Relevance.build(analysis, compiled, options.emphasize))
