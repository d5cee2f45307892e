"""Check types: the closed set of Python functions that rule files name.

A rule file (``rules/<slug>.yaml``) names one check type and gives its parameters; the check
type is a module here with this contract (yamllint-style, whole contract on one screen):

    \"\"\"What it checks, in one paragraph (shown by ``indicator-lint rule``).\"\"\"
    from linter.checks import Hit, Param

    PARAMS = {                          # the parameter schema; rule files are validated against it
        "categories": Param(list, ["成本指标"], "二级 categories the check applies to"),
        "floor": Param(float, 90.0, "lowest acceptable satisfaction in %"),
    }
    ARGS = ("sum", "funding")           # every key a Hit's args may hold: message placeholders

    def check(doc: Document, params: dict) -> Iterator[Hit]:
        ...
        yield Hit(location=hit_location(ind, "value"), table=table, indicator=ind,
                  args={"sum": "135万元", "funding": "50万元"})

The engine fills defaults, rejects unknown keys (naming file and key), runs ``check`` and turns
each Hit into a Finding whose message is the rule's template formatted with ``args``; a rule
whose message names a placeholder neither ``ARGS`` nor the engine (``MESSAGE_FIELDS``) gives is
refused when it is loaded. A check yields Hits only: it never formats messages, reads files or
knows its rule's code.

A parameter that chooses what the check does rather than how much it tolerates (``relation``
of name-value, ``bound`` of numeric-bounds) is ``Param(..., fixed=True)``: only the rule file sets
it, a configuration's ``params:`` cannot, for it would turn the rule into another under the
same code and message. Where the args depend on it, ``ARGS`` is ``ByParam(name, {value: args})``.

Most check types judge one row at a time, from the row alone. They are written as a row check:

    def check_row(row: RowView, params: dict) -> dict | None:   # the Hit's args, or None
        ...
    check = row_check(check_row, at="value")   # the Hit points at the value (or "name")

A row check is given a ``RowView``, the row's name, value text, value and categories, nothing
else (not its table, not its location): that is what lets the engine judge a row once for all
its row checks and reuse the verdict for every equal row of a sweep (published tables repeat
rows endlessly).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from operator import attrgetter
from types import ModuleType
from typing import Any

from linter.model import Document, Indicator, Location, Table
from linter.values.types import Value

# What a message may name besides its check type's args: the engine fills these from the Hit
# (``engine.to_finding``).
MESSAGE_FIELDS = frozenset({"name", "value", "table", "level1", "level2", "this_year"})


@dataclass(frozen=True)
class Param:
    """One parameter of a check type: its type, default and what it means (a rule file may set it)."""

    type: type | tuple[type, ...]
    default: Any
    help: str = ""
    fixed: bool = False  # chooses what the check does: set by the rule file alone, never by a config
    regex: bool = False  # a regular expression: a rule or config giving one that does not compile is refused
    choices: tuple[str, ...] = ()  # the values it may take (each item, for a list): any other is refused


@dataclass(frozen=True)
class ByParam:
    """The ``ARGS`` of a check type whose fixed parameter ``param`` chooses among checks that
    return different args: ``{value of param: args}``."""

    param: str
    args: Mapping[str, tuple[str, ...]]


def returned_args(module: ModuleType, params: dict) -> frozenset[str]:
    """The keys a Hit of ``module`` may carry in its args under ``params`` (its ``ARGS``)."""
    declared = module.ARGS
    if isinstance(declared, ByParam):
        declared = declared.args.get(params.get(declared.param, ""), ())
    return frozenset(declared)


@dataclass
class Hit:
    """What a check reports: where, in which table and indicator, and the args its rule's message takes."""

    location: Location
    table: Table | None = None
    indicator: Indicator | None = None
    args: dict[str, Any] = field(default_factory=dict)
    level1: str | None = None  # set when no indicator carries it (missing-category)
    level2: str | None = None


@dataclass(frozen=True, slots=True)
class RowView:
    """All a row check may read of an indicator row. Two rows equal in these (the value compared
    by value) get the same verdict from every row check, which the engine relies on to judge a
    row once per sweep; a check that wants more (the table, a location) is a document check."""

    name: str
    value_text: str
    value: Value = field(hash=False)  # (values are not hashable; the texts are enough to hash)
    level1: str = ""
    level2: str = ""
    level2_printed: str = ""

    @classmethod
    def of(cls, ind: Indicator) -> RowView:
        return cls(ind.name, ind.value_text, ind.value, ind.level1, ind.level2, ind.level2_printed)

    @classmethod
    def of_texts(cls, texts: tuple[str, ...], parse: Callable[[str], Value]) -> RowView:
        """The row of these texts (``row_texts``) whose value is what ``parse`` makes of its value text."""
        row = dict(zip(ROW_TEXTS, texts, strict=True))
        return cls(**row, value=parse(row["value_text"]))


# The row's fields but its value, as a tuple read straight from an Indicator: the engine's verdict
# key, cheaper than a RowView on every row a sweep meets; the value is compared apart.
ROW_TEXTS = tuple(f.name for f in fields(RowView) if f.name != "value")
row_texts: Callable[[Indicator], tuple[str, ...]] = attrgetter(*ROW_TEXTS)


@dataclass(frozen=True)
class RowCheck:
    """The ``check`` of a row check type, made by ``row_check``: the engine tells a row check by
    this class and calls ``judge`` itself, once per distinct row; called as ``check(doc,
    params)`` it judges every row of the document in turn (rule examples, tests)."""

    judge: Callable[[RowView, dict], dict | None]
    at: str  # where the Hit points: "value" or "name"
    skip_blank: bool

    def __call__(self, doc: Document, params: dict) -> Iterator[Hit]:
        from linter.checks.indicators import indicators

        for table, ind in indicators(doc, *self.scope_lists(params), skip_blank=self.skip_blank):
            args = self.judge(RowView.of(ind), params)
            if args is not None:
                yield Hit(location=hit_location(ind, self.at), table=table, indicator=ind, args=args)

    def scope_lists(self, params: dict) -> tuple[list[str], list[str]]:
        """(categories, exclude_categories): the rows this check looks at (``checks.indicators.Scope``)."""
        return params.get("categories", []), params.get("exclude_categories", [])


def row_check(
    check_row: Callable[[RowView, dict], dict | None], at: str = "value", skip_blank: bool = True
) -> RowCheck:
    """The ``check`` of a row check type.

    Only rows in the ``categories`` parameter and not in ``exclude_categories`` are judged (where
    the check type has them; see ``checks.indicators.Scope``); ``skip_blank``: rows with no
    indicator in them (``无 | 无``) are left out.
    """
    return RowCheck(check_row, at, skip_blank)


def hit_location(ind: Indicator, at: str) -> Location:
    """Where a row's hit points: its value's cell (``at == "value"``) or the row."""
    return (ind.value_location or ind.location) if at == "value" else ind.location


def load_check_type(name: str) -> ModuleType:
    """The module implementing check type ``name`` (``value-kind`` → linter.checks.value_kind)."""
    return importlib.import_module(f"linter.checks.{name.replace('-', '_')}")
