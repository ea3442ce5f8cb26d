"""A schema.org JobPosting mapped to the body of a posting, as a client would send it (README "Job import").

Boards fill the same properties in many shapes: a string or a list, an object or an ``@id`` reference,
numbers as text, a schema.org code or a word in the page's language. What cannot be read is left empty
rather than refused; only a posting without a title, a company or a description is refused, by name.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from marshmallow import ValidationError, validate

from api.jobs.jsonld import Found
from api.jobs.plain_text import clean, html_to_text

TITLE_MAX = COMPANY_MAX = LOCATION_MAX = EXTERNAL_ID_MAX = 200
URL_MAX = 2000
REMOTE = "TELECOMMUTE"
# schema.org employmentType codes, and the words boards write instead (English, German, Spanish).
EMPLOYMENT_TYPES = {
    "full_time": ("FULL_TIME", "FULLTIME", "VOLLZEIT", "JORNADA_COMPLETA", "TIEMPO_COMPLETO"),
    "part_time": ("PART_TIME", "PARTTIME", "TEILZEIT", "MEDIA_JORNADA", "TIEMPO_PARCIAL"),
    "contract": ("CONTRACTOR", "CONTRACT", "FREELANCE", "FREIBERUFLICH", "AUTONOMO"),
    "temporary": ("TEMPORARY", "PER_DIEM", "SEASONAL", "BEFRISTET", "TEMPORAL"),
    "internship": ("INTERN", "INTERNSHIP", "PRAKTIKUM", "PRACTICAS"),
}
_EMPLOYMENT_CODES = {code: ours for ours, codes in EMPLOYMENT_TYPES.items() for code in codes}
SALARY_UNITS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
# Extra JobPosting properties whose text belongs to the description, under these headings.
SECTIONS = (
    ("responsibilities", "Responsibilities"),
    ("qualifications", "Qualifications"),
    ("skills", "Skills"),
    ("experienceRequirements", "Experience"),
    ("educationRequirements", "Education"),
)
REQUIRED = {"title": "title", "company": "hiringOrganization.name", "description": "description"}
_URL = validate.URL(relative=False, schemes={"http", "https"})
# Amounts as boards write them: 85.000 or 85.000,50 (de, es), 85000, 85000.50, 85,000 (en), 18,50.
_DOT_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+(,\d+)?")
_PLAIN = re.compile(r"\d+(\.\d+)?")
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")
_COMMA_DECIMAL = re.compile(r"\d+,\d{1,2}")


@dataclass
class ImportRefusedError(Exception):
    """Nothing importable: ``detail`` says why; ``errors`` names each missing JobPosting property."""

    detail: str
    errors: dict[str, list[str]]


def posting_fields(found: Found) -> dict[str, Any]:
    """The fields of the first complete JobPosting found; ImportRefusedError when there is none."""
    if not found.postings:
        raise ImportRefusedError(_nothing_found(found), {"JobPosting": ["No schema.org JobPosting found."]})
    mapped = [_map(posting, found) for posting in found.postings]
    for fields in mapped:
        if not _missing(fields):
            return fields
    missing = _missing(mapped[0])
    names = ", ".join(missing)
    raise ImportRefusedError(
        f"The JobPosting has no {names}; a posting needs a title, a company and a description.",
        {name: ["Missing from the JobPosting."] for name in missing},
    )


def _nothing_found(found: Found) -> str:
    if not found.from_page:
        if found.invalid_scripts:
            return "The body is not valid JSON, so no schema.org JobPosting."
        return "No schema.org JobPosting in the JSON-LD document."
    if not found.scripts:
        return 'The page has no JSON-LD (<script type="application/ld+json">), so no schema.org JobPosting.'
    broken = f", {found.invalid_scripts} of them not valid JSON" if found.invalid_scripts else ""
    return f"No schema.org JobPosting in the page's {found.scripts} JSON-LD block(s){broken}."


def _missing(fields: dict[str, Any]) -> list[str]:
    return [name for key, name in REQUIRED.items() if not fields.get(key)]


def _map(node: dict[str, Any], found: Found) -> dict[str, Any]:
    company = _organization(found.resolve(node.get("hiringOrganization")), found)
    fields: dict[str, Any] = {
        "title": _shorten(_text(node.get("title")) or _text(node.get("name")), TITLE_MAX),
        "company": _shorten(company, COMPANY_MAX),
        "description": _description(node, found),
        "location": _location(node, found),
        "remote": _remote(node.get("jobLocationType")),
        "employment_type": _employment_type(node.get("employmentType")),
        "url": _url(node.get("url")),
        "posted_at": _datetime(node.get("datePosted")),
        "valid_through": _datetime(node.get("validThrough")),
        "external_id": _external_id(found.resolve(_first(node.get("identifier"))), company),
        **_salary(found.resolve(_first(node.get("baseSalary"))), found),
    }
    if fields["external_id"] is None:
        del fields["external_id"]  # no identifier: nothing to recognise a re-import by
    return fields


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return next((item for item in value if item not in (None, "", [], {})), None)
    return value


def _text(value: Any) -> str:
    """A short text property: entities decoded, whitespace collapsed; a list gives its first text."""
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if not isinstance(value, str):
        return ""
    return " ".join(html.unescape(clean(value)).split())


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}\u2026"


def _organization(value: Any, found: Found) -> str:
    value = found.resolve(_first(value))
    if isinstance(value, dict):
        return _text(value.get("name")) or _text(value.get("legalName"))
    return _text(value)


def _description(node: dict[str, Any], found: Found) -> str:
    parts = [_long_text(node.get("description"), found)]
    for key, heading in SECTIONS:
        section = _long_text(node.get(key), found)
        if section and section not in parts[0]:
            parts.append(f"{heading}:\n{section}")
    return "\n\n".join(part for part in parts if part)


def _long_text(value: Any, found: Found) -> str:
    """HTML or plain text as text; a list as one line per item; typed requirement objects by their text."""
    value = found.resolve(value)
    if isinstance(value, list):
        items = [_long_text(item, found) for item in value]
        return "\n".join(f"- {item}" for item in items if item)
    if isinstance(value, dict):
        months = value.get("monthsOfExperience")
        text = _text(value.get("description")) or _text(value.get("credentialCategory")) or _text(value)
        if not text and isinstance(months, int | float | str) and str(months).strip():
            text = f"{_text(months)} months of experience"
        return text
    if isinstance(value, str):
        return html_to_text(value)
    return ""


def _location(node: dict[str, Any], found: Found) -> str | None:
    places = node.get("jobLocation")
    places = places if isinstance(places, list) else [places]
    names = [_place(found.resolve(place), found) for place in places]
    if not any(names):  # a remote posting: where applicants may live
        areas = node.get("applicantLocationRequirements")
        areas = areas if isinstance(areas, list) else [areas]
        names = [_text(found.resolve(area)) for area in areas]
    return _join_places([name for name in names if name])


def _place(place: Any, found: Found) -> str:
    if not isinstance(place, dict):
        return _text(place)
    address = found.resolve(place.get("address"))
    if not isinstance(address, dict):
        return _text(address) or _text(place.get("name"))
    parts: list[str] = []
    for key in ("addressLocality", "addressRegion", "addressCountry"):
        part = _text(found.resolve(address.get(key)))
        if part and part.casefold() not in {p.casefold() for p in parts}:
            parts.append(part)
    return ", ".join(parts) or _text(address.get("streetAddress")) or _text(place.get("name"))


def _join_places(names: list[str]) -> str | None:
    """Distinct places joined by "; ", as many as fit in the column, then how many more there are."""
    distinct = list(dict.fromkeys(names))
    if not distinct:
        return None
    for count in range(len(distinct), 0, -1):
        more = len(distinct) - count
        text = "; ".join(distinct[:count]) + (f" (+{more} more)" if more else "")
        if len(text) <= LOCATION_MAX:
            return text
    return _shorten(distinct[0], LOCATION_MAX)


def _remote(value: Any) -> bool | None:
    values = value if isinstance(value, list) else [value]
    return True if any(isinstance(v, str) and v.strip().upper() == REMOTE for v in values) else None


def _employment_type(value: Any) -> str | None:
    values = value if isinstance(value, list) else [value]
    for item in values:
        if not isinstance(item, str):
            continue
        for word in item.split(","):  # "Vollzeit,Teilzeit"
            code = "_".join(word.strip().upper().replace("-", " ").split())
            if code in _EMPLOYMENT_CODES:
                return _EMPLOYMENT_CODES[code]
    return None


def _url(value: Any) -> str | None:
    url = _text(value)
    if not url or len(url) > URL_MAX:
        return None
    try:
        _URL(url)
    except ValidationError:
        return None
    return url


def _datetime(value: Any) -> str | None:
    """An ISO 8601 date or date-time, in UTC: a date is midnight, a time without offset UTC; else None."""
    text = _text(value)
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = datetime.combine(date.fromisoformat(text[:10]), time())
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC).isoformat()
    except OverflowError:  # 9999-12-31T23:00-05:00 and the like
        return None


def _external_id(identifier: Any, company: str) -> str | None:
    """The posting's identifier, prefixed by its namespace (the PropertyValue's name, else the company).

    schema.org identifiers are unique within the hiring organization only: "R-1234" at two employers
    must not name one saved posting.
    """
    name = ""
    if isinstance(identifier, dict):
        name = _text(identifier.get("name"))
        identifier = identifier.get("value", identifier.get("@value"))
    value = _text(identifier)
    if not value or len(value) >= EXTERNAL_ID_MAX:
        return None
    namespace = (name or company)[: EXTERNAL_ID_MAX - len(value) - 1]
    return f"{namespace}:{value}" if namespace else value


def _salary(amount: Any, found: Found) -> dict[str, Any]:
    """baseSalary as a MonetaryAmount (a QuantitativeValue range or one figure), or a bare number."""
    blank: dict[str, Any] = dict.fromkeys(("salary_min", "salary_max", "salary_currency", "salary_unit"))
    if amount is None:
        return blank
    currency: str | None = None
    if isinstance(amount, dict):
        currency = _text(amount.get("currency")).upper() or None
        value = found.resolve(_first(amount.get("value")))
        unit_text = amount.get("unitText")
    else:
        value, unit_text = amount, None
    if isinstance(value, dict):
        single = _amount(value.get("value"))
        low = _amount(value.get("minValue"))
        high = _amount(value.get("maxValue"))
        unit_text = value.get("unitText", unit_text)
    else:
        single, low, high = _amount(value), None, None
    low = low if low is not None else single
    high = high if high is not None else single
    if (low is None and high is None) or (low is not None and high is not None and low > high):
        return blank
    return {
        "salary_min": low,
        "salary_max": high,
        "salary_currency": currency if currency and re.fullmatch("[A-Z]{3}", currency) else None,
        "salary_unit": SALARY_UNITS.get(_text(unit_text).upper()),
    }


def _amount(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = clean(value).strip().strip("$\u20ac\u00a3\u00a5\u20b9 \u00a0").strip()
        if _DOT_THOUSANDS.fullmatch(text):  # before _PLAIN: 45.000 is forty-five thousand
            number = float(text.replace(".", "").replace(",", "."))
        elif _PLAIN.fullmatch(text):
            number = float(text)
        elif _COMMA_THOUSANDS.fullmatch(text):
            number = float(text.replace(",", ""))
        elif _COMMA_DECIMAL.fullmatch(text):
            number = float(text.replace(",", "."))
        else:
            return None  # "8-12 Lacs", "competitive", "100K"
    else:
        return None
    return number if math.isfinite(number) and 0 <= number < 1e9 else None
