"""A 时效 value that is a span of time (``12个月``, ``≥1年``, ``1个月``) instead of a deadline.

时效指标 say when the work is done: a deadline (``2025年11月底前``) or a timeliness rate
(``及时率 100%``). A span as long as the project itself says nothing about timeliness. A time
limit (``≤24小时``, ``≤30分钟``: how fast a fault is answered) is a proper 时效 target and is not
reported, nor is a short span without comparator (``2小时``; missing-comparator covers it).
"""

from __future__ import annotations

from linter.checks import Param, RowView, row_check
from linter.values.types import Period, Quantity, Value

PARAMS = {
    "categories": Param(list, ["时效指标"], "二级 categories where a value must be a deadline or a rate"),
    "long_units": Param(
        list,
        ["个月", "年", "季度", "周年"],
        "units of a span that restates the project period rather than a time limit",
    ),
    "deadline": Param(
        str, "{this_year}11月底前", "the deadline proposed instead ({this_year}: the budget year)"
    ),
    "periods": Param(bool, False, "a period (2021年1月-12月: the whole year) is a span too"),
}
ARGS = ("suggestion",)


def is_span(value: Value, long_units: list[str]) -> bool:
    """Whether a value is a span of time in one of ``long_units`` rather than a date."""
    if not isinstance(value, Quantity) or value.unit_kind != "duration":
        return False
    if value.comparator in ("≤", "<"):
        return False  # a limit: 修复时间 ≤24小时
    if value.comparator in ("≥", ">"):
        return True  # 劳务派遣年限 ≥1年: at least a year is no deadline
    return value.unit in long_units or value.written_unit in long_units


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when a 时效 value is a span of time instead of a deadline, else None."""
    span = is_span(ind.value, params["long_units"]) or (params["periods"] and isinstance(ind.value, Period))
    return {"suggestion": params["deadline"]} if span else None


check = row_check(check_row, at="value", skip_blank=False)
