"""A row whose name matches one pattern and whose value matches another: an accident count with
``0次`` for a target (``重大火灾事故发生次数 0次``), a rate of something nobody can count.

``name`` and ``value`` are regular expressions searched in the indicator's name and in its value
text (full-width characters folded to half-width, as in text-pattern, with ``{unit}`` and
``{comparator}`` standing for the grammar's words); an empty one matches anything, but not both
may be empty. ``not_name`` leaves out the names it matches (``事故降低率 ≥0`` is another rule's).
"""

from __future__ import annotations

from linter.checks import Param, RowView, row_check
from linter.checks.text_pattern import MAX_TEXT, compiled
from linter.values.parser import fold

PARAMS = {
    "name": Param(str, "", "the pattern a name must hold; empty: any name", regex=True),
    "value": Param(str, "", "the pattern a value must hold; empty: any value", regex=True),
    "not_name": Param(str, "", "names left alone; empty: none", regex=True),
    "categories": Param(list, [], "categories looked at; empty for all"),
    "exclude_categories": Param(list, [], "categories left alone"),
}
ARGS = ("found_name", "found_value")


def validate(params: dict) -> None:
    """Refuse a rule that gives neither a name nor a value pattern (ValueError)."""
    if not params["name"] and not params["value"]:
        raise ValueError("name: a name or a value pattern is needed")


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the name matches its pattern and the value matches its own, else None."""
    name = fold(ind.name[:MAX_TEXT])
    found_name = found_value = ""
    if params["name"]:
        m = compiled(params["name"]).search(name)
        if m is None:
            return None
        found_name = m.group(0).strip()
    if params["not_name"] and compiled(params["not_name"]).search(name):
        return None
    if params["value"]:
        m = compiled(params["value"]).search(fold(ind.value_text[:MAX_TEXT]))
        if m is None:
            return None
        found_value = m.group(0).strip()
    return {
        "found_name": found_name or ind.name.strip(),
        "found_value": found_value or ind.value_text.strip(),
    }


check = row_check(check_row, at="value")
