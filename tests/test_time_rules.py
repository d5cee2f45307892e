"""The time check types on hand-built tables: dates before the budget year, deadlines that name
only a year, and spans of time given as 时效 values. Rows copy the real examples (002 门源县 2023,
000 大连高新区 2024, 004 平罗县 2025)."""

from __future__ import annotations

import pytest

from linter.checks import duration_as_deadline, stale_date, year_only_deadline
from linter.model import Document, Indicator, Location, Table
from linter.values import parse

TIME, COUNT, SOCIAL = "时效指标", "数量指标", "社会效益指标"


def ind(level2: str, name: str, value: str, line: int = 10, period: str | None = None) -> Indicator:
    loc = Location("t.txt", line, 5)
    return Indicator(
        level1="产出指标",
        level2=level2,
        name=name,
        value_text=value,
        value=parse(value),
        location=loc,
        value_location=loc,
        period_value_text=period,
        period_value=parse(period) if period is not None else None,
    )


def doc(*indicators: Indicator, year: int | None = 2023) -> Document:
    table = Table(name="t", indicators=list(indicators), location=Location("t.txt", 1, 1))
    return Document(path="t.txt", budget_year=year, tables=[table])


def run(module, document: Document, **params) -> list:
    return list(module.check(document, {k: p.default for k, p in module.PARAMS.items()} | params))


# ------------------------------------------------------------------ stale-date


def test_a_deadline_in_the_year_before_the_budget_year():
    # 002 project 3 (a 2023 table): 提供法律咨询时间 2022年12月底前.
    [hit] = run(
        stale_date, doc(ind(TIME, "宣传及时率", "100%"), ind(TIME, "提供法律咨询时间", "2022年12月底前", 12))
    )
    assert hit.indicator.name == "提供法律咨询时间" and hit.location.line == 12
    assert hit.args == {
        "year": 2022,
        "budget_year": 2023,
        "suggestion": "2023年12月底前",
        "proposal": "2023年12月底前",
        "field_zh": "指标值",
        "field_en": "the value",
        "text": "2022年12月底前",
    }


def test_a_period_counts_by_its_end():
    [hit] = run(stale_date, doc(ind(TIME, "项目实施期", "2022年1月至2022年12月")))
    assert hit.args["year"] == 2022
    assert run(stale_date, doc(ind(TIME, "慰问金发放期", "2023年01月--12月"))) == []


@pytest.mark.parametrize(
    "value", ["2023年12月底前", "2023年底", "11月底前", "**月**日前", "≥2022年依法维权次数", "2024年6月底前"]
)
def test_dates_in_or_after_the_budget_year_baselines_and_templates_are_fine(value):
    assert run(stale_date, doc(ind(TIME, "完成时间", value))) == []


def test_without_a_budget_year_nothing_is_asserted():
    assert run(stale_date, doc(ind(TIME, "提供法律咨询时间", "2022年12月底前"), year=None)) == []


def test_period_values_and_the_category_filter():
    row = ind(TIME, "完成时间", "2023年底", period="2022年底")
    [hit] = run(stale_date, doc(row))
    assert hit.args["year"] == 2022
    assert run(stale_date, doc(row), period_values=False) == []
    assert run(stale_date, doc(ind(SOCIAL, "完成时间", "2022年底")), categories=[TIME]) == []


# ------------------------------------------------------------------ deadline-year-only


def test_a_bare_year_as_deadline():
    # 004 projects 1, 4, 8: 项目完成时限 2025年, 完成项目工作内容 2025 年, 11月底前完成建设 2025年.
    rows = [
        ind(TIME, "项目完成时限", "2025年", 1),
        ind(TIME, "完成项目工作内容", "2025 年", 2),
        ind(TIME, "11月底前完成建设", "2025年", 3),
    ]
    hits = run(year_only_deadline, doc(*rows, year=2025))
    assert [(h.location.line, h.args["year"]) for h in hits] == [(1, 2025), (2, 2025), (3, 2025)]


@pytest.mark.parametrize("value", ["2025 年底", "2025年11月底前", "2025年上半年", "2025年6月30日", "100%"])
def test_deadlines_with_a_month_or_a_part_of_the_year_are_fine(value):
    assert run(year_only_deadline, doc(ind(TIME, "完成时限", value), year=2025)) == []


def test_a_bare_year_outside_the_timeliness_categories_is_not_reported():
    assert run(year_only_deadline, doc(ind(COUNT, "基准年", "2025年"), year=2025)) == []


# ------------------------------------------------------------------ timeliness-not-deadline


def test_spans_of_time_as_timeliness_values():
    # 004 projects 2 and 7 (12 个月), 000 project 1 (≥1年) and project 4 (1个月), 002 project 7 (≥12个月).
    rows = [
        ind(TIME, "长期开展", "12 个月", 1),
        ind(TIME, "劳务派遣年限", "≥1年", 2),
        ind(TIME, "“安全生产月”活动开展期限", "1个月", 3),
        ind(TIME, "2023年01月--12月", "≥12个月", 4),
        ind(TIME, "工业企业安全专家指导服务及生产经营单位全员安全培训", "12 个月", 5),
    ]
    assert [h.location.line for h in run(duration_as_deadline, doc(*rows))] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("value", ["≤24小时", "≤30分钟", "2小时", "100%", "≥90%", "2025 年底"])
def test_time_limits_rates_and_deadlines_are_fine(value):
    # 000 project 2: 系统故障修复处理时间 ≤24小时, 响应时间 ≤30分钟 are real time limits.
    assert run(duration_as_deadline, doc(ind(TIME, "系统故障修复处理时间", value))) == []


def test_spans_elsewhere_and_the_unit_list():
    assert run(duration_as_deadline, doc(ind(COUNT, "服务时长", "12个月"))) == []
    assert run(duration_as_deadline, doc(ind(TIME, "办理时限", "30天"))) == []
    assert len(run(duration_as_deadline, doc(ind(TIME, "办理时限", "30天")), long_units=["天"])) == 1
