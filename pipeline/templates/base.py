"""What a template decides: alignment, colors and rules; the paragraph styles follow from it."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from pipeline.typefaces import BOLD, ITALIC, REGULAR, register_typefaces

BULLET = "\u2022 "
LEADING_RATIO = 1.3
MIN_TEXT_SIZE = 9.0


@dataclass(frozen=True)
class Styles:
    name: ParagraphStyle
    headline: ParagraphStyle
    contact: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    entry_title: ParagraphStyle
    entry_meta: ParagraphStyle
    prose: ParagraphStyle


@dataclass(frozen=True)
class Template:
    """A single-column, text-only look; ``body_size`` is the only thing that changes when a page must fit."""

    name: str
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
        """Paragraph styles for body text of ``body_size`` points; nothing is set smaller than 9 pt."""
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
            entry_title=ParagraphStyle(
                f"{self.name}-entry-title",
                parent=body,
                spaceBefore=body_size * 0.5,
                spaceAfter=0,
                keepWithNext=1,
            ),
            entry_meta=ParagraphStyle(
                f"{self.name}-entry-meta",
                parent=body,
                fontName=ITALIC,
                textColor=self.muted_color,
                keepWithNext=1,
            ),
            prose=ParagraphStyle(f"{self.name}-prose", parent=body, spaceAfter=body_size * 0.6),
        )
