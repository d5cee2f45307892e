"""The typed values a 指标值 parses into.

Every value keeps the text it came from (``raw``) and its character span in that text, so a
finding can point inside a cell. Values are shared through the parse cache: treat them as
immutable. (They are plain slotted dataclasses, not frozen ones, because building frozen
dataclasses costs six times as much and the parser builds one per value.) Numbers are ``Decimal`` and have any magnitude (万, 亿) folded
in; the unit as written is kept next to the normalised one for messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal

# Comparators in normalised form. None means the value was written without one.
COMPARATORS = ("≥", "≤", ">", "<", "=")

UNIT_KINDS = ("count", "percent", "money", "duration", "length", "area", "weight", "other")


@dataclass(slots=True)
class Value:
    """What a 指标值 is, parsed: the base of every kind, with the text and span it was read from."""

    raw: str
    span: tuple[int, int]

    kind = "value"

    @property
    def is_quantitative(self) -> bool:
        return False

    def to_dict(self) -> dict:
        """A JSON-ready dict: the kind plus every field (Decimals as strings, to keep digits)."""
        out: dict = {"kind": self.kind}
        for f in fields(self):
            out[f.name] = _jsonable(getattr(self, f.name))
        return out


def _jsonable(v):
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, Value):
        return v.to_dict()
    if isinstance(v, tuple | list):
        return [_jsonable(x) for x in v]
    return v


@dataclass(slots=True)
class Empty(Value):
    """A value left blank (or ``——``, ``/``, ``不适用``)."""

    kind = "empty"


@dataclass(slots=True)
class Quantity(Value):
    """A number with a unit: ``≥95%``, ``3.2万户``, ``2746元/人``, ``11个培训项目``, ``≥24小时``.

    ``number`` has the magnitude folded in (``3.2万户`` → 32000); ``written_number`` and
    ``written_unit`` are as printed (``3.2``, ``万户``). A quantity whose unit is a time span
    (小时, 个月, 年 …) reports ``kind == "duration"``.
    """

    comparator: str | None
    number: Decimal
    unit: str
    unit_kind: str
    written_number: Decimal
    written_unit: str
    per_unit: str | None = None  # 元/人 → "人"; 元/人·月 → "人·月"
    noun: str | None = None  # 11个培训项目 → "培训项目"
    approximate: bool = False  # 约, 左右, 余, 近
    open_ended: bool = False  # 以上, 及以上
    change: str | None = None  # "up" / "down": 同比增长5% is a change by 5%, not a level of 5%

    @property
    def kind(self) -> str:  # type: ignore[override]
        return "duration" if self.unit_kind == "duration" else "quantity"

    @property
    def is_quantitative(self) -> bool:
        return True

    def canonical(self) -> str:
        """The value written back in a normal form that re-parses to the same quantity."""
        cmp = self.comparator or ""
        approx = "约" if self.approximate else ""
        per = f"/{self.per_unit}" if self.per_unit else ""
        noun = self.noun or ""
        tail = "以上" if self.open_ended and not self.comparator else ""
        change = {"up": "增长", "down": "下降"}.get(self.change or "", "")
        return f"{change}{approx}{cmp}{format(self.written_number, 'f')}{self.written_unit}{per}{noun}{tail}"

    def to_dict(self) -> dict:
        out = Value.to_dict(self)  # not super(): slots=True rebuilds the class
        out["kind"] = self.kind
        return out


@dataclass(slots=True)
class BareNumber(Value):
    """A number with no unit (``4``, ``≥0``, ``20万``): kept so rules can flag it."""

    comparator: str | None
    number: Decimal
    written_number: Decimal
    magnitude: str = ""  # "万" in ``20万``: a money amount missing its 元
    approximate: bool = False
    open_ended: bool = False

    kind = "number"

    @property
    def is_quantitative(self) -> bool:
        return True


@dataclass(slots=True)
class Range(Value):
    """``约25000-27400人``, ``650～714家``: the unit applies to both ends."""

    low: Decimal
    high: Decimal
    unit: str
    unit_kind: str
    written_unit: str
    approximate: bool = False
    comparator: str | None = None

    kind = "range"

    @property
    def is_quantitative(self) -> bool:
        return True


@dataclass(slots=True)
class Date(Value):
    """A date or deadline: ``2025年底``, ``2022年12月底前``, ``11月底前``, ``**月**日前``.

    ``part`` is where in the named period the date falls (``end`` for 底/末, ``start`` for 初,
    ``first_half`` / ``second_half`` for 上/下半年); ``before`` marks 前/之前/以前.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: str | None = None
    before: bool = False
    placeholder: bool = False  # ``**月**日前``: a template never filled in

    kind = "date"


@dataclass(slots=True)
class Period(Value):
    """``2023年01月--12月``, ``2024年1月至2024年12月``, ``2023.07-2024.01``."""

    start: Date
    end: Date

    kind = "period"


@dataclass(slots=True)
class Direction(Value):
    """A change word instead of a target: ``降低``, ``同比下降``, ``有效提高``, ``持续发挥``.

    ``direction`` is ``up``, ``down`` or ``steady`` (保持, 稳定, 发挥 …: no way to measure it).
    """

    verb: str
    adverb: str = ""
    direction: str = "steady"

    kind = "direction"


@dataclass(slots=True)
class Grade(Value):
    """A qualitative level: ``优秀``, ``良好``, ``健全``, ``符合要求`` …"""

    grade: str

    kind = "grade"


@dataclass(slots=True)
class Expression(Value):
    """Arithmetic written as the value: ``3*300``, ``2746×3×12元``. ``result`` is its product."""

    operands: tuple[Decimal, ...]
    result: Decimal | None
    unit: str = ""
    unit_kind: str = ""

    kind = "expression"

    @property
    def is_quantitative(self) -> bool:
        return True


@dataclass(slots=True)
class Text(Value):
    """Anything else, with the quantities found inside it.

    ``baseline`` holds what a value is measured against when it names one
    (``≥2022年依法维权次数`` → comparator ``≥``, baseline ``2022年依法维权次数``).
    """

    quantities: tuple[Quantity, ...] = field(default_factory=tuple)
    comparator: str | None = None
    baseline: str | None = None

    kind = "text"


ALL_KINDS = (
    "empty",
    "quantity",
    "duration",
    "number",
    "range",
    "date",
    "period",
    "direction",
    "grade",
    "expression",
    "text",
)
