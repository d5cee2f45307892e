"""The four real documents (examples/*.txt) give exactly the findings a reviewer wrote down by hand
(tests/findings_of.py, where the reasons for each are given)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from findings_of import CASES, key
from office_templates import EXAMPLES

from linter.readers import read_path


@pytest.mark.parametrize("filename", sorted(CASES))
def test_pinned_findings(filename, engine):
    doc = read_path(EXAMPLES / filename)
    found = Counter(key(f) for f in engine.run(doc))
    expected = Counter(CASES[filename])
    assert found - expected == Counter(), "findings a reviewer would not make"
    assert expected - found == Counter(), "defects a reviewer would report that were missed"


@pytest.mark.parametrize("filename", sorted(CASES))
def test_each_value_quoted_is_the_one_printed_after_its_name(filename, engine):
    # the values the office formats are compared with (findings_of.assert_findings_of), held to the
    # document itself: printed right after the indicator's name (≥1000% or a cut ≥10 would not be)
    text = (EXAMPLES / filename).read_text(encoding="utf-8")
    quoted = [f for f in engine.run(read_path(EXAMPLES / filename)) if f.indicator and f.value]
    assert len(quoted) >= 10
    for f in quoted:
        printed = re.escape(f.indicator.strip()) + r"[\s|]*" + re.escape(f.value) + r"(?![\d.])"
        assert re.search(printed, text), (f.rule, f.indicator, f.value)
