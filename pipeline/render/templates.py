"""The PDF templates: what each decides (alignment, colors, rules), and the paragraph styles that follow.

Both are single-column and text-only; ``TEMPLATES`` holds one per ``TemplateName`` the options allow.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from pipeline.document_generator import TEMPLATES as TEMPLATE_NAMES
from pipeline.document_generator import TemplateName
from pipeline.render.fonts import BOLD, ITALIC, REGULAR, register_typefaces

BULLET = "\u2022 "
LEADING_RATIO = 1.3
MIN_TEXT_SIZE = 9.0
# Extra space above each entry, in line heights: baseline to baseline an entry starts at least 1.5 lines
# below the last line of the one before (parsers split entries at gaps over about 1.4 line heights).
ENTRY_GAP = 0.8


@dataclass(frozen=True)
class Styles:
    name: ParagraphStyle
    headline: ParagraphStyle
    contact: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    entry_org: ParagraphStyle
    entry_title: ParagraphStyle
    entry_dates: ParagraphStyle
    entry_location: ParagraphStyle
    prose: ParagraphStyle


@dataclass(frozen=True)
class Template:
    """A single-column, text-only look; ``body_size`` is the only thing that changes when a page must fit."""

    name: TemplateName
    header_alignment: int  # reportlab TA_CENTER or TA_LEFT, for the name, headline and contact lines
    name_size: float
    name_color: Color
    heading_color: Color
    text_color: Color
    muted_color: Color
    rule_color: Color
    heading_rule: bool  # a thin rule under every section heading
    header_rule_width: float  # a rule between the header and the first section; 0 for none

    def styles(self, body_size: float) -> Styles:
        """Paragraph styles for body text of ``body_size`` points (at least ``MIN_TEXT_SIZE``)."""
        register_typefaces()
        leading = round(body_size * LEADING_RATIO, 2)
        body = ParagraphStyle(
            f"{self.name}-body",
            fontName=REGULAR,
            fontSize=body_size,
            leading=leading,
            textColor=self.text_color,
            alignment=TA_LEFT,
            spaceAfter=1,
        )
        indent = stringWidth(BULLET, REGULAR, body_size)
        header = ParagraphStyle(f"{self.name}-header", parent=body, alignment=self.header_alignment)
        return Styles(
            name=ParagraphStyle(
                f"{self.name}-name",
                parent=header,
                fontName=BOLD,
                fontSize=self.name_size,
                leading=self.name_size * 1.2,
                textColor=self.name_color,
                spaceAfter=2,
            ),
            headline=ParagraphStyle(
                f"{self.name}-headline", parent=header, fontSize=body_size + 1, leading=leading + 1
            ),
            contact=ParagraphStyle(f"{self.name}-contact", parent=header, textColor=self.muted_color),
            heading=ParagraphStyle(
                f"{self.name}-heading",
                parent=body,
                fontName=BOLD,
                fontSize=body_size + 2,
                leading=leading + 2,
                textColor=self.heading_color,
                spaceBefore=body_size,
                spaceAfter=0 if self.heading_rule else 3,
                keepWithNext=1,
            ),
            body=body,
            bullet=ParagraphStyle(
                f"{self.name}-bullet", parent=body, leftIndent=indent, firstLineIndent=-indent
            ),
            entry_org=ParagraphStyle(
                f"{self.name}-entry-org",
                parent=body,
                fontName=BOLD,
                spaceBefore=leading * ENTRY_GAP,
                spaceAfter=0,
                keepWithNext=1,
            ),
            entry_title=ParagraphStyle(f"{self.name}-entry-title", parent=body, spaceAfter=0, keepWithNext=1),
            entry_dates=ParagraphStyle(
                f"{self.name}-entry-dates",
                parent=body,
                fontName=ITALIC,
                textColor=self.muted_color,
                spaceAfter=0,
                keepWithNext=1,
            ),
            entry_location=ParagraphStyle(
                f"{self.name}-entry-location",
                parent=body,
                textColor=self.muted_color,
                keepWithNext=1,
            ),
            prose=ParagraphStyle(f"{self.name}-prose", parent=body, spaceAfter=body_size * 0.6),
        )


MODERN_ACCENT = HexColor("#1F4E79")

TEMPLATES: dict[TemplateName, Template] = {
    # Classic: centered name and contact lines, black headings with a thin rule under each.
    "classic": Template(
        name="classic",
        header_alignment=TA_CENTER,
        name_size=20,
        name_color=HexColor("#111111"),
        heading_color=HexColor("#111111"),
        text_color=HexColor("#111111"),
        muted_color=HexColor("#444444"),
        rule_color=HexColor("#555555"),
        heading_rule=True,
        header_rule_width=0,
    ),
    # Modern: left-aligned name, an accent color for the name and headings, one accent rule under the header.
    "modern": Template(
        name="modern",
        header_alignment=TA_LEFT,
        name_size=22,
        name_color=MODERN_ACCENT,
        heading_color=MODERN_ACCENT,
        text_color=HexColor("#1A1A1A"),
        muted_color=HexColor("#4A4A4A"),
        rule_color=MODERN_ACCENT,
        heading_rule=False,
        header_rule_width=1.5,
    ),
}
if set(TEMPLATES) != set(TEMPLATE_NAMES):  # pragma: no cover -- a new TemplateName needs its look here
    raise RuntimeError(f"templates {sorted(TEMPLATES)}, options allow {sorted(TEMPLATE_NAMES)}")


def get_template(name: str) -> Template:
    """The template called ``name``; raises ``ValueError`` naming the known ones otherwise."""
    try:
        return TEMPLATES[name]  # type: ignore[index]
    except KeyError:
        raise ValueError(f"unknown template {name!r}; expected one of {sorted(TEMPLATES)}") from None
