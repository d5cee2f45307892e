"""The findings of an example converted to another format, and what they must be: the table
written by hand in tests/test_examples_findings.py (not the text reader's own output, which shares
too much code with the other readers to catch their common mistakes)."""

from collections import Counter

from office_templates import NAMES
from test_examples_findings import CASES, ENGINE, key

from linter.readers import read_path


def findings_of(path) -> Counter:
    return Counter(key(f) for f in ENGINE.run(read_path(path)))


def expected_of(example: str) -> Counter:
    """The hand-written findings of example ``000``, ``002``, ``003`` or ``004``."""
    return Counter(CASES[f"{NAMES[example]}.txt"])
