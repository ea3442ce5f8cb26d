"""Every weight and limit of the ATS score, in one place. Change any of them and bump ``SCORING_VERSION``.

ats_score = sum of COMPONENT_WEIGHTS[c] x score of component c, each score in [0, 1]:

- keywords: REQUIRED_SHARE x weighted coverage of the required keywords + (1 - REQUIRED_SHARE) x weighted
  coverage of the other keywords (preferred, responsibilities, title). A keyword's weight is stage 1's; it
  counts as covered only when the text of both PDF engines shows it (any alias, plural or stem). When one
  group is empty the other takes its share; a posting without keywords scores 1.
- sections: the sum of SECTION_WEIGHTS over the sections the extracted text shows.
- format: the share of format checks passed (each check counts the same).
- knockouts: met / (met + not met); a constraint the resume cannot settle (unknown) is flagged, not scored;
  1 when nothing is decided.
"""

from __future__ import annotations

SCORING_VERSION = "ats-1.0"
DEFAULT_TARGET = 0.85

COMPONENT_WEIGHTS = {"keywords": 0.60, "sections": 0.15, "format": 0.15, "knockouts": 0.10}
REQUIRED_SHARE = 0.7

SECTION_WEIGHTS = {"contact": 0.25, "summary": 0.15, "experience": 0.25, "education": 0.15, "skills": 0.20}

MAX_PAGES = 2  # 1 when the caller asked for one page
MAX_FILE_BYTES = 1_000_000
MIN_ENGINE_AGREEMENT = 0.98  # share of words pypdf and pdfminer.six read in the same order
MAX_SIDE_BY_SIDE_SHARE = 0.10  # text lines that sit beside another line: above this, the page has columns
TABLE_CELLS = 3  # text pieces on one row that make a table row
TABLE_ROWS = 2  # table rows that make a table
