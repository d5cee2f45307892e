"""A project running several years whose 实施期 targets are copied from the 年度 ones.

Over a multi-year 项目期 the 实施期目标 and 实施期指标值 describe the whole period; identical to the
one-year figures, one of the two is wrong. Reported only when the 项目期 is known to span more than
one year (a one-year project rightly prints the same figures twice).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks import Hit, Param
from linter.checks.indicators import name_key
from linter.model import Document, Location, Table
from linter.values import parse
from linter.values.types import Period, Quantity
from linter.values.units import MONTHS_IN

PARAMS = {
    "min_indicators": Param(int, 2, "fewest indicators with both values before copied values are reported"),
    "departments": Param(
        bool,
        False,
        "judge department-wide tables whatever their period: their 实施周期 "
        "targets are the medium term by nature",
    ),
}
ARGS = ("period", "span_zh", "span_en", "what", "what_en")


def spans_years(text: str) -> bool:
    """Whether a 实施期 text spans more than one year."""
    value = parse(text.strip()) if text.strip() else None
    if isinstance(value, Period):
        return bool(value.start.year and value.end.year and value.end.year > value.start.year)
    if isinstance(value, Quantity) and value.unit_kind == "duration":
        months = MONTHS_IN.get(value.unit)
        return months is not None and value.number * months > 12
    return False


def copied(table: Table, params: dict) -> str | None:
    """What of the table's 实施期 targets is copied from the 年度 ones (``goal``, ``values``), or None."""
    if table.period_goal and name_key(table.period_goal) == name_key(table.goal):
        return "goal"
    pairs = [i for i in table.indicators if i.period_value_text is not None and i.value_text]
    if len(pairs) >= params["min_indicators"] and all(
        (i.period_value_text or "").strip() == i.value_text.strip() for i in pairs
    ):
        return "values"
    return None


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of multi-year projects whose 实施期 targets copy the 年度 ones."""
    for table in doc.tables:
        if not spans_years(table.project_period) and not (
            params["departments"] and table.kind == "department"
        ):
            continue
        what = copied(table, params)
        if what:
            where = (table.goal_location if what == "goal" else None) or table.location or Location(doc.path)
            yield Hit(
                location=where,
                table=table,
                args={
                    "period": table.project_period,
                    "span_zh": f"项目期为“{table.project_period}”，跨越多个年度"
                    if table.project_period
                    else "部门整体目标的实施周期跨越多个年度",
                    "span_en": f"The project runs '{table.project_period}', more than one year"
                    if table.project_period
                    else "A department's medium-term targets span several years",
                    "what": "实施期目标与年度目标" if what == "goal" else "实施期指标值与年度指标值",
                    "what_en": "the period goal and the annual goal"
                    if what == "goal"
                    else "the period values and the annual values",
                },
            )
