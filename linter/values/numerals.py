"""Numbers as tables write them: Chinese numerals (一 两 十二 九十五 一百二十 三万 两千五百 →
Decimal), and a Decimal printed back plainly (``plain_number``)."""

from __future__ import annotations

from decimal import Decimal

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10_000, "亿": 100_000_000}


def chinese_to_decimal(text: str) -> Decimal:
    """The value of a Chinese numeral; raises ValueError for a malformed one (``十十``)."""
    if not text:
        raise ValueError("empty numeral")
    if all(c in _DIGITS for c in text) and len(text) > 1:
        # 二〇二五: digit by digit, as years are written
        return Decimal("".join(str(_DIGITS[c]) for c in text))
    total = 0  # completed 万/亿 sections
    section = 0  # the current section below 万
    digit = None
    for c in text:
        if c in _DIGITS:
            if digit is not None and digit != 0:
                raise ValueError(f"two digits in a row: {text}")
            digit = _DIGITS[c]
        elif c in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[c]
            digit = None
        elif c in _LARGE:
            section += digit or 0
            if section == 0 and total == 0:
                raise ValueError(f"magnitude without a number: {text}")
            total = (total + section) * _LARGE[c]
            section, digit = 0, None
        else:
            raise ValueError(f"not a numeral: {c}")
    return Decimal(total + section + (digit or 0))


def plain_number(number) -> str:
    """A number as a table prints it: no exponent, no trailing zeros (``95.0`` → ``95``,
    ``1.35E+6`` → ``1350000``)."""
    return format(number.normalize(), "f") if isinstance(number, Decimal) else str(number)
