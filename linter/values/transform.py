"""The transformer: one method per rule of grammar/value.lark, building typed values.

It runs inside the LALR parser (``lalr.TableParser``, or ``Lark(..., transformer=...)`` when the
grammar has changed since the tables were written), so no parse tree is built. The value rules
take terminals directly; each method reads its tokens by type. A token is a ``str`` subclass
with a ``type`` (``lalr.Token`` or Lark's); the one plain ``str`` among the children is what
``per_unit`` returns. Values are built with an empty ``raw`` and span, which the caller fills in.
A method raises ``ValueError`` for what the grammar accepts but the meaning rejects (month 13);
the caller turns that into a Text value.
"""

from __future__ import annotations

import re
from decimal import Decimal

from linter import regexes
from linter.values import types as t
from linter.values.numerals import chinese_to_decimal
from linter.values.units import MAGNITUDES, describe

_CMP = {
    ">=": "≥",
    "<=": "≤",
    "=>": "≥",
    "=<": "≤",
    "≧": "≥",
    "≦": "≤",
    "≮": "≥",
    "≯": "≤",
    "≥": "≥",
    "≤": "≤",
    ">": ">",
    "<": "<",
    "=": "=",
    **dict.fromkeys(("大于等于", "大于或等于", "不低于", "不少于", "不小于", "至少", "达到", "达"), "≥"),
    **dict.fromkeys(("高于", "超过", "大于", "多于", "超"), ">"),
    **dict.fromkeys(("小于等于", "小于或等于", "不高于", "不超过", "不大于", "不多于", "控制在"), "≤"),
    **dict.fromkeys(("低于", "小于", "少于"), "<"),
    **dict.fromkeys(("等于", "保持在"), "="),
}
_APPROX = {"约", "大约", "近", "预计", "约为", "左右"}
_SUFFIX_CMP = {"及以上": "≥", "以上": "≥", "及以下": "≤", "以下": "≤", "以内": "≤", "之内": "≤", "内": "≤"}
_OPEN_ENDED = {"以上", "及以上"}
_DATE_PART = {
    "年内": "end",
    "底": "end",
    "末": "end",
    "年底": "end",
    "年末": "end",
    "初": "start",
    "上半年": "first_half",
    "下半年": "second_half",
    "上旬": "early",
    "中旬": "mid",
    "下旬": "late",
    "第一季度": "q1",
    "第二季度": "q2",
    "第三季度": "q3",
    "第四季度": "q4",
}
_DIRECTION = {"DIR_UP": "up", "DIR_DOWN": "down", "DIR_STEADY": "steady"}
_KEEP = {"保持", "维持", "稳定"}  # steady verbs that state a level to keep: 保持100%
_FREQUENCY = {"年度": "年", "季": "季度", "日": "天", "半年": "半年", "学期": "学期"}
_AMOUNT = regexes.compile(
    r"百分之\s*(?P<pct>.+)|(?P<num>[\d,.]+)\s*(?P<mag>[万亿千])?\s*(?P<approx>[余多])?"
    r"|(?P<cn>[零〇一二两三四五六七八九十百千万亿]+?)(?P<cnapprox>[余多])?$|(?P<half>半)$"
)
_ONE = Decimal(1)


def read_amount(text: str) -> tuple[Decimal, Decimal, str, bool]:
    """An AMOUNT token → (number with magnitude folded, number as written, magnitude, approx).

    The magnitude is ``%`` for 百分之…, which names the unit as well.
    """
    m = _AMOUNT.match(text)
    assert m is not None, text  # the grammar's AMOUNT terminal is this pattern
    if m.group("pct") is not None:
        pct = m.group("pct")
        written = Decimal(pct) if pct[0].isdigit() else chinese_to_decimal(pct)
        return written, written, "%", False
    if m.group("half") is not None:
        return Decimal("0.5"), Decimal("0.5"), "", False
    if m.group("num") is not None:
        written = Decimal(m.group("num").replace(",", ""))
        mag = m.group("mag") or ""
        number = written * MAGNITUDES[mag] if mag else written
        return number, written, mag, m.group("approx") is not None
    written = chinese_to_decimal(m.group("cn"))
    return written, written, "", m.group("cnapprox") is not None


class ValueTransformer:
    """Builds the typed values from the grammar's parse tree, one method per rule."""

    def quantity(self, children):
        comparator = unit = per = noun = amount = None
        approx = open_ended = within = False
        year_word = "年"
        pers = []  # 每人每月300元 → 人·月
        for c in children:
            if type(c) is str:
                pers.append(c)  # the per_unit rule's string
                continue
            kind = c.type
            if kind == "EACH":
                pers.append(str(c)[1:])
            elif kind == "FREQUENCY":
                key = "年" if c.startswith("全年") else c[1:].lstrip("个").split("一")[0]
                pers.append(_FREQUENCY.get(key, key))
            elif kind == "AMOUNT":
                amount = c
            elif kind == "YEAR":
                unit, year_word = "年", str(c)  # 年度 too
            elif kind == "UNIT" or kind == "DAY":
                unit = str(c)
            elif kind == "NOUN":
                noun = str(c)
            else:  # PREFIX or SUFFIX
                if kind == "SUFFIX" and comparator is None and str(c) in ("内", "以内", "之内"):
                    within = True
                comparator, approx, open_ended = _modify(c, comparator, approx, open_ended)
        per = "·".join(pers) if pers else None
        assert amount is not None  # the grammar's quantity always has its AMOUNT
        number, written, magnitude, amount_approx = read_amount(amount)
        approx = approx or amount_approx
        if magnitude == "%":  # 百分之九十五
            unit, magnitude = "%", ""
        if unit is None:
            if comparator is None and not magnitude and per is None:
                month = _dotted_month(written)
                if month is not None:
                    return month  # 2025.12: December 2025, not a number
            return t.BareNumber(
                "",
                (0, 0),
                comparator,
                _normal(number),
                written,
                magnitude,
                approximate=approx,
                open_ended=open_ended,
            )
        if unit == "年" and per is None and not magnitude and _is_calendar_year(written):
            return _calendar_year(written, year_word, noun, comparator, within)
        kind, base, number = measured(written, magnitude, unit)
        return t.Quantity(
            "",
            (0, 0),
            comparator,
            number,
            base,
            kind,
            written,
            magnitude + unit,
            per,
            noun,
            approx,
            open_ended,
        )

    def change(self, children):
        """A quantity after a direction word: 增长5% is a change by 5%; 下降到3% a level to reach."""
        verb = next(c for c in children if c.type in _DIRECTION)
        way = _DIRECTION[verb.type]
        if way == "steady" and (str(verb) not in _KEEP or any(c.type == "NOUN" for c in children)):
            raise ValueError("not a level to keep")  # 保障33名退休干部… is a name, not a value
        # 下降到3%: a level; 保持100%: a level to keep; 增长5%: a change by 5%
        to_level = way == "steady" or any(c.type == "RANGE_SEP" for c in children)
        rest = [c for c in children if c.type in ("AMOUNT", "UNIT", "NOUN", "SUFFIX", "PREFIX")]
        value = self.quantity(rest)
        if not isinstance(value, t.Quantity | t.BareNumber):
            raise ValueError("not an amount")
        if to_level:
            if value.comparator is None:
                value.comparator = {"up": "≥", "down": "≤", "steady": "="}[way]
        elif isinstance(value, t.Quantity):
            value.change = way
        else:
            raise ValueError("a change needs a unit")
        return value

    def range(self, children):
        comparator, approx, _ = _modifiers(children)
        amounts = [read_amount(c) for c in children if c.type == "AMOUNT"]
        units = ["年" if c.type == "YEAR" else str(c) for c in children if c.type in ("UNIT", "YEAR")]
        (low, low_written, low_mag, low_approx), (high, high_written, high_mag, high_approx) = amounts
        if high_mag in MAGNITUDES and not low_mag:
            low = low_written * MAGNITUDES[high_mag]  # 8-12万元: the 万 belongs to both ends
        if units and units[-1] == "年" and _is_calendar_year(low_written) and _is_calendar_year(high_written):
            # 2024-2026年: a period of calendar years
            return t.Period(
                "",
                (0, 0),
                t.Date("", (0, 0), year=int(low_written)),
                t.Date("", (0, 0), year=int(high_written)),
            )
        if not units:
            period = _period_from_dotted(low_written, high_written)
            if period is not None:
                return period
            if low > high:
                raise ValueError("range ends reversed")  # 2025-12 is not a range
            return t.Range("", (0, 0), low, high, "", "", "", approximate=approx, comparator=comparator)
        kind, base, factor = describe(units[-1])
        if low > high:
            raise ValueError("range ends reversed")
        written_unit = (high_mag if high_mag in MAGNITUDES else "") + units[-1]
        return t.Range(
            "",
            (0, 0),
            _normal(low * factor),
            _normal(high * factor),
            base,
            kind,
            written_unit,
            approximate=approx or low_approx or high_approx,
            comparator=comparator,
        )

    def expression(self, children):
        operands = tuple(read_amount(c)[0] for c in children if c.type == "AMOUNT")
        unit = next((str(c) for c in children if c.type == "UNIT"), "")
        result = _ONE
        for x in operands:
            result *= x
        return t.Expression("", (0, 0), operands, _normal(result), unit, describe(unit)[0] if unit else "")

    def month_day(self, children):
        numbers = [c for c in children if c.type in ("AMOUNT", "PLACEHOLDER")]
        month, day = (_day_number(n) for n in (numbers + [None])[:2])
        if month is not None and not 1 <= month <= 12:
            raise ValueError("month out of range")
        if day is not None and not 1 <= day <= 31:
            raise ValueError("day out of range")
        placeholder = any(c.type == "PLACEHOLDER" for c in numbers)
        return (month, day, placeholder)

    def date(self, children):
        year = month = day = part = None
        before = placeholder = False
        for c in children:
            if type(c) is tuple:
                month, day, placeholder = c
            elif c.type == "ISO_DATE":
                year, month, day = (int(x) for x in re.split(r"[-./]", str(c)))
            elif c.type == "ISO_MONTH":
                year, month = (int(x) for x in re.split(r"[-/]", str(c)))
            elif c.type == "QUARTER":
                q = c.strip("第季度 ")
                part = "q" + (q if q.isdigit() else str("一二三四".index(q) + 1))
            elif c.type == "BY":
                before = True
            elif c.type == "AMOUNT":
                written = read_amount(c)[1]
                if not _is_calendar_year(written):
                    raise ValueError("not a calendar year")
                year = int(written)
            elif c.type == "DATE_PART":
                part = part or _DATE_PART[str(c)]  # 第一季度末 keeps q1
            elif c.type == "BEFORE":
                before = True
        return t.Date(
            "", (0, 0), year=year, month=month, day=day, part=part, before=before, placeholder=placeholder
        )

    def period(self, children):
        start, end = children[0], children[2]
        if end.year is None:
            end = t.Date(
                "",
                (0, 0),
                year=start.year,
                month=end.month,
                day=end.day,
                part=end.part,
                before=end.before,
                placeholder=end.placeholder,
            )
        return t.Period("", (0, 0), start, end)

    def month_span(self, children):
        """2025年1-12月, 1-12月: a span of months in one year."""
        amounts = [c for c in children if type(c) is not tuple and c.type == "AMOUNT"]
        month, day, _placeholder = children[-1]
        year = None
        if any(type(c) is not tuple and c.type == "YEAR" for c in children):
            year = int(read_amount(amounts[0])[1])
        first = _day_number(amounts[-1])
        assert first is not None  # an AMOUNT, no PLACEHOLDER
        if not 1 <= first <= 12 or month is None or first > month:
            raise ValueError("not a span of months")
        return t.Period(
            "",
            (0, 0),
            t.Date("", (0, 0), year=year, month=first),
            t.Date("", (0, 0), year=year, month=month, day=day),
        )

    def direction(self, children):
        adverb = "".join(str(c) for c in children if c.type == "ADVERB")
        verb = next((c for c in children if c.type in _DIRECTION), None)
        if verb is None:
            return t.Direction("", (0, 0), verb="", adverb=adverb, direction="steady")
        return t.Direction("", (0, 0), verb=str(verb), adverb=adverb, direction=_DIRECTION[verb.type])

    def grade(self, children):
        return t.Grade("", (0, 0), grade=str(children[0]))

    def per_unit(self, children):
        return "·".join(
            "年" if c.type == "YEAR" else str(c)  # 1次/年度 → 年
            for c in children
            if c.type in ("UNIT", "MONTH", "DAY", "YEAR")
        )


def _modifiers(children) -> tuple[str | None, bool, bool]:
    """(comparator, approximate, open-ended) from a value's PREFIX and SUFFIX tokens."""
    comparator = None
    approx = open_ended = False
    for c in children:
        if type(c) is not str and (c.type == "PREFIX" or c.type == "SUFFIX"):
            comparator, approx, open_ended = _modify(c, comparator, approx, open_ended)
    return comparator, approx, open_ended


def _calendar_year(written: Decimal, year_word: str, noun: str | None, comparator: str | None, within: bool):
    """A quantity in 年 whose number is a calendar year: a date or a baseline, never 2025 years."""
    if noun is not None:
        # ≥2022年依法维权次数: a target measured against a baseline, not a quantity
        return t.Text("", (0, 0), comparator=comparator, baseline=f"{written}{year_word}{noun}")
    if comparator is None:
        return t.Date("", (0, 0), year=int(written))  # 2025年 alone: a year, not 2025 years
    if within:
        return t.Date("", (0, 0), year=int(written), part="end", before=True)  # 2025年内
    # 不低于2024年: a baseline year, never a duration of 2024 years
    return t.Text("", (0, 0), comparator=comparator, baseline=f"{written}年")


def _modify(tok, comparator, approx, open_ended):
    word = str(tok).replace("(含)", "")  # 90%(含)以上
    if word in _APPROX:
        return comparator, True, open_ended
    if tok.type == "PREFIX":
        return comparator or _CMP[word], approx, open_ended
    # A suffix decides the comparator unless a prefix already did (控制在5%以内 stays ≤).
    suffix_cmp = _SUFFIX_CMP[word]
    if comparator is None or (comparator == "≤" and suffix_cmp == "≤"):
        comparator = suffix_cmp
    return comparator, approx, open_ended or word in _OPEN_ENDED


def comparator_pattern(min_word_length: int = 1) -> str:
    """A regex alternation of every comparator symbol and word, longest first.

    ``min_word_length=2`` leaves out the one-character words 达 and 超, which begin ordinary words
    (达标, 超额) when searched for in free text.
    """
    words = [w for w in _CMP if len(w) >= min_word_length or not w[0].isalpha()]
    return regexes.alternation(words)


def comparator_symbols() -> list[str]:
    """The comparators written as signs (``>=``, ``≧``, ``≥`` …), not words: the grammar's CMP."""
    return [w for w in _CMP if not w[0].isalpha()]


def comparator_of(word: str) -> str | None:
    """The normalised comparator of a word or symbol (``不低于`` → ``≥``), None if it is not one."""
    return _CMP.get(word)


def _day_number(tok) -> int | None:
    if tok is None or tok.type == "PLACEHOLDER":
        return None
    written = read_amount(tok)[1]
    if written != written.to_integral_value():
        raise ValueError("not a whole month or day")
    return int(written)


def measured(written: Decimal, magnitude: str, unit: str) -> tuple[str, str, Decimal]:
    """(unit kind, base unit, number in the base unit) of ``written`` ``magnitude`` ``unit``:
    3万 人 → (count, 人, 30000); shared by the grammar's transformer and the fast path."""
    kind, base, factor = describe(unit)
    if unit == "比例" and written > _ONE:
        factor = _ONE  # 95比例: the percentage, not 95 times the whole
    if magnitude:
        return kind, base, _normal(written * MAGNITUDES[magnitude] * factor)
    if factor != _ONE:
        return kind, base, _normal(written * factor)
    return kind, base, written


def _normal(d: Decimal) -> Decimal:
    """Drop a scaled Decimal's trailing zeros without exponent notation (3.2万 → 32000, not 3.2E+4)."""
    if d == d.to_integral_value():
        return d.quantize(_ONE)
    return d.normalize()


def _is_calendar_year(d: Decimal) -> bool:
    return d == d.to_integral_value() and 1900 <= d <= 2100


def _dotted_month(d: Decimal) -> t.Date | None:
    """``2024.01`` → January 2024 (four-digit year, two-digit month), else None."""
    year, _, month = format(d, "f").partition(".")
    if len(year) == 4 and len(month) in (1, 2) and _is_calendar_year(Decimal(year)) and 1 <= int(month) <= 12:
        return t.Date("", (0, 0), year=int(year), month=int(month))
    return None


def _period_from_dotted(low: Decimal, high: Decimal) -> t.Period | None:
    """``2023.07-2024.01`` reads as a range of bare numbers; it is a period of months."""

    start, end = _dotted_month(low), _dotted_month(high)
    return t.Period("", (0, 0), start, end) if start and end else None
