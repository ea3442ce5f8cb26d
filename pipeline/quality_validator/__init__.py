"""Stage 4, the Quality Validator: score what an ATS would actually read, the text extracted from the PDF.

The resume is rendered with ``pipeline.render`` (the same options the export uses) and read back with
both pypdf and pdfminer.six (``reading``); a keyword or section counts only when both engines read it. The
score is the versioned composite described in ``weights``: keyword fit, reduced by what an ATS-style reader
fails to parse back (``resume_reader``, ``parse_back``), knock-outs, missing sections and format problems.
The scored PDF travels in the result (base64) so stage 5 exports the very bytes that were scored. The
report keeps no extracted text, only what was found and what to do about it.

Below the target, when the profile shows keywords the resume text lacks, ``regenerate`` is called once with
those keywords to emphasize, and the better-scoring documents are kept. Keywords the profile does not show
are reported in ``missing_from_profile`` and never emphasized or suggested.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, replace

from pipeline.document_generator import CoverLetter, Documents, GenerationOptions, Resume
from pipeline.inputs import Profile
from pipeline.job_analyzer import JobAnalysis
from pipeline.profile_compiler import CompiledProfile
from pipeline.quality_validator.format_checks import format_checks
from pipeline.quality_validator.keywords import keyword_coverage
from pipeline.quality_validator.knockouts import knockout_flags, knockout_score
from pipeline.quality_validator.letter_checks import letter_checks
from pipeline.quality_validator.parse_back import expected_from_profile, expected_from_resume, parse_back
from pipeline.quality_validator.reading import read_pdf, text_extractable
from pipeline.quality_validator.resume_reader import parse_lines
from pipeline.quality_validator.sections import sections_found
from pipeline.quality_validator.suggestions import suggestions
from pipeline.quality_validator.types import (
    FormatCheck,
    KnockoutFlag,
    QualityReport,
    QualityResult,
    ScoreComponent,
)
from pipeline.quality_validator.weights import (
    COMPONENT_WEIGHTS,
    DEFAULT_TARGET,
    KEYWORD_SATURATION,
    PENALTIES,
    SCORING_VERSION,
    SECTION_WEIGHTS,
)
from pipeline.render import (
    RenderedFile,
    UnsupportedCharactersError,
    render_cover_letter_pdf,
    render_resume_pdf,
)

__all__ = [
    "DEFAULT_TARGET",
    "SCORING_VERSION",
    "FormatCheck",
    "KnockoutFlag",
    "QualityReport",
    "QualityResult",
    "ScoreComponent",
    "emphasizable",
    "letter_checks",
    "score_pdf",
    "validate_quality",
]


def score_pdf(
    pdf: bytes,
    profile: Profile,
    analysis: JobAnalysis,
    compiled: CompiledProfile,
    options: GenerationOptions | None = None,
    target: float = DEFAULT_TARGET,
    resume: Resume | None = None,
) -> QualityReport:
    """Score a resume PDF as an ATS reads it. Only ``options.one_page`` matters here: ``True`` sets the
    page limit to one ("auto" keeps the limit of two). ``resume`` is the document the PDF was rendered
    from: parse-back expects its entries; without it, every entry of the profile."""
    reading = read_pdf(pdf)
    expected = expected_from_resume(resume, profile) if resume else expected_from_profile(profile)
    recovered = parse_back(parse_lines(reading.lines), expected)
    coverage = keyword_coverage(analysis.keywords, reading.texts)
    found = sections_found(reading.texts, profile)
    missing_sections = [kind for kind in SECTION_WEIGHTS if kind not in found]
    checks = format_checks(reading, one_page=bool(options and options.one_page is True))
    flags = knockout_flags(profile, analysis, compiled)
    knockouts, knockout_detail = knockout_score(flags)
    passed = sum(check.passed for check in checks)
    fit = min(1.0, coverage.score / KEYWORD_SATURATION)
    components = (
        ScoreComponent(
            "keywords",
            COMPONENT_WEIGHTS["keywords"],
            round(fit, 4),
            f"{coverage.detail}; coverage {coverage.score:.2f}, full marks at {KEYWORD_SATURATION}",
        ),
        ScoreComponent(
            "parse_back",
            COMPONENT_WEIGHTS["parse_back"],
            round(recovered.recall, 4),
            f"{recovered.found} of {recovered.expected} fields read back"
            + (": missed " + ", ".join(recovered.failed) if recovered.failed else ""),
        ),
        ScoreComponent(
            "sections",
            COMPONENT_WEIGHTS["sections"],
            round(sum(weight for kind, weight in SECTION_WEIGHTS.items() if kind in found), 4),
            "missing: " + ", ".join(missing_sections) if missing_sections else "all found",
        ),
        ScoreComponent(
            "format",
            COMPONENT_WEIGHTS["format"],
            round(passed / len(checks), 4),
            f"{passed} of {len(checks)} passed",
        ),
        ScoreComponent("knockouts", COMPONENT_WEIGHTS["knockouts"], round(knockouts, 4), knockout_detail),
    )
    shown = set(compiled.matched_keywords)
    return QualityReport(
        version=SCORING_VERSION,
        ats_score=round(combine(components), 4),
        target=target,
        components=components,
        matched_keywords=coverage.matched,
        missing_keywords=coverage.missing,
        missing_from_profile=tuple(term for term in coverage.missing if term not in shown),
        requirements=compiled.matrix,
        sections_found=found,
        format_checks=checks,
        knockouts=flags,
        suggestions=suggestions(
            profile, [term for term in coverage.missing if term in shown], missing_sections, checks, flags
        ),
        pages=reading.facts.pages,
        parse_back_failed=recovered.failed,
    )


def combine(components: tuple[ScoreComponent, ...]) -> float:
    """Keyword fit times one factor per penalty component (see ``weights``)."""
    score = next(c.score for c in components if c.name == "keywords")
    for component in components:
        if component.name in PENALTIES:
            score *= 1 - component.weight * (1 - component.score)
    return score


def emphasizable(report: QualityReport) -> tuple[str, ...]:
    """Keywords the resume text lacks and the profile shows: all a regeneration may bring forward."""
    return tuple(term for term in report.missing_keywords if term not in report.missing_from_profile)


def checked_cover_letter(
    letter: CoverLetter,
    options: GenerationOptions,
    profile: Profile | None = None,
    analysis: JobAnalysis | None = None,
) -> tuple[tuple[FormatCheck, ...], RenderedFile | None]:
    """The cover letter's checks and the PDF they read (None when it does not fit one page), so the export
    ships the checked bytes instead of rendering them again. Checked: it fits one page and its text is
    extractable; with ``profile``, its writing passes the ``letter_checks`` and the report says when it is
    not in the posting's language. Reported, not scored."""
    writing: tuple[FormatCheck, ...] = ()
    if profile is not None:
        names = (analysis.title, analysis.company) if analysis else ()
        writing = letter_checks(letter, profile, names)
        if letter.note:
            writing += (FormatCheck("cover_letter_language", True, letter.note),)
    try:
        rendered = render_cover_letter_pdf(letter, options)
    except UnsupportedCharactersError:
        raise  # not a page-fit problem: the generation fails here, naming the characters
    except ValueError as error:
        return (FormatCheck("cover_letter_one_page", False, str(error)), *writing), None
    extractable = text_extractable(rendered.content)  # the one fact needed: no second engine, no facts
    checks = (
        FormatCheck("cover_letter_one_page", True, "1 page"),
        FormatCheck("cover_letter_extractable", extractable, "" if extractable else "a page yields no text"),
        *writing,
    )
    return checks, rendered


@dataclass(frozen=True)
class _Scored:
    report: QualityReport
    documents: Documents
    resume: RenderedFile
    letter: RenderedFile | None  # None without a letter, or when it does not fit one page


def _score_documents(
    documents: Documents,
    profile: Profile,
    analysis: JobAnalysis,
    compiled: CompiledProfile,
    options: GenerationOptions,
    target: float,
) -> _Scored:
    rendered = render_resume_pdf(documents.resume, options)
    shown = replace(
        documents.resume,
        sections=tuple(
            replace(section, entries=tuple(e for e in section.entries if e.ref not in rendered.dropped))
            for section in documents.resume.sections
        ),
    )  # parse-back expects the entries the page shows, not those left out to fit it
    report = score_pdf(rendered.content, profile, analysis, compiled, options, target, shown)
    letter = None
    if documents.cover_letter is not None:
        checks, letter = checked_cover_letter(documents.cover_letter, options, profile, analysis)
        report = replace(report, cover_letter_checks=checks)
    return _Scored(report, documents, rendered, letter)


def _result(scored: _Scored, report: QualityReport) -> QualityResult:
    """The result, carrying the scored resume PDF and the checked letter PDF so stage 5 exports exactly
    what was scored and checked."""
    return QualityResult(
        report,
        scored.documents,
        resume_pdf=_base64(scored.resume.content),
        resume_pages=scored.resume.pages or 0,
        resume_dropped=scored.resume.dropped,
        cover_letter_pdf=_base64(scored.letter.content) if scored.letter else "",
    )


def _base64(content: bytes) -> str:
    return base64.b64encode(content).decode("ascii")


def validate_quality(
    profile: Profile,
    analysis: JobAnalysis,
    compiled: CompiledProfile,
    documents: Documents,
    options: GenerationOptions,
    regenerate: Callable[[tuple[str, ...]], Documents] | None = None,
    target: float = DEFAULT_TARGET,
) -> QualityResult:
    """Score ``documents``; below ``target``, regenerate once emphasizing keywords the profile shows."""
    first = _score_documents(documents, profile, analysis, compiled, options, target)
    report = first.report
    terms = emphasizable(report)
    if report.ats_score >= target or regenerate is None or not terms:
        return _result(first, report)
    second = _score_documents(regenerate(terms), profile, analysis, compiled, options, target)
    again = second.report
    # kept when it scores higher, or as high with more of the posting's keywords shown (the fit saturates)
    if (again.ats_score, -len(again.missing_keywords)) > (report.ats_score, -len(report.missing_keywords)):
        return _result(second, replace(again, regenerated=True, emphasized=terms))
    return _result(first, replace(report, emphasized=terms))
