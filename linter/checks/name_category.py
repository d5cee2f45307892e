"""An indicator filed under the wrong 二级: a 及时率 under 质量 (timeliness belongs in 时效), a
satisfaction under 效益, a head count or a number of times under 质量 (a count measures 数量).

``suffixes`` maps a name ending to the 二级 categories it belongs in; ``count_not_in`` lists the
categories where a count (``≥2万人``, ``12次``) other than zero is misfiled. A zero count (``0次`` for
事故次数) is a quality or benefit target and is left alone.
"""

from __future__ import annotations

from linter.checks import Param, RowView, row_check
from linter.checks.indicators import core_name
from linter.values.types import Quantity

PARAMS = {
    "suffixes": Param(
        dict,
        {"及时率": ["时效指标"], "满意度": ["服务对象满意度指标"], "满意率": ["服务对象满意度指标"]},
        "name ending → the 二级 categories it belongs in",
    ),
    "count_not_in": Param(list, ["质量指标"], "categories where a count is misfiled"),
    "count_belongs_in": Param(str, "数量指标", "where a count belongs (for the message)"),
}
ARGS = ("belongs", "filed")


def validate(params: dict) -> None:
    """Refuse a ``suffixes`` entry that is not a list of categories (ValueError)."""
    for suffix, cats in params["suffixes"].items():
        if not isinstance(cats, list):
            raise ValueError(f"suffixes.{suffix}: must be a list of categories")


def misfiled(ind, params: dict) -> str | None:
    """The category the indicator belongs in, when it is filed elsewhere."""
    name = core_name(ind.name)
    for suffix, cats in params["suffixes"].items():
        if name.endswith(suffix) and cats and ind.level2 not in cats:
            return cats[0]
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


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the name's suffix belongs under another 二级, else None."""
    if not ind.level2:
        return None
    target = misfiled(ind, params)
    return {"belongs": target, "filed": ind.level2_printed or ind.level2} if target else None


check = row_check(check_row, at="name")
