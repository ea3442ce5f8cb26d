"""PII redaction before a model call: emails, phone numbers, street addresses out, and back in."""

import pytest

from pipeline.llm.redaction import Redactor

TEXT = (
    "Reach me at jordan.alvarez@example.com or +1 415 555 0142 (or (415) 555-0142), "
    "at 500 Market Street, Suite 4, San Francisco, or Hauptstraße 5 in Berlin."
)


def test_emails_phones_and_addresses_become_placeholders_and_come_back():
    redactor = Redactor()
    redacted = redactor.redact(TEXT)
    for personal in (
        "jordan.alvarez@example.com",
        "415 555 0142",
        "555-0142",
        "500 Market Street",
        "Hauptstraße 5",
    ):
        assert personal not in redacted
    assert "[EMAIL_1]" in redacted and "[PHONE_2]" in redacted and "[ADDRESS_2]" in redacted
    assert "San Francisco" in redacted and "Berlin" in redacted
    assert redactor.restore({"lines": [redacted, {"note": "[EMAIL_1]"}], "count": 3}) == {
        "lines": [TEXT, {"note": "jordan.alvarez@example.com"}],
        "count": 3,
    }


def test_the_same_value_gets_the_same_placeholder_across_texts():
    redactor = Redactor()
    assert redactor.redact("mail a@b.io") == "mail [EMAIL_1]"
    assert redactor.redact("again a@b.io, then c@d.io") == "again [EMAIL_1], then [EMAIL_2]"


@pytest.mark.parametrize(
    "text",
    [
        "Cut p95 latency by 40% for 30 million requests",
        "Served 2,000 carriers from 2019-03 to 2021-02",
        "ISO 27001 audit in 2022; 14 services; version 3.11.7",
        "from 2016 to 2018",
    ],
)
def test_numbers_dates_and_facts_are_left_alone(text):
    assert Redactor().redact(text) == text
