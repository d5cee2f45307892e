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
CASES = [
    (rule, kind, i) for rule in RULES for kind in ("fail", "pass") for i in range(len(rule.examples[kind]))
]


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


FIXES = [(rule, i) for rule in RULES if rule.fix for i in range(len(rule.examples["fix"]))]


@pytest.mark.parametrize(("rule", "index"), FIXES, ids=[f"{r.slug}-fix{i}" for r, i in FIXES])
def test_rule_fix_example(rule, index):
    """Each ``examples.fix`` item: the rule fires on ``value``, and ``check --fix`` (with
    --unsafe-fixes for an unsafe fix) writes ``fixed`` in its place (null: leaves it alone)."""
    from linter.canonical import to_yaml
    from linter.fixes import fix_yaml
    from linter.glossary import parent_of
    from linter.readers.yaml_reader import read_yaml

    item = rule.examples["fix"][index]
    level2 = item.get("level2", "数量指标")
    example = {"indicators": {parent_of(level2) or "产出指标": {level2: [{item["name"]: item["value"]}]}}}
    text = to_yaml(example_document(example, rule.path.name))
    doc = read_yaml(text, "t.yaml")
    found = [f for f in Engine([rule]).run(doc) if f.rule == rule.slug]
    assert found, f"{rule.slug}: fix example {index} gave no finding"
    if not rule.fix["safe"]:
        assert not fix_yaml("t.yaml", text, doc, found, {rule.code: rule}, unsafe=False).applied
    fixed = fix_yaml("t.yaml", text, doc, found, {rule.code: rule}, unsafe=True)
    values = [i.value_text for t in read_yaml(fixed.after, "t.yaml").tables for i in t.indicators]
    assert values == [item["fixed"] if item["fixed"] is not None else item["value"]]
    if item["fixed"] is not None:
        again = read_yaml(fixed.after, "t.yaml")
        assert not [f for f in Engine([rule]).run(again) if f.rule == rule.slug]
