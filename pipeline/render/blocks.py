"""The documents as a flat sequence of typed text blocks, top to bottom.

The PDF, plain-text and DOCX renderings all walk these blocks, so the three carry the same text in
the same order and differ only in looks.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.document_generator import CoverLetter, Resume, ResumeEntry, ResumeSection
from pipeline.render.wording import ONGOING_KINDS, contact_line, date_range, labelled, letter_date

HEADER_KINDS = ("name", "headline", "contact")
PROSE_SECTIONS = ("summary",)  # sections whose lines read as one paragraph


@dataclass(frozen=True)
class Block:
    """One paragraph; ``lead`` is set in bold before ``text`` (an entry title, a skill group label)."""

    # name | headline | contact | heading | prose | line | entry_org | entry_title | entry_dates
    # | entry_location | bullet | gap
    kind: str
    text: str = ""
    lead: str = ""

    @property
    def full_text(self) -> str:
        return self.lead + self.text


def resume_blocks(resume: Resume) -> tuple[Block, ...]:
    """Header, then each section's heading in capitals, lines and entries, in the resume's order.

    The layout rule-based ATS parsers read: each field of an entry on a line of its own (the organization
    in bold, then the title, the dates, the location), so no parser has to split one line into two fields.
    """
    blocks = header_blocks(resume.name, resume.headline, resume.contact)
    for section in resume.sections:
        blocks.append(Block("heading", section.heading.upper()))
        blocks += section_line_blocks(section)
        for entry in section.entries:
            blocks += entry_blocks(entry, section)
    return tuple(blocks)


def entry_blocks(entry: ResumeEntry, section: ResumeSection) -> list[Block]:
    """Organization (bold), title, dates and location on lines of their own, then the bullets.

    For education the school is the organization and the degree the title, so they never share a line.
    An entry without an organization (a project) shows its title in bold in the organization's place.
    """
    dates = date_range(entry, ongoing=section.kind in ONGOING_KINDS)
    fields = [
        Block("entry_org", lead=entry.organization or entry.title),
        Block("entry_title", entry.title if entry.organization else ""),
        Block("entry_dates", dates),
        Block("entry_location", entry.location),
    ]
    return [block for block in fields if block.full_text] + [
        Block("bullet", line.text) for line in entry.bullets
    ]


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
