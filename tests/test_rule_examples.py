"""Every rule's own examples, run as tests (sqlfluff-style): each ``pass`` example gives no finding
of its rule, and each ``fail`` example gives exactly the findings its ``expect:`` lists (like
sqlfluff's ``violations``): as many, on those rows, with those args. The examples and their
expectations live in rules/*.yaml and are written by hand from real tables, reading the example
as a reviewer would; this file only collects them.
"""

from __future__ import annotations

import re
from collections import Counter

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


def hits_of(rule, example) -> list:
    """What the rule's check type says of the example, args and all (the findings keep no args)."""
    return list(rule.module.check(example_document(example, rule.path.name), rule.params))


def place(hit) -> dict:
    """Where a hit is, as ``expect:`` names it."""
    ind = hit.indicator
    return {
        "indicator": ind.name.strip() if ind else None,
        "table": hit.table.name if hit.table else None,
        "level1": hit.level1 or (ind.level1 if ind else None),
        "level2": hit.level2 or (ind.level2 if ind else None),
    }


def meets(hit, expected: dict) -> bool:
    """Whether a hit is the finding ``expected`` describes: at its place (the keys it gives), with
    its args (those it gives; a check's args the example does not mention are not compared, nor
    the keys of a mapping arg it does not mention: ``wanted: {zh: 要求下降}``)."""
    where = place(hit)
    if any(where[key] != value for key, value in expected.items() if key != "args"):
        return False
    return _within(expected.get("args", {}), hit.args)


def _within(expected, actual) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and _within(value, actual[key]) for key, value in expected.items()
        )
    return expected == actual


@pytest.mark.parametrize(("rule", "kind", "index"), CASES, ids=[f"{r.slug}-{k}{i}" for r, k, i in CASES])
def test_rule_example(rule, kind, index):
    example = rule.examples[kind][index]
    found = findings_of(rule, example)
    if kind == "pass":
        assert not found, f"{rule.slug}: pass example {index} gave {[f.message for f in found]}"
        return
    for f in found:  # every placeholder of the message was filled
        assert "{" not in f.message, f.message
    expected = rule.expect[index]
    assert expected is not None, f"{rule.slug}: fail example {index} states no expect:"
    assert len(found) == len(expected), f"{rule.slug}: fail example {index}: {[f.message for f in found]}"
    hits = hits_of(rule, example)
    assert len(hits) == len(found)
    unmet = list(expected)
    for hit in hits:  # each finding meets one expectation of its own
        match = next((e for e in unmet if meets(hit, e)), None)
        assert match is not None, f"{rule.slug}: fail example {index}: unexpected {place(hit)} {hit.args}"
        unmet.remove(match)


def test_every_rule_has_examples_of_both_kinds():
    assert len(RULES) >= 25
    for rule in RULES:
        assert rule.examples["fail"] and rule.examples["pass"], rule.slug


def test_an_expectation_fails_a_finding_on_another_row_or_with_other_args():
    # The comparison itself: a wrong row, a wrong arg or a wrong count is not met.
    rule = next(r for r in RULES if r.slug == "missing-unit")
    example = {"indicators": {"产出指标": {"数量指标": [{"点评反馈会次数": "4"}, {"培训人数": "≥100人"}]}}}
    [hit] = hits_of(rule, example)
    assert meets(hit, {"indicator": "点评反馈会次数", "args": {"number": "4"}})
    assert not meets(hit, {"indicator": "培训人数"})
    assert not meets(hit, {"indicator": "点评反馈会次数", "args": {"number": "5"}})
    assert not meets(hit, {"indicator": "点评反馈会次数", "args": {"no-such-arg": "4"}})
    assert not meets(hit, {"indicator": "点评反馈会次数", "level2": "质量指标"})
    assert meets(hit, {"args": {"unit_kind": {"zh": hit.args["unit_kind"]["zh"]}}})  # a mapping in part
    assert not meets(hit, {"args": {"unit_kind": {"zh": "金额单位"}}})


def test_expectations_name_rows_of_their_example():
    # An expect: naming a row its example does not have is a typo, whatever the check finds.
    for rule in RULES:
        for example, expected in zip(rule.examples["fail"], rule.expect, strict=True):
            doc = example_document(example, rule.path.name)
            names = Counter(i.name.strip() for t in doc.tables for i in t.indicators)
            for item in expected or ():
                if item.get("indicator") is not None:
                    assert names[item["indicator"]], (rule.slug, item)


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
    assert len(found) == 1, f"{rule.slug}: fix example {index} gave {[f.message for f in found]}"
    if not rule.fix["safe"]:
        assert not fix_yaml("t.yaml", text, doc, found, {rule.code: rule}, unsafe=False).applied
    fixed = fix_yaml("t.yaml", text, doc, found, {rule.code: rule}, unsafe=True)
    values = [i.value_text for t in read_yaml(fixed.after, "t.yaml").tables for i in t.indicators]
    assert values == [item["fixed"] if item["fixed"] is not None else item["value"]]
    if item["fixed"] is not None:
        again = read_yaml(fixed.after, "t.yaml")
        assert not [f for f in Engine([rule]).run(again) if f.rule == rule.slug]
