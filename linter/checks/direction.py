"""A value pointing the other way from its name.

``减少因自然灾害造成的经济损失 不断提高`` asks for less and promises more; ``系统故障率 ≥5%`` asks for at
least 5% failures. A name measuring something bad (故障率, 事故率 …) needs ≤ or a fall; a name
asking to reduce something needs a fall; a name asking to raise something needs a rise. A name
measuring a reduction (``损失降低率``, ``死亡人数下降率``) is not read as bad: its figure should rise.

A cost (``ceiling_categories``) is a ceiling on spending: an amount of money with ≥ or > sets a floor
instead (``防疫室84平米 ≥1050元`` under 成本指标), whatever the name.
"""

from __future__ import annotations

from linter.checks import Param, RowView, row_check
from linter.checks.advice import (
    BAD_SUFFIXES,
    DOWN_WORDS,
    UP_WORDS,
    example_clause,
    is_bad_name,
    quantity_text,
    target_for,
    words_of,
)
from linter.checks.indicators import contains_any, core_name
from linter.values.types import BareNumber, Direction, Quantity, Value

PARAMS = {
    "bad_suffixes": Param(list, list(BAD_SUFFIXES), "names of things that should fall"),
    "down_words": Param(list, list(DOWN_WORDS), "verbs asking for a fall"),
    "up_words": Param(list, list(UP_WORDS), "verbs asking for a rise"),
    "ceiling_categories": Param(
        list, [], "categories whose amounts of money are ceilings (≤), such as 成本指标"
    ),
}
ARGS = ("wanted", "example", "suggestion")
_WANTED = {
    "down": {"zh": "要求下降", "en": "calls for a fall"},
    "up": {"zh": "要求上升", "en": "calls for a rise"},
    "ceiling": {"zh": "是成本指标，应设上限（≤）", "en": "is a cost, a ceiling (≤)"},
}


def points_up(value: Value) -> bool:
    """Whether a value asks for a rise (提高, 同比增长5%)."""
    if isinstance(value, Direction):
        return value.direction == "up"
    if isinstance(value, Quantity) and value.change:
        return value.change == "up"  # 同比提高5%
    if isinstance(value, Quantity | BareNumber):
        return value.comparator in ("≥", ">") and value.number > 0
    return False


def points_down(value: Value) -> bool:
    """Whether a value asks for a fall (降低, 同比下降5%)."""
    if isinstance(value, Quantity) and value.change:
        return value.change == "down"  # 同比下降5%
    return isinstance(value, Direction) and value.direction == "down"


def conflict(name: str, value: Value, params: dict) -> str | None:
    """The direction the name wants (up or down) when the value points the other way, else None."""
    words = words_of(params)
    down = contains_any(name, words.down_words)
    up = contains_any(name, words.up_words)
    if is_bad_name(name, words):
        return "down" if points_up(value) else None
    if name.endswith("率") or (down and up):
        return None  # a rate of reduction, or a name asking for both: no single direction
    if down and points_up(value) and (isinstance(value, Direction) or getattr(value, "change", None)):
        return "down"
    if up and points_down(value):
        return "up"
    return None


def floor_on_cost(ind: RowView, params: dict) -> bool:
    """An amount of money with ≥ or > in a category of ceilings (a cost set as a floor)."""
    value = ind.value
    return (
        ind.level2 in params["ceiling_categories"]
        and isinstance(value, Quantity)
        and value.unit_kind == "money"
        and value.comparator in ("≥", ">")
        and not value.change
    )


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the row's value points the other way from its name, else None."""
    target: str | None
    if floor_on_cost(ind, params):
        wanted, target = "ceiling", quantity_text(ind.value, "≤")
    else:
        found = conflict(core_name(ind.name), ind.value, params)
        if not found:
            return None
        wanted, target = found, target_for(ind.name, words_of(params))
    args: dict[str, object] = {"wanted": _WANTED[wanted]}
    if target:
        args["suggestion"] = target
    args["example"] = example_clause(target)
    return args


check = row_check(check_row, at="value")
