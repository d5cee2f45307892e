"""The findings of an example converted to another format, and what they must be: the table
written by hand in tests/test_examples_findings.py (not the text reader's own output, which shares
too much code with the other readers to catch their common mistakes).

The figures other tests expect of the four examples (findings by severity, by rule, the tables) are
derived here from that same hand-written table and each rule's severity, never typed in again.
"""

from collections import Counter

from office_templates import EXAMPLES, NAMES
from test_examples_findings import CASES, ENGINE, T000, D, P, Q, key

from linter.readers import read_path
from linter.rulebook import load_rule_dirs

SEVERITY = {rule.slug: rule.severity for rule in load_rule_dirs([])}  # rule slug -> error/warning/info
CODE = {rule.slug: rule.code for rule in load_rule_dirs([])}  # rule slug -> IL…
TABLES_OF = {"000": T000, "002": P, "003": (D,), "004": Q}  # the tables of each example, as printed
TABLES = tuple(name for tables in TABLES_OF.values() for name in tables)  # of the four examples


def assert_findings_of(path, example: str) -> None:
    """``path``, example ``000``, ``002``, ``003`` or ``004`` in another format, gives the findings
    written by hand, and they quote the values the text form quotes: a reader that turned ≥100% into
    ≥1000% would set off the same rules on the same rows."""
    found = ENGINE.run(read_path(path))
    assert Counter(key(f) for f in found) == expected_of(example)
    as_text = ENGINE.run(read_path(EXAMPLES / f"{NAMES[example]}.txt"))
    assert Counter(_quoted(f) for f in found) == Counter(_quoted(f) for f in as_text)


def _quoted(finding) -> tuple:
    return finding.table, finding.rule, finding.indicator, finding.value


def expected_of(example: str) -> Counter:
    """The hand-written findings of example ``000``, ``002``, ``003`` or ``004``."""
    return Counter(CASES[f"{NAMES[example]}.txt"])


def totals_of(example: str | None = None) -> Counter:
    """Findings by severity (``error``, ``warning``, ``info``) of one example, or of all four."""
    examples = [example] if example else list(NAMES)
    return Counter(SEVERITY[rule] for name in examples for _, rule, _ in expected_of(name).elements())


TOTALS = totals_of()  # of the four examples; TOTALS.total() is the number of findings
RULES = Counter(
    rule for name in NAMES for _, rule, _ in expected_of(name).elements()
)  # findings per rule slug
