"""Realistic documents for the exporter tests, built by hand so they do not depend on the generator."""

from __future__ import annotations

from pipeline.document_generator import CoverLetter, Line, Resume, ResumeEntry, ResumeSection

ROLES = (
    ("Senior Backend Engineer", "Brightline Logistics", "San Francisco, CA", "2021-03", ""),
    ("Software Engineer", "Cobalt Health", "Oakland, CA", "2018-06", "2021-02"),
    ("Junior Developer", "Northwind Analytics", "Austin, TX", "2016-07", "2018-05"),
    ("Platform Engineer", "Kestrel Payments", "Denver, CO", "2014-01", "2016-06"),
    ("Site Reliability Engineer", "Harbor Media", "Portland, OR", "2012-05", "2013-12"),
    ("Systems Administrator", "Juniper Schools", "Boise, ID", "2010-09", "2012-04"),
    ("Support Engineer", "Granite Telecom", "Reno, NV", "2008-02", "2010-08"),
    ("IT Technician", "Maple County Library", "Eugene, OR", "2006-06", "2008-01"),
)
BULLETS = (
    "Designed REST APIs in Python and Flask serving 30 million requests per day",
    "Moved 14 services to Kubernetes on AWS, cutting infrastructure cost by 25%",
    "Built event pipelines with Celery & Redis processing 5 million updates daily",
    "Cut p95 latency of the tracking API by 40% by tuning PostgreSQL queries and indexes",
    "Mentored 4 engineers and ran the backend hiring loop for two years",
    "Wrote runbooks <and> on-call guides that halved the time to resolve incidents",
)


def bullet(role: int, index: int, score: float) -> Line:
    return Line(BULLETS[index % len(BULLETS)], (f"work[{role}].highlights[{index}]",), score)


def role(index: int, bullets: int) -> ResumeEntry:
    title, employer, location, start, end = ROLES[index]
    lines = tuple(bullet(index, b, score=round(1.0 - 0.1 * b - 0.01 * index, 3)) for b in range(bullets))
    return ResumeEntry(f"work[{index}]", title, employer, location, start, end, lines)


def make_resume(
    name: str = "Jordan Alvarez",
    roles: int = 4,
    bullets: int = 5,
    references: tuple[str, ...] = (),
) -> Resume:
    """A resume with every standard section (and References when names are given); 4 roles of 5 bullets
    fill about two letter pages. Bullet scores fall with the bullet's and the role's position."""
    summary = ResumeSection(
        "summary",
        "Summary",
        lines=(
            Line(
                "Backend engineer with 7 years of experience building Python services and data pipelines.",
                ("basics.summary",),
                0.9,
            ),
            Line(
                "Led the move of a monolith to services on Kubernetes and cut p95 latency by 40%.",
                ("basics.summary",),
                0.8,
            ),
        ),
    )
    skills = ResumeSection(
        "skills",
        "Skills",
        lines=(
            Line("Backend: Python, Flask, Django, Celery, REST APIs", ("skills[0]",), 0.9),
            Line("Data: PostgreSQL, Redis, SQL, ETL", ("skills[1]",), 0.8),
            Line("Infrastructure: Kubernetes, Docker, AWS, GitHub Actions", ("skills[2]",), 0.7),
        ),
    )
    experience = ResumeSection(
        "experience", "Experience", entries=tuple(role(i, bullets) for i in range(roles))
    )
    projects = ResumeSection(
        "projects",
        "Projects",
        entries=(
            ResumeEntry(
                "projects[0]",
                "shiptrack",
                start_date="2020",
                bullets=(
                    Line(
                        "Open-source shipment tracking SDK for Python with 1,200 GitHub stars",
                        ("projects[0].description",),
                        0.5,
                    ),
                ),
            ),
        ),
    )
    education = ResumeSection(
        "education",
        "Education",
        entries=(
            ResumeEntry(
                "education[0]",
                "BSc Computer Science",
                "University of Texas at Austin",
                "Austin, TX",
                "2012-08",
                "2016-05",
            ),
        ),
    )
    certifications = ResumeSection(
        "certifications",
        "Certifications",
        lines=(
            Line(
                "AWS Certified Solutions Architect - Associate (Amazon Web Services), Apr 2022",
                ("certificates[0]",),
                0.6,
            ),
        ),
    )
    languages = ResumeSection(
        "languages",
        "Languages",
        lines=(
            Line("English: Native speaker", ("languages[0]",)),
            Line("Spanish: Professional working proficiency", ("languages[1]",)),
        ),
    )
    referees = ResumeSection(
        "references",
        "References",
        lines=tuple(
            Line(f"Reference: {person}", (f"references[{i}]",)) for i, person in enumerate(references)
        ),
    )
    sections = (summary, skills, experience, projects, education, certifications, languages)
    return Resume(
        name=name,
        headline="Backend Engineer",
        contact=(
            "jordan.alvarez@example.com",
            "+1 415 555 0142",
            "San Francisco, CA",
            "https://jordanalvarez.dev",
        ),
        sections=sections + ((referees,) if references else ()),
    )


def make_letter(name: str = "Jordan Alvarez", paragraphs: int = 3, sentences: int = 3) -> CoverLetter:
    sentence = Line(
        "I designed REST APIs in Python and Flask serving 30 million requests per day at Brightline "
        "Logistics, and moved 14 services to Kubernetes on AWS.",
        ("work[0].highlights[0]",),
    )
    return CoverLetter(
        name=name,
        contact=("jordan.alvarez@example.com", "+1 415 555 0142"),
        date="2026-11-25",
        recipient=("Hiring Team", "Acme GmbH"),
        salutation="Dear Hiring Team,",
        paragraphs=tuple(tuple(sentence for _ in range(sentences)) for _ in range(paragraphs)),
        closing="Sincerely,",
        signature=name,
    )
