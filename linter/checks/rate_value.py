"""A name that promises a rate (``…率``) with a value that is not a percentage: ``安全生产事故率 降低``,
``培训合格率 5次``, ``及时率 2025年底``.

A plain number (``95``) is left to missing-unit and a zero to trivial-target; a quantity per unit
(``0.5次/万人``) is a rate too. Names such as ``效率`` or ``频率`` are no percentage.
"""

from __future__ import annotations

from linter.checks import Param, RowView, row_check
from linter.checks.advice import NOT_RATES, RATE_TARGET, target_for, words_of
from linter.checks.indicators import core_name, ends_with_any
from linter.values.types import BareNumber, Empty, Quantity, Range, Value

PARAMS = {
    "suffixes": Param(list, ["率"], "name endings that promise a percentage"),
    "not_rates": Param(list, list(NOT_RATES), "endings that are no percentage"),
    "categories": Param(list, [], "categories looked at; empty for all"),
}
ARGS = ("suggestion",)


def is_percent_like(value: Value) -> bool:
    """Whether a value is a percentage or a rate per something."""
    if isinstance(value, Quantity | Range):
        return value.unit_kind == "percent" or bool(getattr(value, "per_unit", None))
    return False


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when a name promising a rate has a value that is not one, else None."""
    name = core_name(ind.name)
    if not ends_with_any(name, params["suffixes"]) or ends_with_any(name, params["not_rates"]):
        return None
    value = ind.value
    if isinstance(value, Empty | BareNumber) or is_percent_like(value):
        return None
    # ≥95%; ≥5% for a rate of change (下降率); a fall for a rate of something bad (事故率)
    return {"suggestion": target_for(name, words_of(params, rate_suffixes="suffixes")) or RATE_TARGET}


check = row_check(check_row, at="value")
