"""Values of a kind that does not belong in a category: empty, arithmetic, a change word (``有效提高``)
instead of a target, prose where a number is due, or a quantity whose unit kind is wrong (成本 in
``次`` or ``%``).

Kinds are the grammar's (``empty``, ``quantity``, ``duration``, ``number``, ``range``, ``date``,
``period``, ``direction``, ``grade``, ``expression``, ``text``), plus ``baseline`` for a text that
names what it is measured against (``≥2022年依法维权次数``), which is not prose. Rows with neither
name nor value are left to missing-category, rows whose name is a category heading
(``1. 服务对象满意度指标``) to misplaced-category.
"""

from __future__ import annotations

from linter.checks import Param, row_check
from linter.checks.indicators import NOTHING_MARKERS, core_name, ends_with_any
from linter.glossary import is_category_label
from linter.model import Indicator
from linter.values.types import ALL_KINDS, Text, Value

PARAMS = {
    "kinds": Param(list, [], "value kinds that are reported"),
    "categories": Param(list, [], "一级/二级 categories looked at; empty for all"),
    "exclude_categories": Param(list, [], "categories left alone (another rule covers them)"),
    "exclude_name_suffixes": Param(list, [], "names ending so are left alone (another rule covers them)"),
    "allowed_unit_kinds": Param(list, [], "with this set, report only values whose unit kind is not in it"),
    "approximate_only": Param(bool, False, "report only values written as approximate (约, 左右, 余)"),
}


def validate(params: dict) -> None:
    for kind in params["kinds"]:
        if kind not in ALL_KINDS + ("baseline",):
            raise ValueError(f"kinds: unknown value kind {kind!r}")


def kind_of(value: Value, text: str = "") -> str:
    if text.strip() in NOTHING_MARKERS:
        return "empty"  # ``无``, ``/``, ``不适用`` as the value: nothing was filled in
    if isinstance(value, Text) and value.baseline:
        return "baseline"
    return value.kind


def matches(value: Value, params: dict, text: str = "") -> bool:
    if kind_of(value, text) not in params["kinds"]:
        return False
    if params["approximate_only"] and not getattr(value, "approximate", False):
        return False
    if params["allowed_unit_kinds"]:
        unit_kind = getattr(value, "unit_kind", None)
        if not unit_kind or unit_kind in params["allowed_unit_kinds"]:
            return False
    return True


def check_row(ind: Indicator, params: dict) -> dict | None:
    if not matches(ind.value, params, ind.value_text):
        return None
    name = core_name(ind.name)
    if ends_with_any(name, params["exclude_name_suffixes"]) or (name and is_category_label(name)):
        return None
    return {"unit": getattr(ind.value, "written_unit", "") or getattr(ind.value, "unit", "")}


check = row_check(check_row, at="value")
