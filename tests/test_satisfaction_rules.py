"""The satisfaction check types on hand-built tables: who is satisfied, and whether the target is
one. Names copy the real examples (000 大连高新区, 002 门源县, 003 东莞市, 004 平罗县)."""

from __future__ import annotations

import pytest

from linter.checks import satisfaction_subject, satisfaction_value
from linter.checks.satisfaction_subject import unit_names
from linter.model import Document, Indicator, Location, Table
from linter.values import parse

SAT = "服务对象满意度指标"


def ind(name: str, value: str = "≥95%", line: int = 10, level2: str = SAT) -> Indicator:
    loc = Location("t.txt", line, 5)
    level1 = "满意度指标" if level2 == SAT else "效益指标"
    return Indicator(
        level1=level1,
        level2=level2,
        name=name,
        value_text=value,
        value=parse(value),
        location=loc,
        value_location=loc,
    )


def doc(
    *indicators: Indicator, unit: str = "平罗县应急管理局本级", department: str = "平罗县应急管理局--032001"
) -> Document:
    table = Table(
        name="t",
        indicators=list(indicators),
        implementing_unit=unit,
        department=department,
        location=Location("t.txt", 1, 1),
    )
    return Document(path="t.txt", budget_year=2025, tables=[table])


def run(module, document: Document, **params) -> list:
    return list(module.check(document, {k: p.default for k, p in module.PARAMS.items()} | params))


# ------------------------------------------------------------------ satisfaction-subject


def test_unit_names_and_short_forms():
    assert unit_names("平罗县应急管理局--032001") == [
        "平罗县应急管理局",
        "应急管理局",
        "应急局",
        "应急部门",
        "应急管理部门",
    ]
    assert unit_names("大连高新技术产业园区应急管理局")[:3] == [
        "大连高新技术产业园区应急管理局",
        "应急管理局",
        "应急局",
    ]
    assert unit_names("") == []


def test_the_unit_rating_its_own_work():
    # 004 projects 1, 5 and 6.
    rows = [
        ind("单位对人员工作成绩认可度", line=1),
        ind("采购单位满意度", line=2),
        ind("应急部门满意度", "≥90%", 3),
    ]
    hits = run(satisfaction_subject, doc(*rows))
    assert [(h.location.line, h.args["subject"]) for h in hits] == [
        (1, "单位"),
        (2, "采购单位"),
        (3, "应急部门"),
    ]


def test_the_unit_named_in_full_before_对():
    [hit] = run(satisfaction_subject, doc(ind("平罗县应急管理局对培训工作满意度")))
    assert hit.args["subject"] == "平罗县应急管理局"


@pytest.mark.parametrize(
    "name",
    [
        "接受劳务派遣人员服务单位满意度",  # 000 project 1
        "群众对应急和安全生产宣传工作满意度",  # the public judging the unit's work
        "群众对应急管理局宣传工作满意度",
        "被检查企业满意度",
        "受聘人员满意度",
        "地方灾害管理部门的满意度",
        "各级防汛指挥部门满意度情况",
        "接受应急局培训的企业满意度",
    ],
)
def test_clients_and_the_people_served_are_fine(name):
    assert run(satisfaction_subject, doc(ind(name), unit="大连高新技术产业园区应急管理局")) == []


@pytest.mark.parametrize(
    ("name", "subject"),
    [
        ("区应急管理局对第三方服务满意度", "应急管理局"),  # 000 project 3: the buyer judging its contractor
        ("区应急局对应急指挥系统满意率", "应急局"),  # 000 project 2: the unit judging the system it runs
    ],
)
def test_the_unit_judging_what_it_buys_or_runs(name, subject):
    # The review guide (D46) and the seeds audit: the service is for the enterprises and the public,
    # the buyer's view of it is still the unit's own.
    [hit] = run(satisfaction_subject, doc(ind(name), unit="大连高新技术产业园区应急管理局"))
    assert hit.args["subject"] == subject


def test_only_satisfaction_categories_are_looked_at():
    assert run(satisfaction_subject, doc(ind("本单位工作完成率", level2="社会效益指标"))) == []


# ------------------------------------------------------------------ satisfaction-value


def test_a_hundred_percent_target():
    # 003: 受聘人员满意度 100%.
    [hit] = run(satisfaction_value, doc(ind("受聘人员满意度", "100%")))
    assert "100%" in hit.args["reason"]["zh"] and hit.args["suggested"] == "≥90%"


def test_a_rate_without_comparator_and_one_below_the_floor():
    hits = run(satisfaction_value, doc(ind("群众满意度", "95%", 1), ind("群众满意度", "≥60%", 2)))
    assert [h.location.line for h in hits] == [1, 2]
    assert "≥" in hits[0].args["reason"]["zh"]
    assert "85%" in hits[1].args["reason"]["zh"] and "85%" in hits[1].args["reason"]["en"]


def test_the_floor_is_a_parameter():
    row = ind("群众满意度", "≥88%")
    assert run(satisfaction_value, doc(row)) == []
    [hit] = run(satisfaction_value, doc(row), floor=90)
    assert hit.args["floor"] == "90" and hit.args["suggested"] == "≥90%"


@pytest.mark.parametrize(
    "value",
    [
        "≥95%",
        "≥ 95%",
        "≥90%",
        "≥85%",
        "≥100%",  # rate-over-100's finding, not this one's
        "≤95%",  # an upper bound is direction-conflict's
        "较高",
        "",
    ],
)
def test_real_targets_and_other_rules_cases_are_not_reported(value):
    assert run(satisfaction_value, doc(ind("群众满意度", value))) == []


def test_only_satisfaction_categories_are_looked_at_for_values():
    assert run(satisfaction_value, doc(ind("员工平均全年出勤率", "98%", level2="社会效益指标"))) == []
