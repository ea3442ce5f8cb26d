"""Format checks on the PDF as read back: each one names a way an ATS could misread the resume."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher

from pipeline.quality_validator.reading import ENGINES, Reading, TextLine
from pipeline.quality_validator.sections import heading_kind, headings, section_body
from pipeline.quality_validator.types import FormatCheck
from pipeline.quality_validator.weights import (
    MAX_FILE_BYTES,
    MAX_PAGES,
    MAX_SIDE_BY_SIDE_SHARE,
    MIN_ENGINE_AGREEMENT,
    TABLE_CELLS,
    TABLE_ROWS,
)
from pipeline.text import normalize, tokenize
from pipeline.text.facts import MONTH_PATTERN

_DATE = re.compile(rf"({MONTH_PATTERN} )?\d{{4}}|\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}(-\d{{2}})?")
_ONGOING = re.compile(r"present|current|now|today|ongoing")
_LOOSE_DATE = r"(?:[^\W\d_]{3,}\.? )?\d{4}(?:-\d{2}(?:-\d{2})?)?(?!\d)|\d{1,2}/\d{4}"
_RANGE = re.compile(rf"({_LOOSE_DATE}) ?(?:-|\bto\b|\buntil\b) ?({_LOOSE_DATE}|[^\W\d_]+)")
_BULLET = re.compile(r"^[•·▪◦‣●○■*-] ")
_SEPARATORS = " |,;()"


def engines_agree(reading: Reading) -> FormatCheck:
    """Both engines read the same words in the same order and the same headings in the same order."""
    first, second = (tokenize(text) for text in reading.texts)
    agreement = 1.0 if first == second else SequenceMatcher(None, first, second, autojunk=False).ratio()
    orders = [headings(text) for text in reading.texts]
    same_order = all(order == orders[0] for order in orders)
    detail = f"{' and '.join(ENGINES)} read {agreement:.1%} of the words alike"
    if not same_order:
        detail += "; section order differs: " + " vs ".join(", ".join(order) for order in orders)
    return FormatCheck("engines_agree", agreement >= MIN_ENGINE_AGREEMENT and same_order, detail)


def rows(lines: tuple[TextLine, ...]) -> Iterator[list[TextLine]]:
    """Lines grouped into rows: those sharing at least half their height with a row's first line."""
    row: list[TextLine] = []
    for line in lines:
        if row and line.page == row[0].page and _same_row(row[0], line):
            row.append(line)
            continue
        if row:
            yield row
        row = [line]
    if row:
        yield row


def _same_row(a: TextLine, b: TextLine) -> bool:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap >= 0.5 * min(a.y1 - a.y0, b.y1 - b.y0)


def single_column(reading: Reading) -> FormatCheck:
    beside = sum(len(row) for row in rows(reading.lines) if len(row) > 1)
    share = beside / len(reading.lines) if reading.lines else 0.0
    detail = f"{share:.0%} of text lines sit beside another line"
    return FormatCheck("single_column", share <= MAX_SIDE_BY_SIDE_SHARE, detail)


def no_tables(reading: Reading) -> FormatCheck:
    table_rows = sum(1 for row in rows(reading.lines) if len(row) >= TABLE_CELLS)
    problems = [f"rows of {TABLE_CELLS}+ cells: {table_rows}"] if table_rows >= TABLE_ROWS else []
    problems += [f"vertical rules: {reading.vertical_rules}"] if reading.vertical_rules else []
    return FormatCheck("no_tables", not problems, "; ".join(problems) or "no table layout found")


def _body_size(lines: tuple[TextLine, ...]) -> float:
    sizes = Counter[float]()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def standard_headings(reading: Reading) -> FormatCheck:
    """Lines styled as headings (bold and larger than the body text; the name line aside) are standard."""
    body = _body_size(reading.lines)
    styled = [line.text for line in reading.lines[1:] if line.bold and line.size > body]
    unknown = [text for text in styled if heading_kind(text) is None]
    known = headings(reading.texts[0])
    if unknown:
        return FormatCheck("standard_headings", False, "headings an ATS may not know: " + "; ".join(unknown))
    if not known:
        return FormatCheck("standard_headings", False, "no standard section heading found")
    return FormatCheck("standard_headings", True, "headings: " + ", ".join(dict.fromkeys(known)))


def _parseable(value: str) -> bool:
    return bool(_DATE.fullmatch(value) or _ONGOING.fullmatch(value))


def date_ranges(line: str) -> Iterator[tuple[str, str]]:
    """The (start, end) date ranges that open or close a line that is not a bullet, normalized."""
    norm = normalize(line)
    if _BULLET.match(norm):
        return
    for m in _RANGE.finditer(norm):
        if m.start() == 0 or not norm[m.end() :].strip(_SEPARATORS):
            yield m.group(1), m.group(2)


def dates_parseable(reading: Reading) -> FormatCheck:
    """Every date range reads as month and year or year, and the Experience section (when there is
    one) shows at least one."""
    text = reading.texts[0]
    ranges = [found for line in text.splitlines() for found in date_ranges(line)]
    unreadable = [f"{a} - {b}" for a, b in ranges if not (_parseable(a) and _parseable(b))]
    if unreadable:
        return FormatCheck("dates_parseable", False, "dates an ATS cannot read: " + "; ".join(unreadable))
    experience = section_body(text, "experience")
    if experience and not any(found for line in experience for found in date_ranges(line)):
        return FormatCheck("dates_parseable", False, "the Experience section shows no date range")
    return FormatCheck("dates_parseable", True, f"{len(ranges)} date ranges read")


def format_checks(reading: Reading, one_page: bool) -> tuple[FormatCheck, ...]:
    facts = reading.facts
    max_pages = 1 if one_page else MAX_PAGES
    return (
        FormatCheck(
            "text_extractable",
            facts.text_extractable,
            "every page has text" if facts.text_extractable else "a page yields no text (scanned or drawn)",
        ),
        engines_agree(reading),
        single_column(reading),
        standard_headings(reading),
        dates_parseable(reading),
        no_tables(reading),
        FormatCheck("no_images", facts.images == 0, f"{facts.images} images"),
        FormatCheck("page_count", facts.pages <= max_pages, f"{facts.pages} pages (at most {max_pages})"),
        FormatCheck(
            "file_size", reading.size <= MAX_FILE_BYTES, f"{reading.size} bytes (at most {MAX_FILE_BYTES})"
        ),
    )
