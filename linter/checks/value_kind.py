"""Values of a kind that does not belong in a category: empty, arithmetic, a change word (``有效提高``)
instead of a target, prose where a number is due, or a quantity whose unit kind is wrong (成本 in
``次`` or ``%``).

Kinds are the grammar's (``empty``, ``quantity``, ``duration``, ``number``, ``range``, ``date``,
``period``, ``direction``, ``grade``, ``expression``, ``text``), plus ``baseline`` for a text that
names what it is measured against (``≥2022年依法维权次数``), which is not prose. Rows with neither
name nor value are left to missing-category, rows whose name is a category heading
(``1. 服务对象满意度指标``) to misplaced-category.

``suggest`` says what value the message proposes for the row (``linter.checks.advice``):
``target`` — a measurable target from the name or the value's direction (``降低`` on 事故率 →
``同比下降5%``); ``bound`` — the firm bound of an approximate value (``约25000-27400人`` → ``≥25000人``);
``result`` — the result of arithmetic with its unit (``3*300`` under 每人每年300元 → ``900元``);
``quantity`` — the figure written in prose (``新购2辆，并支付上年一辆车尾款`` → ``2辆``), or a deadline
in 时效; ``none`` — nothing. The message gets ``example``, the proposal as a clause, or words saying
what kind of value is due when the row does not give enough for one.
"""

from __future__ import annotations

from linter.checks import Param, RowView, row_check
from linter.checks.advice import FALL, RISE, example_clause, quantity_text, target_for, with_unit
from linter.checks.indicators import NOTHING_MARKERS, core_name, ends_with_any
from linter.checks.text_pattern import compiled
from linter.glossary import is_category_label
from linter.values.parser import fold
from linter.values.scan import find_quantities
from linter.values.types import ALL_KINDS, UNIT_KINDS, Direction, Expression, Quantity, Range, Text, Value
from linter.values.units import MAGNITUDES, describe

SUGGESTIONS = ("none", "target", "bound", "result", "quantity")
KINDS = (*ALL_KINDS, "baseline")

PARAMS = {
    "kinds": Param(list, [], "value kinds that are reported", choices=KINDS),
    "categories": Param(list, [], "一级/二级 categories looked at; empty for all"),
    "exclude_categories": Param(list, [], "categories left alone (another rule covers them)"),
    "exclude_name_suffixes": Param(list, [], "names ending so are left alone (another rule covers them)"),
    "exclude_name_suffixes_kinds": Param(
        list,
        [],
        "the value kinds exclude_name_suffixes leaves alone; empty for all (a kind not in it is "
        "reported whatever the name: a second defect, not the other rule's)",
        choices=KINDS,
    ),
    "allowed_unit_kinds": Param(
        list,
        [],
        "with this set, report values with a unit only when its kind is not in "
        "it (values with no unit, prose, are reported by their kind)",
        choices=UNIT_KINDS,
    ),
    "approximate_only": Param(bool, False, "report only values written as approximate (约, 左右, 余)"),
    "suggest": Param(
        str,
        "none",
        "the value the message proposes: target, bound, result, quantity or none",
        fixed=True,
        choices=SUGGESTIONS,
    ),
    "deadline": Param(
        str, "{this_year}11月底前", "the deadline proposed for prose in 时效 ({this_year}: the budget year)"
    ),
    "skip_unit_only": Param(
        bool,
        False,
        "leave alone a value that is only a unit, with or without a sign "
        "(公里, ≧ %): an unfilled template, template-placeholder's",
    ),
}
ARGS = ("unit", "example", "suggestion")


def kind_of(value: Value, text: str = "") -> str:
    """The kind of a value (empty, quantity, text, change …) as the rules name kinds."""
    if text.strip() in NOTHING_MARKERS:
        return "empty"  # ``无``, ``/``, ``不适用`` as the value: nothing was filled in
    if isinstance(value, Text) and value.baseline:
        return "baseline"
    return value.kind


def matches(value: Value, params: dict, text: str = "") -> bool:
    """Whether a value is of a kind the rule reports (within its limits)."""
    if kind_of(value, text) not in params["kinds"]:
        return False
    if params["approximate_only"] and not getattr(value, "approximate", False):
        return False
    if params["allowed_unit_kinds"]:
        unit_kind = getattr(value, "unit_kind", None)
        if unit_kind in params["allowed_unit_kinds"]:
            return False
    return True


def unit_only(text: str) -> bool:
    """A value that is a unit with no figure: ``公里``, ``≧ %``, ``万元``."""
    return compiled(_UNIT_ONLY).match(fold(text)) is not None


_UNIT_ONLY = r"^\s*(?:{comparator})?\s*(?:万|千|亿)?\s*(?:{unit})\s*$"


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the row's value is of a kind that does not belong in its category, else None."""
    if not matches(ind.value, params, ind.value_text):
        return None
    if params["skip_unit_only"] and unit_only(ind.value_text):
        return None
    name = core_name(ind.name)
    if name and is_category_label(name):
        return None
    if ends_with_any(name, params["exclude_name_suffixes"]) and (
        not params["exclude_name_suffixes_kinds"]
        or kind_of(ind.value, ind.value_text) in params["exclude_name_suffixes_kinds"]
    ):
        return None
    args = {
        "unit": getattr(ind.value, "written_unit", "") or getattr(ind.value, "unit", ""),
        "example": example_clause(None),
    }
    if params["suggest"] != "none":
        proposal = _PROPOSE[params["suggest"]](ind, params)
        if proposal:
            args["suggestion"] = proposal
            args["example"] = example_clause(proposal)
    return args


def _target(ind: RowView, params: dict) -> str | None:
    target = target_for(ind.name)
    if target is None and isinstance(ind.value, Direction) and ind.value.direction in ("up", "down"):
        target = RISE if ind.value.direction == "up" else FALL  # 明显提高 on a name that says no direction
    return target


def _bound(ind: RowView, params: dict) -> str | None:
    value = ind.value
    if isinstance(value, Quantity):
        return quantity_text(value, "≤" if value.comparator in ("≤", "<") else "≥")
    if isinstance(value, Range) and value.written_unit:
        # the low end as printed: 约25000-27400人 → 25000; 2-3万元 → 2 (万元)
        mag = value.written_unit[0] if value.written_unit[0] in MAGNITUDES else ""
        unit = value.written_unit[len(mag) :]
        scale = describe(unit)[2] * (MAGNITUDES[mag] if mag else 1)
        return with_unit("≥", value.low / scale, value.written_unit)
    return None


def _result(ind: RowView, params: dict) -> str | None:
    value = ind.value
    if not isinstance(value, Expression) or value.result is None:
        return None
    if value.unit:
        return with_unit(None, value.result, value.unit)
    # 每人每年300元 | 3*300: the unit of the figure in the name
    units = [q.written_unit for q in find_quantities(core_name(ind.name)) if q.unit_kind == "money"]
    return with_unit(None, value.result, units[0]) if units else None


def _quantity(ind: RowView, params: dict) -> str | None:
    if ind.level2 == "时效指标":
        return params["deadline"]
    value = ind.value
    if isinstance(value, Text):
        wanted = {"数量指标": ("count",), "成本指标": ("money",), "经济成本指标": ("money",)}.get(ind.level2)
        found = [q for q in value.quantities if wanted and q.unit_kind in wanted and not q.approximate]
        if found:  # 新购2辆，并支付上年一辆车尾款: the first figure is what the row counts
            return quantity_text(found[0], found[0].comparator)
    return target_for(ind.name)


_PROPOSE = {"target": _target, "bound": _bound, "result": _result, "quantity": _quantity}


check = row_check(check_row, at="value")
