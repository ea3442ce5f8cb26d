"""The page: sizes in points for every ``PageSize`` the options allow, and the margins of every document."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch

from pipeline.document_generator import PAGE_SIZES as PAGE_SIZE_NAMES
from pipeline.document_generator import PageSize

PAGE_SIZES: dict[PageSize, tuple[float, float]] = {"letter": LETTER, "a4": A4}
SIDE_MARGIN = 0.7 * inch
TOP_MARGIN = 0.6 * inch

if set(PAGE_SIZES) != set(PAGE_SIZE_NAMES):  # pragma: no cover -- a new PageSize needs its dimensions here
    raise RuntimeError(f"page dimensions for {sorted(PAGE_SIZES)}, options allow {sorted(PAGE_SIZE_NAMES)}")
