"""An indicator filed under the wrong category: a 及时率 under 质量 (timeliness belongs in 时效), a
satisfaction under 效益, a head count or a number of times under 质量 (a count measures 数量), an
output restated under 效益 (``劳务派遣人员委托工作完成情况 优秀``: what was done, not what it brought).

``suffixes`` maps a name ending to the 二级 categories it belongs in, wherever it is filed;
``moves`` lists what is misfiled only in some categories: ``{in: [categories], endings: [...] or
words: [...], belongs: category}`` — a name in one of ``in`` (a 一级 or a 二级) that ends with one
of ``endings`` or holds one of ``words`` belongs in ``belongs``. ``count_not_in`` lists the
categories where a count (``≥2万人``, ``12次``) other than zero is misfiled. A zero count (``0次``
for 事故次数) is a quality or benefit target and is left alone.
"""

from __future__ import annotations

from linter.checks import Param, RowView, row_check
from linter.checks.indicators import core_name
from linter.glossary import HTML_TAG, parent_of
from linter.values.types import Quantity

PARAMS = {
    "suffixes": Param(
        dict,
        {"及时率": ["时效指标"], "满意度": ["服务对象满意度指标"], "满意率": ["服务对象满意度指标"]},
        "name ending → the 二级 categories it belongs in",
    ),
    "moves": Param(
        list,
        [],
        "what is misfiled in some categories only: {in: [categories], endings: [...] or "
        "words: [...], belongs: category}",
    ),
    "count_not_in": Param(list, ["质量指标"], "categories where a count is misfiled"),
    "count_belongs_in": Param(str, "数量指标", "where a count belongs (for the message)"),
}
ARGS = ("belongs", "filed", "why")
_MOVE_KEYS = {"in", "endings", "words", "belongs"}


def validate(params: dict) -> None:
    """Refuse a ``suffixes`` entry that is not a list of categories (ValueError)."""
    for suffix, cats in params["suffixes"].items():
        if not isinstance(cats, list):
            raise ValueError(f"suffixes.{suffix}: must be a list of categories")
    for n, move in enumerate(params["moves"]):
        if not isinstance(move, dict) or set(move) - _MOVE_KEYS:
            raise ValueError(f"moves[{n}]: a mapping of {', '.join(sorted(_MOVE_KEYS))}")
        if not isinstance(move.get("belongs"), str) or not isinstance(move.get("in"), list):
            raise ValueError(f"moves[{n}]: needs in (a list of categories) and belongs (a category)")
        lists = [move.get(k) for k in ("endings", "words") if k in move]
        if not lists or not all(isinstance(x, list) and all(isinstance(w, str) for w in x) for x in lists):
            raise ValueError(f"moves[{n}]: endings or words must be a list of words")


def misfiled(ind, params: dict) -> str | None:
    """The category the indicator belongs in, when it is filed elsewhere."""
    name = core_name(ind.name)
    for suffix, cats in params["suffixes"].items():
        if name.endswith(suffix) and cats and ind.level2 not in cats:
            return cats[0]
    filed = {ind.level2, ind.level1, parent_of(ind.level2)} - {None, ""}
    for move in params["moves"]:
        if filed.isdisjoint(move["in"]):
            continue  # (most rows: a move is about a category or two)
        endings = tuple(move.get("endings", ()))
        # 完成情况 is what core_name takes off (…情况): the printed name is read too
        if (
            endings and (name.endswith(endings) or HTML_TAG.sub("", ind.name).strip().endswith(endings))
        ) or any(w in name for w in move.get("words", ())):
            return move["belongs"]
    value = ind.value
    if (
        ind.level2 in params["count_not_in"]
        and isinstance(value, Quantity)
        and value.unit_kind == "count"
        and value.number > 0
        and not value.per_unit
    ):
        return params["count_belongs_in"]
    return None


# Why a row belongs where it is sent, by the category it belongs in (the message's reason).
_WHY = {
    "时效指标": ("及时率、按时完成衡量的是完成时间", "timeliness measures when things are done"),
    "服务对象满意度指标": ("满意度反映服务对象的评价", "satisfaction is the view of those served"),
    "成本指标": ("政府采购率等反映成本控制", "a procurement rate measures cost control"),
    "经济成本指标": ("政府采购率等反映成本控制", "a procurement rate measures cost control"),
    "数量指标": ("人数、次数等数目衡量的是数量", "head counts and numbers of times measure quantity"),
    "社会效益指标": ("知晓率等是产出带来的效果", "an awareness rate is what the output brought"),
    "产出指标": (
        "完成情况、发放率等是产出本身，效益指标应写产出带来的效果",
        "what was done is output; a benefit is what it brought",
    ),
}


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the name's suffix belongs under another 二级, else None."""
    if not ind.level2:
        return None
    target = misfiled(ind, params)
    if not target:
        return None
    zh, en = _WHY.get(target, ("", ""))
    return {
        "belongs": target,
        "filed": ind.level2_printed or ind.level2,
        "why": {"zh": f"：{zh}" if zh else "", "en": f": {en}" if en else ""},
    }


check = row_check(check_row, at="name")
