"""The documents as text-based, ATS-safe PDFs: one column, embedded subset fonts, byte-identical renders."""

from __future__ import annotations

import bisect
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from pipeline.document_generator import CoverLetter, GenerationOptions, Resume
from pipeline.render.blocks import Block, letter_blocks, resume_blocks
from pipeline.render.fonts import REGULAR, require_drawable
from pipeline.render.page import PAGE_SIZES, SIDE_MARGIN, TOP_MARGIN
from pipeline.render.story import story
from pipeline.render.templates import MIN_TEXT_SIZE, get_template
from pipeline.render.types import PDF, RenderedFile

BODY_SIZES = (10.5, 10.0, 9.5, MIN_TEXT_SIZE)  # tried in turn when a document must fit one page
AUTO_BODY_SIZES = BODY_SIZES  # one_page "auto" never goes under the 9 pt floor of every document
CREATOR = "JobWise"


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str


def render_resume_pdf(resume: Resume, options: GenerationOptions) -> RenderedFile:
    """Render the resume with ``options.template`` on ``options.page_size``.

    With ``options.one_page`` the body text steps down from 10.5 to 9 pt, then content is left out in
    ``drop_order`` (older, less relevant roles first) until the resume fits one page; ``dropped`` lists
    the first source ref of each bullet (or the ref of each entry) left out, in that order. With
    ``"auto"`` the resume takes one page when it fits at 9 pt or more leaving out only older roles and
    the bullets of recent ones beyond their strongest two, and runs on at full size otherwise. Raises
    ``ValueError`` when even that does not fit, and ``UnsupportedCharactersError`` (a ``ValueError``)
    naming any characters the bundled fonts cannot draw.
    """
    blocks = resume_blocks(resume)
    require_drawable(block.full_text for block in blocks)
    metadata = Metadata(f"Resume - {resume.name}", resume.name, "Resume")
    if options.one_page == "auto":
        order, optional = drop_plan(resume)
        fitted = fit_one_page(resume, blocks, options, metadata, AUTO_BODY_SIZES, order[:optional])
        if fitted is not None:
            return fitted
    if options.one_page is not True:
        layout = lay_out(blocks, options, metadata, BODY_SIZES[0])
        return RenderedFile("resume", "pdf", PDF, layout.content(), layout.pages)
    fitted = fit_one_page(resume, blocks, options, metadata, BODY_SIZES, drop_plan(resume)[0])
    if fitted is None:
        raise ValueError("the resume does not fit one page at 9 pt even with every bullet left out")
    return fitted


def fit_one_page(
    resume: Resume,
    blocks: Sequence[Block],
    options: GenerationOptions,
    metadata: Metadata,
    sizes: Sequence[float],
    order: Sequence[BulletKey],
) -> RenderedFile | None:
    """One page at the largest of ``sizes`` that fits whole, else at the smallest with the fewest of
    ``order`` left out; None when leaving all of ``order`` out does not fit either. Only the layout that is
    kept is written out as a PDF."""
    whole = one_page_layout(blocks, options, metadata, sizes)
    if whole is not None:
        return RenderedFile("resume", "pdf", PDF, whole.content(), 1)

    fitting: dict[int, Layout] = {}

    def fits_without(count: int) -> bool:
        shorter = resume_blocks(without(resume, order[:count]))
        layout = lay_out(shorter, options, metadata, sizes[-1], one_page_try=True)
        if layout.pages == 1:
            fitting[count] = layout
        return layout.pages == 1

    counts = range(1, len(order) + 1)  # fewer left out never fits better, so a bisection finds the least
    found = bisect.bisect_left(counts, True, key=fits_without)
    if found == len(counts):
        return None
    count = counts[found]  # the bisection ends on a count it tried and found fitting
    dropped = tuple(bullet_ref(resume, key) for key in order[:count])
    return RenderedFile("resume", "pdf", PDF, fitting[count].content(), 1, dropped)


def render_cover_letter_pdf(letter: CoverLetter, options: GenerationOptions) -> RenderedFile:
    """Render the cover letter on one page, stepping the body text down to 9 pt if needed.

    Raises ``ValueError`` when the letter does not fit one page at 9 pt, and
    ``UnsupportedCharactersError`` (a ``ValueError``) naming any characters the bundled fonts cannot draw.
    """
    blocks = letter_blocks(letter)
    require_drawable(block.full_text for block in blocks)
    metadata = Metadata(f"Cover letter - {letter.name}", letter.name, "Cover letter")
    layout = one_page_layout(blocks, options, metadata, BODY_SIZES)
    if layout is None:
        raise ValueError(
            f"the cover letter does not fit one page at {BODY_SIZES[-1]} pt; shorten its paragraphs"
        )
    return RenderedFile("cover_letter", "pdf", PDF, layout.content(), 1)


def one_page_layout(
    blocks: Sequence[Block], options: GenerationOptions, metadata: Metadata, sizes: Sequence[float]
) -> Layout | None:
    """The layout at the largest of ``sizes`` (largest first) that fits one page; None when none does.

    The largest is tried first (most documents that fit, fit there), then the smallest: smaller text never
    takes more pages, so when the smallest does not fit no size does. Then those between, largest first.
    """
    largest = lay_out(blocks, options, metadata, sizes[0], one_page_try=True)
    if largest.pages == 1:
        return largest
    if len(sizes) == 1:
        return None
    smallest = lay_out(blocks, options, metadata, sizes[-1], one_page_try=True)
    if smallest.pages != 1:
        return None
    for size in sizes[1:-1]:
        layout = lay_out(blocks, options, metadata, size, one_page_try=True)
        if layout.pages == 1:
            return layout
    return smallest


@dataclass(frozen=True)
class Layout:
    """A document laid out and drawn on its canvas but not yet written: its page count, and its PDF bytes
    when asked. Writing (compressing the streams, subsetting and embedding the fonts) is about 40 % of a
    render, and fitting a resume to one page lays it out up to a dozen times to keep one."""

    pages: int
    document: BaseDocTemplate
    buffer: io.BytesIO
    written: bool = True  # False: a one-page try stopped at its second page, which has no PDF to write

    def content(self) -> bytes:
        """The PDF bytes; reportlab's invariant mode makes equal input give equal bytes."""
        if not self.written:
            raise ValueError("a one-page try that stopped at its second page has no PDF")
        if not self.buffer.tell():
            self.document.canv.save()
        return self.buffer.getvalue()


def lay_out(
    blocks: Sequence[Block],
    options: GenerationOptions,
    metadata: Metadata,
    body_size: float,
    *,
    one_page_try: bool = False,
) -> Layout:
    """Lay the blocks out on pages (``Layout.content`` writes the PDF). A ``one_page_try`` stops where a
    second page would begin: its ``pages`` is then 2 (or more, unknown) and it cannot be written. Fitting
    only asks whether a layout takes one page, and most tries that do not would go on for another page."""
    template = get_template(options.template)
    if options.page_size not in PAGE_SIZES:
        raise ValueError(f"unknown page size {options.page_size!r}; expected one of {sorted(PAGE_SIZES)}")
    width, height = PAGE_SIZES[options.page_size]
    column_width = width - 2 * SIDE_MARGIN
    column = Frame(
        SIDE_MARGIN,
        TOP_MARGIN,
        column_width,
        height - 2 * TOP_MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        pageTemplates=[
            PageTemplate(
                "page",
                [column],
                onPage=stop_at_second_page if one_page_try else _nothing,
                onPageEnd=end_last_line,
            )
        ],
        title=metadata.title,
        author=metadata.author,
        subject=metadata.subject,
        creator=CREATOR,
        initialFontName=REGULAR,
        invariant=1,
    )
    # BaseDocTemplate.build ends with canv.save() unless _doSave is off, as its own multiBuild does for its
    # passes before the last one.
    document._doSave = 0
    try:
        document.build(story(blocks, template, body_size, column_width))
    except SecondPage:
        return Layout(2, document, buffer, written=False)
    return Layout(document.page, document, buffer)


class SecondPage(Exception):  # noqa: N818 -- a signal that ends a one-page try, not an error
    """Raised by ``stop_at_second_page`` when a one-page try's content runs onto a second page."""


def stop_at_second_page(_canvas: Canvas, document: BaseDocTemplate) -> None:
    """A page template's ``onPage``, run as each page begins: reportlab begins a page only for content."""
    if document.page > 1:
        raise SecondPage


def _nothing(_canvas: Canvas, _document: BaseDocTemplate) -> None:
    """The default ``onPage``."""


def end_last_line(canvas: Canvas, document: BaseDocTemplate) -> None:
    """A blank text line under the page's last line, so readers that end a line only when another line
    follows on the same page (pdf.js, hence OpenResume) do not glue it to the next page's first line."""
    canvas.setFont(REGULAR, MIN_TEXT_SIZE)
    canvas.drawString(SIDE_MARGIN, TOP_MARGIN / 2, " ")


BulletKey = tuple[int, int, int]  # section, entry and bullet index; bullet WHOLE_ENTRY leaves the entry out
WHOLE_ENTRY = -1
RECENT_ENTRIES = 3  # the newest roles of a section, which keep their strongest bullets longest
KEEP_BULLETS = 2  # bullets a recent role keeps until everything else has gone
DROPPABLE_ENTRY_SECTIONS = ("experience", "projects")


def drop_order(resume: Resume) -> tuple[BulletKey, ...]:
    """What ``one_page`` leaves out, first to last (see ``drop_plan``)."""
    return drop_plan(resume)[0]


def drop_plan(resume: Resume) -> tuple[tuple[BulletKey, ...], int]:
    """What to leave out, first to last, and how many of those are optional (steps 1 to 3, all that
    ``one_page: "auto"`` may leave out: the recent roles keep their strongest bullets). First to last, so
    that the least relevant content across the career goes first:

    1. bullets of older roles and projects (past the ``RECENT_ENTRIES`` newest of a section) and the
       details under a degree, least relevant first;
    2. bullets of recent roles beyond their ``KEEP_BULLETS`` strongest (of recent projects beyond their
       strongest one), least relevant first;
    3. older roles themselves (experience and projects; never a degree), least relevant first;
    4. the remaining bullets of recent roles down to their strongest, then those strongest ones.
    A role's relevance is the score of its best bullet; within a step lower scores go first, later ones
    first on a tie.
    """
    old_bullets, extra, old_entries, kept, best = [], [], [], [], []
    for s, section in enumerate(resume.sections):
        for e, entry in enumerate(section.entries):
            scored = sorted(
                ((line.score, (s, e, b)) for b, line in enumerate(entry.bullets)),
                key=lambda item: (-item[0], item[1][2]),
            )  # strongest first, earliest first on a tie
            relevance = scored[0][0] if scored else 0.0
            if e >= RECENT_ENTRIES or section.kind not in DROPPABLE_ENTRY_SECTIONS:
                old_bullets += scored  # older roles and projects; details under a degree
                if e >= RECENT_ENTRIES and section.kind in DROPPABLE_ENTRY_SECTIONS:
                    old_entries.append((relevance, (s, e, WHOLE_ENTRY)))
                continue
            keep = KEEP_BULLETS if section.kind == "experience" else 1  # a project keeps its strongest
            extra += scored[keep:]
            kept += scored[1:keep]
            best += scored[:1]
    groups = (old_bullets, extra, old_entries, kept, best)
    order = tuple(key for group in groups for _, key in sorted(group, key=by_score_latest_first))
    return order, len(old_bullets) + len(extra) + len(old_entries)


def by_score_latest_first(item: tuple[float, BulletKey]) -> tuple[float, tuple[int, ...]]:
    score, key = item
    return score, tuple(-index for index in key)


def without(resume: Resume, keys: Sequence[BulletKey]) -> Resume:
    """The resume with the bullets (and whole entries) at ``keys`` left out."""
    drop = set(keys)
    sections = tuple(
        replace(
            section,
            entries=tuple(
                replace(entry, bullets=tuple(b for i, b in enumerate(entry.bullets) if (s, e, i) not in drop))
                for e, entry in enumerate(section.entries)
                if (s, e, WHOLE_ENTRY) not in drop
            ),
        )
        for s, section in enumerate(resume.sections)
    )
    return replace(resume, sections=sections)


def bullet_ref(resume: Resume, key: BulletKey) -> str:
    """The first source ref of a bullet, or its entry's ref when it has none."""
    s, e, b = key
    entry = resume.sections[s].entries[e]
    if b == WHOLE_ENTRY:
        return entry.ref
    sources = entry.bullets[b].sources
    return sources[0] if sources else entry.ref
