"""Amounts that must add up: a project's 资金总额 against 财政拨款 + 其他资金 (年度 and 实施期), a
document's 合计 against the funding of its projects, and a department table's budget block
(支出 parts against 收入 parts).

Every comparison allows for the rounding of each printed figure (half a unit of its last decimal).
A comparison is made only when every figure it needs was printed; a blank part counts as nothing
only where the form leaves it blank for nothing (其他资金).

The department block is read leniently: some provinces list 事业发展性支出 beside 基本支出 and
项目支出, others within 项目支出, so the expenditure side fits if either reading adds up.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from linter.checks import Hit, Param
from linter.checks.money import format_yuan, is_read, money_slack
from linter.model import Document, Funding, Location, Money, Table

if TYPE_CHECKING:
    from linter.checks.money import ReadMoney

PARAMS = {
    "expenditure": Param(list, ["基本支出", "项目支出"], "budget-block parts that make up the spending"),
    "extra_expenditure": Param(
        list, ["财政专项资金", "其他事业发展性支出"], "parts that may stand beside or inside 项目支出"
    ),
    "income": Param(
        list,
        ["财政拨款", "其他资金", "财政专户管理资金", "单位资金", "上级补助收入", "事业收入", "其他收入"],
        "budget-block parts that make up the income",
    ),
}
ARGS = ("parts", "sum", "whole", "total", "diff")


def _join(parts: Sequence[tuple[str, ReadMoney]]) -> str:
    return " + ".join(f"{label} {format_yuan(m.yuan)}" for label, m in parts)


def _hit(
    table: Table | None, location, parts: Sequence[tuple[str, ReadMoney]], whole_label: str, whole: ReadMoney
) -> Hit:
    total = sum((m.yuan for _, m in parts), Decimal(0))
    return Hit(
        location=location,
        table=table,
        args={
            "parts": _join(parts),
            "sum": format_yuan(total),
            "whole": whole_label,
            "total": format_yuan(whole.yuan),
            "diff": format_yuan(abs(total - whole.yuan)),
        },
    )


def _adds_up(parts: Sequence[ReadMoney], whole: ReadMoney) -> bool:
    total = sum((m.yuan for m in parts), Decimal(0))
    slack = money_slack(whole) + sum((money_slack(m) for m in parts), Decimal(0))
    return abs(total - whole.yuan) <= slack


def _funding_parts(funding: Funding) -> tuple[list[tuple[str, ReadMoney]], ReadMoney] | None:
    """(财政拨款 and 其他资金 as read, 资金总额) when they do not add up, else None."""
    total, fiscal, other = funding.total, funding.fiscal, funding.other
    if not is_read(total) or not is_read(fiscal):
        return None
    parts: list[tuple[str, ReadMoney]] = [("财政拨款", fiscal)]
    if is_read(other):
        parts.append(("其他资金", other))
    return None if _adds_up([m for _, m in parts], total) else (parts, total)


def _funding_hits(doc: Document, table: Table, funding: Funding | None, label: str) -> Iterator[Hit]:
    found = _funding_parts(funding) if funding is not None else None
    if found is None:
        return
    parts, total = found
    location = total.location or table.location or Location(doc.path)
    yield _hit(table, location, parts, label, total)


def _project_totals(doc: Document) -> list[tuple[str, ReadMoney]] | None:
    """Each project table's 资金总额, when every one was read; None otherwise."""
    projects = [t for t in doc.tables if t.kind == "project"]
    read = [(t.name, m) for t in projects if is_read(m := t.funding.total)]
    if len(projects) < 2 or len(read) < len(projects):
        return None  # a single project's header is its own total; an unread one leaves a gap
    if any(not t.indicators and not t.goal for t in projects):
        return None  # a bare amount row may be a unit's subtotal, not a project: no safe sum
    return read


def _read(budget: dict[str, Money], labels: list[str]) -> list[tuple[str, ReadMoney]]:
    return [(k, m) for k in labels if is_read(m := budget.get(k))]


def budget_block_mismatch(
    budget: dict[str, Money], params: dict
) -> tuple[list[tuple[str, ReadMoney]], list[tuple[str, ReadMoney]], Decimal] | None:
    """(the expenditure parts, the income parts, the income) when the parts do not add up to the
    income under any reading; else None."""
    income = _read(budget, params["income"])
    spend = _read(budget, params["expenditure"])
    extra = _read(budget, params["extra_expenditure"])
    if not income or len(spend) < len(params["expenditure"]):
        return None  # a part not printed: nothing to assert
    whole = sum((m.yuan for _, m in income), Decimal(0))
    slack = sum((money_slack(m) for _, m in income + spend + extra), Decimal(0))
    readings = [spend, spend + extra] if extra else [spend]
    for parts in readings:
        total = sum((m.yuan for _, m in parts), Decimal(0))
        if abs(total - whole) <= slack:
            return None
    return spend + extra, income, whole


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of funding figures that do not add up: a table's, the document's 合计, a budget block."""
    total, parts = doc.total, _project_totals(doc)
    if is_read(total) and parts is not None and not _adds_up([m for _, m in parts], total):
        hit = _hit(None, total.location or Location(doc.path), parts, "合计", total)
        hit.args["parts"] = f"{len(parts)} 个项目的资金"
        yield hit
    for table in doc.tables:
        yield from _funding_hits(doc, table, table.funding, "年度资金总额")
        yield from _funding_hits(doc, table, table.period_funding, "实施期资金总额")
        if table.budget:
            found = budget_block_mismatch(table.budget, params)
            if found is not None:
                parts, income, whole = found
                income_money = Money(text="", yuan=whole)
                assert is_read(income_money)  # (for the type checker: its amount is the sum just made)
                location = parts[0][1].location or table.location or Location(doc.path)
                yield _hit(table, location, parts, " + ".join(k for k, _ in income), income_money)
