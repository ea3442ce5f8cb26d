"""What a sentence claims about the candidate, and whether some profile text supports each claim.

A claim is one of:

- ``date``: a year, "2021-03" or "March 2021"; supported when the profile text has that year (and month).
- ``number``: "40%", "2,000", "3.5", or a number word from "two" to "twenty"; supported when the text has
  the same number (commas and number words normalized) or it is a derived fact (years of experience).
- a vocabulary term (``pipeline.text``): ``skill``, ``certification`` or ``degree``; supported when the
  text shows the same term through any alias, or spells the words the claim was read from verbatim (a
  certification, course or skill named exactly as the profile names it is true). Practices, soft skills,
  fields and spoken languages ("mentoring", "leadership") are general enough to be supported by the
  profile as a whole.
- ``title``: a seniority and a role noun ("senior engineer", "engineering manager"), in any case.
- a name: words capitalized mid-sentence or spelled technically ("Brightline Logistics", "AWS", "p95"),
  taken as a phrase; its kind comes from its words (``school``, ``degree``, ``certification``, ``title``,
  technical ``skill``, else ``employer``). Supported when the text contains the phrase.

A capitalized word opening a sentence is not taken for a name (a verb opens most bullets), unless the
vocabulary knows it. The job's own title and company are not claims when named as the target ("the
Backend Engineer role at Acme"); they are when named as a place the candidate worked ("worked at Acme").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from pipeline.document_generator.phrases import template_words
from pipeline.document_generator.types import ClaimKind
from pipeline.text import TextIndex, clean, degree_level, lookup, normalize, tokenize
from pipeline.text.facts import MONTH_ABBREVIATIONS, MONTH_PATTERN, NUMBER_WORDS

# Vocabulary kinds a claim of which the whole profile may support, not only the cited items.
GENERAL_KINDS = frozenset({"practice", "soft", "field", "spoken"})
_VOCABULARY_CLAIM = {"certification": "certification", "degree": "degree"}  # any other kind: skill

_MONTHS = {abbreviation.lower(): n for n, abbreviation in enumerate(MONTH_ABBREVIATIONS, start=1)}
_ISO_DATE = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?:-(\d{1,2})(?!\d))?(?:-\d{1,2})?(?![\d,])")
_MONTH_DATE = re.compile(rf"\b({MONTH_PATTERN})\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,/])[$€£]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w/]|[.,]\d)")
# "one" is left out: it is a pronoun more often than a number.
_NUMBER_WORDS = {word: str(n) for word, n in NUMBER_WORDS.items() if n >= 2}
_NUMBER_WORD = re.compile(rf"\b({'|'.join(_NUMBER_WORDS)})\b", re.IGNORECASE)
_ROLE_NOUNS = r"engineers?|developers?|architects?|scientists?|analysts?|designers?|managers?|consultants?"
_TITLE = re.compile(
    rf"\b(?:senior|staff|principal|lead|junior|chief|head)\s+(?:[a-z]+\s+)?(?:{_ROLE_NOUNS})\b"
    r"|\b(?:engineering manager|tech lead|team lead|vice president|co-founder|founder|cto|ceo|cfo|coo)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_](?:[\w.+#&'’-]*[\w+#])?")
_JOINERS = frozenset({"of", "de"})
_FIRST_PERSON = frozenset({"I", "I'm", "I've", "I'd", "I'll"})
_SENTENCE_OPENERS = frozenset('.!?:;•–—("“‘')
_SCHOOL = re.compile(
    r"\b(universit\w*|college|institut\w*|school|academy|polytechnic|hochschule|ecole)\b", re.I
)
_CERTIFICATE = re.compile(r"\b(certified|certification|certificate|license[d]?|licence[d]?)\b", re.I)
_TITLE_WORDS = re.compile(
    rf"\b({_ROLE_NOUNS}|lead|intern|head|chief|officer|president|vp|cto|ceo|cfo|coo|founder|director"
    r"|principal|staff|senior|junior)\b",
    re.IGNORECASE,
)
_EMPLOYED = r"(?:worked|working|employed|interned|served|joined|was|been)\s+(?:at|for|with|by)?\s*"


@dataclass(frozen=True)
class Claim:
    kind: ClaimKind
    text: str  # as written
    key: str  # what is compared: "2000", "2021-3", a canonical term, a normalized phrase
    general: bool = False  # the whole profile may support it


def _number_key(digits: str, fraction: str | None) -> str:
    whole = str(int(digits.replace(",", "")))
    tail = (fraction or "").rstrip("0").rstrip(".")
    return whole + tail if tail not in ("", ".") else whole


def _dates(text: str) -> tuple[list[tuple[str, str]], str]:
    """(text, key) of each date, and ``text`` with the dates blanked out."""
    found = []

    def take(match: re.Match[str], year: str, month: str | int | None) -> str:
        found.append((match.group(0), f"{year}-{int(month)}" if month else year))
        return " " * len(match.group(0))

    text = _MONTH_DATE.sub(lambda m: take(m, m.group(2), _MONTHS[m.group(1).lower()[:3]]), text)
    text = _ISO_DATE.sub(lambda m: take(m, m.group(1), m.group(2)), text)
    return found, text


def _numbers(text: str) -> list[tuple[str, str]]:
    found = [(m.group(0), _number_key(m.group(1), m.group(2))) for m in _NUMBER.finditer(text)]
    return found + [(m.group(0), _NUMBER_WORDS[m.group(1).lower()]) for m in _NUMBER_WORD.finditer(text)]


def _name_kind(phrase: str) -> str:
    if degree_level(phrase) is not None:
        return "degree"
    for kind, pattern in (("school", _SCHOOL), ("certification", _CERTIFICATE), ("title", _TITLE_WORDS)):
        if pattern.search(phrase):
            return kind
    technical = any(any(c.isupper() for c in w[1:]) or any(c.isdigit() for c in w) for w in phrase.split())
    return "skill" if technical else "employer"


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


def _names(text: str, covered: list[tuple[int, int]]) -> list[str]:
    """Phrases of capitalized or technical words outside ``covered`` spans ("Brightline Logistics")."""
    phrases: list[list[str]] = []
    joinable = False
    for match in _WORD.finditer(text):
        word = re.sub(r"['’]s$", "", match.group(0))
        inside = any(a <= match.start() < b for a, b in covered)
        technical = any(c.isupper() for c in word[1:]) or (
            any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
        )
        fixed = word in template_words() and not technical  # a German noun of a letter phrase: no name
        name = not (inside or fixed) and word not in _FIRST_PERSON and word[:3].lower() not in _MONTHS and (
            technical or (word[0].isupper() and not _opens_sentence(text, match.start()))
        )  # fmt: skip
        if name:
            if joinable and phrases:
                phrases[-1].append(word)
            else:
                phrases.append([word])
            joinable = True
        elif joinable and word.lower() in _JOINERS and not inside:
            phrases[-1].append(word)
        else:
            joinable = False
    return [" ".join(p[: max(i for i, w in enumerate(p) if w.lower() not in _JOINERS) + 1]) for p in phrases]


def _job_names_removed(text: str, job_title: str, company: str) -> str:
    """``text`` without the job's title and company where they name the target, not the candidate's past."""
    if job_title:
        target = (
            rf"\b(the|this|your|a|an|stelle als|position als|puesto de|cargo de)\s+{re.escape(job_title)}"
            r"(\s+(role|position|opening|job|team))?"
        )
        text = re.sub(target, " ", text, flags=re.IGNORECASE)
    if company:
        name = re.escape(company)
        employed = rf"\b{_EMPLOYED}{name}(?!\w)|\bat\s+{name}\s*,\s*I\b|\bmy \w+ at {name}(?!\w)"
        if not re.search(employed, text, flags=re.IGNORECASE):
            text = re.sub(rf"\b{name}(['’]s)?(?!\w)", " ", text, flags=re.IGNORECASE)  # "Plentific Ltd."
    return text


def claims_in(text: str, job_title: str = "", company: str = "") -> list[Claim]:
    """Every claim ``text`` makes about the candidate."""
    dates, rest = _dates(_job_names_removed(clean(text), job_title, company))
    found = [Claim("date", shown, key) for shown, key in dates]
    found += [Claim("number", shown, key) for shown, key in _numbers(rest)]
    index = TextIndex(rest)
    matches = index.matches()
    for match in matches:
        entry = lookup(match.term)
        kind = entry.kind if entry else ""
        shown = index.text[match.start : match.end]  # as written: "Oracle" in "Oracle Certified Professional"
        found.append(Claim(_VOCABULARY_CLAIM.get(kind, "skill"), shown, match.term, kind in GENERAL_KINDS))
    covered = [(m.start, m.end) for m in matches]
    for title in _TITLE.finditer(index.text):
        if not any(a <= title.start() < b for a, b in covered):
            found.append(Claim("title", title.group(0), normalize(title.group(0))))
            covered.append(title.span())
    found += [Claim(_name_kind(p), p, normalize(p)) for p in _names(index.text, covered)]
    level = degree_level(rest)
    if level is not None and not any(c.kind == "degree" for c in found):
        found.append(Claim("degree", level, level))
    return found


class Support:
    """Profile texts a claim may be checked against, indexed once."""

    def __init__(self, texts: Iterable[str], derived_numbers: Iterable[str] = ()) -> None:
        self.texts = [clean(t) for t in texts if t]
        self.joined = "\n".join(self.texts)
        self.derived_numbers = frozenset(derived_numbers)

    @cached_property
    def index(self) -> TextIndex:
        return TextIndex(self.joined)

    @cached_property
    def phrases(self) -> str:
        return " ".join(tokenize(self.joined))

    @cached_property
    def tokens(self) -> frozenset[str]:
        return frozenset(tokenize(self.joined))

    @cached_property
    def numbers(self) -> frozenset[str]:
        dates, rest = _dates(self.joined)
        years = {key.split("-")[0] for _, key in dates}  # "since 2021" is true of a role from 2021-01
        return frozenset({key for _, key in _numbers(rest)} | years | self.derived_numbers)

    @cached_property
    def dates(self) -> frozenset[str]:
        keys = {key for _, key in _dates(self.joined)[0]}
        return frozenset(keys | {key.split("-")[0] for key in keys})

    @cached_property
    def degrees(self) -> frozenset[str]:
        return frozenset(level for t in self.texts if (level := degree_level(t)) is not None)

    def supports(self, claim: Claim) -> bool:
        if claim.kind == "date":
            return claim.key in self.dates or (claim.key.isdigit() and claim.key in self.numbers)
        if claim.kind == "number":
            return claim.key in self.numbers
        if claim.key in self.degrees:
            return True
        if lookup(claim.key) is not None and self.index.find([claim.key]):
            return True
        # Verbatim: a certification, course or skill the profile itself spells so ("Oracle" inside
        # "Oracle Certified Professional, Java SE 8 Programmer") is true, whatever the vocabulary reads in it.
        phrase = " ".join(tokenize(claim.text))
        return bool(phrase) and re.search(rf"(?<!\S){re.escape(phrase)}(?!\S)", self.phrases) is not None
