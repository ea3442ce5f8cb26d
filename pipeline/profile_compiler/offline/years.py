"""Years of experience from the profile's own dates.

The work entries' date ranges, overlaps merged, months inclusive, an empty end date meaning ongoing until
"today": the ``today`` argument, else the latest date anywhere in the profile.
"""

from __future__ import annotations

import re

from pipeline.inputs import Profile
from pipeline.text import normalize

_DATE = re.compile(r"\s*(\d{4})(?:-(\d{1,2}))?")
_ONGOING = frozenset({"", "present", "current", "now", "today", "ongoing"})


def _month(date: str, *, end: bool = False) -> int | None:
    """Months since year 0 of "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a bare year ends in December."""
    m = _DATE.match(date or "")
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    return int(m.group(1)) * 12 + min(max(month, 1), 12) - 1


def _latest_date(profile: Profile) -> int | None:
    dates = [
        *(d for e in (*profile.experiences, *profile.volunteer) for d in (e.start_date, e.end_date)),
        *(d for ed in profile.education for d in (ed.start_date, ed.end_date)),
        *(d for p in profile.projects for d in (p.start_date, p.end_date)),
        *(c.date for c in profile.certifications),
    ]
    months = [m for d in dates if (m := _month(d)) is not None]
    return max(months) if months else None


def years_of_experience(profile: Profile, today: str | None) -> float:
    now = _month(today) if today else _latest_date(profile)
    if now is None:
        return 0.0
    spans = []
    for e in profile.experiences:
        start = _month(e.start_date)
        end = now if normalize(e.end_date) in _ONGOING else _month(e.end_date, end=True)
        if start is not None and end is not None and min(end, now) >= start:
            spans.append((start, min(end, now)))
    total, reach = 0, None
    for start, end in sorted(spans):
        if reach is not None and start <= reach:
            start = reach + 1
        if end >= start:
            total += end - start + 1
        reach = end if reach is None else max(reach, end)
    return round(total / 12, 1)
