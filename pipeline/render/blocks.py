"""The documents as a flat sequence of typed text blocks, top to bottom.

The PDF, plain-text and DOCX renderings all walk these blocks, so the three carry the same text in
the same order and differ only in looks.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.document_generator import CoverLetter, Resume, ResumeEntry, ResumeSection
from pipeline.render.wording import contact_line, entry_meta, labelled, letter_date

HEADER_KINDS = ("name", "headline", "contact")
PROSE_SECTIONS = ("summary",)  # sections whose lines read as one paragraph


@dataclass(frozen=True)
class Block:
    """One paragraph; ``lead`` is set in bold before ``text`` (an entry title, a skill group label)."""

    kind: str  # name | headline | contact | heading | prose | line | entry_title | entry_meta | bullet | gap
    text: str = ""
    lead: str = ""

    @property
    def full_text(self) -> str:
        return self.lead + self.text


def resume_blocks(resume: Resume) -> tuple[Block, ...]:
    """Header, then each section's heading, lines and entries, in the resume's order."""
    blocks = header_blocks(resume.name, resume.headline, resume.contact)
    for section in resume.sections:
        blocks.append(Block("heading", section.heading))
        blocks += section_line_blocks(section)
        for entry in section.entries:
            blocks.append(
                Block("entry_title", f", {entry.organization}" if entry.organization else "", entry.title)
            )
            meta = entry_meta(entry, section)
            blocks += [Block("entry_meta", meta)] if meta else []
            blocks += [Block("bullet", line.text) for line in entry.bullets]
    return tuple(blocks)


def letter_blocks(letter: CoverLetter) -> tuple[Block, ...]:
    """Header, date, recipient, salutation, body paragraphs, closing and signature."""
    blocks = header_blocks(letter.name, "", letter.contact)
    blocks.append(Block("gap"))
    blocks += [Block("prose", letter_date(letter.date, letter.language))] if letter.date else []
    blocks += [Block("line", line) for line in letter.recipient]
    blocks += [Block("gap"), Block("prose", letter.salutation)]
    blocks += [Block("prose", " ".join(line.text for line in lines)) for lines in letter.paragraphs]
    blocks += [Block("line", letter.closing), Block("line", letter.signature)]
    return tuple(block for block in blocks if block.full_text or block.kind == "gap")


def entry_title(entry: ResumeEntry) -> Block:
    """The first line of an entry: the title in bold, then ", Organization" (or the organization alone)."""
    if not entry.title:
        return Block("entry_title", lead=entry.organization)
    return Block("entry_title", f", {entry.organization}" if entry.organization else "", entry.title)


def header_blocks(name: str, headline: str, contact: tuple[str, ...]) -> list[Block]:
    blocks = [Block("name", name), Block("headline", headline), Block("contact", contact_line(contact))]
    return [block for block in blocks if block.text]


def section_line_blocks(section: ResumeSection) -> list[Block]:
    """Summary sentences as one paragraph; skill groups, certifications and languages one per line."""
    if not section.lines:
        return []
    if section.kind in PROSE_SECTIONS:
        return [Block("prose", " ".join(line.text for line in section.lines))]
    blocks = []
    for line in section.lines:
        label = labelled(line.text)
        blocks.append(Block("line", label[1], f"{label[0]}: ") if label else Block("line", line.text))
    return blocks
