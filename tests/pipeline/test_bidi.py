"""Right-to-left detection: the fast path for ASCII and the lower bound agree with Unicode's classes."""

from __future__ import annotations

import sys
import unicodedata

from pipeline.render.bidi import FIRST_RTL, RTL_CLASSES, has_rtl


def test_no_right_to_left_letter_comes_before_the_bound():
    below = (chr(c) for c in range(ord(FIRST_RTL)))
    assert not any(unicodedata.bidirectional(char) in RTL_CLASSES for char in below)
    assert unicodedata.bidirectional(FIRST_RTL) in RTL_CLASSES


def test_has_rtl_agrees_with_the_classes_on_every_code_point():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        expected = unicodedata.bidirectional(char) in RTL_CLASSES
        assert has_rtl("Senior engineer " + char) is expected, hex(code)
    assert not has_rtl("Python, PostgreSQL and Redis") and not has_rtl("Zürich, Köln")
    assert has_rtl("מהנדס תוכנה") and has_rtl("Engineer مهندس")
