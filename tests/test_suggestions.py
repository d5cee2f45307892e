"""Advice is a fix that holds (issue 19): every value or name a message proposes, written into its
row, clears that finding and sets off nothing new on the row.

For each finding on examples/*.txt, and on every rule's failing examples, that carries a proposal
(``Finding.suggestion``, ``Finding.suggested_name``): the proposal is put into the row of the
document model (for a missing category, a row of that category is added), the document is checked
again, and the row must have lost that finding and gained no other. A message that proposed
``同比下降5%`` only for missing-comparator to ask for ``≥同比下降5%``, which rate-not-percent then
refused, fails here.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from linter.config import Config, configured_rules
from linter.engine import Engine
from linter.glossary import parent_of
from linter.model import Document, Finding, Indicator, Location
from linter.readers import read_path
from linter.rulebook import example_document, load_rule_dirs
from linter.values import parse

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))
RULES = load_rule_dirs()
ENGINE = Engine(configured_rules(Config(), RULES))
# the 二级 a row goes in when a whole 一级 is missing
FIRST_LEVEL2 = {"产出指标": "数量指标", "效益指标": "社会效益指标", "满意度指标": "服务对象满意度指标"}


def _documents() -> list[tuple[str, Document]]:
    docs = [(path.name, read_path(path)) for path in EXAMPLES]
    for rule in RULES:
        for i, example in enumerate(rule.examples["fail"]):
            docs.append((f"{rule.slug}-fail{i}", example_document(example, f"{rule.slug}.yaml")))
    return docs


DOCUMENTS = _documents()


def _proposals() -> list[tuple[str, Document, Finding]]:
    out = []
    for label, doc in DOCUMENTS:
        for f in ENGINE.run(doc):
            if f.suggestion is not None or f.suggested_name is not None:
                out.append((label, doc, f))
    return out


PROPOSALS = _proposals()


def _row_of(doc: Document, f: Finding) -> tuple[int, int]:
    """(table index, indicator index) of the row a finding is about."""
    for t, table in enumerate(doc.tables):
        if table.name != f.table:
            continue
        for i, ind in enumerate(table.indicators):
            if ind.name == f.indicator and f.location in (ind.location, ind.value_location):
                return t, i
    raise AssertionError(f"no row for {f}")


def _on_row(findings: list[Finding], table: str, ind: Indicator) -> list[str]:
    return sorted(
        f.code
        for f in findings
        if f.table == table and f.indicator == ind.name and f.location in (ind.location, ind.value_location)
    )


def test_there_are_proposals_to_check():
    codes = {f.code for _, _, f in PROPOSALS}
    # the rules whose messages propose a value or a name for the row
    assert codes >= {
        "IL101",
        "IL102",
        "IL201",
        "IL202",
        "IL204",
        "IL205",
        "IL206",
        "IL207",
        "IL208",
        "IL209",
        "IL210",
        "IL211",
        "IL212",
        "IL213",
        "IL214",
        "IL215",
        "IL216",
        "IL301",
        "IL302",
        "IL303",
        "IL404",
        "IL502",
    }, codes


@pytest.mark.parametrize(
    ("label", "doc", "finding"),
    PROPOSALS,
    ids=[f"{label}-{f.code}-{f.indicator or f.level2 or f.level1}" for label, _, f in PROPOSALS],
)
def test_a_proposal_written_into_its_row_holds(label, doc, finding):
    fixed = copy.deepcopy(doc)
    if finding.indicator is None:  # a missing category: add the row the message gives as its example
        level2 = finding.level2 or FIRST_LEVEL2[finding.level1]
        table = next(t for t in fixed.tables if t.name == finding.table)
        ind = Indicator(
            level1=parent_of(level2) or finding.level1,
            level2=level2,
            name=finding.suggested_name,
            value_text=finding.suggestion,
            value=parse(finding.suggestion),
            location=Location(fixed.path, 99_999, 1),
            level2_printed=level2,
        )
        table.indicators.append(ind)
        before: list[str] = []
    else:
        t, i = _row_of(fixed, finding)
        table, ind = fixed.tables[t], fixed.tables[t].indicators[i]
        before = _on_row(ENGINE.run(doc), table.name, doc.tables[t].indicators[i])
        if finding.suggested_name is not None:
            ind.name = finding.suggested_name
        if finding.suggestion is not None:
            ind.value_text = finding.suggestion
            ind.value = parse(finding.suggestion)
    found = ENGINE.run(fixed)
    after = _on_row(found, table.name, ind)
    proposal = f"{finding.suggested_name or ind.name} = {finding.suggestion or ind.value_text}"
    assert finding.code not in after, f"{finding.message}\n→ {proposal}: still {finding.code}"
    if finding.indicator is None:
        assert not any(
            f.code == finding.code
            and f.table == finding.table
            and (f.level2 or f.level1) == (finding.level2 or finding.level1)
            for f in found
        ), proposal
    new = sorted(set(after) - set(before))
    assert not new, f"{finding.message}\n→ {proposal} gives " + "; ".join(
        f.message for f in found if f.code in new and f.indicator == ind.name
    )


def test_proposals_never_hold_a_placeholder_or_a_fixed_year():
    dated = 0
    for _, doc, f in PROPOSALS:
        for text in (f.suggestion or "", f.suggested_name or ""):
            assert not any(mark in text for mark in ("X%", "…", "**", "{", "}")), (f.code, text)
        years = re.findall(r"(?<!\d)(\d{4})\s*年", f.suggestion or "")
        if doc.budget_year and years and f.code != "IL302":  # (IL302 keeps the year the row printed)
            assert set(years) == {str(doc.budget_year)}, (f.code, f.suggestion, doc.budget_year)
            dated += 1
    assert dated >= 5  # deadlines proposed in the budget year: the rule above was put to the test


def _row_alone(level2: str, name: str, value: str, year: int = 2024) -> list[str]:
    doc = example_document(
        {
            "name": "示例项目",
            "budget_year": year,
            "goal": "完成示例项目的年度任务。",
            "indicators": [{"level1": parent_of(level2), "level2": level2, "name": name, "value": value}],
        },
        "example.yaml",
    )
    return sorted(f.code for f in ENGINE.run(doc) if f.indicator == name)


def test_every_example_of_a_missing_category_is_a_row_that_passes():
    rule = next(r for r in RULES if r.slug == "missing-category")
    for category, (name, value) in rule.params["examples"].items():
        level2 = FIRST_LEVEL2.get(category, category)
        assert _row_alone(level2, name, value.replace("{this_year}", "2024年")) == [], (category, name, value)


@pytest.mark.parametrize(
    ("level2", "name", "value"),
    [
        ("成本指标", "培训费", "≤2万元"),
        ("成本指标", "人均补助标准", "300元/人"),  # cost-not-money's examples
    ],
)
def test_the_examples_quoted_in_messages_pass(level2, name, value):
    assert _row_alone(level2, name, value) == []


def test_the_contradiction_of_issue_19_is_gone():
    # vague-value proposed 同比下降5%, missing-comparator then asked for ≥同比下降5%, which rate-not-percent refused
    assert _row_alone("社会效益指标", "安全生产事故", "同比下降5%") == []
    assert _row_alone("社会效益指标", "安全生产事故率", "同比下降5%") == []
    assert _row_alone("社会效益指标", "农村低保覆盖率", "提高0.5个百分点") == []
    assert _row_alone("社会效益指标", "安全生产事故率", "≥同比下降5%") == ["IL204"]  # still no value
