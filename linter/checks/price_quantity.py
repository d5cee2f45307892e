"""A price per unit times a quantity that does not give the total beside it.

Two shapes are checked:

* within one row, the name holds the count and the price and the value the total
  (``3名技术人员经费补助标准 2746元/人`` → ``98856元``: 3 × 2746 = 8238 ≠ 98856);
* across a table, a cost indicator gives a price (``人均…补贴标准 10元/每户``) and exactly one
  indicator named for the same thing counts that unit (``补贴户数 3.2万户``): the product may not
  exceed the whole funding, nor differ from a cost total named for the same thing.

When the product times 12 fits, the price is a monthly one written without its month
(元/人·月); the finding says so. A small relative slack allows for a total rounded to 万元.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from linter import regexes
from linter.checks import Hit, Param, hit_location
from linter.checks.indicators import scope_of
from linter.checks.matching import counter_of, overlap, per_month
from linter.checks.money import (
    format_yuan,
    preferred_unit,
    total_amount,
    unit_price,
    value_slack,
)
from linter.glossary import MONEY_COST
from linter.model import Document, Indicator, Table
from linter.values.numerals import plain_number
from linter.values.scan import find_quantities
from linter.values.types import Quantity

PARAMS = {
    "cost_categories": Param(list, list(MONEY_COST), "categories holding prices and totals"),
    "tolerance": Param(float, 0.01, "relative slack between price × quantity and the total"),
    "months": Param(int, 12, "months in the year, to spot a monthly price written without its month"),
    "similarity": Param(float, 0.5, "how alike a price's name and a total's name must be to pair them"),
    "count_similarity": Param(float, 0.3, "how alike a price's name and a count's name must be to pair them"),
}
ARGS = ("price", "quantity", "product", "total", "total_name", "note")


_MONTH_AFTER = regexes.compile(r"\s*(?:[·.•*]|/|每)\s*月")
_THE_VALUE = {"zh": "指标值", "en": "the value"}
_FUNDING = {"zh": "项目资金", "en": "the project funding"}


@dataclass
class Mismatch:
    """A price, a count and the total that their product does not give."""

    price: Quantity
    count: Quantity
    product: Decimal
    total: Decimal
    total_label: dict  # {"zh": …, "en": …}: what the total is
    monthly_fits: bool
    months: int
    unit: str  # 元 or auto: print amounts as the total was printed


def _fits(product: Decimal, total: Decimal, slack: Decimal, tolerance: float) -> bool:
    return abs(product - total) <= slack + abs(total) * Decimal(str(tolerance))


def _matching_count(quantities: list[Quantity], price: Quantity) -> list[Quantity]:
    unit = counter_of(price.per_unit)
    return [q for q in quantities if q.unit_kind == "count" and not q.per_unit and counter_of(q.unit) == unit]


def _compare(
    price: Quantity,
    count: Quantity,
    total: Decimal,
    slack: Decimal,
    label: dict,
    params: dict,
    unit: str = "auto",
) -> Mismatch | None:
    product = price.number * count.number
    if per_month(price.per_unit):
        product *= params["months"]  # 元/人·月 × 3人: the year's cost is twelve months of it
    if _fits(product, total, slack, params["tolerance"]):
        return None
    monthly = not per_month(price.per_unit) and _fits(
        product * params["months"], total, slack, params["tolerance"]
    )
    return Mismatch(price, count, product, total, label, monthly, params["months"], unit)


def in_row(ind: Indicator, params: dict) -> Mismatch | None:
    """``3名…补助标准 2746元/人`` with value ``98856元``: count and price in the name, total in the value."""
    amount = total_amount(ind.value)
    if amount is None or amount[0] != amount[1]:
        return None
    quantities = list(find_quantities(ind.name))
    prices = [q for q in quantities if unit_price(q)]
    if len(prices) != 1:
        return None
    price = prices[0]
    counts = _matching_count(quantities, price)
    if len(counts) != 1:
        return None
    if not per_month(price.per_unit) and _MONTH_AFTER.match(ind.name, price.span[1]):
        # ``2746元/人·月`` in a name: the scanner stops at 人; the month still belongs to the price.
        price = dataclasses.replace(price, per_unit=f"{price.per_unit}·月")
    return _compare(
        price, counts[0], amount[0], value_slack(ind.value), _THE_VALUE, params, preferred_unit([ind.value])
    )


def across_table(table: Table, ind: Indicator, params: dict) -> Mismatch | None:
    """A price indicator against the one count of its unit elsewhere in the table."""
    price = unit_price(ind.value)
    if price is None:
        return None
    counts = []
    for other in table.indicators:
        # The count must be of the priced thing: 补贴户数 for 补贴标准, not 宣传覆盖人数 for 人均培训费.
        if (
            other is not ind
            and isinstance(other.value, Quantity)
            and overlap(other.name, ind.name) >= params["count_similarity"]
        ):
            counts += [(other, q) for q in _matching_count([other.value], price)]
    if len({q.number for _, q in counts}) != 1:
        return None  # none, or several different counts: no telling which one the price is for
    count = counts[0][1]
    # A cost total named for the same thing must equal the product.
    cost = scope_of(params["cost_categories"])
    for other in table.indicators:
        if other is ind or other not in cost:
            continue
        amount = total_amount(other.value)
        if amount and amount[0] == amount[1] and overlap(other.name, ind.name) >= params["similarity"]:
            label = {"zh": other.name, "en": other.name}
            return _compare(
                price,
                count,
                amount[0],
                value_slack(other.value),
                label,
                params,
                preferred_unit([other.value]),
            )
    # Otherwise the priced part alone may not cost more than the whole project.
    funding = table.funding.total
    if funding is not None and funding.yuan:
        found = _compare(price, count, funding.yuan, Decimal(0), _FUNDING, params)
        if found and found.product > funding.yuan:
            return found
    return None


def _args(m: Mismatch) -> dict:
    """Numbers as printed; the optional note comes in both languages (``{note[zh]}`` in templates)."""
    per = m.price.per_unit or ""
    year = format_yuan(m.product * m.months, m.unit)
    return {
        "price": f"{plain_number(m.price.number)}{m.price.unit}/{per}",
        "quantity": f"{plain_number(m.count.written_number)}{m.count.written_unit}",
        "product": format_yuan(m.product, m.unit),
        "total": format_yuan(m.total, m.unit),
        "total_name": m.total_label,
        "note": {
            "zh": f"；按 {m.months} 个月计为 {year}，与之相符，单价应写作 元/{per}·月"
            if m.monthly_fits
            else "",
            "en": f"; over {m.months} months it is {year}, which fits: the price is per month "
            f"and should read 元/{per}·月"
            if m.monthly_fits
            else "",
        },
    }


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of prices times quantities that do not give the total beside them."""
    for table in doc.tables:
        for ind in table.indicators:
            found = in_row(ind, params) or across_table(table, ind, params)
            if found:
                yield Hit(location=hit_location(ind, "value"), table=table, indicator=ind, args=_args(found))
