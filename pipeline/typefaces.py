"""The bundled DejaVu Sans family, registered with reportlab once per process.

DejaVu Sans covers Latin Extended, Greek, Cyrillic, Hebrew and most Arabic, which reportlab's built-in
fonts do not; reportlab embeds only the glyphs a document uses (a subset).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"


@cache
def register_typefaces() -> str:
    """Register the four styles as one family (so ``<b>`` and ``<i>`` work); return the family name."""
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    return REGULAR
