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
        yield Hit(location=ind.value_location or ind.location, table=table, indicator=ind,
                  args={"sum": "135万元", "funding": "50万元"})

The engine fills defaults, rejects unknown keys (naming file and key), runs ``check`` and turns
each Hit into a Finding whose message is the rule's template formatted with ``args``. A check
yields Hits only: it never formats messages, reads files or knows its rule's code.
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


def load_check_type(name: str) -> ModuleType:
    """The module implementing check type ``name`` (``value-kind`` → linter.checks.value_kind)."""
    return importlib.import_module(f"linter.checks.{name.replace('-', '_')}")
