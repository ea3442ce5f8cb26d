"""Stage 1's knock-out constraints, each settled from the profile where it can be, else left unknown.

A resume cannot prove work authorization, and a location the profile does not share may still work for a
candidate who relocates: those stay ``unknown`` (flagged for the application form, not scored). Years
and degrees are settled from the profile; nothing is assumed in the candidate's favour or against them.
"""

from __future__ import annotations

from pipeline.inputs import Profile, profile_texts
from pipeline.job_analyzer import JobAnalysis, Knockout
from pipeline.profile_compiler import CompiledProfile
from pipeline.quality_validator.types import MET, NOT_MET, UNKNOWN, KnockoutFlag
from pipeline.text import DEGREE_RANK, degree_level, normalize, tokenize


def _years(knockout: Knockout, profile: Profile, compiled: CompiledProfile) -> KnockoutFlag:
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
