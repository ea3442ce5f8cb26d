"""The offline resume: the profile's own items, reordered for the job, each line citing its refs."""

from __future__ import annotations

import re

from pipeline.document_generator.offline.common import (
    and_join,
    degree,
    experience_items,
    newest_first,
    ranked_lines,
)
from pipeline.document_generator.relevance import Item, Relevance, asked_skills, skill_items
from pipeline.document_generator.types import Line, Resume, ResumeEntry, ResumeSection
from pipeline.inputs import Education, Profile
from pipeline.text import split_sentences

RECENT_ROLES = 2  # the newest roles keep more bullets than older ones
RECENT_ROLE_BULLETS = 6
OLDER_ROLE_BULLETS = 3
PROJECT_BULLETS = 4
SUMMARY_SKILLS = 5
_STATES_YEARS = re.compile(r"\b(years?|yrs)\b", re.IGNORECASE)


def contact_lines(profile: Profile) -> tuple[str, ...]:
    """Email, phone, location, url, then each link's url, without blanks or repeats."""
    links = (link.url for link in profile.links)
    values = (profile.email, profile.phone, profile.location, profile.url, *links)
    return tuple(dict.fromkeys(v for v in values if v))


def headline(profile: Profile) -> str:
    """The profile's label, else the newest title the candidate has held."""
    titles = (exp.title for exp in newest_first(profile.experiences) if exp.title)
    return profile.label or next(titles, "")


def _strengths(profile: Profile, years: int, skills: list[Item], relevance: Relevance) -> tuple[Line, ...]:
    """One template sentence from profile facts: years of experience (unless the summary says it), skills."""
    top = skills[:SUMMARY_SKILLS]
    dated = tuple(exp.ref for exp in profile.experiences if exp.start_date)
    show_years = years >= 1 and bool(dated) and not _STATES_YEARS.search(profile.summary)
    parts = [f"{years} year{'s' if years > 1 else ''} of experience"] if show_years else []
    parts += [f"key skills include {and_join([s.text for s in top])}"] if top else []
    if not parts:
        return ()
    text = "; ".join(parts)
    sources = (dated if show_years else ()) + tuple(dict.fromkeys(s.ref for s in top))
    score = max((relevance.line_score(s) for s in top), default=0.0)
    return (Line(f"{text[0].upper()}{text[1:]}.", sources, score),)


def _summary(profile: Profile, years: float, relevance: Relevance) -> tuple[Line, ...]:
    own = ranked_lines((Item("basics.summary", s) for s in split_sentences(profile.summary)), relevance)
    return own + _strengths(profile, int(years), asked_skills(profile, relevance), relevance)


def _skills(profile: Profile, relevance: Relevance) -> tuple[Line, ...]:
    """One line per skill group ("Backend: Python, Flask"), plus one for ungrouped skills, best first."""
    ranked = relevance.rank(skill_items(profile))
    grouped = {s.ref: s.name for s in profile.skills if s.keywords}
    groups: dict[str, list[Item]] = {}
    for item in ranked:
        groups.setdefault(item.ref if item.ref in grouped else "", []).append(item)
    lines = []
    for ref, items in groups.items():
        names = ", ".join(i.text for i in items)
        text = f"{grouped[ref]}: {names}" if ref and grouped[ref] else names
        sources = tuple(dict.fromkeys(i.ref for i in items))
        lines.append(Line(text, sources, max(relevance.line_score(i) for i in items)))
    return tuple(lines)


def _experience(profile: Profile, relevance: Relevance) -> tuple[ResumeEntry, ...]:
    return tuple(
        ResumeEntry(
            ref=exp.ref,
            title=exp.title,
            organization=exp.employer,
            location=exp.location,
            start_date=exp.start_date,
            end_date=exp.end_date,
            bullets=ranked_lines(
                experience_items(exp),
                relevance,
                RECENT_ROLE_BULLETS if position < RECENT_ROLES else OLDER_ROLE_BULLETS,
            ),
        )
        for position, exp in enumerate(newest_first(profile.experiences))
    )


def _projects(profile: Profile, relevance: Relevance) -> tuple[ResumeEntry, ...]:
    by_ref = {p.ref: p for p in profile.projects}
    summaries = (Item(p.ref, " ".join((p.name, p.description, *p.keywords))) for p in profile.projects)
    entries = []
    for item in relevance.rank(summaries):
        project = by_ref[item.ref]
        description = [Item(f"{project.ref}.description", project.description)] if project.description else []
        highlights = [Item(h.ref, h.text) for h in project.highlights]
        bullets = ranked_lines(description + highlights, relevance, PROJECT_BULLETS)
        entries.append(
            ResumeEntry(
                ref=project.ref,
                title=project.name,
                start_date=project.start_date,
                end_date=project.end_date,
                bullets=bullets,
            )
        )
    return tuple(entries)


def _education_lines(edu: Education) -> tuple[Line, ...]:
    lines = []
    if edu.score:
        lines.append(Line(f"Grade: {edu.score}", (f"{edu.ref}.score",)))
    if edu.courses:
        refs = tuple(f"{edu.ref}.courses[{j}]" for j in range(len(edu.courses)))
        lines.append(Line(f"Courses: {', '.join(edu.courses)}", refs))
    return tuple(lines)


def _education(profile: Profile) -> tuple[ResumeEntry, ...]:
    return tuple(
        ResumeEntry(
            ref=edu.ref,
            title=degree(edu) or edu.institution,
            organization=edu.institution if degree(edu) else "",
            start_date=edu.start_date,
            end_date=edu.end_date,
            bullets=_education_lines(edu),
        )
        for edu in newest_first(profile.education)
    )


def _certifications(profile: Profile, relevance: Relevance) -> tuple[Line, ...]:
    items = []
    for cert in profile.certifications:
        text = ", ".join(p for p in (cert.name, cert.issuer) if p)
        items.append(Item(cert.ref, f"{text} ({cert.date})" if cert.date else text))
    return ranked_lines(items, relevance)


def _languages(profile: Profile) -> tuple[Line, ...]:
    return tuple(
        Line(f"{lang.language} ({lang.fluency})" if lang.fluency else lang.language, (lang.ref,))
        for lang in profile.languages
        if lang.language
    )


def write_resume(profile: Profile, years_experience: float, relevance: Relevance) -> Resume:
    """The tailored resume; sections with standard ATS headings, empty ones left out."""
    sections = (
        ResumeSection("summary", "Summary", lines=_summary(profile, years_experience, relevance)),
        ResumeSection("skills", "Skills", lines=_skills(profile, relevance)),
        ResumeSection("experience", "Experience", entries=_experience(profile, relevance)),
        ResumeSection("projects", "Projects", entries=_projects(profile, relevance)),
        ResumeSection("education", "Education", entries=_education(profile)),
        ResumeSection("certifications", "Certifications", lines=_certifications(profile, relevance)),
        ResumeSection("languages", "Languages", lines=_languages(profile)),
    )
    return Resume(
        name=profile.name,
        headline=headline(profile),
        contact=contact_lines(profile),
        sections=tuple(s for s in sections if s.lines or s.entries),
    )
