"""A paragraph flowable for text holding right-to-left letters.

reportlab's Paragraph wraps and draws text in logical order, and its own bidi support needs ``rlbidi``,
which is not on PyPI. This flowable shapes the whole text, wraps it with the font's real glyph widths,
then reorders each wrapped line for display (``bidi``). Each run is drawn in the first font
that has its characters (``fonts``); there is no inline markup, and the paragraph is kept
whole on a page: a paragraph taller than a page cannot be drawn.

Lines are aligned like the rest of the (left-to-right) column, not flush right: pdfminer.six groups
a flush-right line into its own text box and reads it out of order, and reading order comes first.
"""

from __future__ import annotations

from functools import partial

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import _simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from pipeline.render.bidi import shape, to_visual
from pipeline.render.fonts import font_runs, text_width


class RtlParagraph(Flowable):
    """``text`` (logical order) drawn line by line in visual order, aligned like the rest of the column."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.lines: tuple[str, ...] = ()

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        style = self.style
        width = avail_width - style.leftIndent - style.rightIndent
        # reportlab's simpleSplit, measuring each run in the font that draws it
        measure = partial(text_width, font=style.fontName, size=style.fontSize)
        parts = shape(self.text).split("\n")
        wrapped = [line for part in parts for line in _simpleSplit(part, width, measure)]
        self.lines = tuple(to_visual(line) for line in wrapped)
        self.width, self.height = avail_width, len(self.lines) * style.leading
        return self.width, self.height

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        size, current = style.fontSize, style.fontName
        canvas.setFont(current, size)
        canvas.setFillColor(style.textColor)
        left, right = style.leftIndent, self.width - style.rightIndent
        baseline = self.height - size
        for line in self.lines:
            x = left
            if style.alignment == TA_CENTER:
                x = (left + right) / 2 - 0.5 * text_width(line, style.fontName, size)
            for font, run in font_runs(line, style.fontName):
                if font != current:  # set only on a change, so one-font lines stay as before
                    current = font
                    canvas.setFont(font, size)
                canvas.drawString(x, baseline, run)
                x += stringWidth(run, font, size)
            baseline -= style.leading
