"""The time check types on hand-built tables: dates before the budget year, deadlines that name
only a year, and spans of time given as 时效 values. Rows copy the real examples (002 门源县 2023,
000 大连高新区 2024, 004 平罗县 2025)."""

from __future__ import annotations

import functools

import pytest

from linter.checks import duration_as_deadline, stale_date, year_only_deadline

TIME, COUNT, SOCIAL = "时效指标", "数量指标", "社会效益指标"


@pytest.fixture(scope="module")
def document(document):
    """The rows' table is of 2023 (002 门源县) unless ``year`` says otherwise."""
    return functools.partial(document, year=2023)


# ------------------------------------------------------------------ stale-date


def test_a_deadline_in_the_year_before_the_budget_year(document, row, run_check):
    # 002 project 3 (a 2023 table): 提供法律咨询时间 2022年12月底前.
    [hit] = run_check(
        stale_date,
        document(row(TIME, "宣传及时率", "100%"), row(TIME, "提供法律咨询时间", "2022年12月底前", 12)),
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


def test_a_period_counts_by_its_end(document, row, run_check):
    [hit] = run_check(stale_date, document(row(TIME, "项目实施期", "2022年1月至2022年12月")))
    assert hit.args["year"] == 2022
    assert run_check(stale_date, document(row(TIME, "慰问金发放期", "2023年01月--12月"))) == []


@pytest.mark.parametrize(
    "value", ["2023年12月底前", "2023年底", "11月底前", "**月**日前", "≥2022年依法维权次数", "2024年6月底前"]
)
def test_dates_in_or_after_the_budget_year_baselines_and_templates_are_fine(document, row, run_check, value):
    assert run_check(stale_date, document(row(TIME, "完成时间", value))) == []


def test_without_a_budget_year_nothing_is_asserted(document, row, run_check):
    assert run_check(stale_date, document(row(TIME, "提供法律咨询时间", "2022年12月底前"), year=None)) == []


def test_period_values_and_the_category_filter(document, row, run_check):
    r = row(TIME, "完成时间", "2023年底", period="2022年底")
    [hit] = run_check(stale_date, document(r))
    assert hit.args["year"] == 2022
    assert run_check(stale_date, document(r), period_values=False) == []
    assert run_check(stale_date, document(row(SOCIAL, "完成时间", "2022年底")), categories=[TIME]) == []


# ------------------------------------------------------------------ deadline-year-only


def test_a_bare_year_as_deadline(document, row, run_check):
    # 004 projects 1, 4, 8: 项目完成时限 2025年, 完成项目工作内容 2025 年, 11月底前完成建设 2025年.
    rows = [
        row(TIME, "项目完成时限", "2025年", 1),
        row(TIME, "完成项目工作内容", "2025 年", 2),
        row(TIME, "11月底前完成建设", "2025年", 3),
    ]
    hits = run_check(year_only_deadline, document(*rows, year=2025))
    assert [(h.location.line, h.args["year"]) for h in hits] == [(1, 2025), (2, 2025), (3, 2025)]


@pytest.mark.parametrize("value", ["2025 年底", "2025年11月底前", "2025年上半年", "2025年6月30日", "100%"])
def test_deadlines_with_a_month_or_a_part_of_the_year_are_fine(document, row, run_check, value):
    assert run_check(year_only_deadline, document(row(TIME, "完成时限", value), year=2025)) == []


def test_a_bare_year_outside_the_timeliness_categories_is_not_reported(document, row, run_check):
    assert run_check(year_only_deadline, document(row(COUNT, "基准年", "2025年"), year=2025)) == []


# ------------------------------------------------------------------ timeliness-not-deadline


def test_spans_of_time_as_timeliness_values(document, row, run_check):
    # 004 projects 2 and 7 (12 个月), 000 project 1 (≥1年) and project 4 (1个月), 002 project 7 (≥12个月).
    rows = [
        row(TIME, "长期开展", "12 个月", 1),
        row(TIME, "劳务派遣年限", "≥1年", 2),
        row(TIME, "“安全生产月”活动开展期限", "1个月", 3),
        row(TIME, "2023年01月--12月", "≥12个月", 4),
        row(TIME, "工业企业安全专家指导服务及生产经营单位全员安全培训", "12 个月", 5),
    ]
    assert [h.location.line for h in run_check(duration_as_deadline, document(*rows))] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("value", ["≤24小时", "≤30分钟", "2小时", "100%", "≥90%", "2025 年底"])
def test_time_limits_rates_and_deadlines_are_fine(document, row, run_check, value):
    # 000 project 2: 系统故障修复处理时间 ≤24小时, 响应时间 ≤30分钟 are real time limits.
    assert run_check(duration_as_deadline, document(row(TIME, "系统故障修复处理时间", value))) == []


def test_spans_elsewhere_and_the_unit_list(document, row, run_check):
    assert run_check(duration_as_deadline, document(row(COUNT, "服务时长", "12个月"))) == []
    assert run_check(duration_as_deadline, document(row(TIME, "办理时限", "30天"))) == []
    assert (
        len(run_check(duration_as_deadline, document(row(TIME, "办理时限", "30天")), long_units=["天"])) == 1
    )
