"""A number printed without its unit: ``点评反馈会次数 4`` (which 4?), or ``20万`` (万 what?).

With ``magnitude`` false the check reports numbers with no unit at all; with it true, numbers that
carry only a magnitude (``20万``, ``1.2万``: almost always 万元 with the 元 dropped). ``0`` and
``≥0`` are left to trivial-target when ``skip_zero`` is set: a zero needs no unit.
"""

from __future__ import annotations

from linter.checks import Param, row_check
from linter.checks.indicators import core_name
from linter.model import Indicator
from linter.values.numerals import plain_number
from linter.values.types import BareNumber

PARAMS = {
    "magnitude": Param(bool, False, "report numbers with a magnitude only (20万) instead of plain ones (4)"),
    "categories": Param(list, [], "categories looked at; empty for all"),
    "skip_zero": Param(bool, True, "leave 0 and ≥0 alone (trivial-target covers ≥0)"),
    "unit_hints": Param(dict, {"人次": "人次", "场次": "场次", "次数": "次", "人数": "人", "户数": "户", "家数": "家",
                               "率": "%", "比例": "%", "天数": "天", "场": "场", "次": "次"},
                        "name ending → the unit suggested in the message"),
}


def suggested_unit(name: str, hints: dict) -> str:
    for ending, unit in hints.items():
        if name.endswith(ending):
            return unit
    return "次"  # the commonest count unit in 数量指标; the message names it as an example only


def check_row(ind: Indicator, params: dict) -> dict | None:
    value = ind.value
    if not isinstance(value, BareNumber) or bool(value.magnitude) != params["magnitude"]:
        return None
    if params["skip_zero"] and value.number == 0:
        return None
    return {"number": plain_number(value.written_number), "magnitude": value.magnitude,
            "unit": suggested_unit(core_name(ind.name), params["unit_hints"])}


check = row_check(check_row, at="value")
