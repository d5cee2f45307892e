"""The 成本指标 amounts of a table, added up, against its 项目资金.

Each cost indicator stating a total in money counts (``≤45万元`` as 45万元, ``20万`` as 20万元, a
range by its ends). Rounding of the printed funding is allowed for: ``13.49`` 万元 covers 134850 to
134950 元, so cost items of 98856 + 36000 元 fit it. A sum over the funding is always reported; a
sum under it only when every cost indicator is a readable total (with a unit price or an
unreadable value among them the items need not add up to the whole).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from linter.checks import Hit, Param
from linter.checks.indicators import scope_of
from linter.checks.money import format_yuan, money_slack, preferred_unit, total_amount, value_slack
from linter.glossary import MONEY_COST
from linter.model import Document, Indicator, Table

PARAMS = {
    "categories": Param(list, list(MONEY_COST), "二级 categories whose amounts are added up"),
    "tolerance": Param(float, 0.0, "extra slack, as a share of the funding, beyond printed rounding"),
    "report_under": Param(bool, True, "also report a complete breakdown that falls short of the funding"),
}
ARGS = ("sum", "funding", "diff", "count")


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of tables whose 成本指标 do not add up to their funding."""
    for table in doc.tables:
        hit = check_table(table, params)
        if hit:
            yield hit


def _without_total_row(totals: list, funding: Decimal, slack: Decimal) -> list:
    """The items without a row that is the funding and their sum (``项目总成本 50万元`` over 20 + 30)."""
    if len(totals) < 3:
        return totals
    whole = sum((a[1] for _, a in totals), Decimal(0))
    for i, (_, (low, high)) in enumerate(totals):
        if low == high and abs(high - funding) <= slack and abs(whole - high - high) <= slack:
            return totals[:i] + totals[i + 1 :]
    return totals


def check_table(table: Table, params: dict) -> Hit | None:
    """The hit of one table whose 成本指标 amounts do not answer to its 项目资金 (over it, or under it when complete), or None."""
    funding = table.funding.total
    if funding is None or funding.yuan is None or funding.yuan <= 0:
        return None
    scope = scope_of(params["categories"])
    costs = [i for i in table.indicators if i in scope]
    amounts = [(i, total_amount(i.value)) for i in costs]
    totals = [(i, a) for i, a in amounts if a is not None]
    if not totals:
        return None
    slack = (
        money_slack(funding)
        + sum((value_slack(i.value) for i, _ in totals), Decimal(0))
        + funding.yuan * Decimal(str(params["tolerance"]))
    )
    # Under the funding is only a finding when every cost row is there and readable: a cut table
    # may have more below (over the funding stays one: more rows only add).
    complete = len(totals) == len(costs) and not table.truncated
    totals = _without_total_row(totals, funding.yuan, slack)
    low = sum((a[0] for _, a in totals), Decimal(0))
    high = sum((a[1] for _, a in totals), Decimal(0))
    if low > funding.yuan + slack:
        shown = low
    elif complete and params["report_under"] and high < funding.yuan - slack:
        shown = high
    else:
        return None
    unit = preferred_unit([i.value for i, _ in totals])
    first: Indicator = totals[0][0]
    return Hit(
        location=first.location,
        table=table,
        args={
            "sum": format_yuan(shown, unit),
            "funding": format_yuan(funding.yuan),
            "diff": format_yuan(abs(shown - funding.yuan), unit),
            "count": len(totals),
        },
        level1=first.level1,
        level2=first.level2,
    )
