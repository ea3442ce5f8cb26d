"""Stage 4, the Quality Validator: score what an ATS would actually read, the text extracted from the PDF.

The resume is rendered with ``pipeline.render`` (the same options the export uses) and read back with
both pypdf and pdfminer.six (``reading``); a keyword or section counts only when both engines read it. The
score is the versioned composite described in ``weights``: keyword coverage, section completeness, format
checks and knock-outs. The report keeps no extracted text, only what was found and what to do about it.

Below the target, when the profile shows keywords the resume text lacks, ``regenerate`` is called once with
those keywords to emphasize, and the better-scoring documents are kept. Keywords the profile does not show
are reported in ``missing_from_profile`` and never emphasized or suggested.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pipeline.document_generator import CoverLetter, Documents, GenerationOptions
from pipeline.inputs import Profile
from pipeline.job_analyzer import JobAnalysis
from pipeline.profile_compiler import CompiledProfile
from pipeline.quality_validator.format_checks import format_checks
from pipeline.quality_validator.keywords import keyword_coverage
from pipeline.quality_validator.knockouts import knockout_flags, knockout_score
from pipeline.quality_validator.letter_checks import letter_checks
from pipeline.quality_validator.reading import read_pdf
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
    SCORING_VERSION,
    SECTION_WEIGHTS,
)
from pipeline.render import UnsupportedCharactersError, render_cover_letter_pdf, render_resume_pdf

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
) -> QualityReport:
    """Score a resume PDF as an ATS reads it. Only ``options.one_page`` matters here: it sets the page
    limit to one."""
    reading = read_pdf(pdf)
    coverage = keyword_coverage(analysis.keywords, reading.texts)
    found = sections_found(reading.texts, profile)
    missing_sections = [kind for kind in SECTION_WEIGHTS if kind not in found]
    checks = format_checks(reading, one_page=bool(options and options.one_page))
    flags = knockout_flags(profile, analysis, compiled)
    knockouts, knockout_detail = knockout_score(flags)
    passed = sum(check.passed for check in checks)
    components = (
        ScoreComponent("keywords", COMPONENT_WEIGHTS["keywords"], round(coverage.score, 4), coverage.detail),
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
        ats_score=round(sum(c.weight * c.score for c in components), 4),
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
    )


def emphasizable(report: QualityReport) -> tuple[str, ...]:
    """Keywords the resume text lacks and the profile shows: all a regeneration may bring forward."""
    return tuple(term for term in report.missing_keywords if term not in report.missing_from_profile)


def cover_letter_checks(
    letter: CoverLetter,
    options: GenerationOptions,
    profile: Profile | None = None,
    analysis: JobAnalysis | None = None,
) -> tuple[FormatCheck, ...]:
    """The cover letter fits one page and its text is extractable; with ``profile``, its writing passes the
    ``letter_checks`` and the report says when it is not in the posting's language. Reported, not scored."""
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
        return (FormatCheck("cover_letter_one_page", False, str(error)), *writing)
    extractable = read_pdf(rendered.content).facts.text_extractable
    return (
        FormatCheck("cover_letter_one_page", True, "1 page"),
        FormatCheck("cover_letter_extractable", extractable, "" if extractable else "a page yields no text"),
        *writing,
    )


def _score_documents(
    documents: Documents,
    profile: Profile,
    analysis: JobAnalysis,
    compiled: CompiledProfile,
    options: GenerationOptions,
    target: float,
) -> QualityReport:
    rendered = render_resume_pdf(documents.resume, options)
    report = score_pdf(rendered.content, profile, analysis, compiled, options, target)
    if documents.cover_letter is None:
        return report
    checks = cover_letter_checks(documents.cover_letter, options, profile, analysis)
    return replace(report, cover_letter_checks=checks)


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
    report = _score_documents(documents, profile, analysis, compiled, options, target)
    terms = emphasizable(report)
    if report.ats_score >= target or regenerate is None or not terms:
        return QualityResult(report, documents)
    second_documents = regenerate(terms)
    second = _score_documents(second_documents, profile, analysis, compiled, options, target)
    if second.ats_score > report.ats_score:
        return QualityResult(replace(second, regenerated=True, emphasized=terms), second_documents)
    return QualityResult(replace(report, emphasized=terms), documents)
