"""A 满意度 target that cannot serve as one: ``100%`` (no survey of real people reaches it, so
the target is not meant), a rate without ``≥`` (``95%`` reads as exactly 95%), or a target below
a floor (``≥60%``: a project most of whose public is unhappy is not worth funding).

Applies to the 满意度 categories. ``≥100%`` is left to rate-over-100, an upper bound (``≤95%``)
to direction-conflict; one finding per indicator, the most serious reason first.
"""

from __future__ import annotations

from decimal import Decimal

from linter.checks import Param, RowView, row_check
from linter.values.types import Quantity, Value

PARAMS = {
    "categories": Param(
        list, ["服务对象满意度指标", "满意度指标"], "一级 or 二级 categories of satisfaction"
    ),
    "floor": Param(float, 85.0, "lowest acceptable satisfaction target in %"),
    "suggested": Param(float, 90.0, "the target suggested in the message (≥ this %)"),
}
ARGS = ("reason", "floor", "suggested", "suggestion")

_REASONS = {
    "hundred": {
        "zh": "满意度 100% 实际无法达到，不是真实的目标",
        "en": "100% satisfaction is never reached in practice, so it is no real target",
    },
    "no-comparator": {"zh": "未写“≥”，读作恰好等于该值", "en": "without ≥ it reads as exactly that figure"},
    "below-floor": {"zh": "低于 {floor}% 的下限", "en": "below the floor of {floor}%"},
}


def problem(value: Value, floor: float) -> str | None:
    """Which of the reasons applies to a satisfaction value, if any."""
    if not isinstance(value, Quantity) or value.unit_kind != "percent":
        return None
    if value.comparator in ("≤", "<"):
        return None
    n = value.number
    if n == 100 and value.comparator in (None, "="):
        return "hundred"
    if n > 100 or (n == 100 and value.comparator in ("≥", ">")):
        return None  # rate-over-100
    if n < Decimal(str(floor)):
        return "below-floor"
    if value.comparator in (None, "="):
        return "no-comparator"
    return None


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when a 满意度 target cannot serve as one (100%, under the floor), else None."""
    floor = params["floor"]
    reason = problem(ind.value, floor)
    if not reason:
        return None
    shown_floor = f"{floor:g}"
    text = {k: v.format(floor=shown_floor) for k, v in _REASONS[reason].items()}
    suggested = f"≥{max(params['suggested'], floor):g}%"
    return {"reason": text, "suggested": suggested, "suggestion": suggested, "floor": shown_floor}


check = row_check(check_row, at="value", skip_blank=False)
