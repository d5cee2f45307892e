"""Bounds that constrain nothing or cannot be met.

``bound: trivial`` — ``≥0``, ``≥0%``, ``≤100%``: true whatever happens.
``bound: over-100`` — a rate that cannot exceed 100% written ``≥100%`` (or above 100%): ≥ asks for more
than everything. Rates that can exceed 100% (增长率, 提升率 …) are left alone.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeGuard

from linter.checks import Param, RowView, row_check
from linter.checks.advice import SATISFACTION_TARGET, SATISFACTION_WORDS, example_clause, target_for
from linter.checks.indicators import contains_any, core_name, ends_with_any
from linter.values.numerals import plain_number
from linter.values.types import BareNumber, Quantity, Value

PARAMS = {
    "bound": Param(
        str,
        "trivial",
        "trivial (≥0, ≤100%) or over-100 (≥100% for a capped rate)",
        fixed=True,
        choices=("trivial", "over-100"),
    ),
    "capped_suffixes": Param(
        list, ["率", "比例", "占比", "比重", "度"], "names of rates that cannot exceed 100%"
    ),
    "uncapped_words": Param(
        list,
        ["增长", "增幅", "提升", "提高", "增加", "同比", "环比", "比上年", "超额", "完成率"],
        "words marking a rate that may exceed 100%",
    ),
    "categories": Param(list, [], "categories looked at; empty for all"),
}
ARGS = ("number", "example", "suggestion")

HUNDRED = Decimal(100)


def is_trivial(value: Value) -> TypeGuard[Quantity | BareNumber]:
    """Whether a value bounds nothing (≥0, ≤100%)."""
    if isinstance(value, Quantity | BareNumber):
        if value.comparator == "≥" and value.number == 0:
            return True
        if isinstance(value, Quantity) and value.unit_kind == "percent":
            return value.comparator == "≤" and value.number >= HUNDRED
    return False


def is_over_100(value: Value, name: str, params: dict) -> TypeGuard[Quantity]:
    """Whether a percentage the name caps at 100% asks for more (or for exactly 100% as a floor)."""
    if not isinstance(value, Quantity) or value.unit_kind != "percent":
        return False
    if not ends_with_any(name, params["capped_suffixes"]) or contains_any(name, params["uncapped_words"]):
        return False
    if value.number > HUNDRED:
        return value.comparator not in ("≤", "<")
    return value.number == HUNDRED and value.comparator in ("≥", ">")


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the row's bound constrains nothing or cannot be met, else None."""
    name = core_name(ind.name)
    if params["bound"] == "trivial":
        if not is_trivial(ind.value):
            return None
        target = target_for(name)
    else:
        if not is_over_100(ind.value, name, params):
            return None
        target = SATISFACTION_TARGET if contains_any(name, SATISFACTION_WORDS) else "100%"
    args: dict[str, object] = {"number": plain_number(ind.value.number)}
    if target:
        args["suggestion"] = target
        args["example"] = example_clause(target)
    else:
        args["example"] = {"zh": "，按计划写明具体数值", "en": ", a figure from the plan"}
    return args


check = row_check(check_row, at="value")
