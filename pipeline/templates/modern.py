"""Modern: left-aligned name, an accent color for the name and headings, one accent rule under the header."""

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT

from pipeline.templates.base import Template

ACCENT = HexColor("#1F4E79")

TEMPLATE = Template(
    name="modern",
    header_alignment=TA_LEFT,
    name_size=22,
    name_color=ACCENT,
    heading_color=ACCENT,
    text_color=HexColor("#1A1A1A"),
    muted_color=HexColor("#4A4A4A"),
    rule_color=ACCENT,
    heading_rule=False,
    header_rule_width=1.5,
)
