"""A target written as an exact figure where a bound is meant.

A rate of ``80%`` or ``98%`` printed without ≥ or ≤ says neither "at least" nor "at most"; 100% and 0%
are exact by nature and are left alone, and so is a change (``同比下降5%``, ``提高0.5个百分点``: a
change by so much is not a level to be over or under). A time limit (``2小时``, ``3个工作日``) in 时效 without ≤ is
the same defect. Counts and amounts are commonly printed without a comparator and are left alone.
"""

from __future__ import annotations

from linter.checks import Param, RowView, row_check
from linter.checks.advice import comparator_for, quantity_text
from linter.checks.indicators import in_scope
from linter.values.types import Quantity

PARAMS = {
    "percent_categories": Param(list, [], "categories where a percentage needs a comparator; empty for all"),
    "exclude_categories": Param(
        list, ["服务对象满意度指标"], "categories left alone (satisfaction-value covers 满意度)"
    ),
    "limit_units": Param(list, ["小时", "分钟", "天", "日", "工作日"], "units of a time limit"),
    "limit_categories": Param(list, ["时效指标"], "categories where a time limit needs a comparator"),
}
ARGS = ("suggestion",)


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the row's target is an exact figure where a bound is meant, else None."""
    value = ind.value
    if not isinstance(value, Quantity) or value.comparator or value.open_ended or value.change:
        return None
    percent = (
        value.unit_kind == "percent"
        and 0 < value.number < 100
        and in_scope(ind, params["percent_categories"])
    )
    limit = (
        value.unit_kind == "duration"
        and value.unit in params["limit_units"]
        and in_scope(ind, params["limit_categories"])
    )
    if not (percent or limit):
        return None
    return {"suggestion": quantity_text(value, comparator_for(ind.name, value.unit_kind))}


check = row_check(check_row, at="value")
