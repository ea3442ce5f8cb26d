"""Chinese, Japanese and Korean text in the PDFs: drawn with the fallback font, read back exactly by both
engines, embedded as a subset; characters no bundled font has are refused with their script named."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

from pipeline.document_generator import Documents, GenerationOptions, Line, ResumeSection
from pipeline.pdf_exporter import export_documents
from pipeline.quality_validator.format_checks import format_checks
from pipeline.quality_validator.reading import ENGINES, extract_text, inspect_pdf, read_pdf
from pipeline.render import render_cover_letter_pdf, render_resume_pdf
from pipeline.render.fonts import BOLD, FALLBACK, ITALIC, REGULAR, UnsupportedCharactersError
from pipeline.render.page import PAGE_SIZES, SIDE_MARGIN
from tests.pipeline.resume_builders import make_letter, make_resume
from tests.pipeline.test_pdf_exporter import pdf_text_of, words

TEMPLATES = ("classic", "modern")
PEOPLE = {
    "chinese": ("王小明 Wang Xiaoming", "拥有七年经验的后端工程师，擅长用 Python 构建高并发服务。"),
    "japanese": (
        "山田さくら Sakura Yamada",
        "バックエンドエンジニアとして7年間、Pythonでサービスを開発しました。",
    ),
    "korean": ("김민준 Kim Minjun", "7년 경력의 백엔드 엔지니어로 Python 서비스를 개발했습니다."),
}
SUPPORTED = "supported: Latin, Greek, Cyrillic, Hebrew, Arabic, Chinese, Japanese, Korean"


def resume_of(name: str, summary: str):
    """A one-role resume with ``summary`` as its only summary line."""
    resume = make_resume(name=name, roles=1, bullets=2)
    summary_section = ResumeSection("summary", "Summary", lines=(Line(summary, ("basics.summary",)),))
    return replace(resume, sections=(summary_section, *resume.sections[1:]))


def mixed_resume():
    """Latin and CJK side by side in a skill line, an entry title, a date line and the contact line."""
    resume = resume_of(*PEOPLE["chinese"])
    skills = ResumeSection(
        "skills", "Skills", lines=(Line("Backend: Python, 分布式系统, Go", ("skills[0]",)),)
    )
    experience = resume.sections[2]
    entry = replace(
        experience.entries[0],
        title="高级工程师 Senior Engineer",
        organization="株式会社メルカリ",
        location="東京",
    )
    return replace(
        resume,
        contact=("wang.xiaoming@example.com", "+86 10 5555 0100", "北京市朝阳区"),
        sections=(resume.sections[0], skills, replace(experience, entries=(entry,)), *resume.sections[3:]),
    )


def fonts_by_line(pdf: bytes) -> dict[str, set[str]]:
    """Each line's text, as pdfminer lays it out, to the fonts (subset prefix dropped) drawing its glyphs."""
    return {
        " ".join(line.get_text().split()): {
            char.fontname.split("+")[-1]
            for char in line
            if isinstance(char, LTChar) and char.get_text().strip()
        }
        for page in extract_pages(io.BytesIO(pdf))
        for box in page
        if isinstance(box, LTTextContainer)
        for line in box
        if isinstance(line, LTTextLine)
    }


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("language", PEOPLE)
def test_cjk_names_and_summaries_extract_back_character_for_character(language, template, engine):
    name, summary = PEOPLE[language]
    resume = resume_of(name, summary)
    text = extract_text(render_resume_pdf(resume, GenerationOptions(template=template)).content, engine)

    assert text.splitlines()[0] == name
    assert summary in text.splitlines()
    assert words(text) == pdf_text_of(resume)


@pytest.mark.parametrize("template", TEMPLATES)
def test_mixed_latin_and_cjk_lines_keep_their_order(template):
    resume = mixed_resume()
    pdf = render_resume_pdf(resume, GenerationOptions(template=template)).content
    texts = [extract_text(pdf, engine) for engine in ENGINES]

    assert texts[0] == texts[1]
    lines = texts[0].splitlines()
    assert "wang.xiaoming@example.com | +86 10 5555 0100 | 北京市朝阳区" in lines
    assert "Backend: Python, 分布式系统, Go" in lines
    organization = lines.index("株式会社メルカリ")  # each field on a line of its own
    assert lines[organization + 1 : organization + 4] == [
        "高级工程师 Senior Engineer",
        "Mar 2021 \u2013 Present",
        "東京",
    ]
    assert words(texts[0]) == pdf_text_of(resume)


@pytest.mark.parametrize("template", TEMPLATES)
def test_cjk_pdfs_embed_subset_fonts_and_pass_the_ats_format_checks(template):
    resume_pdf = render_resume_pdf(mixed_resume(), GenerationOptions(template=template)).content
    letter = make_letter(name="王小明")
    letter_pdf = render_cover_letter_pdf(
        replace(letter, recipient=("采用担当者", "株式会社メルカリ")), GenerationOptions(template=template)
    ).content
    facts = inspect_pdf(resume_pdf)

    assert facts.unembedded_fonts == () == inspect_pdf(letter_pdf).unembedded_fonts
    assert {font.split("+")[-1] for font in facts.fonts} == {REGULAR, BOLD, ITALIC, FALLBACK}
    assert len(resume_pdf) < 200_000
    assert [check for check in format_checks(read_pdf(resume_pdf), one_page=False) if not check.passed] == []
    assert extract_text(letter_pdf, "pypdf").splitlines()[:1] == ["王小明"]
    assert "株式会社メルカリ" in extract_text(letter_pdf, "pdfminer").splitlines()


def test_latin_stays_in_dejavu_and_bold_while_cjk_uses_the_regular_fallback_face():
    fonts = fonts_by_line(render_resume_pdf(mixed_resume(), GenerationOptions()).content)

    assert fonts["王小明 Wang Xiaoming"] == {BOLD, FALLBACK}  # one style: CJK is never bold
    assert fonts["EXPERIENCE"] == fonts["SKILLS"] == {BOLD}
    assert fonts["Backend: Python, 分布式系统, Go"] == {BOLD, REGULAR, FALLBACK}
    assert fonts["Mar 2021 \u2013 Present"] == {ITALIC}
    assert fonts["東京"] == {FALLBACK}


def test_a_latin_only_resume_embeds_no_fallback_font():
    fonts = inspect_pdf(render_resume_pdf(make_resume(), GenerationOptions()).content).fonts

    assert not any(FALLBACK in font for font in fonts)


def test_arabic_the_italic_face_lacks_is_drawn_in_the_regular_face():
    resume = make_resume(roles=1, bullets=1)
    experience = resume.sections[2]
    entry = replace(experience.entries[0], location="القاهرة")
    pdf = render_resume_pdf(
        replace(resume, sections=(replace(experience, entries=(entry,)),)), GenerationOptions()
    )
    fonts = fonts_by_line(pdf.content)

    lines = extract_text(pdf.content, "pdfminer").splitlines()
    assert lines[lines.index("Mar 2021 \u2013 Present") + 1] == "القاهرة"
    # the location has its own line, in the regular face; the dates keep the italic one
    assert fonts["Mar 2021 \u2013 Present"] == {ITALIC}
    assert {REGULAR} == next(
        f for text, f in fonts.items() if "\u0627" in text or "\ufe8e" in text or "ﺓ" in text
    )


def test_a_long_cjk_paragraph_wraps_inside_the_column_and_reads_back_whole():
    sentence = "我负责过多个大型分布式系统的设计与实现，熟悉云原生技术栈，曾带领团队完成核心交易系统的重构。"
    resume = resume_of("王小明", sentence * 4)
    pdf = render_resume_pdf(resume, GenerationOptions()).content
    lines = extract_text(pdf, "pdfminer").splitlines()
    summary_lines = lines[lines.index("SUMMARY") + 1 : lines.index("SKILLS")]

    assert len(summary_lines) > 2
    assert "".join(summary_lines) == sentence * 4
    assert all(not line.startswith(("，", "。")) for line in summary_lines)  # CJK line-breaking rules
    assert max(line.x1 for line in read_pdf(pdf).lines) <= PAGE_SIZES["letter"][0] - SIDE_MARGIN + 0.5


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("สมชาย ใจดี", "'สมชาย', 'ใจดี' (Thai)"),
        ("प्रिया शर्मा", "'प्रिया', 'शर्मा' (Devanagari)"),
        ("አበበ Bekele", "'አበበ' (Ethiopic)"),
        ("Jordan \U0001f680", "'\U0001f680' (emoji or symbol)"),
        ("Jordan \ue000", "'\\ue000' (private use)"),
    ],
)
def test_characters_no_font_has_are_refused_with_their_script_named(name, named):
    message = re.escape(f"the PDF fonts cannot draw {named}; {SUPPORTED}")

    with pytest.raises(UnsupportedCharactersError, match=f"^{message}$"):
        render_resume_pdf(make_resume(name=name), GenerationOptions())
    with pytest.raises(ValueError, match=f"^{message}$"):
        render_cover_letter_pdf(make_letter(name=name), GenerationOptions())


def test_cjk_documents_are_byte_identical_on_every_render():
    documents = Documents(resume=mixed_resume(), cover_letter=make_letter(name="王小明"))
    options = GenerationOptions(template="modern", one_page=True)

    first, second = export_documents(documents, options), export_documents(documents, options)

    assert [file.content for file in first] == [file.content for file in second]


def test_a_letter_the_fonts_cannot_draw_fails_the_quality_stage_by_name(example_profile, example_posting):
    """Stage 4 must not report undrawable characters as a page-fit problem: it names them."""
    from pipeline.document_generator import generate_documents
    from pipeline.job_analyzer import analyze_job
    from pipeline.profile_compiler import compile_profile
    from pipeline.quality_validator import validate_quality

    posting = replace(example_posting, company="สยามพาร์เซล")
    analysis = analyze_job(posting)
    compiled = compile_profile(example_profile, analysis)
    documents = generate_documents(example_profile, analysis, compiled, GenerationOptions())
    with pytest.raises(UnsupportedCharactersError, match="Thai"):
        validate_quality(example_profile, analysis, compiled, documents, GenerationOptions())
