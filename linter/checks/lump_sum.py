"""A 成本指标 that only restates the project's whole funding (``项目费用 360000元`` on a 36万元
project): one amount, no breakdown into cost items or unit costs.

Reported when the table's cost indicators hold exactly one total in money, no unit price and no
arithmetic, the total equals the funding (within printed rounding), and the indicator's name says
nothing of what the money buys: a generic word (项目费用, 项目经费 …), the project's own name, or
a phrase copied from the goal. A single item named for what it buys (``制式服装购置费及执法设备购置费
90000元``) is left alone: a small project may have one cost item.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import regexes
from linter.checks import Hit, Param, hit_location
from linter.checks.indicators import scope_of
from linter.checks.matching import coverage
from linter.checks.money import format_yuan, is_read, money_slack, total_amount, unit_price, value_slack
from linter.glossary import MONEY_COST
from linter.model import Document, Indicator, Table
from linter.values.types import Expression

_YEAR = regexes.compile(r"^\s*\d{4}\s*年度?\s*")

PARAMS = {
    "categories": Param(list, list(MONEY_COST), "二级 categories holding the cost items"),
    "generic_names": Param(
        list,
        [
            "项目费用",
            "项目经费",
            "项目资金",
            "项目成本",
            "项目支出",
            "项目总成本",
            "总成本",
            "总费用",
            "总经费",
            "费用",
            "经费",
            "资金",
            "成本",
            "预算资金",
            "资金总额",
            "项目预算",
        ],
        "names that say nothing of what the money buys",
    ),
    "similarity": Param(float, 0.6, "share of the name copied from the project name or the goal"),
}
ARGS = ("amount", "funding")


def _core(name: str) -> str:
    return name.strip().removesuffix("指标").removesuffix("（元）").removesuffix("(元)")


def says_nothing(ind: Indicator, table: Table, params: dict) -> bool:
    """Whether an indicator's name says nothing of what the money buys (项目费用, 资金)."""
    name = _core(ind.name)
    if not name or name in params["generic_names"]:
        return True
    project = _YEAR.sub("", table.name).removesuffix("费").removesuffix("经")
    if coverage(project, name) >= params["similarity"] or coverage(name, table.name) >= params["similarity"]:
        return True
    return bool(table.goal) and coverage(name, table.goal) >= params["similarity"]


def lump_sum_indicator(table: Table, params: dict) -> Indicator | None:
    """The table's 成本指标 that only restates its whole funding, or None."""
    funding = table.funding.total
    if funding is None or funding.yuan is None or funding.yuan <= 0:
        return None
    scope = scope_of(params["categories"])
    costs = [i for i in table.indicators if i in scope]
    if any(unit_price(i.value) or isinstance(i.value, Expression) for i in costs):
        return None
    totals = [(i, a) for i in costs if (a := total_amount(i.value)) is not None]
    if len(totals) != 1:
        return None
    ind, (low, high) = totals[0]
    slack = money_slack(funding) + value_slack(ind.value)
    if low != high or abs(low - funding.yuan) > slack:
        return None
    return ind if says_nothing(ind, table, params) else None


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of 成本指标 that restate the project's funding."""
    for table in doc.tables:
        ind = lump_sum_indicator(table, params)
        amounts = total_amount(ind.value) if ind is not None else None
        funding = table.funding.total
        if ind is not None and amounts is not None and is_read(funding):
            yield Hit(
                location=hit_location(ind, "value"),
                table=table,
                indicator=ind,
                args={"amount": format_yuan(amounts[0]), "funding": format_yuan(funding.yuan)},
            )
