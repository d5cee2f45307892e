"""A date in an indicator value that lies in a year before the budget year.

``2022年12月底前`` in a 2023 table is a deadline that had passed before the money was granted:
the table was copied from last year and not updated. Period values count by their end
(``2022年1月至2022年12月``). A year that is only a baseline (``≥2022年依法维权次数``) is no date
and is not reported. Needs the document's budget year; without it nothing is reported.

With ``task_text``, a year named in the content of a department's 年度重点工作任务 is judged too
(``开展2023年化工医药及危险化学品企业安全生产监管检查全覆盖工作`` in a 2024 table), unless it is a
baseline (``较2023年``, ``2023年以来``, ``比2023年``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter import regexes
from linter.checks import Hit, Param, hit_location
from linter.checks.indicators import indicators
from linter.model import Document, Location
from linter.values.types import Date, Period, Value

PARAMS = {
    "categories": Param(list, [], "categories looked at; empty for all"),
    "period_values": Param(bool, True, "also look at 实施期 values"),
    "task_text": Param(bool, False, "also look at the years named in a department's key tasks"),
}
ARGS = (
    "year",
    "budget_year",
    "field_zh",
    "field_en",
    "text",
    "proposal",
    "suggestion",
)  # the keys of a Hit's args

_TASK_YEAR = regexes.compile(
    r"(?<![\d比较自从至到与同])(?<!上年)(20\d\d)\s*年(?!度?\s*(?:工作|的)?(?:以来|起|以前|之前|至今|同期|基础))"
)


def stale_year(value: Value | None, budget_year: int) -> int | None:
    """The year of a date (or a period's end) when it is before ``budget_year``."""
    if isinstance(value, Period):
        value = value.end if value.end.year is not None else value.start
    if (
        isinstance(value, Date)
        and value.year is not None
        and not value.placeholder
        and value.year < budget_year
    ):
        return value.year
    return None


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of dates in values that lie before the budget year."""
    year = doc.budget_year
    if not year:
        return
    for table, ind in indicators(doc, params["categories"], skip_blank=False):
        found = stale_year(ind.value, year)
        if found is not None:
            # the same date in the budget year: 2022年12月底前 → 2023年12月底前
            moved = re.sub(rf"(?<!\d){found}(?!\d)", str(year), ind.value_text.strip())
            yield Hit(
                location=hit_location(ind, "value"),
                table=table,
                indicator=ind,
                args={
                    "year": found,
                    "budget_year": year,
                    "suggestion": moved,
                    "proposal": moved,
                    **_FIELD["value"],
                    "text": ind.value_text.strip(),
                },
            )
        elif params["period_values"]:
            found = stale_year(ind.period_value, year)
            if found is not None:
                text = (ind.period_value_text or "").strip()
                moved = re.sub(rf"(?<!\d){found}(?!\d)", str(year), text)
                yield Hit(
                    location=ind.location,
                    table=table,
                    indicator=ind,
                    args={
                        "year": found,
                        "budget_year": year,
                        "proposal": moved,
                        **_FIELD["period"],
                        "text": text,
                    },
                )
    if params["task_text"]:
        for table in doc.tables:
            for task in table.tasks:
                m = next((m for m in _TASK_YEAR.finditer(task.content) if int(m.group(1)) < year), None)
                if m is None:
                    continue
                found = int(m.group(1))
                text = task.content.strip()
                # (``proposal``, not ``suggestion``: that is what a finding proposes for its row)
                yield Hit(
                    location=task.location or table.location or Location(doc.path),
                    table=table,
                    args={
                        "year": found,
                        "budget_year": year,
                        **_FIELD["task"],
                        "text": text,
                        "proposal": re.sub(rf"(?<!\d){found}(?!\d)", str(year), text),
                    },
                )


_FIELD = {
    "value": {"field_zh": "指标值", "field_en": "the value"},
    "period": {"field_zh": "实施期指标值", "field_en": "the period value"},
    "task": {"field_zh": "重点工作任务", "field_en": "the key task"},
}
