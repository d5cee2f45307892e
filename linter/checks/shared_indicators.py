"""Indicators copied from project to project in one document: ``点评反馈会次数``, ``警示教育片``,
``开展现场指导服务次数``, ``开展综合督查工作`` and ``组织培训辅导次数`` in both 2025年安全生产标准化建设经费
and 2025年企业分级分类监管; ``重点单位熟悉演练率``, ``受灾对象财产损失降低率`` and
``跨部门沟通协作机制健全性`` in three projects of one bureau.

Two projects share a row when their names are the same (punctuation aside; values may differ, as
the same activity counted twice may). Reported once for each table that shares at least
``min_shared`` rows with an earlier one (the one it shares most with), naming the rows. Rows every
project may carry are not counted: the ``exclude_categories`` (满意度) and names ending in
``generic_names`` (完成时限 …); nor are names shorter than ``min_length``.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks import Hit, Param
from linter.checks.indicators import core_name, ends_with_any, is_blank_row, name_key, scope_of
from linter.model import Document, Indicator, Table

PARAMS = {
    "min_shared": Param(int, 3, "rows two projects must share to be reported"),
    "min_length": Param(int, 4, "shorter names (punctuation aside) are not compared"),
    "exclude_categories": Param(list, ["满意度指标"], "categories every project fills alike"),
    "generic_names": Param(
        list,
        [
            "完成时限",
            "完成时间",
            "实施时间",
            "实施期限",
            "项目周期",
            "满意度",
            "满意率",
            "资金到位率",
            "预算执行率",
            "资金使用合规性",
            "资金使用合规率",
        ],
        "name endings every project may carry",
    ),
    "shown": Param(int, 4, "shared names quoted in the message"),
}
ARGS = ("other", "count", "total", "names")


def _rows(table: Table, params: dict) -> dict[str, Indicator]:
    scope = scope_of((), params["exclude_categories"])
    rows: dict[str, Indicator] = {}
    for ind in table.indicators:
        if is_blank_row(ind) or ind not in scope:
            continue
        key = name_key(ind.name)
        if len(key) < params["min_length"] or ends_with_any(core_name(ind.name), params["generic_names"]):
            continue
        rows.setdefault(key, ind)
    return rows


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of indicators copied from project to project in one document."""
    tables = [(t, _rows(t, params)) for t in doc.tables if t.indicators]
    # name → the earlier tables that hold it: each table is compared with those it shares a name
    # with, not with every earlier one (a document of thousands of projects)
    holders: dict[str, list[int]] = {}
    for j, (table, rows) in enumerate(tables):
        counts: dict[int, int] = {}
        for key in rows:
            for i in holders.get(key, ()):
                counts[i] = counts.get(i, 0) + 1
            holders.setdefault(key, []).append(j)
        # the earlier table sharing most (the first of those on a tie)
        best = min(counts, key=lambda i: (-counts[i], i), default=None)
        if best is None or counts[best] < params["min_shared"]:
            continue
        other, other_rows = tables[best]
        shared = [ind for key, ind in rows.items() if key in other_rows]
        names = "、".join(f"“{ind.name.strip()}”" for ind in shared[: params["shown"]])
        yield Hit(
            location=shared[0].location,
            table=table,
            args={
                "other": other.name,
                "count": len(shared),
                "total": len(rows),
                "names": names + ("等" if len(shared) > params["shown"] else ""),
            },
        )
