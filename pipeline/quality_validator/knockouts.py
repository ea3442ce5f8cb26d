"""Stage 1's knock-out constraints, each settled from the profile where it can be, else left unknown.

A resume cannot prove work authorization, and a location the profile does not share may still work for a
candidate who relocates: those stay ``unknown`` (flagged for the application form, not scored). Years
and degrees are settled from the profile; nothing is assumed in the candidate's favour or against them.

Years with a field ("1 year of ICU experience") are compared with the candidate's years in that field
(``CompiledProfile.field_years``: the work entries whose title, summary or highlights name it), never the
whole career; a generic field ("the specialty") stays unknown, and so does a field in free words that no
vocabulary term covers ("building web applications") when no role repeats it but the career is long
enough. Licences (RN, LPN, CPA, bar admission, driving licence) are looked up in the profile's
certificates; one named elsewhere in the profile is unknown (list it under certificates), one named
nowhere is not met, except a driving licence, which resumes rarely list.
"""

from __future__ import annotations

import re

from pipeline.inputs import Profile, profile_texts
from pipeline.job_analyzer import JobAnalysis, Knockout
from pipeline.profile_compiler import CompiledProfile
from pipeline.quality_validator.types import MET, NOT_MET, UNKNOWN, KnockoutFlag
from pipeline.text import DEGREE_RANK, degree_level, extract_terms, normalize, tokenize


def _field_years(knockout: Knockout, compiled: CompiledProfile) -> KnockoutFlag:
    asked = int(knockout.value)
    counted = next((f for f in compiled.field_years if f.field == knockout.field), None)
    if counted is None:
        detail = (
            f"{asked} years asked in a field the posting does not name; the profile's dates give "
            f"{compiled.years_experience} years in all"
        )
        return KnockoutFlag(knockout.kind, knockout.text, UNKNOWN, (), detail)
    # the field itself is in ``text`` (the posting's words); the detail does not repeat it as advice
    detail = f"the profile's dates give {counted.years} years in the roles that name the field; {asked} asked"
    if counted.years >= asked:
        return KnockoutFlag(knockout.kind, knockout.text, MET, counted.evidence, detail)
    if compiled.years_experience >= asked and not extract_terms(knockout.field):
        # A field in free words ("building web applications") is found only where an entry repeats its
        # words; roles that describe the same work otherwise may count, and the whole career is long
        # enough. Without a known term to look for, the resume cannot settle it either way.
        detail += f"; {compiled.years_experience} years in all, in roles that may count without naming it"
        return KnockoutFlag(knockout.kind, knockout.text, UNKNOWN, counted.evidence, detail)
    return KnockoutFlag(knockout.kind, knockout.text, NOT_MET, (), detail)


def _years(knockout: Knockout, profile: Profile, compiled: CompiledProfile) -> KnockoutFlag:
    if knockout.field:
        return _field_years(knockout, compiled)
    asked = int(knockout.value)
    years = compiled.years_experience
    detail = f"the profile's dates give {years} years; {asked} asked"
    if years >= asked:
        dated = tuple(e.ref for e in profile.experiences if e.start_date)
        return KnockoutFlag(knockout.kind, knockout.text, MET, dated, detail)
    return KnockoutFlag(knockout.kind, knockout.text, NOT_MET, (), detail)


def _degree(knockout: Knockout, profile: Profile) -> KnockoutFlag:
    asked = DEGREE_RANK.get(knockout.value, 1)
    held = tuple(
        e.ref
        for e in profile.education
        if (level := degree_level(f"{e.study_type} {e.area}")) and DEGREE_RANK[level] >= asked
    )
    if held:
        return KnockoutFlag(knockout.kind, knockout.text, MET, held, f"the profile holds a {knockout.value}")
    if "equivalent" in normalize(knockout.text):
        detail = f"no {knockout.value} in the profile; the posting accepts equivalent experience"
        return KnockoutFlag(knockout.kind, knockout.text, UNKNOWN, (), detail)
    detail = f"the profile lists no {knockout.value} or higher"
    return KnockoutFlag(knockout.kind, knockout.text, NOT_MET, (), detail)


def _location(knockout: Knockout, profile: Profile) -> KnockoutFlag:
    place = tokenize(knockout.value.split(",")[0])
    home = tokenize(profile.location)
    shared = bool(place) and any(home[i : i + len(place)] == place for i in range(len(home)))
    if shared:
        return KnockoutFlag(knockout.kind, knockout.text, MET, ("basics.location",), profile.location)
    where = f"the profile is in {profile.location}" if profile.location else "the profile gives no location"
    return KnockoutFlag(knockout.kind, knockout.text, UNKNOWN, (), f"{where}; say whether you can relocate")


def _clearance(knockout: Knockout, profile: Profile) -> KnockoutFlag:
    named = normalize(knockout.value)
    refs = tuple(
        ref
        for ref, text in profile_texts(profile).items()
        if "clearance" in (norm := normalize(text)) and named in norm
    )
    if refs:
        return KnockoutFlag(knockout.kind, knockout.text, MET, refs, "the profile names it")
    return KnockoutFlag(knockout.kind, knockout.text, UNKNOWN, (), "the profile does not mention a clearance")


_LICENSE_NAMES = {
    "RN": re.compile(r"\b(rn|registered nurse)\b"),
    "LPN": re.compile(r"\b(lpn|licensed practical nurse|practical nurse)\b"),
    "CPA": re.compile(r"\b(cpa|certified public accountant)\b"),
    "bar": re.compile(
        r"\bbar\b.*\b(admission|admitted|member)|\b(admitted|admission) to .*\bbar\b|\battorney"
    ),
    "driving": re.compile(
        r"\bdriver'?s'? licen[cs]e|\bdriving licen[cs]e|\bfuhrerschein|licencia de conducir|carne de conducir"
        r"|permis de conduire"
    ),
}


def _license(knockout: Knockout, profile: Profile) -> KnockoutFlag:
    pattern = _LICENSE_NAMES.get(knockout.value)
    if pattern is None:
        detail = "a resume cannot show this; answer it in the application form"
        return KnockoutFlag(knockout.kind, knockout.text, UNKNOWN, (), detail)
    held = tuple(c.ref for c in profile.certifications if pattern.search(normalize(f"{c.name} {c.issuer}")))
    if held:
        return KnockoutFlag(knockout.kind, knockout.text, MET, held, "listed in the profile's certificates")
    named = tuple(ref for ref, text in profile_texts(profile).items() if pattern.search(normalize(text)))
    if named:
        detail = "named in the profile but not listed as a licence; add it under certificates"
        return KnockoutFlag(knockout.kind, knockout.text, UNKNOWN, named, detail)
    if knockout.value == "driving":
        detail = "resumes rarely list a driving licence; answer it in the application form"
        return KnockoutFlag(knockout.kind, knockout.text, UNKNOWN, (), detail)
    detail = f"the profile's certificates list no {knockout.value} licence"
    return KnockoutFlag(knockout.kind, knockout.text, NOT_MET, (), detail)


def knockout_flags(
    profile: Profile, analysis: JobAnalysis, compiled: CompiledProfile
) -> tuple[KnockoutFlag, ...]:
    flags = []
    for knockout in analysis.knockouts:
        if knockout.kind == "years_experience" and knockout.value.isdigit():
            flags.append(_years(knockout, profile, compiled))
        elif knockout.kind == "degree":
            flags.append(_degree(knockout, profile))
        elif knockout.kind == "location" and knockout.value:
            flags.append(_location(knockout, profile))
        elif knockout.kind == "clearance":
            flags.append(_clearance(knockout, profile))
        elif knockout.kind == "license":
            flags.append(_license(knockout, profile))
        else:
            detail = "a resume cannot show this; answer it in the application form"
            flags.append(KnockoutFlag(knockout.kind, knockout.text, UNKNOWN, (), detail))
    return tuple(flags)


def knockout_score(flags: tuple[KnockoutFlag, ...]) -> tuple[float, str]:
    """met / (met + not met); 1 when no constraint is settled. Unknown ones are counted in the detail."""
    met = sum(flag.status == MET for flag in flags)
    failed = sum(flag.status == NOT_MET for flag in flags)
    unknown = len(flags) - met - failed
    detail = f"{met} met, {failed} not met, {unknown} unknown"
    return (met / (met + failed) if met + failed else 1.0), detail
