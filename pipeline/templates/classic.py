"""Classic: centered name and contact lines, black headings with a thin rule under each."""

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER

from pipeline.templates.base import Template

TEMPLATE = Template(
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
)
