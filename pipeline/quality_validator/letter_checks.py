"""Checks of a cover letter's writing, each a pure function of the text: what a recruiter stops reading at.

Independent of the writer (``pipeline.document_generator``): they read the finished letter, the way stage 4
reads the PDF, and flag

- ``person``: a switch to the third person (the candidate's name, or "he"/"she", as a subject);
- ``openers``: two sentences opening with the same three words ("I also hold ... I also hold ...");
- ``repeated_skill``: a skill or certification named more than once, where the profile items the letter
  quotes count once together (two quoted achievements may share a tool; a list may not repeat it);
- ``doubled_words``: "the the", and "in Nursing (BSN) in Nursing" within one sentence;
- ``fragments``: a sentence with no subject ("Registered Nurse with over 5 years of experience ...");
- ``agreement``: "each is" or "all of which" after a list of one;
- ``punctuation``: a double stop ("Inc.."), doubled or stray marks, two colons in one sentence;
- ``degree_order``: a course named before a degree;
- ``language``: the letter's own words (the profile's removed) not in the language asked;
- ``length``: outside 250 to 400 words from the salutation to the closing (each Chinese, Japanese or Korean
  character counts as a word, as word processors count them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pipeline.document_generator import CoverLetter
from pipeline.inputs import Profile, profile_texts
from pipeline.quality_validator.types import FormatCheck
from pipeline.text import normalize
from pipeline.text.language import detect_language

MIN_WORDS = 250
MAX_WORDS = 400
QUOTE_CHARS = 20  # profile texts at least this long are treated as quotes when the letter contains them
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s])")
_ABBREVIATION = re.compile(
    r"\b(?:inc|ltd|co|corp|dr|mr|mrs|ms|st|e\.g|i\.e|etc|vs|jr|sr)\.$|(?<![\w.])[A-Z]\.$", re.IGNORECASE
)  # "Inc.", "e.g.", an initial ("Wilson N. Jones")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SUBJECTS = {
    "en": "i my me we you your it this that these there they which",
    "de": "ich mich mir mein meine meiner meinen meinem sie ihre ihr ihren ihrer ihnen es wir dort",
    "es": (
        "yo mi mis me su sus usted ustedes nos les le trabajo aporto tengo hablo trabaje complete logre "
        "consegui quedo he es son fue estuvieron ampliare puede pueden"
    ),
}
_THIRD_PERSON = {"en": r"\b(he|she|his|him)\b|^her\b", "de": r"^er\b", "es": r"\b(él|ella)\b"}
_ONE_ITEM_PLURAL = re.compile(r"\b(each is|all of which|both of which|diese kenntnisse|que forman)\b")
_LIST_JOIN = re.compile(r"\b(and|und|y|e)\b|,")


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a stop after "Inc" or "e.g" does not end one."""
    out: list[str] = []
    for part in _SENTENCE_END.split(text.strip()):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        elif part:
            out.append(part)
    return out


def word_count(text: str) -> int:
    return len(_CJK.findall(text)) + len(re.findall(r"\w+(?:[-'’.]\w+)*", _CJK.sub(" ", text)))


def _first(found: Iterable[str]) -> str:
    items = list(found)
    return "" if not items else f"{len(items)}: {items[0][:120]}"


def person_switches(said: Sequence[str], name: str, language: str = "en") -> list[str]:
    """Sentences where the candidate is spoken of in the third person."""
    names = [re.escape(part) for part in name.split() if len(part) > 1]
    by_name = re.compile(rf"^(?:{'|'.join(names)})\b(?!\s*[,:])") if names else None
    third = re.compile(_THIRD_PERSON.get(language, _THIRD_PERSON["en"]), re.IGNORECASE)
    return [s for s in said if (by_name and by_name.search(s)) or third.search(s)]


def repeated_openers(said: Sequence[str]) -> list[str]:
    """Sentences that open with the same three words as an earlier one."""
    seen: set[tuple[str, ...]] = set()
    repeats = []
    for sentence in said:
        words = tuple(re.findall(r"\w+", normalize(sentence)))[:3]
        if len(words) == 3 and words in seen:
            repeats.append(sentence)
        seen.add(words)
    return repeats


def _mentions(text: str, original: str, term: str) -> bool:
    """``term`` in a sentence; a short name that is also a word ("Go", "R") only as the profile spells it."""
    if len(term) <= 3:
        return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", original) is not None
    return re.search(rf"(?<!\w){re.escape(normalize(term))}(?!\w)", text) is not None


def _without(text: str, quotes: Iterable[str], fold: bool) -> str:
    for quote in quotes:
        text = text.replace(normalize(quote) if fold else quote, " | ")
    return text


def repeated_skills(
    said: Sequence[str], skills: Iterable[str], quotes: Iterable[str] = (), names: Iterable[str] = ()
) -> list[str]:
    """Skills named more than once: in more than one sentence outside the quotes, or in a quote and again.

    ``names`` (the posting's title and company, the profile's certification names) are left out when
    counting the skills inside them: "AWS" in "AWS Certified Solutions Architect" is the certification.
    """
    inside = sorted({n for n in names if n}, key=len, reverse=True)
    quoted = [q for q in quotes if len(q) >= QUOTE_CHARS]
    joined = normalize(" ".join(said))
    in_quotes = [q for q in quoted if normalize(q) in joined]
    unquoted = [q[:1].lower() + q[1:] for q in quoted] + quoted  # "At Acme, I designed ..." keeps the rest
    repeated = []
    for skill in dict.fromkeys(skills):
        containing = [n for n in inside if n != skill and skill.casefold() in n.casefold()]
        rest = [_without(s, unquoted + containing, False) for s in said]
        count = sum(_mentions(normalize(r), r, skill) for r in rest)
        count += any(_mentions(normalize(q), q, skill) for q in in_quotes)
        if count > 1:
            repeated.append(skill)
    return repeated


def doubled_words(said: Sequence[str]) -> list[str]:
    """ "the the"; "in Nursing ... in Nursing" within one sentence."""
    doubled = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
    field = re.compile(r"\bin (\w{3,})\b.*\bin \1\b", re.IGNORECASE)
    return [s for s in said if doubled.search(s) or field.search(s)]


def fragments(said: Sequence[str], language: str = "en") -> list[str]:
    """Sentences with no subject: no first- or second-person word, no pronoun (a pasted summary line)."""
    markers = frozenset(_SUBJECTS.get(language, _SUBJECTS["en"]).split())
    out = []
    for sentence in said:
        words = set(re.findall(r"\w+", normalize(sentence)))
        if len(words) >= 3 and not words & markers and not _CJK.search(sentence):
            out.append(sentence)
    return out


def agreement_errors(said: Sequence[str]) -> list[str]:
    """ "The role calls for SQL, and each is part of my skill set.": a plural after a list of one."""
    out = []
    for sentence in said:
        norm = normalize(sentence)
        match = _ONE_ITEM_PLURAL.search(norm)
        if match:
            before = norm[: match.start()]
            listed = re.split(r"\b(names|nennt|menciona|calls for|asks for)\b", before)[-1]
            listed = re.sub(r"[\s,;]*\b(and|und|y)?[\s,;]*$", "", listed)  # the clause's own "and"
            if not _LIST_JOIN.search(listed):
                out.append(sentence)
    return out


def punctuation_errors(said: Sequence[str]) -> list[str]:
    """A double stop ("Inc.."), doubled or stray marks (",,", ",.", " ,"), two colons in one sentence."""
    bad = re.compile(r"(?<!\.)\.\.(?!\.)|,,|;;|::|[,;:]\s*[.!?]|[!?]\.|\s[,.;:!?](?!\w)")
    return [s for s in said if bad.search(s) or s.count(": ") > 1]


def degree_order(body: str, profile: Profile) -> list[str]:
    """Courses (education entries without a degree) named before a degree."""
    norm = normalize(body)

    def position(text: str) -> int:
        return norm.find(normalize(text)) if text else -1

    degrees = [p for e in profile.education if e.study_type and (p := position(e.study_type)) >= 0]
    courses = [
        (name, p)
        for e in profile.education
        if not e.study_type
        for name in (e.area or e.institution,)
        if (p := position(name)) >= 0
    ]
    first_degree = min(degrees, default=-1)
    return [name for name, p in courses if first_degree >= 0 and p < first_degree]


def own_words(body: str, profile: Profile, extra: Iterable[str] = ()) -> str:
    """The letter's own words: ``body`` without the profile's texts and the posting's names it quotes."""
    norm = normalize(body)
    texts = sorted(
        {normalize(t) for t in (*profile_texts(profile).values(), *extra) if t}, key=len, reverse=True
    )
    for text in texts:
        norm = norm.replace(text, " ")
    for part in (p for t in texts for p in re.split(r",\s*", t) if len(p) > 2):
        norm = norm.replace(part, " ")
    return norm


def wrong_language(body: str, profile: Profile, language: str, extra: Iterable[str] = ()) -> str:
    """The language the letter's own words are in, when it is not ``language`` ("" when it is)."""
    detected = detect_language(own_words(body, profile, extra))
    return detected if detected and detected != language else ""


def _quotes(profile: Profile) -> list[str]:
    texts = profile_texts(profile)
    return [
        t for ref, t in texts.items() if ".highlights[" in ref or ref.endswith(("summary", "description"))
    ]


def letter_checks(
    letter: CoverLetter, profile: Profile, extra: Iterable[str] = ()
) -> tuple[FormatCheck, ...]:
    """Every check on ``letter`` (written for ``profile``); ``extra`` are the posting's names it may quote
    (job title, company), left out of the language check."""
    language = letter.language or "en"
    paragraphs = [" ".join(line.text for line in paragraph) for paragraph in letter.paragraphs]
    said = [s for p in paragraphs for s in sentences(p)]
    body = "\n".join(paragraphs)
    skills = [k for s in profile.skills for k in (s.keywords or (s.name,)) if k]
    certs = [c.name for c in profile.certifications if c.name]
    skills += certs
    words = word_count("\n".join((letter.salutation, body, letter.closing)))  # what a reader reads
    foreign = wrong_language(body, profile, language, extra)
    found = {
        "letter_person": _first(person_switches(said, profile.name, language)),
        "letter_openers": _first(repeated_openers(said)),
        "letter_repeated_skill": _first(repeated_skills(said, skills, _quotes(profile), (*extra, *certs))),
        "letter_doubled_words": _first(doubled_words(said)),
        "letter_fragments": _first(fragments(said, language)),
        "letter_agreement": _first(agreement_errors(said)),
        "letter_punctuation": _first(punctuation_errors(said)),
        "letter_degree_order": _first(degree_order(body, profile)),
        "letter_language": f"written in '{foreign}', asked '{language}'" if foreign else "",
        "letter_length": ""
        if MIN_WORDS <= words <= MAX_WORDS
        else f"{words} words; {MIN_WORDS} to {MAX_WORDS}",
    }
    checks = [FormatCheck(name, not problem, problem or "") for name, problem in found.items()]
    checks[-1] = FormatCheck(
        "letter_length", not found["letter_length"], found["letter_length"] or f"{words} words"
    )
    return tuple(checks)
