"""The truthfulness guard: every claim in the resume and cover letter must be found in the profile.

It runs after stage 3 whichever writer wrote the documents (``claims`` says what a claim is):

- A line's claims are checked against the texts of the refs it cites, with their parents (a highlight's
  role, a keyword's skill group) and, for a bullet, its entry. A claim true elsewhere in the profile but not
  in the cited items is a misattribution and counts as unsupported. Years of experience the compiler
  derived from the profile's dates count as a profile number.
- Cited refs the profile lacks are dropped. A line left with claims and no source is matched to the one
  profile item that holds at least half its words, or checked against nothing.
- A prose line with an unsupported claim is removed. A list line (skills, certifications, languages) loses
  only its unsupported items, and is removed when none is left.
- Entry headers (title, organization, place, dates) are set to the profile's own, from ``headers``; a
  header field the writer changed is reported as rewritten, and an entry whose ref the profile lacks is
  removed.
- A line holding a secret, a string shaped like an API key or eight words in a row of a system prompt is
  removed and reported as a leak (without the secret). Text a posting asks to add never reaches this
  stage: stage 1 strips it before any call and keeps it out of the analysis, and stage 3
  sees only the analysis; whatever a model claims anyway is a claim the profile must support.

``GuardReport.checked_claims`` counts the lines checked (those that cite a source or make a claim);
``removed`` lists every claim taken out or rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from pipeline.document_generator.guard.claims import Claim, Support, claims_in
from pipeline.document_generator.types import (
    CoverLetter,
    Documents,
    GuardReport,
    Line,
    RemovedClaim,
    Resume,
    ResumeEntry,
    ResumeSection,
)
from pipeline.inputs import Profile, profile_texts
from pipeline.job_analyzer import JobAnalysis
from pipeline.profile_compiler import CompiledProfile
from pipeline.text import tokenize

LIST_SECTIONS = frozenset({"skills", "certifications", "languages"})
PROMPT_RUN = 8  # words in a row of a system prompt that count as leaking it
REPAIR_OVERLAP = 0.5
_HEADER_KINDS = {  # section kind -> what its entries' title and organization claim
    "experience": ("title", "employer"),
    "projects": ("title", "employer"),
    "education": ("degree", "school"),
}
_KEY_SHAPE = re.compile(
    r"\bsk-(?:ant-)?[\w-]{16,}|\bAKIA[0-9A-Z]{16}\b|\bAIza[\w-]{35}\b|\bxox[abprs]-[\w-]{10,}|\bgh[pousr]_\w{30,}"
)


@dataclass(frozen=True)
class Forbidden:
    """What no document may contain, whatever the profile says."""

    secrets: tuple[str, ...] = ()  # API keys
    prompts: tuple[str, ...] = ()  # the system prompts sent to the model


def _runs(text: str) -> set[tuple[str, ...]]:
    words = tokenize(text)
    return {tuple(words[i : i + PROMPT_RUN]) for i in range(len(words) - PROMPT_RUN + 1)}


class _Guard:
    def __init__(
        self,
        profile: Profile,
        headers: Mapping[str, ResumeEntry],
        years_experience: float,
        job: tuple[str, str],
        forbidden: Forbidden,
    ) -> None:
        self.texts = profile_texts(profile)
        self.headers = headers
        self.derived = (
            {str(int(years_experience)), str(round(years_experience))} if years_experience >= 1 else set()
        )
        self.profile = Support(self.texts.values(), self.derived)
        self.job = job
        self.forbidden = forbidden
        self.prompt_runs = set().union(*map(_runs, forbidden.prompts))
        self.item_tokens = {ref: set(tokenize(text)) for ref, text in self.texts.items()}
        self.checked = 0
        self.removed: list[RemovedClaim] = []
        self.leaks: list[str] = []
        self._support: dict[tuple[str, ...], Support] = {}

    # --- what supports a line -------------------------------------------------------------------------------

    def _with_parents(self, refs: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for ref in refs:
            parts = ref.split(".")
            out += [p for i in range(1, len(parts)) if (p := ".".join(parts[:i])) in self.texts]
            out.append(ref)
        return tuple(dict.fromkeys(out))

    def support(self, refs: tuple[str, ...]) -> Support:
        key = self._with_parents(refs)
        if key not in self._support:
            self._support[key] = Support((self.texts[r] for r in key), self.derived)
        return self._support[key]

    def _repair(self, text: str) -> tuple[str, ...]:
        """The one profile item that holds at least half of ``text``'s words, if any."""
        words = {w for w in tokenize(text) if len(w) > 2}
        if not words:
            return ()
        ref, tokens = max(self.item_tokens.items(), key=lambda item: len(words & item[1]))
        return (ref,) if len(words & tokens) >= REPAIR_OVERLAP * len(words) else ()

    def _supported(self, claim: Claim, support: Support) -> bool:
        return (self.profile if claim.general else support).supports(claim)

    # --- leaks ----------------------------------------------------------------------------------------------

    def _leak(self, text: str) -> str | None:
        if any(len(s) >= 6 and s in text for s in self.forbidden.secrets):
            return "an API key"
        if _KEY_SHAPE.search(text):
            return "a string shaped like an API key"
        if self.prompt_runs and _runs(text) & self.prompt_runs:
            return "text of the system prompt"
        return None

    # --- lines ----------------------------------------------------------------------------------------------

    def _remove(self, document: str, claims: list[Claim], text: str) -> None:
        self.removed += [RemovedClaim(document, c.kind, c.text, text) for c in claims]

    def line(
        self, document: str, line: Line, entry: tuple[str, ...] = (), listing: bool = False
    ) -> Line | None:
        leak = self._leak(line.text)
        if leak:
            self.leaks.append(leak)
            return None
        refs = tuple(r for r in line.sources if r in self.texts)
        claims = claims_in(line.text, *self.job)
        self.checked += bool(refs or claims)
        if not claims:
            return replace(line, sources=refs)
        refs = refs or self._repair(line.text)
        support = self.support(refs + entry)
        sources = refs or entry
        if listing:
            return self._list_line(document, line, sources, support)
        unsupported = [c for c in claims if not self._supported(c, support)]
        if unsupported:
            self._remove(document, unsupported, line.text)
            return None
        return replace(line, sources=sources)

    def _list_line(
        self, document: str, line: Line, sources: tuple[str, ...], support: Support
    ) -> Line | None:
        """A "Label: a, b, c" line keeps the items (and label) whose claims are all supported."""
        label, colon, body = line.text.rpartition(": ")
        kept = []
        for item in body.split(", "):
            unsupported = [c for c in claims_in(item, *self.job) if not self._supported(c, support)]
            self._remove(document, unsupported, line.text)
            if not unsupported:
                kept.append(item)
        if not kept:
            return None
        label_claims = [c for c in claims_in(label, *self.job) if not self._supported(c, support)]
        self._remove(document, label_claims, line.text)
        prefix = f"{label}{colon}" if label and not label_claims else ""
        return replace(line, text=prefix + ", ".join(kept), sources=sources)

    # --- documents ------------------------------------------------------------------------------------------

    def entry(self, kind: str, entry: ResumeEntry) -> ResumeEntry | None:
        title_kind, organization_kind = _HEADER_KINDS.get(kind, ("title", "employer"))
        header = self.headers.get(entry.ref)
        described = ", ".join(p for p in (entry.title, entry.organization) if p)
        if header is None:
            self.removed.append(
                RemovedClaim("resume", organization_kind, entry.organization or entry.title, described)
            )
            return None
        fields = (("title", title_kind), ("organization", organization_kind), ("location", "place"),
                  ("start_date", "date"), ("end_date", "date"))  # fmt: skip
        for name, claim_kind in fields:
            written = getattr(entry, name)
            if written and written != getattr(header, name):
                self.removed.append(
                    RemovedClaim("resume", claim_kind, written, described, action="rewritten")
                )
        bullets = (self.line("resume", b, (entry.ref,)) for b in entry.bullets)
        return replace(header, bullets=tuple(b for b in bullets if b))

    def section(self, section: ResumeSection) -> ResumeSection:
        listing = section.kind in LIST_SECTIONS
        lines = (self.line("resume", line, listing=listing) for line in section.lines)
        entries = (self.entry(section.kind, entry) for entry in section.entries)
        return replace(section, lines=tuple(x for x in lines if x), entries=tuple(x for x in entries if x))

    def letter(self, letter: CoverLetter) -> CoverLetter:
        paragraphs = (
            tuple(x for x in (self.line("cover_letter", line) for line in p) if x) for p in letter.paragraphs
        )
        return replace(letter, paragraphs=tuple(p for p in paragraphs if p))

    def report(self) -> GuardReport:
        return GuardReport(self.checked, tuple(self.removed), tuple(dict.fromkeys(self.leaks)))


def ground(
    resume: Resume,
    letter: CoverLetter | None,
    profile: Profile,
    *,
    headers: Mapping[str, ResumeEntry],
    years_experience: float = 0.0,
    job_title: str = "",
    company: str = "",
    forbidden: Forbidden = Forbidden(),
) -> tuple[Resume, CoverLetter | None, GuardReport]:
    """The documents with every unsupported claim and leak taken out, and the report of what was.

    ``headers`` holds the profile's own entry headers by ref (the offline draft's entries).
    """
    guard = _Guard(profile, headers, years_experience, (job_title, company), forbidden)
    sections = (guard.section(s) for s in resume.sections)
    checked_resume = replace(resume, sections=tuple(s for s in sections if s.lines or s.entries))
    checked_letter = guard.letter(letter) if letter is not None else None
    return checked_resume, checked_letter, guard.report()


def headers_of(resume: Resume) -> dict[str, ResumeEntry]:
    """The entries of ``resume`` by ref: the profile's own headers when ``resume`` is the offline one."""
    return {entry.ref: entry for section in resume.sections for entry in section.entries}


def check_documents(
    documents: Documents,
    profile: Profile,
    analysis: JobAnalysis,
    compiled: CompiledProfile,
    *,
    headers: Mapping[str, ResumeEntry],
    forbidden: Forbidden = Forbidden(),
) -> Documents:
    """``documents`` after the guard, with its report."""
    resume, letter, report = ground(
        documents.resume,
        documents.cover_letter,
        profile,
        headers=headers,
        years_experience=compiled.years_experience,
        job_title=analysis.title,
        company=analysis.company,
        forbidden=forbidden,
    )
    return replace(documents, resume=resume, cover_letter=letter, guard=report)
