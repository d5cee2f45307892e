"""The name and the value of one indicator, read together.

``relation: value-in-name`` — the name holds a figure that belongs in the value
(``3名技术人员经费补助标准 2746元/人``, ``做好应急救灾物资储备 12 个月``).
``relation: number-conflict`` — the name and the value count the same thing with different numbers
(``保障33名退休干部工作的正常开展 ≥3人``).
``relation: grade-echo`` — a qualitative value that only repeats the name's adjective
(``应急预案健全性 健全``): no grading standard says what 健全 takes.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from linter import regexes
from linter.checks import ByParam, Param, RowView, row_check
from linter.checks.advice import SATISFACTION_WORDS, is_rate_name, name_without, rate_name, target_for
from linter.checks.indicators import contains_any, core_name
from linter.checks.matching import counter_of
from linter.glossary import RULE_WORDS
from linter.values import parse
from linter.values.numerals import plain_number
from linter.values.parser import fold
from linter.values.types import Grade, Quantity, Range, Text

ARGS = ByParam(
    "relation",
    {
        "value-in-name": ("figures", "suggested_name"),
        "number-conflict": ("name_number", "suggestion", "suggested_name"),
        "grade-echo": ("grade", "suggestion", "suggested_name"),
    },
)
PARAMS = {
    "relation": Param(
        str,
        "value-in-name",
        "the figures of the name: in the value (value-in-name), in conflict with it, or its grade echoed",
        fixed=True,
        choices=tuple(ARGS.args),
    ),
    "skip_words": Param(
        list, list(RULE_WORDS), "names holding these are rules (name-not-a-measure covers them)"
    ),
    "categories": Param(list, [], "categories looked at; empty for all"),
    "exclude_categories": Param(
        list, ["成本指标"], "categories left alone: a cost item may say what it buys (法制培训全年三次 2万元)"
    ),
    "answers": Param(
        list,
        ["是", "否"],
        "grades that answer a 是否 question rather than echo an adjective (yes-no-value covers them)",
    ),
    "deadline_pattern": Param(
        str,
        "",
        "value-in-name: a deadline in the name (11月底前) counts as a figure; "
        "empty: deadlines are not looked for",
        regex=True,
    ),
}


# Every quantity the grammar reads has an AMOUNT (grammar/value.lark), and every AMOUNT starts
# with one of these (in the folded text the parser reads: 萬 is 万, ２ is 2).
_AMOUNT_START = regexes.compile(r"[\d零〇一二两三四五六七八九十百千万亿半]")


@lru_cache(maxsize=16384)  # four rules ask it of every name
def name_quantities(name: str) -> tuple[Quantity, ...]:
    """The quantities written in a name (培训100人次 → 100人次)."""
    if _AMOUNT_START.search(fold(name)) is None:
        return ()  # most names: no quantity can be in them (parsing one costs a hundred times more)
    value = parse(name)
    if isinstance(value, Text):
        found = list(value.quantities)
    elif isinstance(value, Quantity) and not value.noun:
        found = [value]
    else:
        found = []  # ``5G基站建设数量``, ``一次性告知率``: a number that is part of a word
    # ``5G`` is no quantity (a year, ``2024年培训次数``, is already a date to the grammar)
    return tuple(q for q in found if q.unit_kind != "other")


def number_conflict(ind: RowView) -> tuple[Quantity, str] | None:
    """A quantity of the name whose number the value contradicts, and why; None if none does."""
    value = ind.value
    numbers: tuple[Decimal, ...]
    if isinstance(value, Quantity) and not value.per_unit and value.unit_kind != "percent":
        numbers, unit = (value.number,), value.unit
    elif isinstance(value, Range) and value.unit_kind != "percent":
        numbers, unit = (value.low, value.high), value.unit
    else:
        return None
    for q in name_quantities(core_name(ind.name)):
        if q.per_unit or counter_of(q.unit) != counter_of(unit):
            continue
        if q.number not in numbers:
            return q, unit
    return None


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the name and the value disagree in the configured ``relation``, else None."""
    relation = params["relation"]
    name = core_name(ind.name)
    if relation == "grade-echo":
        value = ind.value
        if (
            isinstance(value, Grade)
            and value.grade
            and value.grade in name
            and value.grade not in params["answers"]
        ):
            if contains_any(name, SATISFACTION_WORDS) and is_rate_name(
                name
            ):  # 服务对象满意度 满意: a rate already
                return {"grade": value.grade, "suggested_name": name, "suggestion": target_for(name)}
            return {"grade": value.grade, "suggested_name": rate_name(name), "suggestion": "100%"}
    elif relation == "number-conflict":
        found = number_conflict(ind)
        if found:
            q, _ = found
            written = getattr(ind.value, "written_unit", None) or q.written_unit
            cmp = getattr(ind.value, "comparator", None) or ""
            return {
                "name_number": f"{plain_number(q.written_number)}{q.written_unit}",
                "suggestion": f"{cmp}{plain_number(q.written_number)}{written}",
                "suggested_name": name_without(name, [q.raw.strip()]),
            }
    elif not contains_any(name, params["skip_words"]) and not number_conflict(ind):
        figures = [q.raw.strip() for q in name_quantities(name)]
        if params["deadline_pattern"]:
            figures += [
                m.group(0).strip() for m in regexes.compile(params["deadline_pattern"]).finditer(name)
            ]
        if figures:
            rest = name_without(name, figures)
            if rest == name:  # the name is nothing but the figure (每人每年300元, 20万元)
                rest = _NAMES_OF_FIGURES.get(ind.level2, "") if name_quantities(name) else ""
                if not rest:
                    return None
            return {"figures": "、".join(figures), "suggested_name": rest}
    return None


# What to call a row whose name is only a figure: 每人每年300元 | 3*300 under 成本 is a 补助标准.
_NAMES_OF_FIGURES = {"成本指标": "补助标准", "经济成本指标": "补助标准", "数量指标": "完成数量"}


check = row_check(check_row, at="name")
