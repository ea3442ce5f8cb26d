"""A paragraph flowable for text holding right-to-left letters.

reportlab's Paragraph wraps and draws text in logical order, and its own bidi support needs ``rlbidi``,
which is not on PyPI. This flowable shapes the whole text, wraps it with the font's real glyph widths,
then reorders each wrapped line for display (``pipeline.bidi``). It uses one font (the style's), no
inline markup, and is kept whole on a page: a paragraph taller than a page cannot be drawn.

Lines are aligned like the rest of the (left-to-right) column, not flush right: pdfminer.six groups
a flush-right line into its own text box and reads it out of order, and reading order comes first.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable

from pipeline.bidi import shape, to_visual


class RtlParagraph(Flowable):
    """``text`` (logical order) drawn line by line in visual order, aligned like the rest of the column."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.lines: tuple[str, ...] = ()

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        style = self.style
        text_width = avail_width - style.leftIndent - style.rightIndent
        wrapped = simpleSplit(shape(self.text), style.fontName, style.fontSize, text_width)
        self.lines = tuple(to_visual(line) for line in wrapped)
        self.width, self.height = avail_width, len(self.lines) * style.leading
        return self.width, self.height

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        left, right = style.leftIndent, self.width - style.rightIndent
        baseline = self.height - style.fontSize
        for line in self.lines:
            if style.alignment == TA_CENTER:
                canvas.drawCentredString((left + right) / 2, baseline, line)
            else:
                canvas.drawString(left, baseline, line)
            baseline -= style.leading
