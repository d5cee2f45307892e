"""Check types: the closed set of Python functions that rule files name.

A rule file (``rules/<slug>.yaml``) names one check type and gives its parameters; the check
type is a module here with this contract (yamllint-style, whole contract on one screen):

    \"\"\"What it checks, in one paragraph (shown by ``indicator-lint rule``).\"\"\"
    from linter.checks import Hit, Param

    PARAMS = {                          # the parameter schema; rule files are validated against it
        "categories": Param(list, ["成本指标"], "二级 categories the check applies to"),
        "floor": Param(float, 90.0, "lowest acceptable satisfaction in %"),
    }

    def check(doc: Document, params: dict) -> Iterator[Hit]:
        ...
        yield Hit(location=hit_location(ind, "value"), table=table, indicator=ind,
                  args={"sum": "135万元", "funding": "50万元"})

The engine fills defaults, rejects unknown keys (naming file and key), runs ``check`` and turns
each Hit into a Finding whose message is the rule's template formatted with ``args``. A check
yields Hits only: it never formats messages, reads files or knows its rule's code.

Most check types judge one row at a time, from the row alone. They are written as a row check:

    def check_row(ind: Indicator, params: dict) -> dict | None:   # the Hit's args, or None
        ...
    check = row_check(check_row, at="value")   # the Hit points at the value (or "name")

A row check may read the row's name, value, value text and categories, nothing else (not its
table): that is what lets the engine judge a row once for all its row checks and reuse the
verdict for every identical row of a sweep (published tables repeat rows endlessly).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from linter.model import Indicator, Location, Table


@dataclass(frozen=True)
class Param:
    type: type | tuple[type, ...]
    default: Any
    help: str = ""


@dataclass
class Hit:
    location: Location
    table: Table | None = None
    indicator: Indicator | None = None
    args: dict[str, Any] = field(default_factory=dict)
    level1: str | None = None  # set when no indicator carries it (missing-category)
    level2: str | None = None


def row_check(check_row, at: str = "value", skip_blank: bool = True):
    """The ``check(doc, params)`` of a row check type.

    Only rows in the ``categories`` parameter and not in ``exclude_categories`` are judged (where
    the check type has them; see ``checks.indicators.Scope``); ``skip_blank``: rows with no
    indicator in them (``无 | 无``) are left out. ``check.row`` tells the engine all this.

    ``check_row`` may read only the row's name, value, value_text, level1, level2 and
    level2_printed: the engine keeps its verdict for every later row equal in these.
    """
    row = RowCheck(check_row, at, skip_blank)

    def check(doc, params: dict):
        from linter.checks.indicators import indicators

        for table, ind in indicators(doc, *row.scope_lists(params), skip_blank=skip_blank):
            args = check_row(ind, params)
            if args is not None:
                yield Hit(location=hit_location(ind, at), table=table, indicator=ind, args=args)

    check.row = row
    return check


@dataclass(frozen=True)
class RowCheck:
    judge: Any  # check_row
    at: str
    skip_blank: bool

    def scope_lists(self, params: dict) -> tuple[list[str], list[str]]:
        """(categories, exclude_categories): the rows this check looks at (``checks.indicators.Scope``)."""
        return params.get("categories", []), params.get("exclude_categories", [])


def hit_location(ind: Indicator, at: str) -> Location:
    return (ind.value_location or ind.location) if at == "value" else ind.location


def load_check_type(name: str) -> ModuleType:
    """The module implementing check type ``name`` (``value-kind`` → linter.checks.value_kind)."""
    return importlib.import_module(f"linter.checks.{name.replace('-', '_')}")
