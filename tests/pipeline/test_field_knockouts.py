"""Years of X against the candidate's years in X, and licences against the profile's certificates (issue 15).

The measured defects: a product manager "met" "1 year of ICU experience" and a nurse "met" "2 years of
Python/Django", because years were compared with the whole career.
"""

from __future__ import annotations

import copy

import pytest

from pipeline.inputs import Posting, profile_from_json_resume
from pipeline.job_analyzer import analyze_job
from pipeline.profile_compiler import compile_profile
from pipeline.profile_compiler.offline.years import field_terms, years_in_field
from pipeline.quality_validator.knockouts import knockout_flags

TODAY = "2026-11"

PRODUCT_MANAGER = {
    "basics": {"name": "Dana Reyes", "label": "Product Manager"},
    "work": [
        {
            "name": "Brightpath Health Plans",
            "position": "Senior Product Manager",
            "startDate": "2016-01",
            "highlights": [
                "Led the member portal roadmap for 1.2 million members",
                "Ran discovery interviews",
            ],
        }
    ],
}
NURSE = {
    "basics": {"name": "Grace Okafor", "label": "Registered Nurse"},
    "work": [
        {
            "name": "Lakeshore General Hospital",
            "position": "ICU Nurse",
            "startDate": "2018-04",
            "highlights": ["Cared for critically ill patients in a 24-bed ICU", "Trained 12 new nurses"],
        },
        {
            "name": "Northside Clinic",
            "position": "Staff Nurse",
            "startDate": "2014-01",
            "endDate": "2018-03",
            "highlights": ["Gave vaccinations and patient education"],
        },
    ],
}


def flags_for(doc, requirement: str, **posting):
    fields = {
        "title": "Role",
        "company": "Acme",
        "description": f"Requirements:\n- {requirement}\n",
    } | posting
    analysis = analyze_job(Posting(**fields))
    profile = profile_from_json_resume(doc)
    return knockout_flags(profile, analysis, compile_profile(profile, analysis, today=TODAY))


def only(flags, kind):
    found = [f for f in flags if f.kind == kind]
    assert len(found) == 1, flags
    return found[0]


def test_a_product_manager_does_not_meet_a_year_of_icu_experience():
    flag = only(flags_for(PRODUCT_MANAGER, "1 year of ICU experience"), "years_experience")
    assert flag.status == "not_met"
    assert "0.0 years in the roles that name the field" in flag.detail


def test_a_nurse_does_not_meet_two_years_of_python_django():
    flag = only(flags_for(NURSE, "2 years of Python/Django"), "years_experience")
    assert flag.status == "not_met"
    assert flag.evidence == ()


def test_a_nurse_meets_icu_years_from_the_icu_role_only():
    flag = only(flags_for(NURSE, "5 years of ICU experience"), "years_experience")
    assert flag.status == "met"
    assert flag.evidence == ("work[0]",)  # the clinic years are not ICU years
    too_many = only(flags_for(NURSE, "10 years of ICU experience"), "years_experience")
    assert too_many.status == "not_met"  # 8.7 ICU years; the whole career (12.9) would have met it
    assert "8.7 years in the roles that name the field" in too_many.detail


def test_a_generic_field_is_left_unknown_not_guessed():
    flag = only(
        flags_for(NURSE, "At least 2 years of recent experience in the specialty."), "years_experience"
    )
    assert flag.status == "unknown"


def test_years_without_a_field_still_use_the_whole_career():
    flag = only(flags_for(NURSE, "5+ years of experience"), "years_experience")
    assert flag.status == "met"


@pytest.mark.parametrize(
    ("field", "terms"),
    [
        ("Python/Django", ("Python", "Django")),
        ("ICU", ("critical care",)),  # the vocabulary's canonical form; "ICU" is its alias
        ("month-end close or reconciliation", ("month-end close", "account reconciliation")),
        ("the specialty", ()),
        ("", ()),
    ],
)
def test_field_terms(field, terms):
    assert tuple(t.lower() for t in field_terms(field)) == tuple(t.lower() for t in terms)


def test_overlapping_roles_in_a_field_are_counted_once():
    doc = copy.deepcopy(NURSE)
    doc["work"].append({"name": "Agency", "position": "ICU Nurse (per diem)", "startDate": "2019-01"})
    counted = years_in_field(profile_from_json_resume(doc), "ICU", TODAY)
    assert counted is not None and counted.years == 8.7
    assert counted.evidence == ("work[0]", "work[2]")


RN_REQUIREMENT = "Current RN license issued by the State Board of Nursing"


def test_an_rn_licence_is_met_by_a_certificate():
    doc = copy.deepcopy(NURSE) | {
        "certificates": [{"name": "Registered Nurse License, Illinois", "issuer": "IDFPR", "date": "2014-01"}]
    }
    flag = only(flags_for(doc, RN_REQUIREMENT), "license")
    assert flag.status == "met"
    assert flag.evidence == ("certificates[0]",)


def test_an_rn_licence_named_only_in_a_title_is_unknown_and_absent_is_not_met():
    titled = copy.deepcopy(PRODUCT_MANAGER)
    titled["work"][0]["position"] = "Registered Nurse"
    assert only(flags_for(titled, RN_REQUIREMENT), "license").status == "unknown"
    assert only(flags_for(PRODUCT_MANAGER, RN_REQUIREMENT), "license").status == "not_met"


def test_a_driving_licence_not_listed_stays_unknown():
    flag = only(flags_for(NURSE, "A valid driver's license is required."), "license")
    assert flag.status == "unknown"


ANALYST = {
    "basics": {"name": "Mia Chen"},
    "work": [
        {
            "name": "Shiftly",
            "position": "Data Analyst",
            "startDate": "2022-02",
            "highlights": ["Designed dashboards for 40 stakeholders"],
        },
        {
            "name": "Peachtree Surgery Center",
            "position": "Outpatient Surgical Coder",
            "startDate": "2019-01",
            "endDate": "2022-01",
            "highlights": ["Coded 60 cases a day in CPT"],
        },
    ],
}


def test_a_title_names_its_field_in_another_form_of_the_word():
    # "Data Analyst" is data analytics work; "Outpatient Surgical Coder" is outpatient surgical coding
    analytics = only(flags_for(ANALYST, "2 years experience in a Data Analytics role"), "years_experience")
    assert analytics.status == "met" and analytics.evidence == ("work[0]",)
    coding = only(flags_for(ANALYST, "2+ years outpatient surgical coding"), "years_experience")
    assert coding.status == "met" and coding.evidence == ("work[1]",)


def test_a_free_worded_field_no_role_repeats_is_unknown_unless_the_career_is_too_short():
    # no vocabulary term covers "building web applications": a role may be that work without saying so
    flag = only(flags_for(NURSE, "3+ years of experience building web applications"), "years_experience")
    assert flag.status == "unknown"
    # but no field can hold more years than the whole career (12.9 here)
    flag = only(flags_for(NURSE, "15+ years of experience building web applications"), "years_experience")
    assert flag.status == "not_met"
