"""A resume read back into fields the way a rule-based ATS parser reads it.

Built from the public conventions such parsers follow (OpenResume's parser among them), not from how
JobWise draws its PDFs: the text is grouped into visual lines with their font facts (pdfminer.six, through
``reading``); a short line that is bold and in capitals, or that names a section keyword, starts a section;
the lines above the first section are the header (name, email, phone, location); inside experience and
education, entries split where the vertical gap exceeds ``ENTRY_GAP_RATIO`` times the usual line gap or a
bold line follows a plain one; an entry's leading lines are its fields, each line (or each part of a line
between separators such as "|" or a wide gap) one field, told apart by patterns (dates, "City, Region")
and keyword lists (``resume_terms.yaml``: title, organization, school and degree words).

Like those parsers it does not split one field out of another: "Senior Engineer, Acme" is a title line
with no employer, and "BSc Physics, University of Oslo" is neither a clean degree nor a clean school.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from pipeline.quality_validator.reading import TextLine, read_pdf
from pipeline.text import normalize

TERMS_FILE = Path(__file__).resolve().parent / "resume_terms.yaml"
ENTRY_GAP_RATIO = 1.4  # a gap over this many usual line gaps starts a new entry
HEADING_MAX_WORDS = 4
HEAD_MAX_WORDS = 12  # a longer line is description, not a field
BULLETS = "\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219*-\u2013\u00b7\u25a0\u2192\u27a2\u2713"
ENTRY_SECTIONS = ("experience", "education")

MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez|"
    r"ene|abr|ago|dic|janv|févr|mars|avr|juin|juil|août|déc)[a-zäéû]*\.?"
)
DATE = rf"(?:{MONTH}\s+|\d{{1,2}}[/.])?(?:19|20)\d{{2}}"
ONGOING = r"(?:present|current|now|today|heute|actualidad|presente|actual|aujourd'hui|hoy)"
DATES = re.compile(rf"{DATE}(?:\s*(?:[-\u2013\u2014]|to|bis|a|hasta)\s*(?:{DATE}|{ONGOING}))?", re.IGNORECASE)
SEPARATORS = re.compile(r"\s+[|\u2022\u00b7\u2014]\s+|\t|\s{3,}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+?\(?\d[\d ().-]{5,}\d")
LOCATION = re.compile(r"^[^\W\d][^\d,@/|]{1,40},\s*[^\W\d][^\d,@/|]{1,40}(?:,\s*[^\W\d][^\d,@/|]{1,30})?$")
YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class ParsedEntry:
    section: str  # experience | education
    organization: str = ""  # employer or school
    title: str = ""  # job title or degree
    dates: str = ""
    location: str = ""


@dataclass(frozen=True)
class ParsedResume:
    name: str = ""
    email: str = ""
    phone: str = ""
    location: str = ""
    sections: tuple[str, ...] = ()
    entries: tuple[ParsedEntry, ...] = ()

    def of(self, section: str) -> tuple[ParsedEntry, ...]:
        return tuple(entry for entry in self.entries if entry.section == section)


@dataclass(frozen=True)
class Line:
    page: int
    top: float  # y of the top edge; y grows upwards
    bottom: float
    text: str
    bold: bool
    size: float
    parts: tuple[str, ...]  # pieces set apart on the line (wide gaps)


@cache
def terms() -> dict:
    return yaml.safe_load(TERMS_FILE.read_text(encoding="utf-8"))


def words_of(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", normalize(text).replace(".", ""))


def has_word(text: str, vocabulary: str) -> bool:
    tokens = words_of(text)
    joined = " " + " ".join(tokens) + " "
    return any(f" {word} " in joined for word in terms()[vocabulary])


def read_resume(pdf: bytes) -> ParsedResume:
    """Parse a resume PDF into fields (one pdfminer.six parse)."""
    return parse_lines(read_pdf(pdf).lines)


def parse_lines(text_lines: Sequence[TextLine]) -> ParsedResume:
    """The fields an ATS finds in laid-out lines (page by page, top to bottom)."""
    lines = visual_lines(text_lines)
    sections: list[tuple[str, list[Line]]] = [("header", [])]
    for line in lines:
        kind = section_kind(line)
        if kind:
            sections.append((kind, []))
        else:
            sections[-1][1].append(line)
    header = sections[0][1]
    everything = "\n".join(line.text for line in lines)
    entries: list[ParsedEntry] = []
    for kind, body in sections[1:]:
        if kind in ENTRY_SECTIONS:
            entries += [entry_fields(kind, group) for group in split_entries(body)]
    return ParsedResume(
        name=find_name(header),
        email=first_match(EMAIL, "\n".join(line.text for line in header)) or first_match(EMAIL, everything),
        phone=find_phone(header),
        location=find_location(header),
        sections=tuple(kind for kind, _ in sections[1:]),
        entries=tuple(entry for entry in entries if entry.organization or entry.title),
    )


def visual_lines(text_lines: Sequence[TextLine]) -> list[Line]:
    """pdfminer lines that share a baseline band (text boxes side by side) merged into one line."""
    merged: list[list[TextLine]] = []
    for line in text_lines:
        last = merged[-1] if merged else None
        if last and last[0].page == line.page and overlap(last[0], line) > 0.5:
            last.append(line)
        else:
            merged.append([line])
    result = []
    for group in merged:
        group.sort(key=lambda item: item.x0)
        result.append(
            Line(
                page=group[0].page,
                top=max(item.y1 for item in group),
                bottom=min(item.y0 for item in group),
                text="   ".join(item.text for item in group),
                bold=group[0].bold,  # a line that opens in bold reads as bold (an entry's first line)
                size=max(item.size for item in group),
                parts=tuple(item.text for item in group),
            )
        )
    return result


def overlap(a: TextLine, b: TextLine) -> float:
    shared = min(a.y1, b.y1) - max(a.y0, b.y0)
    return shared / max(min(a.y1 - a.y0, b.y1 - b.y0), 0.1)


def section_kind(line: Line) -> str | None:
    """The section a heading line starts, "other" for an unknown bold capitals heading; None for text."""
    text = line.text.strip().rstrip(":").strip()
    tokens = words_of(text)
    if not tokens or len(tokens) > HEADING_MAX_WORDS or any(ch.isdigit() for ch in text):
        return None
    joined = " " + " ".join(tokens) + " "
    for kind, keywords in terms()["sections"].items():
        named = any(f" {keyword} " in joined for keyword in keywords)
        if named and (line.bold or text.isupper() or len(tokens) <= 3):
            return kind
    if line.bold and text.isupper() and any(ch.isalpha() for ch in text):
        return "other"
    return None


def split_entries(body: Sequence[Line]) -> list[list[Line]]:
    """Entries, split at a wide vertical gap or where a bold line follows a plain one."""
    if not body:
        return []
    gaps = [a.bottom - b.bottom for a, b in itertools.pairwise(body) if a.page == b.page]
    usual = statistics.median(gaps) if gaps else 0.0
    groups: list[list[Line]] = [[body[0]]]
    for previous, line in itertools.pairwise(body):
        gap = previous.bottom - line.bottom if previous.page == line.page else 0.0
        wide = usual > 0 and gap > ENTRY_GAP_RATIO * usual
        if wide or (line.bold and not previous.bold):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def is_bullet(text: str) -> bool:
    return text[:1] in BULLETS


def entry_fields(section: str, lines: Sequence[Line]) -> ParsedEntry:
    """Organization, title, dates and location from an entry's leading lines."""
    head: list[Line] = []
    for line in lines:
        if is_bullet(line.text) or len(line.text.split()) > HEAD_MAX_WORDS:
            break
        head.append(line)
    dates, location = "", ""
    segments: list[tuple[str, bool]] = []
    for line in head:
        for part in line.parts:
            for piece in SEPARATORS.split(part):
                piece = piece.strip(" ,;")
                found = DATES.search(piece)
                if found and not dates:
                    dates = found.group()
                    piece = (piece[: found.start()] + piece[found.end() :]).strip(" ,;|()")
                if not piece or DATES.fullmatch(piece):
                    continue
                if not location and is_location(piece, section):
                    location = piece
                    continue
                segments.append((piece, line.bold))
    if section == "education":
        organization = pick(segments, lambda text, bold: has_word(text, "school_words"))
        title = pick(segments, lambda text, bold: has_word(text, "degree_words"), exclude=organization)
    else:
        title = pick(segments, lambda text, bold: has_word(text, "title_words") and not bold)
        title = title or pick(segments, lambda text, bold: has_word(text, "title_words"))
        organization = pick(segments, lambda text, bold: bold, exclude=title)
        organization = organization or pick(
            segments, lambda text, bold: has_word(text, "organization_words"), exclude=title
        )
    organization = organization or pick(segments, lambda text, bold: True, exclude=title)
    title = title or pick(segments, lambda text, bold: True, exclude=organization)
    return ParsedEntry(section, organization, title, dates, location)


def is_location(piece: str, section: str) -> bool:
    """ "City, Region" (or "Remote") that names no title, employer or school."""
    if not (LOCATION.match(piece) or normalize(piece) == "remote"):
        return False
    named = "school_words" if section == "education" else "organization_words"
    return not (has_word(piece, "title_words") or has_word(piece, named))


def pick(segments: Sequence[tuple[str, bool]], test, exclude: str = "") -> str:
    return next((text for text, bold in segments if text != exclude and test(text, bold)), "")


def first_match(pattern: re.Pattern, text: str) -> str:
    found = pattern.search(text)
    return found.group() if found else ""


def header_pieces(header: Sequence[Line]) -> list[str]:
    return [piece.strip() for line in header for part in line.parts for piece in SEPARATORS.split(part)]


def find_name(header: Sequence[Line]) -> str:
    """The largest text of the header that is not contact data."""
    candidates = [
        line
        for line in header
        if not EMAIL.search(line.text)
        and not any(ch.isdigit() for ch in line.text)
        and len(line.text.split()) <= 5
    ]
    if not candidates:
        return ""
    return max(candidates, key=lambda line: line.size).text


def find_phone(header: Sequence[Line]) -> str:
    for piece in header_pieces(header):
        for found in PHONE.finditer(piece):
            if 7 <= sum(ch.isdigit() for ch in found.group()) <= 15 and not DATES.fullmatch(found.group()):
                return found.group().strip()
    return ""


def find_location(header: Sequence[Line]) -> str:
    for piece in header_pieces(header):
        if not EMAIL.search(piece) and is_location(piece, "header"):  # not a headline such as "Nurse, PACU"
            return piece
    return ""


def same_field(parsed: str, expected: str) -> bool:
    """A parsed field is right when it holds the expected words and at most one more."""
    want, got = words_of(expected), words_of(parsed)
    if not want:
        return True
    return set(want) <= set(got) and len(got) <= len(want) + 1


def same_dates(parsed: str, years: Sequence[str]) -> bool:
    found = set(YEAR.findall(parsed))
    return all(year in found for year in years)
