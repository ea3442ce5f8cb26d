"""The profile's items that can show a job keyword, and how relevant each one is.

- Items: experience and volunteer highlights and summaries (``bullets``), one ``roles`` item per experience
  (its title), skill names and skill keywords (``skills``), projects (their name). Evidence may also come from
  the profile's label and summary, education, certificates, languages and project highlights.
- Score in [0, 1]: 0.85 x (1 - product of (1 - w/2)) over the weights w of the job keywords the item shows
  (a related technology counts for half its job keyword's weight) + 0.15 x word overlap with the posting's
  requirements and responsibilities (for roles: with the job title).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pipeline.inputs import Experience, Profile
from pipeline.text import TextIndex, related

ItemGroup = Literal["bullet", "role", "skill", "project", "other"]

BULLET: ItemGroup = "bullet"
ROLE: ItemGroup = "role"
SKILL: ItemGroup = "skill"
PROJECT: ItemGroup = "project"
OTHER: ItemGroup = "other"
EVIDENCE_PRIORITY = {BULLET: 0, PROJECT: 1, ROLE: 2, OTHER: 2, SKILL: 3}


@dataclass
class ProfileItem:
    ref: str
    text: str  # the profile's own words, as ScoredItem.text
    group: ItemGroup
    search: str  # the text searched for terms; fields joined by line breaks so phrases never cross them
    whole: tuple[str, ...] = ()  # fields that are each one term: skill-list entries, project keywords
    parts: tuple[ProfileItem, ...] = ()  # a role's or project's own items, whose terms it shows too
    own: set[str] = field(default_factory=set)  # terms its own words show: the ones it can prove
    shown: set[str] = field(default_factory=set)  # with its parts' terms: what it shows as a whole
    score: float = 0.0
    order: int = 0


def _experience_items(e: Experience) -> tuple[ProfileItem, list[ProfileItem]]:
    parts = [ProfileItem(f"{e.ref}.summary", e.summary, BULLET, e.summary)] if e.summary else []
    parts += [ProfileItem(h.ref, h.text, BULLET, h.text) for h in e.highlights]
    role = ProfileItem(e.ref, e.title or e.employer, ROLE, e.title, parts=tuple(parts))
    return role, parts


def profile_items(profile: Profile) -> list[ProfileItem]:
    """Every item that can show a term, in profile order."""
    items: list[ProfileItem] = []
    if profile.label:
        items.append(ProfileItem("basics.label", profile.label, OTHER, profile.label))
    if profile.summary:
        items.append(ProfileItem("basics.summary", profile.summary, OTHER, profile.summary))
    for e in (*profile.experiences, *profile.volunteer):
        role, parts = _experience_items(e)
        items += [role, *parts]
    for ed in profile.education:
        fields = (ed.study_type, ed.area, ed.institution, *ed.courses)
        items.append(
            ProfileItem(ed.ref, ed.study_type or ed.institution, OTHER, "\n".join(f for f in fields if f))
        )
    for s in profile.skills:
        items.append(ProfileItem(s.ref, s.name, SKILL, s.name, whole=(s.name,)))
        items += [
            ProfileItem(f"{s.ref}.keywords[{k}]", kw, SKILL, kw, whole=(kw,))
            for k, kw in enumerate(s.keywords)
        ]
    for p in profile.projects:
        highlights = [ProfileItem(h.ref, h.text, OTHER, h.text) for h in p.highlights]
        fields = (p.name, p.description, *p.keywords, *p.roles)
        items.append(ProfileItem(p.ref, p.name or p.description, PROJECT, "\n".join(f for f in fields if f),
                           whole=p.keywords, parts=tuple(highlights)))  # fmt: skip
        items += highlights
    for c in profile.certifications:
        items.append(ProfileItem(c.ref, c.name, OTHER, "\n".join(f for f in (c.name, c.issuer) if f)))
    for lang in profile.languages:
        items.append(ProfileItem(lang.ref, lang.language, OTHER, lang.language))
    for n, item in enumerate(items):
        item.order = n
    return items


_STOPWORDS = frozenset(
    {
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as",
        "is", "are", "be", "been", "was", "were", "this", "that", "these", "those", "it", "its", "we",
        "you", "your", "our", "their", "they", "he", "she", "i", "my", "me", "us", "them", "will", "can",
        "must", "should", "would", "could", "have", "has", "had", "do", "does", "did", "not", "no", "yes",
        "per", "via", "into", "over", "under", "across", "up", "out", "about", "more", "most", "less",
        "least", "very", "also", "than", "then", "such", "any", "all", "each", "every", "other", "some",
        "new", "using", "use", "used", "work", "worked", "working", "experience", "year", "years",
        "strong", "skill", "skills"
    }
)  # fmt: skip


def content_words(index: TextIndex) -> set[str]:
    return {
        k for k in index.keys if k not in _STOPWORDS and not k.isdigit() and (len(k) > 2 or not k.isascii())
    }


def _noisy_or(weights: list[float]) -> float:
    rest = 1.0
    for w in weights:
        rest *= 1.0 - 0.5 * w
    return 1.0 - rest


def keyword_score(shown: set[str], weights: dict[str, float]) -> float:
    credits = [w for term, w in weights.items() if term in shown]
    for term, w in weights.items():
        if term not in shown and any(r in shown for r in related(term)):
            credits.append(0.5 * w)
    return _noisy_or(credits)
