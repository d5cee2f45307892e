"""The satisfaction check types on hand-built tables: who is satisfied, and whether the target is
one. Names copy the real examples (000 大连高新区, 002 门源县, 003 东莞市, 004 平罗县)."""

from __future__ import annotations

import pytest

from linter.checks import satisfaction_subject, satisfaction_value
from linter.checks.satisfaction_subject import unit_names

SAT = "服务对象满意度指标"


@pytest.fixture(scope="module")
def document(document, table):
    """A 2025 document of one table, of 平罗县应急管理局本级 (004) unless ``unit`` says otherwise."""

    def of(*rows, unit: str = "平罗县应急管理局本级", department: str = "平罗县应急管理局--032001"):
        return document(table(*rows, name="t", implementing_unit=unit, department=department))

    return of


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


def test_the_unit_rating_its_own_work(document, row, run_check):
    # 004 projects 1, 5 and 6.
    rows = [
        row(SAT, "单位对人员工作成绩认可度", "≥95%", 1),
        row(SAT, "采购单位满意度", "≥95%", 2),
        row(SAT, "应急部门满意度", "≥90%", 3),
    ]
    hits = run_check(satisfaction_subject, document(*rows))
    assert [(h.location.line, h.args["subject"]) for h in hits] == [
        (1, "单位"),
        (2, "采购单位"),
        (3, "应急部门"),
    ]


def test_the_unit_named_in_full_before_对(document, row, run_check):
    [hit] = run_check(satisfaction_subject, document(row(SAT, "平罗县应急管理局对培训工作满意度", "≥95%")))
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
def test_clients_and_the_people_served_are_fine(document, row, run_check, name):
    assert (
        run_check(
            satisfaction_subject, document(row(SAT, name, "≥95%"), unit="大连高新技术产业园区应急管理局")
        )
        == []
    )


@pytest.mark.parametrize(
    ("name", "subject"),
    [
        ("区应急管理局对第三方服务满意度", "应急管理局"),  # 000 project 3: the buyer judging its contractor
        ("区应急局对应急指挥系统满意率", "应急局"),  # 000 project 2: the unit judging the system it runs
    ],
)
def test_the_unit_judging_what_it_buys_or_runs(document, row, run_check, name, subject):
    # The review guide (D46) and the seeds audit: the service is for the enterprises and the public,
    # the buyer's view of it is still the unit's own.
    [hit] = run_check(
        satisfaction_subject, document(row(SAT, name, "≥95%"), unit="大连高新技术产业园区应急管理局")
    )
    assert hit.args["subject"] == subject


def test_only_satisfaction_categories_are_looked_at(document, row, run_check):
    assert run_check(satisfaction_subject, document(row("社会效益指标", "本单位工作完成率", "≥95%"))) == []


# ------------------------------------------------------------------ satisfaction-value


def test_a_hundred_percent_target(document, row, run_check):
    # 003: 受聘人员满意度 100%.
    [hit] = run_check(satisfaction_value, document(row(SAT, "受聘人员满意度", "100%")))
    assert "100%" in hit.args["reason"]["zh"] and hit.args["suggested"] == "≥90%"


def test_a_rate_without_comparator_and_one_below_the_floor(document, row, run_check):
    hits = run_check(
        satisfaction_value, document(row(SAT, "群众满意度", "95%", 1), row(SAT, "群众满意度", "≥60%", 2))
    )
    assert [h.location.line for h in hits] == [1, 2]
    assert "≥" in hits[0].args["reason"]["zh"]
    assert "85%" in hits[1].args["reason"]["zh"] and "85%" in hits[1].args["reason"]["en"]


def test_the_floor_is_a_parameter(document, row, run_check):
    r = row(SAT, "群众满意度", "≥88%")
    assert run_check(satisfaction_value, document(r)) == []
    [hit] = run_check(satisfaction_value, document(r), floor=90)
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
def test_real_targets_and_other_rules_cases_are_not_reported(document, row, run_check, value):
    assert run_check(satisfaction_value, document(row(SAT, "群众满意度", value))) == []


def test_only_satisfaction_categories_are_looked_at_for_values(document, row, run_check):
    assert run_check(satisfaction_value, document(row("社会效益指标", "员工平均全年出勤率", "98%"))) == []
