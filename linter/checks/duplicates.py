"""The same indicator twice in one table: under 数量 and again under 质量, or under 社会效益 and again
under 可持续影响. Names are compared without punctuation (``规范化，标准化`` = ``规范化、标准化``).
The second occurrence is reported, naming where the first one is.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks import Hit, Param
from linter.checks.indicators import name_key
from linter.model import Document, Indicator

PARAMS = {
    "min_length": Param(int, 2, "shorter names are not compared"),
}
ARGS = ("first_level2", "first_line", "first_value")


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of indicators that appear twice in one table."""
    for table in doc.tables:
        first: dict[str, Indicator] = {}
        for ind in table.indicators:
            key = name_key(ind.name)
            if len(key) < params["min_length"]:
                continue
            if key in first:
                prior = first[key]
                yield Hit(
                    location=ind.location,
                    table=table,
                    indicator=ind,
                    args={
                        "first_level2": prior.level2 or prior.level2_printed,
                        "first_line": prior.location.line,
                        "first_value": prior.value_text,
                    },
                )
            else:
                first[key] = ind
