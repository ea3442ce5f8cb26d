"""JSON Resume (v1) documents to profile rows and back, losslessly.

Known fields map to columns; sections without a table (awards, publications, interests, references, meta) and
any extension fields are kept verbatim, so ``to_json_resume(import(doc)) == doc``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from models.profile import Profile

BASICS = ("name", "label", "image", "email", "phone", "url", "summary")
LOCATION = {
    "address": "address",
    "postalCode": "postal_code",
    "city": "city",
    "countryCode": "country_code",
    "region": "region",
}
_DATES = {"startDate": "start_date", "endDate": "end_date"}
_ROLE = {"position": "title", "url": "url", **_DATES, "summary": "summary", "highlights": "highlights"}

# JSON Resume list section -> (profile collection, {json key: attribute}).
SECTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "work": (
        "experiences",
        {"name": "employer", "location": "location", "description": "description", **_ROLE},
    ),
    "volunteer": ("volunteer", {"organization": "employer", **_ROLE}),
    "education": (
        "education",
        {
            "institution": "institution",
            "url": "url",
            "area": "area",
            "studyType": "study_type",
            **_DATES,
            "score": "score",
            "courses": "courses",
        },
    ),
    "skills": ("skills", {"name": "name", "level": "level", "keywords": "keywords"}),
    "projects": (
        "projects",
        {
            "name": "name",
            "description": "description",
            "highlights": "highlights",
            "keywords": "keywords",
            **_DATES,
            "url": "url",
            "roles": "roles",
            "entity": "entity",
            "type": "type",
        },
    ),
    "certificates": ("certifications", {"name": "name", "date": "date", "url": "url", "issuer": "issuer"}),
    "languages": ("languages", {"language": "language", "fluency": "fluency"}),
}
LINKS = {"network": "network", "username": "username", "url": "url"}


def _split(item: Mapping[str, Any], fields: Mapping[str, str]) -> dict[str, Any]:
    """Known keys renamed to attributes; the rest kept under ``extra``."""
    row = {attr: item[key] for key, attr in fields.items() if key in item}
    row["extra"] = {key: value for key, value in item.items() if key not in fields}
    return row


def _join(row: Any, fields: Mapping[str, str]) -> dict[str, Any]:
    item = {key: getattr(row, attr) for key, attr in fields.items() if getattr(row, attr) is not None}
    item.update(row.extra or {})
    return item


# Keys the JSON Resume 0.x schema (tag 0.0.0 of jsonresume/resume-schema, 2014) names differently from
# v1.0.0: (section, 0.x key, v1 key); section "basics" is the basics object, the others are list sections.
LEGACY_KEYS: tuple[tuple[str, str, str], ...] = (
    ("basics", "website", "url"),
    ("basics", "picture", "image"),
    ("work", "company", "name"),
    ("work", "website", "url"),
    ("volunteer", "website", "url"),
    ("education", "gpa", "score"),
    ("publications", "website", "url"),
)


def upgrade_legacy(doc: Mapping[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A JSON Resume 0.x document with its renamed keys moved to their v1 names, and one warning per key.

    A 0.x key is renamed only where its v1 key is absent; where both are present the 0.x key stays as an
    extension field (nothing is dropped) and the warning says so. A v1 document comes back unchanged, with
    no warnings.
    """
    upgraded = copy.deepcopy(dict(doc))
    warnings: list[dict[str, Any]] = []
    for section, old, new in LEGACY_KEYS:
        value = upgraded.get(section)
        entries = [value] if section == "basics" else value
        if not isinstance(entries, list):
            continue
        renamed, kept = 0, 0
        for entry in entries:
            if not isinstance(entry, dict) or old not in entry:
                continue
            if new in entry:
                kept += 1
                continue
            items = [(new if key == old else key, item) for key, item in entry.items()]
            entry.clear()
            entry.update(items)  # same position, new name
            renamed += 1
        path = section if section == "basics" else f"{section}[]"
        if renamed:
            warnings.append(
                {
                    "key": f"{path}.{old}",
                    "replacement": f"{path}.{new}",
                    "count": renamed,
                    "message": f"JSON Resume 0.x key '{old}' read as '{new}' in {renamed} {section} entr"
                    + ("y" if renamed == 1 else "ies"),
                }
            )
        if kept:
            warnings.append(
                {
                    "key": f"{path}.{old}",
                    "replacement": f"{path}.{new}",
                    "count": kept,
                    "message": f"'{old}' kept as an extension field beside '{new}' in {kept} {section} entr"
                    + ("y" if kept == 1 else "ies")
                    + "; the documents use '"
                    + new
                    + "'",
                }
            )
    return upgraded, warnings


def from_json_resume(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Profile data (attribute names, ready for ``apply_profile_data``) from a JSON Resume document."""
    basics = doc.get("basics") or {}
    location = basics.get("location") or {}
    known_basics = {*BASICS, "location", "profiles"}
    data: dict[str, Any] = {key: basics.get(key) for key in BASICS}
    data.update({attr: location.get(key) for key, attr in LOCATION.items()})
    data["basics_extra"] = {
        "basics": {k: v for k, v in basics.items() if k not in known_basics},
        "location": {k: v for k, v in location.items() if k not in LOCATION},
    }
    data["links"] = [_split(p, LINKS) for p in basics.get("profiles") or ()]
    for key, (collection, fields) in SECTIONS.items():
        data[collection] = [_split(item, fields) for item in doc.get(key) or ()]
    data["sections"] = {k: v for k, v in doc.items() if k != "basics" and k not in SECTIONS}
    present = [k for k in ("basics", *SECTIONS) if k in doc]
    present += [f"basics.{k}" for k in ("location", "profiles") if k in basics]
    data["layout"] = {"present": present}
    return data


def to_json_resume(profile: Profile) -> dict[str, Any]:
    """The profile as a JSON Resume document."""
    present = set((profile.layout or {}).get("present", ("basics",)))
    extra = profile.basics_extra or {}
    basics: dict[str, Any] = {k: getattr(profile, k) for k in BASICS if getattr(profile, k) is not None}
    location = {k: getattr(profile, a) for k, a in LOCATION.items() if getattr(profile, a) is not None}
    location.update(extra.get("location") or {})
    if location or "basics.location" in present:
        basics["location"] = location
    if profile.links or "basics.profiles" in present:
        basics["profiles"] = [_join(link, LINKS) for link in profile.links]
    basics.update(extra.get("basics") or {})
    doc: dict[str, Any] = {"basics": basics}
    for key, (collection, fields) in SECTIONS.items():
        rows = getattr(profile, collection)
        if rows or key in present:
            doc[key] = [_join(row, fields) for row in rows]
    doc.update(profile.sections or {})
    return doc
