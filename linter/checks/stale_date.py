"""A date in an indicator value that lies in a year before the budget year.

``2022年12月底前`` in a 2023 table is a deadline that had passed before the money was granted:
the table was copied from last year and not updated. Period values count by their end
(``2022年1月至2022年12月``). A year that is only a baseline (``≥2022年依法维权次数``) is no date
and is not reported. Needs the document's budget year; without it nothing is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.checks import Hit, Param, hit_location
from linter.checks.indicators import indicators
from linter.model import Document
from linter.values.types import Date, Period, Value

PARAMS = {
    "categories": Param(list, [], "categories looked at; empty for all"),
    "period_values": Param(bool, True, "also look at 实施期 values"),
}


def stale_year(value: Value | None, budget_year: int) -> int | None:
    """The year of a date (or a period's end) when it is before ``budget_year``."""
    if isinstance(value, Period):
        value = value.end if value.end.year is not None else value.start
    if isinstance(value, Date) and value.year is not None and not value.placeholder:
        if value.year < budget_year:
            return value.year
    return None


def check(doc: Document, params: dict) -> Iterator[Hit]:
    year = doc.budget_year
    if not year:
        return
    for table, ind in indicators(doc, params["categories"], skip_blank=False):
        found = stale_year(ind.value, year)
        if found is not None:
            # the same date in the budget year: 2022年12月底前 → 2023年12月底前
            moved = re.sub(rf"(?<!\d){found}(?!\d)", str(year), ind.value_text.strip())
            yield Hit(location=hit_location(ind, "value"), table=table, indicator=ind,
                      args={"year": found, "budget_year": year, "suggestion": moved})
        elif params["period_values"]:
            found = stale_year(ind.period_value, year)
            if found is not None:
                yield Hit(location=ind.location, table=table, indicator=ind,
                          args={"year": found, "budget_year": year})
