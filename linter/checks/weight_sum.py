"""Indicator weights (权重 / 分值 columns) that do not add up to 100, or to the subtotal a 一级 label prints.

A form that weights its indicators prints a 权重 or 分值 column (the reader keeps it in
``Indicator.remarks`` under its printed label). The 一体化 system refuses to save weights that do
not make 100 ("…绩效指标权重需为100，保存失败!"), and a self-evaluation prints each 一级's share in
its label (``产出指标(40分)``): there the rows under that 一级 must make its share, and the table's
own total is not judged (the 预算执行率 score sits outside the indicator rows).

Only a table read whole is judged: a cut-off table (``Table.truncated``) may have more rows below,
and a table in which any row prints no weight, or one that is not a plain number (``20``, ``20%``,
``20分``), may hold the missing share in that row. One hit per table, or per 一级 whose subtotal
is printed, naming the sum, the target and every row with its weight.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from linter import regexes
from linter.checks import Hit, Param
from linter.model import Document, Indicator, Table
from linter.values.numerals import plain_number

PARAMS = {
    "total": Param(float, 100.0, "what a table's weights add up to when no 一级 prints its share"),
    "labels": Param(list, ["权重", "分值"], "words naming a weight column (a remark whose label holds one)"),
    "shown_rows": Param(int, 12, "rows listed in a message before the rest are counted"),
}
ARGS = ("sum", "target", "part", "items", "count")

# The weight as printed: a plain number, maybe with % or 分 after it.
_WEIGHT = regexes.compile(r"^\s*(\d{1,3}(?:\.\d{1,2})?)\s*(?:%|％|分)?\s*$")
# 产出指标(40分), 效益指标（30分）: the 一级's share; a range (0-20)分 is no subtotal.
_SUBTOTAL = regexes.compile(r"[(（]\s*(\d{1,3}(?:\.\d{1,2})?)\s*分\s*[)）]")


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of tables (or of their 一级 parts) whose weights do not add up."""
    for table in doc.tables:
        yield from check_table(table, params)


def weight_of(ind: Indicator, labels: list[str]) -> Decimal | None:
    """The row's weight as printed in a 权重 / 分值 column, or None when none is printed or it is no number."""
    for label, text in ind.remarks.items():
        if any(word in label for word in labels):
            m = _WEIGHT.match(text)
            if m is None:
                return None
            try:
                return Decimal(m.group(1))
            except InvalidOperation:  # pragma: no cover — the pattern admits digits only
                return None
    return None


def subtotal_of(level1_printed: str) -> Decimal | None:
    """The share a 一级 label prints (``产出指标(40分)`` → 40), or None."""
    m = _SUBTOTAL.search(level1_printed)
    return Decimal(m.group(1)) if m else None


def check_table(table: Table, params: dict) -> Iterator[Hit]:
    """The hits of one table: per 一级 that prints its share, else for the whole table."""
    rows = [i for i in table.indicators if i.name.strip()]
    if table.truncated or len(rows) < 2:
        return
    weighted = [(i, w) for i in rows if (w := weight_of(i, params["labels"])) is not None]
    if len(weighted) < len(rows):
        return  # a row printing no weight may hold the missing share
    parts: dict[str, list[tuple[Indicator, Decimal]]] = {}
    shares: dict[str, Decimal] = {}
    for ind, w in weighted:
        share = subtotal_of(ind.level1_printed)
        if share is not None:
            parts.setdefault(ind.level1_printed, []).append((ind, w))
            shares[ind.level1_printed] = share
    if parts:
        for label, members in parts.items():
            hit = _judge(table, members, shares[label], label, params)
            if hit is not None:
                yield hit
        return
    hit = _judge(table, weighted, Decimal(str(params["total"])), "", params)
    if hit is not None:
        yield hit


def _judge(
    table: Table, members: list[tuple[Indicator, Decimal]], target: Decimal, label: str, params: dict
) -> Hit | None:
    total = sum((w for _, w in members), Decimal(0))
    if total == target:
        return None
    shown = members[: params["shown_rows"]]
    listed = [f"{ind.name} {plain_number(w)}" for ind, w in shown]
    rest = len(members) - len(shown)
    first = members[0][0]
    return Hit(
        location=first.location,
        table=table,
        args={
            "sum": plain_number(total),
            "target": plain_number(target),
            "part": {"zh": f"{label}下" if label else "", "en": f" under {label}" if label else ""},
            "items": {
                "zh": "、".join(listed) + (f" 等{len(members)}行" if rest else ""),
                "en": ", ".join(listed) + (f" and {rest} more" if rest else ""),
            },
            "count": len(members),
        },
        level1=first.level1 if label else None,
    )
