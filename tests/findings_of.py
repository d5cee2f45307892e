"""The findings of one input file as a multiset, for "same findings as the text form" tests."""

from collections import Counter

from linter.engine import Engine
from linter.readers import read_path
from linter.rulebook import load_rule_dirs

ENGINE = Engine(load_rule_dirs())


def findings_of(path) -> Counter:
    return Counter((f.code, f.table, f.indicator, f.value) for f in ENGINE.run(read_path(path)))
