"""A posting's HTML description as plain text: parsed by lxml, never rendered or run.

Scripts, styles and other embedded content are dropped with everything inside them; entities are decoded;
paragraphs, headings and line breaks become lines; list items become "- item" lines. A description that
arrives entity-escaped ("&lt;p&gt;...", as several boards publish it) is unescaped once first. In text
without block elements or <br> (plain text, or inline HTML only) newlines are the line breaks, as Google
for Jobs reads them; inside block HTML they are only whitespace, as a browser shows them.
"""

from __future__ import annotations

import html
import re

import lxml.html
from lxml import etree

# Elements whose content is not text a reader sees: dropped with their content (their tail text stays).
HIDDEN = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head")
# Elements that start and end a line of their own.
BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "thead", "tfoot", "tr", "ul",
))  # fmt: skip
# Blocks followed by an empty line.
PARAGRAPHS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre"))
CELLS = frozenset(("td", "th"))
# C0 controls but tab, newline and carriage return: XML parsers and Postgres text refuse them (NUL).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """``text`` without control characters, and with lone surrogates (which no encoder takes) as "?"."""
    return _CONTROLS.sub("", text).encode("utf-8", "replace").decode("utf-8")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (or of plain text), lines trimmed, at most one blank line in a row."""
    fragment = clean(fragment)
    if "<" not in fragment and "&lt;" in fragment:
        fragment = html.unescape(fragment)  # HTML published entity-escaped
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *HIDDEN, with_tail=False)
    lines = _Lines(newlines_break=next(root.iterdescendants(*BLOCKS, "br"), None) is None)
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag == "br":
                lines.line_break()
            elif tag in BLOCKS:
                lines.end_line()
                if tag == "li":
                    lines.bullet()
            elif tag in CELLS:
                lines.add(" ")
            lines.add(element.text)
        else:
            if tag in BLOCKS:
                lines.end_line(blank=tag in PARAGRAPHS)
            lines.add(element.tail)
    return lines.text()


class _Lines:
    """Collects inline text into lines; whitespace collapses inside a line, newlines end one."""

    def __init__(self, *, newlines_break: bool) -> None:
        self.newlines_break = newlines_break
        self.lines: list[str] = []
        self.current: list[str] = []
        self.prefix = ""

    def add(self, text: str | None) -> None:
        if not text:
            return
        if not self.newlines_break:
            self.current.append(text)
            return
        first, *rest = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.current.append(first)
        for piece in rest:
            self.end_line(blank=not "".join(self.current).strip())  # an empty line: a paragraph break
            self.current.append(piece)

    def line_break(self) -> None:
        """<br>: ends the line; a second one in a row leaves an empty line, as it shows."""
        self.end_line(blank=not "".join(self.current).strip())

    def bullet(self) -> None:
        self.prefix = "- "

    def end_line(self, *, blank: bool = False) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(self.prefix + line)
            self.prefix = ""
        if blank and self.lines and self.lines[-1]:
            self.lines.append("")
        self.current = []

    def text(self) -> str:
        self.end_line()
        kept: list[str] = []
        for line in self.lines:
            if line or (kept and kept[-1]):
                kept.append(line)
        return "\n".join(kept).strip()
