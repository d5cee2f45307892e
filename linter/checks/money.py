"""Amounts of money for the money rules: reading them off typed values, the rounding slack of a
printed figure, and writing an amount in 元 back the way a table prints it (``135万元``).

Shared by the cost-sum, price-quantity, lump-sum and funding check types; not a check type itself
(it has no ``check``), so no rule file can name it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, TypeGuard

from linter import regexes
from linter.model import Money
from linter.values.numerals import plain_number
from linter.values.types import BareNumber, Expression, Quantity, Range, Value

WAN = Decimal(10_000)
_NUMBER = regexes.compile(r"\d[\d,，]*(?:\.\d+)?")


def is_money_quantity(value: Value) -> bool:
    """Whether a value is an amount of money."""
    return isinstance(value, Quantity) and value.unit_kind == "money"


def total_amount(value: Value) -> tuple[Decimal, Decimal] | None:
    """The amount in 元 a cost value states, as (low, high); None when it is no total in money.

    ``≤45万元`` counts as 45万元 (a cost ceiling is the amount budgeted for the item), a range as
    its two ends, ``20万`` as 20万元 (the missing 元 is another rule's business). A per-unit price
    (``10元/户``) is no total.
    """
    if isinstance(value, Quantity):
        if value.unit_kind == "money" and not value.per_unit:
            return value.number, value.number
        return None
    if isinstance(value, BareNumber):
        if value.magnitude in ("万", "亿"):
            return value.number, value.number
        return None
    if isinstance(value, Range):
        if value.unit_kind == "money" and "/" not in value.written_unit:
            return value.low, value.high
        return None
    if isinstance(value, Expression):
        if value.unit_kind == "money" and value.result is not None:
            return value.result, value.result
        return None
    return None


def unit_price(value: Value) -> Quantity | None:
    """The value when it is a price per unit (``2746元/人``, ``10元/每户``)."""
    if isinstance(value, Quantity) and value.unit_kind == "money" and value.per_unit:
        return value
    return None


def _slack_of_number(written: Decimal, scale: Decimal) -> Decimal:
    """Half a unit of the last printed decimal, in 元; an amount printed without decimals is exact.

    ``13.49`` (万元) may stand for anything from 134850 to 134950 元. An integer such as ``50``
    (万元) is taken as meant exactly: budgets are set in whole 万元, and treating it as rounded
    would hide a 4999 元 gap.
    """
    exponent = written.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= 0:
        return Decimal(0)
    return abs(scale) * Decimal(10) ** exponent / 2


if TYPE_CHECKING:

    class ReadMoney(Money):
        """A Money whose amount was read: what ``is_read`` tells the type checker."""

        yuan: Decimal


def is_read(money: Money | None) -> TypeGuard[ReadMoney]:
    """Whether an amount was printed and read (its 元 known)."""
    return money is not None and money.yuan is not None


def money_slack(money: Money) -> Decimal:
    """The rounding slack (元) of a printed amount such as ``13.49`` in a 万元 table."""
    if money.yuan is None:
        return Decimal(0)
    match = _NUMBER.search(money.text or "")
    if not match:
        return Decimal(0)
    written = Decimal(match.group().replace(",", "").replace("，", ""))
    if written == 0:
        return Decimal(0)
    return _slack_of_number(written, money.yuan / written)


def value_slack(value: Value) -> Decimal:
    """The rounding slack (元) of a money value as printed (``0.83万元`` → 50 元)."""
    if isinstance(value, Quantity | BareNumber) and value.written_number:
        return _slack_of_number(value.written_number, value.number / value.written_number)
    return Decimal(0)


def format_yuan(amount: Decimal, unit: str = "auto") -> str:
    """An amount in 元 written as a table would: ``1350000`` → ``135万元``, ``900`` → ``900元``.

    ``unit`` is ``元``, ``万元`` or ``auto`` (万元 from 1万 up, 元 below).
    """
    if unit == "auto":
        unit = "万元" if abs(amount) >= WAN else "元"
    shown = amount / WAN if unit == "万元" else amount
    return f"{plain_number(shown)}{unit}"


def preferred_unit(values: list[Value]) -> str:
    """元 when every amount was printed in 元 (``98856元``), else ``auto``: echo the table's habit."""
    units = {getattr(v, "written_unit", "") for v in values}
    return "元" if units == {"元"} else "auto"


def close(a: Decimal, b: Decimal, slack: Decimal) -> bool:
    """Whether ``a`` and ``b`` differ by no more than ``slack``."""
    return abs(a - b) <= slack
