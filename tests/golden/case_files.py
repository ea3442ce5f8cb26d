"""Reading a golden case file: a real posting (``posting_file``) and a profile (``profile_file``) named by
file are read in as the case's ``posting`` and ``profile``."""

from __future__ import annotations

import json
from pathlib import Path

GOLDEN = Path(__file__).parent
CASES = sorted((GOLDEN / "cases").glob("*.json"))


def load(path: Path) -> dict:
    """A case, with ``posting_file`` (a real posting in ``postings/``) and ``profile_file`` (a JSON Resume
    in ``profiles/``) read in as its ``posting`` and ``profile``."""
    case = json.loads(path.read_text(encoding="utf-8"))
    if "posting_file" in case:
        real = json.loads((GOLDEN / "postings" / f"{case['posting_file']}.json").read_text(encoding="utf-8"))
        case["posting"] = real["posting"]
    if "profile_file" in case:
        case["profile"] = json.loads(
            (GOLDEN / "profiles" / f"{case['profile_file']}.json").read_text("utf-8")
        )
    return case
