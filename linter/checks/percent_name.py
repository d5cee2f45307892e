"""A percentage whose name names no ratio: ``应急物资储备充足 100%`` (100% of what?).

A percentage needs a name saying what is divided by what: ``…率``, ``…比例``, ``…度``
(满意度, 契合度), ``…占比``. A statement with ``100%`` after it cannot be measured. The message proposes
a rate's name made from the row's (``linter.checks.advice.rate_name``), but none for a sentence
(``为民众办好事,办实事``): it holds more than one ratio. A change in
percent (``同比下降5%``) is a change of the thing named, which needs no ratio in its name; a change
in 百分点 does (points of what rate?).
"""

from __future__ import annotations

from linter import regexes
from linter.checks import Param, RowView, row_check
from linter.checks.advice import (
    PERCENT_NAME_SUFFIXES,
    example_clause,
    name_without,
    names_one_rate,
    rate_name,
)
from linter.checks.indicators import closing_notes, core_name, ends_with_any
from linter.checks.name_value import name_quantities
from linter.values.types import Quantity, Range

PARAMS = {
    "rate_suffixes": Param(list, PERCENT_NAME_SUFFIXES, "name endings that name a ratio"),
    "categories": Param(list, [], "categories looked at; empty for all"),
    "exclude_categories": Param(list, ["成本指标"], "categories left alone (cost-not-money covers 成本)"),
    "accepted_endings": Param(
        list,
        ["完成情况", "落实情况", "执行情况"],
        "endings reviewers accept with a percentage (任务完成情况 100% reads as 完成率)",
    ),
    "without_name_figures": Param(
        bool,
        False,
        "judge the name without the figures written into it "
        "(满意度95%以上 is a rate; value-in-name reports the figure)",
    ),
}
ARGS = ("suggested_name", "example")


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when a percentage's name names no ratio, else None."""
    value = ind.value
    if not isinstance(value, Quantity | Range) or value.unit_kind != "percent":
        return None
    if isinstance(value, Quantity) and value.change and value.unit == "%":
        return None
    name = core_name(ind.name)
    if params["without_name_figures"]:
        figures = [q.raw.strip() for q in name_quantities(name)]
        name = name_without(name, figures) if figures else name
    if (
        not name
        or ends_with_any(name, params["rate_suffixes"])
        or ends_with_any(_without_notes(name), params["rate_suffixes"])
        or ends_with_any(ind.name.strip(), params["accepted_endings"])
    ):
        return None
    if not names_one_rate(ind.name):  # a sentence: no one ratio to name after it
        return {"example": _GENERIC}
    proposal = rate_name(ind.name)
    return {"suggested_name": proposal, "example": example_clause(proposal)}


# notes after a rate's name: 养殖动物成活率(目标) (tests/corpus a05)
_NOTES = regexes.compile(r"(?:\s*[（(][^（()）\d]{1,8}[)）])+$")


def _without_notes(name: str) -> str:
    notes = closing_notes(name, _NOTES)
    return name[: notes.start()] if notes else name


_GENERIC = {
    "zh": "（写清是什么的比率，如“…完成率”“…覆盖率”“…合格率”；一句话里有几件事的，拆成几项指标）",
    "en": " (say what ratio: …完成率, …覆盖率, …合格率; a sentence of several things is several indicators)",
}


check = row_check(check_row, at="value")
