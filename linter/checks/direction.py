"""A value pointing the other way from its name.

``减少因自然灾害造成的经济损失 不断提高`` asks for less and promises more; ``系统故障率 ≥5%`` asks for at
least 5% failures. A name measuring something bad (故障率, 事故率 …) needs ≤ or a fall; a name
asking to reduce something needs a fall; a name asking to raise something needs a rise. A name
measuring a reduction (``损失降低率``, ``死亡人数下降率``) is not read as bad: its figure should rise.
"""

from __future__ import annotations

from linter.checks import Param, row_check
from linter.checks.indicators import contains_any, core_name, ends_with_any
from linter.model import Indicator
from linter.values.types import BareNumber, Direction, Quantity, Value

PARAMS = {
    "bad_suffixes": Param(list, ["故障率", "事故率", "发生率", "死亡率", "投诉率", "遗失率", "差错率", "失误率",
                                 "损失率", "伤亡率", "违章率", "返工率", "误报率", "漏报率", "事故次数", "发生次数",
                                 "死亡人数", "投诉数", "投诉次数", "伤亡人数"],
                          "names of things that should fall"),
    "down_words": Param(list, ["减少", "降低", "下降", "压降", "遏制", "控制", "减轻", "杜绝"],
                        "verbs asking for a fall"),
    "up_words": Param(list, ["提高", "提升", "增加", "增强", "扩大", "增长"], "verbs asking for a rise"),
}


def points_up(value: Value) -> bool:
    if isinstance(value, Direction):
        return value.direction == "up"
    if isinstance(value, Quantity | BareNumber):
        return value.comparator in ("≥", ">") and value.number > 0
    return False


def points_down(value: Value) -> bool:
    return isinstance(value, Direction) and value.direction == "down"


def conflict(name: str, value: Value, params: dict) -> str | None:
    down = contains_any(name, params["down_words"])
    up = contains_any(name, params["up_words"])
    if ends_with_any(name, params["bad_suffixes"]) and not down:
        return "down" if points_up(value) else None
    if name.endswith("率") or (down and up):
        return None  # a rate of reduction, or a name asking for both: no single direction
    if down and isinstance(value, Direction) and value.direction == "up":
        return "down"
    if up and points_down(value):
        return "up"
    return None


def check_row(ind: Indicator, params: dict) -> dict | None:
    wanted = conflict(core_name(ind.name), ind.value, params)
    if not wanted:
        return None
    return {"wanted": "下降" if wanted == "down" else "上升", "wanted_en": "a fall" if wanted == "down" else "a rise"}


check = row_check(check_row, at="value")
