"""The offline cover letter: fixed phrases (``phrases.yaml``, per language) around the profile's own words.

A letter a recruiter reads to the end, deterministic and offline:

- written in the posting's language when it is supported (English, German, Spanish), else in English with a
  ``note`` saying so; the fixed phrases are translated, the profile's words are kept as written;
- first person throughout: the profile's summary is used only where it already speaks in the first person
  (English letters), never pasted in as a fragment or in the third person;
- an opening tied to the role, the candidate's current or latest position and their years of experience;
- two or three achievements, chosen for the posting's first requirements (the requirement-by-evidence
  matrix of stage 2), each opened differently;
- each skill and certification named at most once in the whole letter; degrees before courses;
- a close; 250 to 400 words when the profile has enough to say (a thin profile gives a shorter letter:
  nothing is padded or invented), the least important sentences dropped first beyond 400.

Every sentence about the candidate quotes a profile item or states a profile fact and cites its refs.
English rephrases keep every word of a highlight: "At <employer>, I designed ..." for a highlight that opens
with a past-tense verb (the verb lower-cased); other highlights, and every highlight in a German or Spanish
letter, are quoted after a colon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.document_generator.guard import claims_in
from pipeline.document_generator.offline.common import newest_first
from pipeline.document_generator.phrases import language_name, phrases, supported_languages
from pipeline.document_generator.relevance import Item, Relevance, asked_skills, mentions, skill_items
from pipeline.document_generator.types import CoverLetter, GenerationOptions, Line
from pipeline.inputs import Education, Experience, Profile
from pipeline.job_analyzer import JobAnalysis
from pipeline.profile_compiler import CompiledProfile
from pipeline.text import normalize, split_sentences
from pipeline.text.language import detect_language

MIN_ACHIEVEMENTS = 2
ACHIEVEMENTS = 3
FIT_SKILLS = 6
OTHER_SKILLS = 5
EARLIER_ROLES = 3
DUTY_WORDS = 30
CERTIFICATIONS = 3
MAX_WORDS = 400
_PAST_VERBS = (
    "began became brought built chose cut drew drove found gave grew held kept laid led made met "
    "oversaw ran rebuilt rewrote saw set shot sold spent spoke taught took won wrote"
)
_IRREGULAR_PAST_VERBS = frozenset(_PAST_VERBS.split())
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
_HIGHLIGHT_REF = re.compile(r"^work\[\d+\]\.highlights\[\d+\]$")
# Lines dropped first when a letter runs past MAX_WORDS, least important first.
_DROP_ORDER = (
    "other_skills", "languages", "course", "coursework", "detail", "project", "earlier_roles",
    "interest", "direction", "motivation", "summary", "result_3",
)  # fmt: skip


def _plain(text: str) -> str:
    return " ".join(text.split())


def _sentence(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def and_join(words: Sequence[str], conjunction: str) -> str:
    """ "A", "A and B", "A, B and C" with the language's "and" (Spanish "y" becomes "e" before an i-sound)."""
    if len(words) < 2:
        return "".join(words)
    last = words[-1]
    if conjunction == "y" and re.match(r"(?i)h?i(?!e)", last):
        conjunction = "e"
    return f"{', '.join(words[:-1])} {conjunction} {last}"


def letter_language(analysis: JobAnalysis) -> tuple[str, str]:
    """The letter's language from the posting's own words, and a note when it had to fall back to English."""
    text = "\n".join(
        (
            analysis.title,
            *(r.text for r in (*analysis.required, *analysis.preferred)),
            *analysis.responsibilities,
        )
    )
    detected = detect_language(text)
    if not detected or detected in supported_languages():
        return detected or "en", ""
    name = language_name(detected)
    return (
        "en",
        f"The posting is in {name}; the cover letter is in English, as {name} letters are not supported.",
    )


def opens_with_past_verb(text: str) -> bool:
    first, _, rest = text.partition(" ")
    if not first.isalpha() or not first[1:].islower() or rest.startswith("by "):
        return False
    return first.lower().endswith("ed") or first.lower() in _IRREGULAR_PAST_VERBS


def degree_phrase(edu: Education) -> str:
    """ "Bachelor of Science in Nursing"; the area is not repeated when the degree already names it."""
    study, area = edu.study_type, edu.area
    if study and area and normalize(area) in normalize(study):
        return study
    return " in ".join(p for p in (study, area) if p)


def article(phrase: str) -> str:
    """ "a" or "an" before an English phrase ("an MBA", "an Associate Degree", "a Bachelor of Science")."""
    first = phrase.split(" ", 1)[0]
    if first.isupper() and len(first) > 1:
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    return "an" if first[:1].lower() in "aeiou" else "a"


@dataclass
class _Letter:
    """The letter as it is written, sentence by sentence, keeping which skills it has named."""

    words: dict[str, Any]
    skills: tuple[str, ...]  # the profile's skills and certifications, as the profile names them
    lines: dict[str, list[tuple[str, Line]]] = field(default_factory=dict)
    named: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)  # roles whose title a result sentence has given

    def names(self, text: str) -> set[str]:
        return {normalize(s) for s in self.skills if mentions(text, s)}

    def repeats(self, text: str) -> bool:
        return bool(self.names(text) & self.named)

    def add(
        self, paragraph: str, key: str, text: str, sources: Iterable[str] = (), score: float = 0.0
    ) -> None:
        self.named |= self.names(text)
        text = _DOUBLE_STOP.sub(".", _sentence(text))  # "at Plentific, Ltd." + "." is one stop
        line = Line(text, tuple(dict.fromkeys(sources)), score)
        self.lines.setdefault(paragraph, []).append((key, line))

    def phrase(self, key: str, **values: Any) -> str:
        return str(self.words[key]).format(**values)


def _year(date: str) -> str:
    """The year of a profile date ("2021-03" -> "2021"); "" when it has none."""
    match = re.match(r"\s*(\d{4})\b", date)
    return match.group(1) if match else ""


def _target(analysis: JobAnalysis) -> dict[str, str]:
    return {"title": _plain(analysis.title) or "", "company": _plain(analysis.company)}


def _opening(letter: _Letter, profile: Profile, analysis: JobAnalysis, compiled: CompiledProfile) -> None:
    target = _target(analysis)
    key = "apply" if target["company"] else "apply_plain"
    letter.add("opening", "apply", letter.phrase(key, **target))
    held = [exp for exp in newest_first(profile.experiences) if exp.title and exp.employer]
    if held:
        latest = held[0]
        start, end = _year(latest.start_date), _year(latest.end_date)
        if latest.end_date:
            key = "last_role_dated" if start and end else "last_role"
        else:
            key = "current_role_since" if start else "current_role"
        text = letter.phrase(key, title=latest.title, employer=latest.employer, start=start, end=end)
        letter.add("opening", "role", text, (latest.ref,))
    years = int(compiled.years_experience)
    if years >= 2:
        dated = [exp.ref for exp in profile.experiences if exp.start_date]
        letter.add("opening", "years", letter.phrase("years", years=years), dated)
    if letter.words is phrases("en"):
        for sentence in split_sentences(profile.summary):
            first_person = re.match(r"I\b|My\b", sentence) and not re.search(
                r"\b(he|she|his|her)\b", sentence, re.I
            )
            if first_person and len(sentence.split()) <= 40 and not letter.repeats(sentence):
                letter.add("opening", "summary", sentence, ("basics.summary",))
                break


def _chosen_highlights(
    profile: Profile, analysis: JobAnalysis, compiled: CompiledProfile, relevance: Relevance, letter: _Letter
) -> list[Item]:
    """Highlights proving the posting's first requirements (stage 2's evidence), then the most relevant."""
    texts = {h.ref: h.text for exp in profile.experiences for h in exp.highlights}
    evidence = {m.requirement_id: m.evidence for m in compiled.matrix if m.status != "missing"}
    wanted: list[str] = []
    for requirement in analysis.required:
        wanted += [
            ref for ref in evidence.get(requirement.id, ()) if _HIGHLIGHT_REF.match(ref) and ref in texts
        ]
    ranked = [i.ref for i in relevance.rank(Item(ref, text) for ref, text in texts.items())]
    order = list(dict.fromkeys(wanted + ranked))
    # A highlight quoted after the phrase's colon that has a colon of its own reads as two colons in one
    # sentence ("... bei Acme: Supported SEC reporting: drafted ..."): such highlights are taken last.
    english = letter.words is phrases("en")
    order.sort(key=lambda ref: ": " in texts[ref] and not (english and opens_with_past_verb(texts[ref])))
    chosen: list[Item] = []
    skills: set[str] = set(letter.named)
    for allow_overlap in (False, True):  # first highlights that bring skills not named yet, then any
        for ref in order:
            item = Item(ref, texts[ref])
            named = letter.names(item.text)
            if item in chosen or (named & skills and not allow_overlap):
                continue
            if len(chosen) == ACHIEVEMENTS:
                break
            chosen.append(item)
            skills |= named
    ranks = {ref: i for i, ref in enumerate(order)}
    return sorted(chosen, key=lambda item: ranks[item.ref])


def _achievements(
    letter: _Letter, profile: Profile, analysis: JobAnalysis, compiled: CompiledProfile, relevance: Relevance
) -> None:
    owner = {h.ref: exp for exp in profile.experiences for h in exp.highlights}
    chosen = _chosen_highlights(profile, analysis, compiled, relevance, letter)
    if not chosen:
        return
    letter.add("results", "results_intro", letter.phrase("results_intro"))
    held = [exp for exp in newest_first(profile.experiences) if exp.title and exp.employer]
    latest = held[0] if held else None
    english = letter.words is phrases("en")
    quoted = set().union(*(letter.names(item.text) for item in chosen))
    previous: Experience | None = None
    for position, item in enumerate(chosen):
        exp = owner[item.ref]
        employer = exp.employer or exp.title
        again = exp is previous
        # the role's title where the opening has not given it already and it names no skill said before
        # nor one a chosen highlight names ("As Audit Associate ..." + "... for the external audit")
        titled = (
            exp is not latest
            and bool(exp.title and exp.employer)
            and not letter.repeats(exp.title)
            and not letter.names(exp.title) & quoted
        )
        if titled and not again:
            letter.titled.add(exp.ref)
        if english and opens_with_past_verb(item.text):
            key = "result_verb_again" if again else "result_verb_titled" if titled else "result_verb"
            values = {"clause": f"{item.text[0].lower()}{item.text[1:]}"}
        else:
            key = (
                "result_verb_again"
                if again and not english
                else "result_quote_titled"
                if titled
                else "result_quote"
            )
            values = {"text": item.text}
        variants = letter.words[key]
        text = variants[position % len(variants)].format(employer=employer, title=exp.title, **values)
        letter.add("results", f"result_{position + 1}", text, (item.ref, exp.ref), relevance.line_score(item))
        previous = exp


def _interest(letter: _Letter, analysis: JobAnalysis) -> None:
    """One duty in the posting's own words that claims nothing about the candidate (no skill, no name)."""
    for duty in analysis.responsibilities:
        duty = _plain(duty).rstrip(";,")
        plain = ":" not in duty and ";" not in duty.rstrip(";")  # one clause: no list or heading in it
        if (
            plain
            and 4 <= len(duty.split()) <= DUTY_WORDS
            and not claims_in(duty, analysis.title, analysis.company)
        ):
            letter.add("results", "interest", letter.phrase("interest", duty=duty))
            return


def _project(letter: _Letter, profile: Profile, relevance: Relevance) -> None:
    """The most relevant project that names a job keyword, described in its own words."""
    projects = {p.ref: p for p in profile.projects if p.name and p.description and ":" not in p.name}
    ranked = relevance.rank(Item(ref, p.description) for ref, p in projects.items())
    for item in ranked:
        project = projects[item.ref]
        if relevance.score(item) <= 0:
            return
        if letter.repeats(f"{project.name} {project.description}"):
            continue
        article, _, rest = project.description.partition(" ")
        if article in {"A", "An", "The"} and rest and letter.words is phrases("en"):
            text = letter.phrase("project", name=project.name, description=f"{article.lower()} {rest}")
        else:
            text = letter.phrase("project_quote", name=project.name, description=project.description)
        letter.add("results", "project", text, (project.ref, f"{project.ref}.description"))
        return


def _earlier_roles(letter: _Letter, profile: Profile, cited: set[str]) -> None:
    held = [exp for exp in newest_first(profile.experiences) if exp.title and exp.employer]
    earlier = [exp for exp in held[1:] if exp.ref not in letter.titled and not letter.repeats(exp.title)]
    earlier = earlier[:EARLIER_ROLES]
    if not earlier:
        return
    roles = []
    for exp in earlier:
        start, end = _year(exp.start_date), _year(exp.end_date)
        key = "earlier_role_dated" if start and end and start != end else "earlier_role"
        roles.append(letter.phrase(key, title=exp.title, employer=exp.employer, start=start, end=end))
    text = letter.phrase("earlier_roles", roles=and_join(roles, letter.words["and"]))
    letter.add("fit", "earlier_roles", text, (exp.ref for exp in earlier))


def _newest_degree(profile: Profile) -> Education | None:
    return next((e for e in newest_first(profile.education) if e.study_type), None)


def _skills(letter: _Letter, profile: Profile, relevance: Relevance) -> None:
    """The posting's skills the profile holds, then a few others. A skill is left out when the letter
    names it already (a title, "Senior DevOps Engineer", names DevOps, and so does "Azure DevOps"), when
    the degree the letter gives next names it ("Bachelor of Science in Statistics"), or when a skill listed
    before names it."""
    degree = _newest_degree(profile)
    taken = set(letter.named) | (letter.names(degree_phrase(degree)) if degree else set())

    def pick(candidates: Iterable[Item], limit: int) -> list[Item]:
        picked: list[Item] = []
        for skill in candidates:
            named = letter.names(skill.text) | {normalize(skill.text)}
            if not named & taken:
                picked.append(skill)
                taken.update(named)
            if len(picked) == limit:
                break
        return picked

    skills = [s for s in asked_skills(profile, relevance) if relevance.asks_for(s.text)]
    fresh = pick(skills, FIT_SKILLS)
    if fresh:
        key = "skills_one" if len(fresh) == 1 else "skills_many"
        text = letter.phrase(key, skills=and_join([s.text for s in fresh], letter.words["and"]))
        letter.add("fit", "skills", text, (s.ref for s in fresh))
    other = pick(
        (s for s in relevance.rank(skill_items(profile)) if not relevance.asks_for(s.text)), OTHER_SKILLS
    )
    if len(other) >= 2:  # "other tools include X" for one item reads like a list that lost its end
        text = letter.phrase("other_skills", skills=and_join([s.text for s in other], letter.words["and"]))
        letter.add("fit", "other_skills", text, (s.ref for s in other))


def _education(letter: _Letter, profile: Profile, relevance: Relevance) -> None:
    """The newest degree, then one relevant course (an entry without a degree): degrees before courses."""
    entries = newest_first(profile.education)
    degrees = [e for e in entries if e.study_type]
    if degrees:
        edu = degrees[0]
        named = degree_phrase(edu)
        end = _year(edu.end_date)
        key = ("degree_dated" if end else "degree") if edu.institution else "degree_plain"
        text = letter.phrase(key, article=article(named), degree=named, institution=edu.institution, end=end)
        letter.add("fit", "degree", text, (edu.ref,))
        relevant = [
            (j, c)
            for j, c in enumerate(edu.courses)
            if relevance.score(Item(edu.ref, c)) > 0 and not letter.repeats(c)
        ][:3]
        if relevant:
            said = and_join([c for _, c in relevant], letter.words["and"])
            refs = (f"{edu.ref}.courses[{j}]" for j, _ in relevant)
            letter.add("fit", "coursework", letter.phrase("coursework", courses=said), (edu.ref, *refs))
    courses = [e for e in entries if not e.study_type and e.institution and (e.area or e.courses)]
    for edu in courses:
        course = edu.area or edu.courses[0]
        if relevance.score(Item(edu.ref, course)) > 0 and not letter.repeats(course):
            letter.add(
                "fit",
                "course",
                letter.phrase("course", course=course, institution=edu.institution),
                (edu.ref,),
            )
            break


def _certifications(letter: _Letter, profile: Profile, relevance: Relevance) -> None:
    held = [c for c in profile.certifications if c.name and normalize(c.name) not in letter.named]
    certs = relevance.rank(Item(c.ref, c.name) for c in held)[:CERTIFICATIONS]  # the most relevant first
    if not certs:
        return
    if len(certs) == 1:
        name = certs[0].text
        key = "certification_named" if re.search(r"(?i)certif|licen|zertifi", name) else "certification_one"
        text = letter.phrase(key, name=name)
    else:
        text = letter.phrase(
            "certifications_many", names=and_join([c.text for c in certs], letter.words["and"])
        )
    letter.add("fit", "certifications", text, (c.ref for c in certs))


def _languages(letter: _Letter, profile: Profile) -> None:
    spoken = [lang for lang in profile.languages if lang.language]
    if spoken:
        said = [f"{x.language} ({x.fluency})" if x.fluency else x.language for x in spoken]
        text = letter.phrase("languages", languages=and_join(said, letter.words["and"]))
        letter.add("fit", "languages", text, (x.ref for x in spoken))


def _closing(letter: _Letter, analysis: JobAnalysis) -> None:
    target = _target(analysis)
    if target["title"]:
        letter.add("close", "direction", letter.phrase("direction", **target))
    letter.add("close", "motivation", letter.phrase("motivation"))
    letter.add(
        "close", "discuss", letter.phrase("discuss" if target["company"] else "discuss_plain", **target)
    )
    letter.add("close", "detail", letter.phrase("detail"))
    letter.add("close", "thanks", letter.phrase("thanks"))


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def word_count(text: str) -> int:
    """Words as a word processor counts them: each Chinese, Japanese or Korean character is one word."""
    cjk = len(_CJK.findall(text))
    return cjk + len(re.findall(r"\w+(?:[-'’.]\w+)*", _CJK.sub(" ", text)))


def _fit_length(lines: dict[str, list[tuple[str, Line]]]) -> tuple[tuple[Line, ...], ...]:
    """The paragraphs, with the least important sentences dropped while the letter is over MAX_WORDS."""
    order = ("opening", "results", "fit", "close")
    dropped: set[str] = set()

    def total() -> int:
        return sum(
            word_count(line.text) for p in order for key, line in lines.get(p, []) if key not in dropped
        )

    for key in _DROP_ORDER:
        if total() <= MAX_WORDS:
            break
        dropped.add(key)
    paragraphs = (tuple(line for key, line in lines.get(p, []) if key not in dropped) for p in order)
    return tuple(p for p in paragraphs if p)


def write_cover_letter(
    profile: Profile,
    analysis: JobAnalysis,
    compiled: CompiledProfile,
    relevance: Relevance,
    contact: tuple[str, ...],
    options: GenerationOptions,
    language: str | None = None,
) -> CoverLetter:
    """The cover letter in the posting's language (or ``language``), dated ``options.date`` as given."""
    note = ""
    if language is None:
        language, note = letter_language(analysis)
    words = phrases(language)
    skills = tuple(
        dict.fromkeys(
            [kw for s in profile.skills for kw in (s.keywords or (s.name,)) if kw]
            + [c.name for c in profile.certifications if c.name]
        )
    )  # a skill group's name ("Backend") is a heading, not a skill
    letter = _Letter(words, skills)
    _opening(letter, profile, analysis, compiled)
    _achievements(letter, profile, analysis, compiled, relevance)
    _project(letter, profile, relevance)
    _interest(letter, analysis)
    _earlier_roles(letter, profile, set())
    _skills(letter, profile, relevance)
    _education(letter, profile, relevance)
    _certifications(letter, profile, relevance)
    _languages(letter, profile)
    _closing(letter, analysis)
    company = _plain(analysis.company)
    return CoverLetter(
        name=profile.name,
        contact=contact,
        date=options.date,
        recipient=(words["recipient"], company) if company else (words["recipient"],),
        salutation=words["salutation"].format(company=company) if company else words["salutation_plain"],
        paragraphs=_fit_length(letter.lines),
        closing=words["closing"],
        signature=profile.name,
        language=language,
        note=note,
    )
