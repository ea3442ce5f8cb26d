"""The offline cover letter: template sentences around the profile's own words, each citing its refs.

Template sentences name only the job and the company (from the analysis, flattened to one line). Every
sentence about the candidate quotes a profile item or states a profile fact (employer, title, skill,
degree, certification, language). Light rephrases keep every word of the source and add only template
words: "At <employer>, I designed ..." / "I also designed ..." for a highlight opening with a past-tense
verb (the verb lower-cased), and "One of my projects is <name>, an open-source tool ..." (a leading
article lower-cased). Skills named are only those the job asks for and the profile lists; a role's skills
are only those its own items name. A thin profile gives a shorter letter: nothing is padded.
"""

from __future__ import annotations

from pipeline.document_generator.offline.common import (
    and_join,
    degree,
    experience_items,
    newest_first,
    ranked_lines,
)
from pipeline.document_generator.relevance import Item, Relevance, asked_skills, mentions
from pipeline.document_generator.types import CoverLetter, GenerationOptions, Line
from pipeline.inputs import Experience, Profile, Project
from pipeline.job_analyzer import JobAnalysis
from pipeline.text import split_sentences

ACHIEVEMENTS = 3
SUMMARY_SENTENCES = 2
FIT_SKILLS = 8
FIT_ROLES = 3
_IRREGULAR_PAST_VERBS = (
    "began became brought built chose cut drew drove found gave grew held kept laid led made met "
    "oversaw ran rebuilt rewrote saw set shot sold spent spoke taught took won wrote"
)


def _plain(text: str) -> str:
    return " ".join(text.split())


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _role_phrase(analysis: JobAnalysis) -> str:
    """ "the Senior Backend Engineer role at Parcelhub"; posting fields are flattened to one line."""
    title, company = _plain(analysis.title), _plain(analysis.company)
    role = f"the {title} role" if title else "this role"
    return f"{role} at {company}" if company else role


def _opens_with_past_verb(text: str) -> bool:
    first, _, rest = text.partition(" ")
    if not first.isalpha() or not first[1:].islower() or rest.startswith("by "):
        return False
    return first.lower().endswith("ed") or first.lower() in _IRREGULAR_PAST_VERBS.split()


def achievement(exp: Experience, item: Item, again: bool = False) -> str:
    """A highlight as a letter sentence; every word of the highlight is kept.

    "At Acme, I designed ..." (``again``: "I also designed ...") when it opens with a past-tense verb,
    else "One result from my work at Acme: <highlight>".
    """
    if _opens_with_past_verb(item.text):
        clause = f"{item.text[0].lower()}{item.text[1:]}"
        if again:
            return _sentence(f"I also {clause}")
        place = f"At {exp.employer}" if exp.employer else "In my work"
        return _sentence(f"{place}, I {clause}")
    where = f" at {exp.employer}" if exp.employer else ""
    return _sentence(f"One result from my work{where}: {item.text}")


def project_sentence(project: Project) -> str:
    """ "One of my projects is queue-doctor, an open-source tool ..." from the project's description."""
    article, _, rest = project.description.partition(" ")
    if article in {"A", "An", "The"} and rest:
        return _sentence(f"One of my projects is {project.name}, {article.lower()} {rest}")
    return _sentence(f"One of my projects is {project.name}: {project.description}")


def _opening(profile: Profile, analysis: JobAnalysis, relevance: Relevance) -> tuple[Line, ...]:
    lines = [Line(f"I am applying for {_role_phrase(analysis)}.")]
    held = [exp for exp in newest_first(profile.experiences) if exp.title and exp.employer]
    if held:
        latest = held[0]
        verb = "Most recently, I worked as" if latest.end_date else "I currently work as"
        lines.append(Line(f"{verb} {latest.title} at {latest.employer}.", (latest.ref,)))
    summary = (Item("basics.summary", s) for s in split_sentences(profile.summary))
    return (*lines, *ranked_lines(summary, relevance, SUMMARY_SENTENCES))


def _achievements(profile: Profile, analysis: JobAnalysis, relevance: Relevance) -> tuple[Line, ...]:
    """The top-ranked highlights, then the most relevant project that names a job keyword."""
    owner = {h.ref: exp for exp in profile.experiences for h in exp.highlights}
    highlights = (Item(h.ref, h.text) for exp in profile.experiences for h in exp.highlights)
    lines, previous = [], None
    for item in relevance.rank(highlights)[:ACHIEVEMENTS]:
        exp = owner[item.ref]
        text = achievement(exp, item, again=exp is previous)
        lines.append(Line(text, (item.ref, exp.ref), relevance.line_score(item)))
        previous = exp
    projects = {p.ref: p for p in profile.projects if p.name and p.description}
    described = relevance.rank(Item(ref, p.description) for ref, p in projects.items())
    if described and relevance.score(described[0]) > 0:
        project = projects[described[0].ref]
        lines.append(Line(project_sentence(project), (project.ref, f"{project.ref}.description")))
    if not lines:
        return ()
    company = _plain(analysis.company)
    target = f" to {company}" if company else ""
    return (Line(f"A few results show the kind of work I would bring{target}:"), *lines)


def _role_skills(exp: Experience, skills: list[Item]) -> Line | None:
    """ "In my role at Acme, I used Python and Flask.", citing the items that name them."""
    items = experience_items(exp)
    shown = [s for s in skills if any(mentions(i.text, s.text) for i in items)]
    if not shown or not exp.employer:
        return None
    evidence = [i.ref for i in items if any(mentions(i.text, s.text) for s in shown)]
    text = f"In my role at {exp.employer}, I used {and_join([s.text for s in shown])}."
    return Line(text, (exp.ref, *evidence))


def _credentials(profile: Profile, analysis: JobAnalysis, relevance: Relevance) -> list[Line]:
    """Certifications that name a job keyword, the newest degree when the job asks for one, languages."""
    lines = []
    for cert in profile.certifications:
        if cert.name and relevance.score(Item(cert.ref, cert.name)) > 0:
            issuer = f" from {cert.issuer}" if cert.issuer else ""
            lines.append(Line(f"I also hold the {cert.name} certification{issuer}.", (cert.ref,)))
    requirements = (*analysis.required, *analysis.preferred)
    asks_degree = any(r.kind == "education" for r in requirements) or any(
        k.kind == "degree" for k in analysis.knockouts
    )
    if asks_degree and profile.education:
        edu = newest_first(profile.education)[0]
        facts = ", ".join(p for p in (degree(edu), edu.institution) if p)
        lines.append(Line(f"My education: {facts}.", (edu.ref,)))
    spoken = [lang for lang in profile.languages if lang.language]
    if spoken:
        said = and_join([f"{x.language} ({x.fluency})" if x.fluency else x.language for x in spoken])
        lines.append(Line(f"I speak {said}.", tuple(x.ref for x in spoken)))
    return lines


def _fit(profile: Profile, analysis: JobAnalysis, relevance: Relevance) -> tuple[Line, ...]:
    """The job's asked-for skills the profile has, where the candidate used them, then credentials."""
    skills = [s for s in asked_skills(profile, relevance) if relevance.asks_for(s.text)]
    lines = []
    if skills:
        named = skills[:FIT_SKILLS]
        text = f"The role calls for {and_join([s.text for s in named])}, and each is part of my skill set."
        lines.append(Line(text, tuple(dict.fromkeys(s.ref for s in named))))
    roles = (_role_skills(exp, skills) for exp in newest_first(profile.experiences)[:FIT_ROLES])
    lines.extend(line for line in roles if line)
    return (*lines, *_credentials(profile, analysis, relevance))


def _closing(analysis: JobAnalysis) -> tuple[Line, ...]:
    return (
        Line(f"I would welcome the chance to discuss how my experience fits {_role_phrase(analysis)}."),
        Line("I am happy to go into more detail on any of the work above."),
        Line("Thank you for your time and consideration."),
    )


def write_cover_letter(
    profile: Profile,
    analysis: JobAnalysis,
    relevance: Relevance,
    contact: tuple[str, ...],
    options: GenerationOptions,
) -> CoverLetter:
    """The cover letter, dated ``options.date`` exactly as given."""
    company = _plain(analysis.company)
    paragraphs = (
        _opening(profile, analysis, relevance),
        _achievements(profile, analysis, relevance),
        _fit(profile, analysis, relevance),
        _closing(analysis),
    )
    return CoverLetter(
        name=profile.name,
        contact=contact,
        date=options.date,
        recipient=("Hiring Team", company) if company else ("Hiring Team",),
        salutation=f"Dear {company} Hiring Team," if company else "Dear Hiring Team,",
        paragraphs=tuple(p for p in paragraphs if p),
        closing="Sincerely,",
        signature=profile.name,
    )
