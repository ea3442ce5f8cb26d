"""The documents as UTF-8 plain text: one paragraph a line, blank lines between groups."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.document_generator import CoverLetter, Resume
from pipeline.render.blocks import Block, letter_blocks, resume_blocks

TEXT_BULLET = "- "
# (previous kind, kind) pairs separated by a blank line; "*" stands for any kind
BLANK_BETWEEN = {
    ("*", "heading"),
    ("*", "gap"),
    ("prose", "prose"),
    ("prose", "line"),
    ("line", "prose"),
    ("line", "entry_org"),
    ("entry_title", "entry_org"),
    ("entry_dates", "entry_org"),
    ("entry_location", "entry_org"),
    ("bullet", "entry_org"),
    ("entry_org", "entry_org"),
}


def resume_text(resume: Resume) -> str:
    """The resume as plain text, headings and order as in the PDF."""
    return blocks_text(resume_blocks(resume))


def cover_letter_text(letter: CoverLetter) -> str:
    """The cover letter as plain text."""
    return blocks_text(letter_blocks(letter))


def blocks_text(blocks: Iterable[Block]) -> str:
    lines: list[str] = []
    previous = ""
    for block in blocks:
        if previous and ({("*", block.kind), (previous, block.kind)} & BLANK_BETWEEN):
            lines.append("")
        if block.kind != "gap":
            lines.append(TEXT_BULLET + block.text if block.kind == "bullet" else block.full_text)
        previous = block.kind
    return "\n".join(lines) + "\n"
