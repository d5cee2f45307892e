"""A value pointing the other way from its name.

``减少因自然灾害造成的经济损失 不断提高`` asks for less and promises more; ``系统故障率 ≥5%`` asks for at
least 5% failures. A name measuring something bad (故障率, 事故率 …) needs ≤ or a fall; a name
asking to reduce something needs a fall; a name asking to raise something needs a rise. A name
measuring a reduction (``损失降低率``, ``死亡人数下降率``) is not read as bad: its figure should rise.
"""

from __future__ import annotations

from linter.checks import Param, RowView, row_check
from linter.checks.advice import BAD_SUFFIXES, DOWN_WORDS, UP_WORDS, target_for
from linter.checks.indicators import contains_any, core_name, ends_with_any
from linter.values.types import BareNumber, Direction, Quantity, Value

PARAMS = {
    "bad_suffixes": Param(list, list(BAD_SUFFIXES), "names of things that should fall"),
    "down_words": Param(list, list(DOWN_WORDS), "verbs asking for a fall"),
    "up_words": Param(list, list(UP_WORDS), "verbs asking for a rise"),
}
ARGS = ("wanted", "wanted_en", "example", "suggestion")


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
    down = contains_any(name, params["down_words"])
    up = contains_any(name, params["up_words"])
    if ends_with_any(name, params["bad_suffixes"]) and not down:
        return "down" if points_up(value) else None
    if name.endswith("率") or (down and up):
        return None  # a rate of reduction, or a name asking for both: no single direction
    if down and points_up(value) and (isinstance(value, Direction) or getattr(value, "change", None)):
        return "down"
    if up and points_down(value):
        return "up"
    return None


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the row's value points the other way from its name, else None."""
    wanted = conflict(core_name(ind.name), ind.value, params)
    if not wanted:
        return None
    args: dict[str, object] = {
        "wanted": "下降" if wanted == "down" else "上升",
        "wanted_en": "a fall" if wanted == "down" else "a rise",
    }
    target = target_for(ind.name)
    if target:
        args["suggestion"] = target
    args["example"] = {"zh": f"，如“{target}”", "en": f", e.g. {target}"} if target else {"zh": "", "en": ""}
    return args


check = row_check(check_row, at="value")
