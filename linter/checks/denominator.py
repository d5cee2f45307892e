"""A name that says per what (人均, 户均, 每户 …) and a value per something else
(``人均农村住房保险补贴标准 10元/每户``).

Either the name or the unit is wrong, and the figure cannot be checked against the head count or
the household count until they agree. A value with no per-unit (``人均 500元``) takes its
denominator from the name and is fine.

The same holds for a count: a name ending in what it counts (``counts``: …户数, …人数, …次数) with a
value counted in a counter of another kind (``年度申请就学补助户数 >=101人/次``: households named,
persons counted). Only counters ``counts`` knows are compared: ``个`` or ``项`` say nothing against 户数.
"""

from __future__ import annotations

from linter.checks import Param, RowView, row_check
from linter.checks.indicators import core_name
from linter.checks.matching import counter_of
from linter.values.types import Quantity, Range, Value

_TIME = {"年", "月", "天", "日", "季度", "周", "小时", "次"}

PARAMS = {
    "denominators": Param(
        dict,
        {
            "人均": "人",
            "每人": "人",
            "每名": "人",
            "每位": "人",
            "户均": "户",
            "每户": "户",
            "每家": "家",
            "生均": "学生",
            "每生": "学生",
            "次均": "次",
            "每次": "次",
        },
        "words in a name and the counter they divide by",
    ),
    "counts": Param(
        dict,
        {},
        "a name ending → the counters a value of it may be counted in (户数: [户]); a value in "
        "another counter named here is reported",
    ),
}
ARGS = ("word", "expected", "per_unit")


def validate(params: dict) -> None:
    """Refuse a ``counts`` entry that is not a list of counters (ValueError)."""
    for ending, counters in params["counts"].items():
        if not (isinstance(counters, list) and counters and all(isinstance(c, str) for c in counters)):
            raise ValueError(f"counts.{ending}: must be a list of counters")


def _per_unit(value: Value) -> str | None:
    if isinstance(value, Quantity):
        return value.per_unit
    if isinstance(value, Range) and "/" in value.written_unit:
        return value.written_unit.split("/", 1)[1]
    return None


def mismatch(name: str, value: Value, denominators: dict[str, str]) -> tuple[str, str, str] | None:
    """(word in the name, counter it implies, counter of the value) when they disagree."""
    per = counter_of(_per_unit(value))
    if not per or per in _TIME:
        return None  # 每户补贴 100元/年: per household, per year
    words = [(name.find(w), w) for w in denominators if w in name]
    if not words:
        return None
    _, word = min(words)  # the first such word: 人均 in 人均每次 …
    expected = counter_of(denominators[word])
    if expected is None:
        return None  # a word configured with no counter implies none
    if expected == per or expected in per or per in expected:
        return None
    return word, expected, per


def count_mismatch(name: str, value: Value, counts: dict[str, list[str]]) -> tuple[str, str, str] | None:
    """(ending of the name, counter it implies, counter of the value) when a count is counted in
    a counter of another kind."""
    if not counts or not isinstance(value, Quantity) or value.unit_kind != "count":
        return None
    ending = next((e for e in sorted(counts, key=len, reverse=True) if name.endswith(e)), None)
    if ending is None:
        return None
    known = {c for counters in counts.values() for c in counters}
    unit = value.unit
    if unit in known and unit not in counts[ending]:
        return ending, counts[ending][0], unit
    return None


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the name says per what and the value is per something else, else None."""
    found = mismatch(ind.name, ind.value, params["denominators"]) or count_mismatch(
        core_name(ind.name), ind.value, params["counts"]
    )
    if not found:
        return None
    word, expected, per = found
    return {"word": word, "expected": expected, "per_unit": per}


check = row_check(check_row, at="value", skip_blank=False)
