"""How relevant a profile item is to the job, and which of the profile's skills the job asks for.

Scores come from ``CompiledProfile`` (looked up by the item's own text, then by ref); an item the
compiler did not score falls back to the summed weights of the job keywords it names, capped at 1.
Emphasized items (``GenerationOptions.emphasize``) always rank first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from pipeline.inputs import Profile
from pipeline.job_analyzer import JobAnalysis, Keyword
from pipeline.profile_compiler import CompiledProfile
from pipeline.text import TextIndex, canonical, normalize


class Item(NamedTuple):
    """A piece of profile text and the ref it came from."""

    ref: str
    text: str


def same_term(a: str, b: str) -> bool:
    """Whether two strings name one term ("k8s" and "Kubernetes", "ETL" and "etl")."""
    return normalize(canonical(a)) == normalize(canonical(b))


@lru_cache(maxsize=4096)
def _found(text: str, terms: tuple[str, ...]) -> frozenset[str]:
    """The canonical forms of ``terms`` that ``text`` names: as a whole (a skill entry), or inside it."""
    whole = {canonical(term) for term in terms if same_term(term, text)}
    return frozenset(whole | TextIndex(text).find(terms))


def mentions(text: str, term: str) -> bool:
    """Whether ``text`` names ``term`` (any spelling the vocabulary knows, as a whole word or phrase)."""
    return bool(term.strip()) and bool(_found(text, (term,)))


@dataclass(frozen=True)
class Relevance:
    scores: dict[str, float]  # by ref and by normalized text
    keywords: tuple[Keyword, ...]
    emphasized_terms: tuple[str, ...]

    @classmethod
    def build(cls, analysis: JobAnalysis, compiled: CompiledProfile, emphasize: Iterable[str]) -> Relevance:
        scores: dict[str, float] = {}
        for item in (*compiled.bullets, *compiled.roles, *compiled.skills, *compiled.projects):
            for key in (item.ref, normalize(item.text)):
                scores[key] = max(scores.get(key, 0.0), item.score)
        return cls(scores, analysis.keywords, tuple(emphasize))

    def score(self, item: Item) -> float:
        """The compiler's score for ``item``, or the weight of the job keywords it names."""
        for key in (normalize(item.text), item.ref):  # text first: a skill group's keywords share one ref
            if key in self.scores:
                return self.scores[key]
        return self.keyword_score(item)

    def keyword_score(self, item: Item) -> float:
        """The summed weights of the job keywords ``item`` names, capped at 1."""
        found = _found(item.text, tuple(k.term for k in self.keywords))
        return min(1.0, sum(k.weight for k in self.keywords if canonical(k.term) in found))

    def emphasized(self, item: Item) -> bool:
        return bool(self.emphasized_terms) and bool(_found(item.text, self.emphasized_terms))

    def line_score(self, item: Item) -> float:
        """The score a ``Line`` carries: emphasized items get 1.0 so a page fit keeps them."""
        return 1.0 if self.emphasized(item) else self.score(item)

    def rank(self, items: Iterable[Item]) -> list[Item]:
        """Emphasized first, then by score, then by job keyword weight; ties keep profile order."""
        return sorted(
            items, key=lambda item: (not self.emphasized(item), -self.score(item), -self.keyword_score(item))
        )

    def asks_for(self, skill: str) -> bool:
        """Whether the job names ``skill`` (a profile skill) as one of its keywords."""
        return any(same_term(skill, k.term) for k in self.keywords)


def skill_items(profile: Profile) -> list[Item]:
    """Each skill the profile lists: a group's keywords, or the skill's name when it has none."""
    return [Item(s.ref, kw) for s in profile.skills for kw in (s.keywords or (s.name,)) if kw]


def asked_skills(profile: Profile, relevance: Relevance) -> list[Item]:
    """The profile's skills the job asks for (or the caller emphasized), most relevant first."""
    matched = [i for i in skill_items(profile) if relevance.asks_for(i.text) or relevance.emphasized(i)]
    first: dict[str, Item] = {}
    for item in matched:
        first.setdefault(normalize(item.text), item)
    return relevance.rank(first.values())
