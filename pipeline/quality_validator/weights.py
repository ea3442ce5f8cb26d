"""Every weight and limit of the ATS score, in one place. Change any of them and bump ``SCORING_VERSION``.

ats-2.0: ats_score = fit x the product, over the components c in PENALTIES, of
(1 - COMPONENT_WEIGHTS[c] x (1 - score of c)).

- fit (the "keywords" component): REQUIRED_SHARE x weighted coverage of the required keywords +
  (1 - REQUIRED_SHARE) x weighted coverage of the other keywords (preferred, responsibilities, title),
  divided by KEYWORD_SATURATION and capped at 1: a real resume that shows FULL coverage of a long posting
  does not exist, and one that covers KEYWORD_SATURATION of it is as good a match as a posting allows. A
  keyword's weight is stage 1's; it counts only when the text of both PDF engines shows it. When one group is
  empty the other takes its share; a posting without keywords gives a fit of 1.
- parse_back: the share of the resume's fields (name, email, phone, location; employer, title and dates of
  each role; school, degree and dates of each education entry) an ATS-style reader recovers from the PDF.
  Its weight is 1: a resume whose fields an ATS cannot find loses that share of its score.
- knockouts: met / (met + not met); unknown constraints are flagged, not scored; 1 when nothing is decided.
- sections: the sum of SECTION_WEIGHTS over the sections the extracted text shows.
- format: the share of format checks passed (each check counts the same).

Only keywords can raise the score; the other components can only take from it, so a resume with no keyword
of the posting scores 0 however tidy it is (ats-1.0 gave every resume about 0.40 for sections and format).
"""

from __future__ import annotations

SCORING_VERSION = "ats-2.0"
DEFAULT_TARGET = 0.85

COMPONENT_WEIGHTS = {"keywords": 1.0, "parse_back": 1.0, "knockouts": 0.5, "sections": 0.3, "format": 0.3}
PENALTIES = ("parse_back", "knockouts", "sections", "format")  # every component but keywords
KEYWORD_SATURATION = 0.85
REQUIRED_SHARE = 0.7

SECTION_WEIGHTS = {"contact": 0.25, "summary": 0.15, "experience": 0.25, "education": 0.15, "skills": 0.20}

MAX_PAGES = 2  # 1 when the caller asked for one page
MAX_FILE_BYTES = 1_000_000
MIN_ENGINE_AGREEMENT = 0.98  # share of words pypdf and pdfminer.six read in the same order
MAX_SIDE_BY_SIDE_SHARE = 0.10  # text lines that sit beside another line: above this, the page has columns
TABLE_CELLS = 3  # text pieces on one row that make a table row
TABLE_ROWS = 2  # table rows that make a table
