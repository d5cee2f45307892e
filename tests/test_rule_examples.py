"""Every rule's own examples, run as tests (sqlfluff-style): each ``fail`` example gives at least
one finding of that rule, each ``pass`` example none. The examples live in rules/*.yaml and are
written by hand from real tables; this file only collects them.
"""

from __future__ import annotations

import re

import pytest

from linter.engine import Engine
from linter.rulebook import example_document, load_rule_dirs

RULES = load_rule_dirs()
CASES = [(rule, kind, i) for rule in RULES for kind in ("fail", "pass") for i in range(len(rule.examples[kind]))]


def findings_of(rule, example):
    doc = example_document(example, f"{rule.path.name}")
    return [f for f in Engine([rule]).run(doc) if f.rule == rule.slug]


@pytest.mark.parametrize(("rule", "kind", "index"), CASES, ids=[f"{r.slug}-{k}{i}" for r, k, i in CASES])
def test_rule_example(rule, kind, index):
    found = findings_of(rule, rule.examples[kind][index])
    if kind == "fail":
        assert found, f"{rule.slug}: fail example {index} gave no finding"
        for f in found:  # every placeholder of the message was filled
            assert "{" not in f.message, f.message
    else:
        assert not found, f"{rule.slug}: pass example {index} gave {[f.message for f in found]}"


def test_every_rule_has_examples_of_both_kinds():
    assert len(RULES) >= 25
    for rule in RULES:
        assert rule.examples["fail"] and rule.examples["pass"], rule.slug


def test_english_messages_are_filled_too():
    for rule in RULES:
        doc = example_document(rule.examples["fail"][0], rule.path.name)
        found = [f for f in Engine([rule]).run(doc, lang="en") if f.rule == rule.slug]
        assert found, rule.slug  # a failing example fails
        # the template's own words: its longest piece between fields, long enough to tell a message
        words = max(re.split(r"\{[^}]*\}", rule.message["en"]), key=len)
        assert len(words.strip()) >= 4, (rule.slug, rule.message["en"])
        for f in found:
            assert "{" not in f.message, (rule.slug, f.message)
            assert words in f.message, (rule.slug, f.message)
