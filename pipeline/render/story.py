"""Document blocks as reportlab flowables, top to bottom in one column.

Every line is a real text object in reading order, so extractors read the sections in the order shown.
Organization, title, dates and location each sit on a line of their own instead of sharing one or
being right-aligned, which keeps each visual line one extracted line, and one field, in every extractor.
Runs of characters the style's font lacks are set in
the font that has them (``fonts``), and a paragraph holding Chinese, Japanese or Korean text
wraps by reportlab's CJK rules, which may break between any two of those characters.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer

from pipeline.render.bidi import has_rtl
from pipeline.render.blocks import HEADER_KINDS, Block
from pipeline.render.fonts import FALLBACK, bold_face, font_runs, text_width
from pipeline.render.rtl import RtlParagraph
from pipeline.render.templates import BULLET, Template
from pipeline.render.wording import SEPARATOR

HEADING_RULE = 0.6
FALLBACK_TAG = f'<font name="{FALLBACK}">'  # escaped text cannot hold "<", so only markup matches


def story(blocks: Iterable[Block], template: Template, body_size: float, width: float) -> list[Flowable]:
    """The flowables for ``blocks`` with body text of ``body_size`` points, in a column ``width`` wide."""
    styles = template.styles(body_size)
    by_kind = {
        "name": styles.name,
        "headline": styles.headline,
        "contact": styles.contact,
        "heading": styles.heading,
        "prose": styles.prose,
        "line": styles.body,
        "entry_org": styles.entry_org,
        "entry_title": styles.entry_title,
        "entry_dates": styles.entry_dates,
        "entry_location": styles.entry_location,
        "bullet": styles.bullet,
    }
    flowables: list[Flowable] = []
    in_header = True
    for block in blocks:
        if in_header and block.kind not in HEADER_KINDS:
            in_header = False
            if template.header_rule_width:
                flowables.append(rule(template, template.header_rule_width))
        if block.kind == "gap":
            flowables.append(Spacer(0, body_size))
            continue
        style = by_kind[block.kind]
        if block.kind == "contact":
            flowables += [
                text_flowable(line, style) for line in pack(block.text.split(SEPARATOR), style, width)
            ]
            continue
        text = BULLET + block.text if block.kind == "bullet" else block.text
        flowables.append(text_flowable(text, style, block.lead))
        if block.kind == "heading" and template.heading_rule:
            flowables.append(rule(template, HEADING_RULE))
    return flowables


def text_flowable(text: str, style: ParagraphStyle, lead: str = "") -> Flowable:
    """``lead`` in bold then ``text``; right-to-left text goes through ``RtlParagraph``."""
    if has_rtl(lead + text):
        return RtlParagraph(lead + text, style)
    bold = f"<b>{markup(lead, bold_face(style.fontName))}</b>" if lead else ""
    content = bold + markup(text, style.fontName)
    if FALLBACK_TAG in content:
        style = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
    return Paragraph(content, style)


def markup(text: str, font: str) -> str:
    """``text`` escaped, each run that ``font`` cannot draw wrapped in a tag naming the font that can."""
    return "".join(
        escape(run) if name == font else f'<font name="{name}">{escape(run)}</font>'
        for name, run in font_runs(text, font)
    )


def pack(items: list[str], style: ParagraphStyle, width: float) -> list[str]:
    """Items joined into as few lines as fit ``width``, breaking only between items."""
    lines = [items[0]]
    for item in items[1:]:
        joined = lines[-1] + SEPARATOR + item
        if text_width(joined, style.fontName, style.fontSize) <= width:
            lines[-1] = joined
        else:
            lines.append(item)
    return lines


def rule(template: Template, thickness: float) -> HRFlowable:
    """A full-width horizontal rule that stays with what follows it."""
    line = HRFlowable(
        width="100%", thickness=thickness, color=template.rule_color, spaceBefore=1, spaceAfter=4
    )
    line.keepWithNext = 1
    return line
