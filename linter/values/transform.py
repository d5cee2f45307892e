"""The Lark transformer: one method per rule of grammar/value.lark, building typed values.

It runs inside the LALR parser (``Lark(..., transformer=...)``), so no parse tree is built.
Inner rules return small tuples; only the top-level rules return ``Value`` objects, with the
span of the whole trimmed input (the caller sets ``raw`` and ``span``).
A method raises ``ValueError`` for what the grammar accepts but the meaning rejects (month 13);
the caller turns that into a Text value.
"""

from __future__ import annotations

from decimal import Decimal

from lark import Token, Transformer

from linter.values import types as t
from linter.values.numerals import chinese_to_decimal
from linter.values.units import MAGNITUDES, describe

_CMP_SYMBOL = {">=": "≥", "<=": "≤", "≧": "≥", "≦": "≤", "≮": "≥", "≯": "≤"}
_CMP_WORD = {
    **dict.fromkeys(("大于等于", "大于或等于", "不低于", "不少于", "不小于", "至少", "达到", "达"), "≥"),
    **dict.fromkeys(("高于", "超过", "大于", "多于", "超"), ">"),
    **dict.fromkeys(("小于等于", "小于或等于", "不高于", "不超过", "不大于", "不多于", "控制在"), "≤"),
    **dict.fromkeys(("低于", "小于", "少于"), "<"),
    **dict.fromkeys(("等于", "保持在"), "="),
}
_CMP_SUFFIX = {"及以上": "≥", "以上": "≥", "及以下": "≤", "以下": "≤", "以内": "≤", "之内": "≤", "内": "≤"}
_DATE_PART = {
    "底": "end", "末": "end", "年底": "end", "年末": "end", "初": "start",
    "上半年": "first_half", "下半年": "second_half",
    "上旬": "early", "中旬": "mid", "下旬": "late",
    "第一季度": "q1", "第二季度": "q2", "第三季度": "q3", "第四季度": "q4",
}
_DIRECTION = {"DIR_UP": "up", "DIR_DOWN": "down", "DIR_STEADY": "steady"}
_PLACEHOLDER = object()  # a ``**`` month or day


class _Amount(tuple):
    """(number with magnitude folded, number as written, magnitude, approximate)."""

    __slots__ = ()


class ValueTransformer(Transformer):
    # ---- parts ----------------------------------------------------------------------------

    def prefix(self, children):
        tok = children[0]
        if tok.type == "APPROX":
            return ("approx", None)
        if tok.type == "CMP":
            return ("cmp", _CMP_SYMBOL.get(str(tok), str(tok)))
        return ("cmp", _CMP_WORD[str(tok)])

    def suffix(self, children):
        tok = children[0]
        if tok.type == "APPROX_TAIL":
            return ("approx", None)
        return ("suffix", _CMP_SUFFIX[str(tok)], str(tok) in ("以上", "及以上"))

    def amount(self, children):
        first = children[0]
        if first.type == "PERCENT_WORD":
            written = _number(children[1])
            return _Amount((written, written, "%", False))
        written = _number(first)
        magnitude = ""
        approx = False
        for tok in children[1:]:
            if tok.type == "MAGNITUDE":
                magnitude = str(tok)
            else:  # APPROX_SUFFIX: 余, 多
                approx = True
        number = written * MAGNITUDES[magnitude] if magnitude else written
        return _Amount((number, written, magnitude, approx))

    def unit(self, children):
        return str(children[0])

    def per_unit(self, children):
        words = [str(c) for c in children if isinstance(c, str) and c not in ("每", "/", "·", "•", "・")]
        return ("per", "·".join(words))

    def unit_part(self, children):
        unit, per, noun = children[0], None, None
        for c in children[1:]:
            if isinstance(c, tuple):
                per = c[1]
            else:
                noun = str(c)
        return (unit, per, noun)

    # ---- values ---------------------------------------------------------------------------

    def quantity(self, children):
        flags = _Flags(children)
        number, written, magnitude, approx = flags.amount
        approx = approx or flags.approximate
        unit_part = flags.unit_part
        if magnitude == "%":  # 百分之九十五
            unit_part, magnitude = ("%", None, None), ""
        if unit_part is None:
            return t.BareNumber("", (0, 0), flags.comparator, _normal(number), written, magnitude,
                                approximate=approx, open_ended=flags.open_ended)
        unit, per, noun = unit_part
        if unit == "年" and per is None and flags.comparator is None and _is_calendar_year(written) \
                and not magnitude and noun is None:
            return t.Date("", (0, 0), year=int(written))  # 2025年 alone: a year, not 2025 years
        if noun is not None and unit == "年" and _is_calendar_year(written):
            # ≥2022年依法维权次数: a target measured against a baseline, not a quantity
            return t.Text("", (0, 0), comparator=flags.comparator, baseline=f"{written}年{noun}")
        kind, base, factor = describe(unit)
        scale = MAGNITUDES[magnitude] if magnitude else Decimal(1)
        return t.Quantity(
            "", (0, 0), flags.comparator, _normal(written * scale * factor), base, kind, written,
            magnitude + unit, per_unit=per, noun=noun, approximate=approx, open_ended=flags.open_ended,
        )

    def range(self, children):
        flags = _Flags(children)
        (low, low_written, _, _), (high, high_written, _, _) = flags.amounts
        units = [u for u in flags.unit_parts if u is not None]
        if not units:
            period = _period_from_dotted(low_written, high_written)
            if period is not None:
                return period
            return t.Range("", (0, 0), low, high, "", "", "", approximate=flags.approximate,
                           comparator=flags.comparator)
        unit = units[-1][0]
        kind, base, factor = describe(unit)
        if low > high:
            raise ValueError("range ends reversed")
        return t.Range("", (0, 0), _normal(low * factor), _normal(high * factor), base, kind,
                       unit, approximate=flags.approximate or flags.amount_approx,
                       comparator=flags.comparator)

    def expression(self, children):
        amounts = [c for c in children if isinstance(c, _Amount)]
        unit_part = next((c for c in children if isinstance(c, tuple) and not isinstance(c, _Amount)), None)
        result = Decimal(1)
        for a in amounts:
            result *= a[0]
        unit = unit_part[0] if unit_part else ""
        kind = describe(unit)[0] if unit else ""
        return t.Expression("", (0, 0), tuple(a[0] for a in amounts), _normal(result), unit, kind)

    def month_day(self, children):
        parts = [c for c in children if not (isinstance(c, Token) and c.type in ("MONTH", "DAY"))]
        values = []
        for p in parts:
            if isinstance(p, Token) and p.type == "PLACEHOLDER":
                values.append(_PLACEHOLDER)
            else:
                values.append(int(p[1]) if p[1] == int(p[1]) else -1)
        month = values[0]
        day = values[1] if len(values) > 1 else None
        if month is not _PLACEHOLDER and not 1 <= month <= 12:
            raise ValueError("month out of range")
        if day not in (None, _PLACEHOLDER) and not 1 <= day <= 31:
            raise ValueError("day out of range")
        return ("md", month, day)

    def date_tail(self, children):
        return ("tail", *_tail(children))

    def date(self, children):
        year = None
        if isinstance(children[0], _Amount):
            written = children[0][1]
            if not _is_calendar_year(written):
                raise ValueError("not a calendar year")
            year = int(written)
            _, md, part, before = children[2]
        else:
            md, part, before = _tail(children)
        month = day = None
        placeholder = False
        if md is not None:
            _, month, day = md
            if month is _PLACEHOLDER or day is _PLACEHOLDER:
                placeholder = True
                month = None if month is _PLACEHOLDER else month
                day = None if day is _PLACEHOLDER else day
        return t.Date("", (0, 0), year=year, month=month, day=day, part=part, before=before,
                      placeholder=placeholder)

    def period(self, children):
        start, end = children[0], children[2]
        if end.year is None:
            end = t.Date("", (0, 0), year=start.year, month=end.month, day=end.day, part=end.part,
                         before=end.before, placeholder=end.placeholder)
        return t.Period("", (0, 0), start, end)

    def dir_verb(self, children):
        tok = children[0]
        return (str(tok), _DIRECTION[tok.type])

    def direction(self, children):
        adverbs = "".join(str(c) for c in children if isinstance(c, Token))
        verb, way = next((c for c in children if isinstance(c, tuple)), ("", "steady"))
        return t.Direction("", (0, 0), verb=verb, adverb=adverbs, direction=way)

    def grade(self, children):
        return t.Grade("", (0, 0), grade=str(children[0]))

    def start(self, children):
        return children[0]


class _Flags:
    """Sorts a value rule's children into comparator, approximation, amounts and units."""

    def __init__(self, children):
        self.comparator = None
        self.approximate = False
        self.open_ended = False
        self.amounts: list[_Amount] = []
        self.unit_parts: list[tuple | None] = []
        for c in children:
            if isinstance(c, _Amount):
                self.amounts.append(c)
                self.unit_parts.append(None)
            elif isinstance(c, tuple) and c and c[0] == "cmp":
                self.comparator = self.comparator or c[1]
            elif isinstance(c, tuple) and c and c[0] == "approx":
                self.approximate = True
            elif isinstance(c, tuple) and c and c[0] == "suffix":
                if self.comparator is None or self.comparator == "≤" and c[1] == "≤":
                    self.comparator = c[1]
                self.open_ended = self.open_ended or c[2]
            elif isinstance(c, tuple) and len(c) == 3:  # a unit_part follows its amount
                self.unit_parts[-1] = c
        self.amount = self.amounts[0] if self.amounts else None
        self.unit_part = self.unit_parts[0] if self.unit_parts else None
        self.amount_approx = any(a[3] for a in self.amounts)


def _tail(children):
    md = part = None
    before = False
    for c in children:
        if isinstance(c, tuple) and c[0] == "md":
            md = c
        elif isinstance(c, Token) and c.type == "DATE_PART":
            part = _DATE_PART[str(c)]
        elif isinstance(c, Token) and c.type == "BEFORE":
            before = True
    return md, part, before


def _number(tok: Token) -> Decimal:
    if tok.type == "CN_NUMBER":
        return chinese_to_decimal(str(tok))
    return Decimal(str(tok).replace(",", ""))


def _normal(d: Decimal) -> Decimal:
    """Drop a scaled Decimal's trailing zeros without exponent notation (3.2万 → 32000, not 3.2E+4)."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def _is_calendar_year(d: Decimal) -> bool:
    return d == d.to_integral_value() and 1900 <= d <= 2100


def _period_from_dotted(low: Decimal, high: Decimal) -> t.Period | None:
    """``2023.07-2024.01`` reads as a range of bare numbers; it is a period of months."""

    def as_month(d: Decimal):
        text = format(d, "f")
        year, _, month = text.partition(".")
        if len(year) == 4 and len(month) == 2 and _is_calendar_year(Decimal(year)) and 1 <= int(month) <= 12:
            return t.Date("", (0, 0), year=int(year), month=int(month))
        return None

    start, end = as_month(low), as_month(high)
    if start and end:
        return t.Period("", (0, 0), start, end)
    return None
