"""The letter checks flag every defect measured in issue 15's cover letters (their own sentences, quoted),
and pass a letter written as a person would write it."""

from __future__ import annotations

from pipeline.document_generator import CoverLetter, Line
from pipeline.inputs import profile_from_json_resume
from pipeline.quality_validator.letter_checks import (
    agreement_errors,
    degree_order,
    doubled_words,
    fragments,
    letter_checks,
    person_switches,
    punctuation_errors,
    repeated_openers,
    repeated_skills,
    sentences,
    word_count,
    wrong_language,
)

NURSE = profile_from_json_resume(
    {
        "basics": {
            "name": "Maria Lopez",
            "summary": "Registered Nurse with over 5 years of experience in ICU care.",
        },
        "work": [
            {"name": "Seattle General Hospital", "position": "Registered Nurse", "startDate": "2019-01"}
        ],
        "education": [
            {"institution": "MIT", "area": "MAS.S65 Blockchain Technologies - Media Lab"},
            {
                "institution": "University of Washington",
                "studyType": "Bachelor of Science",
                "area": "Nursing",
            },
        ],
        "skills": [{"name": "Clinical", "keywords": ["SQL", "Epic", "Go"]}],
        "certificates": [{"name": "Oracle Certified Professional, Java SE 8 Programmer"}],
    }
)


def test_a_pasted_summary_is_a_fragment():
    said = sentences(
        "I currently work as Registered Nurse at Seattle General Hospital. Registered Nurse with over 5 "
        "years of experience in ICU care."
    )
    assert fragments(said) == ["Registered Nurse with over 5 years of experience in ICU care."]


def test_a_switch_to_the_third_person_is_flagged():
    said = sentences(
        "I currently work as Founder at visual assault, llc. Ron has been building web products since 2009. "
        "She led the team."
    )
    assert person_switches(said, "Ron Weber") == [
        "Ron has been building web products since 2009.",
        "She led the team.",
    ]
    assert person_switches(sentences("Ron, thank you. I led the team."), "Ron Weber") == []


def test_repeated_openers_are_flagged():
    said = sentences(
        "I also hold the CCNA certification. I also hold the CISSP certification. In my role at Acme, I used "
        "Python. In my role at Beta, I used SQL. In my role at Gamma, I used Go."
    )
    assert repeated_openers(said) == [
        "I also hold the CISSP certification.",
        "In my role at Beta, I used SQL.",
        "In my role at Gamma, I used Go.",
    ]


def test_a_skill_named_twice_is_flagged_but_two_quotes_may_share_it():
    said = sentences("The role calls for SQL and Epic. In my role at Acme, I used SQL. I ran Go services.")
    assert repeated_skills(said, ["SQL", "Epic", "Go"]) == ["SQL"]
    quotes = ["Wrote SQL reports for 12 wards every week", "Migrated SQL views to the new Epic build"]
    quoted = sentences(
        "At Acme, I wrote SQL reports for 12 wards every week. There, I also migrated SQL views to the "
        "new Epic build. Your posting also names SQL."
    )
    assert repeated_skills(quoted[:2], ["SQL", "Epic"], quotes) == []
    assert repeated_skills(quoted, ["SQL", "Epic"], quotes) == ["SQL"]
    # "go into more detail" is not the Go language; "Java" inside the certificate's name is the certificate
    assert repeated_skills(sentences("I am happy to go into more detail. I write Go."), ["Go"]) == []
    cert = "Oracle Certified Professional, Java SE 8 Programmer"
    said = sentences(f"I also hold the {cert}. I wrote Java services.")
    assert repeated_skills(said, ["Java", cert], (), [cert]) == []


def test_doubled_words_and_a_doubled_field_are_flagged():
    said = sentences(
        "I hold a Bachelor of Science in Nursing (BSN) in Nursing. I led the the team. I am here."
    )
    assert doubled_words(said) == [
        "I hold a Bachelor of Science in Nursing (BSN) in Nursing.",
        "I led the the team.",
    ]


def test_double_punctuation_and_two_colons_are_flagged():
    said = sentences(
        "I worked at ABC Company, Inc.. One of my projects is Personal Project: Predictive Stock Trading "
        "Model: Developed a model. I speak English , Spanish. I hold the CCNA."
    )
    assert punctuation_errors(said) == said[:3]


def test_a_plural_after_a_list_of_one_is_flagged():
    bad = ["The role calls for SQL, and each is part of my skill set."]
    assert agreement_errors(bad) == bad
    assert agreement_errors(["The role calls for SQL and Python, and each is part of my skill set."]) == []


def test_a_course_before_a_degree_is_flagged():
    body = (
        "My education: MAS.S65 Blockchain Technologies - Media Lab. I hold a Bachelor of Science in "
        "Nursing from University of Washington."
    )
    assert degree_order(body, NURSE) == ["MAS.S65 Blockchain Technologies - Media Lab"]
    assert degree_order("I hold a Bachelor of Science in Nursing. I also completed MAS.S65 Blockchain "
                        "Technologies - Media Lab at MIT.", NURSE) == []  # fmt: skip


def test_an_english_letter_for_a_german_posting_is_the_wrong_language():
    english = "I am applying for the position, and this letter sets out what I would bring to it. Thank you."
    german = "Hiermit bewerbe ich mich um die Stelle und lege in diesem Schreiben dar, was ich mitbringe."
    assert wrong_language(english, NURSE, "de") == "en"
    assert wrong_language(german, NURSE, "de") == ""
    # the profile's own English words in a German letter are no wrong language
    quote = "Ein Ergebnis meiner Arbeit bei Seattle General Hospital: Registered Nurse with over 5 years."
    quoted = f"{german} {quote}"
    assert wrong_language(quoted, NURSE, "de") == ""


def test_word_count_counts_each_cjk_character():
    assert word_count("I led the team.") == 4
    assert word_count("用 Go 重写") == 4


def letter(*sentences_: str, language: str = "en") -> CoverLetter:
    return CoverLetter(
        name="Maria Lopez",
        contact=(),
        date="",
        recipient=("Hiring Team",),
        salutation="Dear Hiring Team,",
        paragraphs=((*(Line(s) for s in sentences_),),),
        closing="Sincerely,",
        signature="Maria Lopez",
        language=language,
    )


def test_the_issue_letter_fails_and_says_why():
    bad = letter(
        "I currently work as Registered Nurse at Seattle General Hospital.",
        "Registered Nurse with over 5 years of experience in ICU care.",
        "The role calls for SQL, and each is part of my skill set.",
        "In my role at Seattle General Hospital, I used SQL.",
        "In my role at Seattle General Hospital, I used Epic..",
        "My education: MAS.S65 Blockchain Technologies - Media Lab.",
        "I hold a Bachelor of Science in Nursing (BSN) in Nursing.",
    )
    failed = {c.name for c in letter_checks(bad, NURSE) if not c.passed}
    assert failed == {
        "letter_fragments",
        "letter_agreement",
        "letter_repeated_skill",
        "letter_openers",
        "letter_punctuation",
        "letter_degree_order",
        "letter_doubled_words",
        "letter_length",
    }
    german = {c.name for c in letter_checks(bad, NURSE) if not c.passed} | {
        c.name for c in letter_checks(letter(*(p.text for p in bad.paragraphs[0]), language="de"), NURSE)
        if not c.passed
    }  # fmt: skip
    assert "letter_language" in german
