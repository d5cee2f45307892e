"""The four real documents (examples/*.txt) give exactly the findings a reviewer wrote down by hand
(tests/findings_of.py, where the reasons for each are given)."""

from __future__ import annotations

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
