"""A name or a value matching a pattern: what a form's template left in (``农村低保发放人数(≥**人)``,
``≥**%``, ``≧ %``), or an answer where a target is due (``否``).

``pattern`` is a regular expression searched in each of ``fields`` (``name``, ``value``), after
full-width characters are folded to half-width (``＊`` → ``*``, ``Ｘ`` → ``X``). In it ``{unit}``
stands for any unit of the value grammar (``%``, ``人``, ``平方米``, ``万元`` …) and
``{comparator}`` for any comparison sign or word (``≥``, ``≧``, ``>=``, ``不低于`` …), so that a
rule need not copy the grammar's word lists. The first match is reported, with the field it is in.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter import regexes
from linter.checks import Param, RowView, row_check
from linter.values.parser import fold
from linter.values.transform import comparator_pattern
from linter.values.units import MONEY_UNITS, UNITS

FIELDS = {"name": {"zh": "指标名称", "en": "name"}, "value": {"zh": "指标值", "en": "value"}}
PARAMS = {
    "pattern": Param(
        str, "", "the regular expression; {unit} and {comparator} stand for the grammar's words", regex=True
    ),
    "fields": Param(list, ["name", "value"], "the fields searched", choices=tuple(FIELDS)),
    "categories": Param(list, [], "categories looked at; empty for all"),
    "exclude_categories": Param(list, [], "categories left alone"),
}
ARGS = ("found", "field", "text")
MAX_TEXT = 400  # longer cells are searched only this far: a configured pattern must stay cheap


def validate(params: dict) -> None:
    """Refuse an empty ``pattern`` (ValueError); whether it compiles, and the fields, the rulebook
    checks (``Param(regex=True)``, with ``compiled``; ``choices``)."""
    if not params["pattern"]:
        raise ValueError("pattern: must not be empty")


@lru_cache(maxsize=64)
def compiled(pattern: str) -> re.Pattern:
    """The rule's pattern compiled, its ``{unit}`` and ``{comparator}`` filled in."""
    words = {"unit": regexes.alternation(set(UNITS) | set(MONEY_UNITS)), "comparator": comparator_pattern()}
    return regexes.compile(re.sub(r"\{(unit|comparator)\}", lambda m: words[m.group(1)], pattern))


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when a configured field of the row matches the pattern, else None."""
    pattern = compiled(params["pattern"])
    for field in params["fields"]:
        text = ind.name if field == "name" else ind.value_text
        m = pattern.search(fold(text[:MAX_TEXT]))
        if m:
            found = text[m.start() : m.end()].strip() or text.strip()
            return {"found": found, "field": FIELDS[field], "text": text.strip()}
    return None


check = row_check(check_row, at="value")
