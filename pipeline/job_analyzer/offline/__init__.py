"""Stage 1, offline and deterministic: a posting read by its own structure (``sections``), its keywords
(``keywords``), knock-outs and seniority (``knockouts``)."""

from __future__ import annotations

from pipeline.inputs import Posting
from pipeline.job_analyzer.offline.keywords import keywords, requirement_kind
from pipeline.job_analyzer.offline.knockouts import knockouts, seniority
from pipeline.job_analyzer.offline.sections import PREFERRED, REQUIRED, RESPONSIBILITY, read_items
from pipeline.job_analyzer.types import JobAnalysis, Requirement
from pipeline.text import clean, years_in


def analyze_offline(posting: Posting) -> JobAnalysis:
    """The posting's title, requirements, responsibilities, keywords, years and knock-outs."""
    title = " ".join(clean(posting.title).split())
    items = read_items(posting.description or "")
    found, item_terms = keywords(title, items)

    required_items = [(n, i) for n, i in enumerate(items) if i.role == REQUIRED]
    preferred_items = [(n, i) for n, i in enumerate(items) if i.role == PREFERRED]
    requirements = []
    for number, (n, item) in enumerate(required_items + preferred_items, start=1):
        terms = item_terms.get(n, ())
        requirements.append(
            Requirement(
                id=f"R{number}",
                text=item.text,
                required=item.role == REQUIRED,
                kind=requirement_kind(item.text, terms),
                keywords=terms,
            )
        )
    asked = [y for _, item in required_items if (y := years_in(item.text)) is not None]
    years = max(asked) if asked else None
    return JobAnalysis(
        title=title,
        company=" ".join(clean(posting.company).split()),
        seniority=seniority(posting, years),
        required=tuple(r for r in requirements if r.required),
        preferred=tuple(r for r in requirements if not r.required),
        responsibilities=tuple(item.text for item in items if item.role == RESPONSIBILITY),
        keywords=found,
        years_experience=years,
        knockouts=knockouts(posting, items, years),
    )
