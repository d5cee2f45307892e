"""A 时效 value that names only a year (``2025年``): no month or day to hold the work to.

A deadline is checkable when it says when in the year the work is done (``2025年11月底前``,
``2025年底``). A bare year in a one-year table says only "some time this year". Values with a
month, a day or a part of the year (底, 上半年) are fine; so is a bare year outside the 时效
categories.
"""

from __future__ import annotations

from linter.checks import Param, RowView, row_check
from linter.values.types import Date, Value

PARAMS = {
    "categories": Param(list, ["时效指标"], "二级 categories where a value must be a usable deadline"),
}
ARGS = ("year", "suggestion")


def year_only(value: Value) -> int | None:
    """The year when the value is a bare year such as ``2025年``."""
    # (the grammar reads ``2025年`` as a date, never as 2025 years: values/transform.py)
    if (
        isinstance(value, Date)
        and value.year is not None
        and value.month is None
        and value.day is None
        and value.part is None
        and not value.placeholder
    ):
        return value.year
    return None


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when a 时效 value names only a year, else None."""
    year = year_only(ind.value)
    return {"year": year, "suggestion": f"{year}年11月底前"} if year is not None else None


check = row_check(check_row, at="value", skip_blank=False)
