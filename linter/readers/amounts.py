"""Printed amounts of money → ``Money`` in 元, using the unit the form declares.

An amount is printed bare (``13``) under a header that gives the unit (``单位: 万元``,
``资金投入(万元)``, ``拟投入的资金(元)``), or with its own unit (``13万元``). The amount's own unit
wins, then the nearest declared one.

    money("13", "万元")            → Money("13", Decimal("130000"))
    money("9,674,500.00", "元")    → Money("9,674,500.00", Decimal("9674500.00"))
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from linter import regexes
from linter.model import Location, Money
from linter.values.units import MAGNITUDES, MONEY_UNITS

FACTORS = {**MONEY_UNITS, "万": MAGNITUDES["万"], "亿": MAGNITUDES["亿"]}
_UNITS = regexes.alternation(FACTORS)
# Digits either side of the point: a longer run is no printed amount (run-on OCR, an attack), and
# multiplying it out to 元 would overflow the decimal context.
MAX_DIGITS = 30
_AMOUNT = regexes.compile(
    rf"^([-+]?\d{{1,{MAX_DIGITS}}}(?:\.\d{{1,{MAX_DIGITS}}})?)\s*({_UNITS})?[。.,，;；、]*$"
)
TOO_LONG = regexes.compile(rf"\d{{{MAX_DIGITS + 1}}}")  # a digit run no amount has


def amount_number(text: str) -> tuple[Decimal, str] | None:
    """(number, own unit) when ``text`` is an amount such as ``4,393.85`` or ``13万元``."""
    folded = unicodedata.normalize("NFKC", text).strip()
    folded = re.sub(r"(?<=\d),(?=\d{3})", "", folded).replace(" ", "")
    m = _AMOUNT.match(folded)
    if not m:
        return None
    try:
        return Decimal(m.group(1)), m.group(2) or ""
    except InvalidOperation:
        return None


def looks_like_amount(text: str) -> bool:
    """Whether ``text`` reads as an amount of money (a number, maybe with 万 or 元)."""
    return amount_number(text) is not None


def money(text: str, unit: str, location: Location | None = None) -> Money:
    """The printed amount with its value in 元 (None when the text or the unit is unknown)."""
    parsed = amount_number(text)
    yuan = None
    if parsed is not None:
        number, own_unit = parsed
        factor = FACTORS.get(own_unit or unit)
        if factor is not None:
            yuan = number * factor
    return Money(text.strip(), yuan, location)
