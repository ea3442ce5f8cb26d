"""Stage 1, offline: knock-out constraints (degree, licence, clearance, work authorization, location, years)
and seniority, from the items ``sections`` gave roles.

Only a sentence that states a requirement of the candidate (role ``required``) gives a knock-out: never the
company's own history ("26 years in business"), benefits, legal text or a preference. Years and degrees
carry their field in the posting's words ("2 years of PACU experience" -> field "PACU"; "degree in
Accounting" -> "Accounting"), so stage 4 compares them with the candidate's years in that field. A licence
(RN, LPN, CPA, bar admission, driving licence) is a knock-out of its own kind; an export licence or "used
under license" is not.
"""

from __future__ import annotations

import re

from pipeline.inputs import Posting, Seniority
from pipeline.job_analyzer.instructions import ADDRESSED_TO_A_PROGRAM
from pipeline.job_analyzer.offline.sections import REQUIRED, Item
from pipeline.job_analyzer.types import Knockout, KnockoutKind
from pipeline.text import clean, degree_level, normalize
from pipeline.text.facts import year_spans

_CLEARANCE = re.compile(
    r"\b(ts/sci|ts sci|top secret|secret clearance|security clearance|sc clearance|dv clearance|public trust"
    r"|polygraph|clearance)\b"
)
_NO_CLEARANCE = re.compile(r"\bno (security )?clearance\b|\bclearance (is )?not required\b")
_WORK_AUTHORIZATION = re.compile(
    r"\b(must|should) (be|have) (legally )?(authori[sz]ed|eligible|permitted) to work|\b(legal )?(right"
    r"|authori[sz]ation|eligibility) to work\b|\bwork (authori[sz]ation|permit)\b|\bwithout (the need for )?"
    r"(current or future )?(visa )?sponsorship|\b(not|unable to|cannot|can't|won't|will not|do not|does not"
    r"|are not able to) (provide |offer )?(visa )?sponsor|\bno (visa )?sponsorship|\bsponsorship (is )?not"
    r" (available|provided|offered)|\bcitizen(ship)?\b|\bgreen card\b|\bpermanent resident"
)
_LOCATION = re.compile(
    r"\bon-?site\b(?! interview)|\bin-?office\b|\bin the office\b|\boffice-based\b"
    r"|\bhybrid (work|role|position|schedule|model|setup|working)\b|\bhybrid\b(?= in )"
    r"|\b\d+ days (a|per) week (in|at) (the|our) office\b"
    r"|\b(willing(ness)? to|must) relocate\b|\brelocation (is )?required\b"
    r"|\bmust (be )?(located|based|live|reside)\b|\bwithin commuting distance\b|\bcommutable\b"
    r"|\b(us|uk|eu)[- ]only\b|\b(remote|remotely) (from|within|in) the (us|uk|eu|united (states|kingdom))\b"
    r"|\btime ?zones?\b"
)
_COUNTRIES = (
    ("US", re.compile(r"\bunited states\b|\busa\b|\bamerican\b")),
    ("UK", re.compile(r"\bunited kingdom\b|\buk\b|\bbritain\b|\bbritish\b")),
    ("EU", re.compile(r"\beuropean union\b|\beu\b|\beurope\b")),
    ("CA", re.compile(r"\bcanada\b|\bcanadian\b")),
    ("DE", re.compile(r"\bgermany\b|\bdeutschland\b")),
    ("AU", re.compile(r"\baustralia\b")),
    ("IN", re.compile(r"\bindia\b")),
)
_US_CASED = re.compile(r"\bU\.?S\.?A?\b")


_PLACE = re.compile(r"\bin ((?:[A-Z][\w.'-]+)(?:,? [A-Z][\w.'-]+)*)")


def _place(item: Item, posting: Posting) -> str:
    """Where a location constraint points: a country, else the posting's location, else "in <Place>"."""
    places = _PLACE.findall(clean(item.text))
    return _country(item) or posting.location.strip() or (places[-1].rstrip(".") if places else "")


def _country(item: Item) -> str:
    if _US_CASED.search(clean(item.text)):
        return "US"
    return next((code for code, pattern in _COUNTRIES if pattern.search(item.norm)), "")


def _clearance_value(norm: str) -> str:
    for needle, value in (("ts/sci", "ts/sci"), ("ts sci", "ts/sci"), ("top secret", "top secret"),
                          ("secret", "secret"), ("public trust", "public trust")):  # fmt: skip
        if needle in norm:
            return value
    return "clearance"


_LICENSES = (
    (
        "RN",
        re.compile(
            r"\b(rn|registered nurse|nursing) licen[cs](e|ure)|\blicensed (rn|registered nurse)\b"
            r"|\blicensed to practice"
            r" as a (professional|registered) nurse|\brn licensure"
        ),
    ),
    ("LPN", re.compile(r"\b(lpn|practical nurse) licen[cs]e|\blicensed practical nurse")),
    ("CPA", re.compile(r"\b(cpa|certified public accountant)\b.*\b(licen[cs]|required|must)")),
    (
        "bar",
        re.compile(
            r"\badmitted to (the|a|any) (\w+ )*bar\b|\bbar admission|\bmember of (the|a) (\w+ )*bar\b"
        ),
    ),
    (
        "driving",
        re.compile(
            r"\bdriver'?s'? licen[cs]e|\bdriving licen[cs]e|\bfuhrerschein|licencia de conducir"
            r"|carne de conducir"
            r"|permis de conduire|carteira de habilitacao"
        ),
    ),
)
_NOT_A_LICENSE = re.compile(r"export licen|under licen|licensing approval|software licen|license (key|fee)s?")
_FILLER = re.compile(
    r"^(?:[\s,:>+-]|\b(?:of|recent|relevant|professional|hands-on|progressive|related|proven|practical|solid"
    r"|minimum|minima|minimo|at least|mindestens|experience|experiencia|erfahrung|berufserfahrung|working"
    r"|work"
    r"|with|in|as|an?|the|de|en|como|als|mit|im|in der|y|und|und/oder|and/or)\b)+"
)
_FIELD_END = re.compile(
    r"[,;.()!?]|\s(?:within|with a proven|or equivalent|or similar|preferred|required|is required|in a "
    r"professional|including|such as|desirable|ideally)\b"
)
_DEGREE_FIELD = re.compile(
    r"(?:degree|studium|hochschulausbildung|ausbildung|licenciatura|titulo|grado|diplome|diploma)"
    r"(?: or higher)?(?: (?:in|of|en|der fachrichtung|mit schwerpunkt|im bereich|em))"
    r"(?: (?:der|die|dem|the))? (.+)"
)


def _field_after(norm: str, start: int) -> str:
    rest = _FILLER.sub("", norm[start:])
    rest = _FIELD_END.split(rest, maxsplit=1)[0]
    return re.sub(r"\s+(experience|experiencia|erfahrung|required)$", "", rest.strip()).strip()


def _years(item: Item) -> list[tuple[int, str]]:
    """(years, field) of each experience asked for in a required item: "3-5 years of Java" -> (3, "java")."""
    spans = year_spans(item.text)
    out = []
    for value, start, end in spans:
        field = _field_after(item.norm, end)
        if not field:  # "Experiencia en Java, mínimo 4 años": the field stands before the years
            before = re.split(r"[,;:]", item.norm[:start])[0]
            lead = re.search(
                r"(?:experience|experiencia|erfahrung)\s+(?:with|in|en|mit|als|as)?\s*(.+)$", before
            )
            field = lead.group(1).strip() if lead else ""
        out.append((value, field))
    return out


def _degree_field(norm: str) -> str:
    m = _DEGREE_FIELD.search(norm)
    return _FIELD_END.split(m.group(1), maxsplit=1)[0].strip() if m else ""


def knockouts(posting: Posting, items: list[Item], years: int | None) -> tuple[Knockout, ...]:
    found: dict[tuple[str, str, str], Knockout] = {}

    def add(kind: KnockoutKind, text: str, value: str, field: str = "") -> None:
        found.setdefault((kind, value, field), Knockout(kind=kind, text=text, value=value, field=field))

    for item in items:
        if item.role != REQUIRED or ADDRESSED_TO_A_PROGRAM.search(item.norm):
            continue
        text, norm = item.text, item.norm
        level = degree_level(text)
        if level is not None:
            add("degree", text, level, _degree_field(norm))
        for value, field in _years(item):
            add("years_experience", text, str(value), field)
        if not _NOT_A_LICENSE.search(norm):
            for value, pattern in _LICENSES:
                if pattern.search(norm):
                    add("license", text, value)
        if _CLEARANCE.search(norm) and not _NO_CLEARANCE.search(norm):
            add("clearance", text, _clearance_value(norm))
        if _WORK_AUTHORIZATION.search(norm):
            add("work_authorization", text, _country(item))
        if _LOCATION.search(norm):
            add("location", text, _place(item, posting))
    if posting.remote is False and posting.location.strip() and not any(k[0] == "location" for k in found):
        add("location", posting.location.strip(), posting.location.strip())
    return tuple(found.values())


_SENIORITY_NAMES = {
    "intern": "intern", "internship": "intern", "trainee": "intern", "apprentice": "intern",
    "entry": "entry", "entry level": "entry", "entry-level": "entry", "junior": "entry", "jr": "entry",
    "graduate": "entry", "new grad": "entry", "associate": "entry",
    "mid": "mid", "mid level": "mid", "mid-level": "mid", "intermediate": "mid", "regular": "mid",
    "senior": "senior", "sr": "senior", "experienced": "senior",
    "lead": "lead", "staff": "lead", "principal": "lead", "head": "lead", "director": "lead",
}  # fmt: skip
_TITLE_SENIORITY = (
    ("intern", re.compile(r"\bintern(ship)?\b|\btrainee\b|\bwerkstudent|praktikant|实习|インターン")),
    ("lead", re.compile(r"\b(lead|principal|staff|head of|director|vp|chief)\b|首席|主管|负责人|リード")),
    ("senior", re.compile(r"\b(senior|sr)\b|\b(iii|iv)$|高级|资深|シニア")),
    ("entry", re.compile(r"\b(junior|jr|entry[- ]level|graduate|new grad)\b|初级|ジュニア")),
    ("mid", re.compile(r"\b(mid[- ]level|intermediate)\b|\bii$|中级")),
)


def seniority(posting: Posting, years: int | None) -> Seniority | None:
    if posting.seniority:
        named = _SENIORITY_NAMES.get(normalize(posting.seniority).replace("_", " "))
        if named:
            return named
    title = normalize(posting.title)
    for level, pattern in _TITLE_SENIORITY:
        if pattern.search(title):
            return level
    if years is None:
        return None
    return "senior" if years >= 5 else "mid" if years >= 2 else "entry"
