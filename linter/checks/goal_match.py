"""A quantity in the 年度目标 that an indicator contradicts: the goal promises 2万户, the indicator
``农村住房保险补贴户数`` says 3.2万户.

Each quantity in the goal is paired with the indicator whose name best matches the words before
it (``实现农村住房保险补贴2万户`` ↔ ``农村住房保险补贴户数``), or after it when a verb is all that comes
before (``保障33名退休干部工作的正常开展``), and whose value has the same unit. A name that itself
holds the goal's figure and a value that contradicts both (``保障33名退休干部工作的正常开展 ≥3人``) is
reported here for the goal and by name-value-conflict for the name: two texts the value disagrees with.
The two disagree when the indicator allows what the goal rules out: a different figure for an
exact goal, a lower one for ``4次以上``, a higher one for ``…以内``, more than a tenth off for
``约``/``余``. An indicator stricter than an open goal (goal ``4次以上``, indicator ``≥8次``) is
consistent and not reported. Money and time spans are left to the cost and time rules; a pairing
is skipped when two indicators match equally well.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from linter import regexes
from linter.checks import Hit, Param, hit_location
from linter.checks.advice import name_without, quantity_text
from linter.checks.indicators import Scope, scope_of
from linter.checks.matching import counter_of, overlap
from linter.glossary import HTML_TAG, MONEY_COST
from linter.model import Document, Indicator, Table
from linter.values.scan import find_quantities
from linter.values.types import Quantity

PARAMS = {
    "unit_kinds": Param(
        list,
        ["count", "percent", "length", "area", "weight"],
        "kinds of quantity compared (money and durations have their own rules)",
    ),
    "similarity": Param(float, 0.5, "share of shared bigrams for a goal clause and a name to pair"),
    "approximate": Param(float, 0.1, "relative slack for a goal written with 约, 余, 左右"),
    "exclude_categories": Param(
        list,
        list(MONEY_COST),
        "categories never paired with a goal's count (cost-not-money reports ``培训费 2次``)",
    ),
}
ARGS = ("goal_value", "goal_words", "goal_quote", "suggestion", "suggested_name")

# A goal clause ends at these; 、 joins items of one clause and does not end it.
_CLAUSE_END = regexes.compile(rf"[，,；;。:：！!？?\n]|{HTML_TAG.pattern}|目标\d+")
_EDGE_PUNCT = " \t\r\n、，,；;。:：！!？?“”\"'‘’（）()《》【】"
_PER = regexes.compile(r"每|各|平均|人均|户均|单次|年均|月均")
_VERBS = regexes.compile(
    r"^(?:力争|确保|全年|共|累计|计划)?(?:完成|开展|实现|达到|组织|发放|举办|提供|保障|"
    r"培育|建成|新增|覆盖|使|对)?"
)


@dataclass
class GoalQuantity:
    """A quantity in a goal and the words before it in its clause."""

    quantity: Quantity
    context: str  # the words before it in its clause: 实现农村住房保险补贴 (or after it: 退休干部…)
    after: bool = False  # the context follows the figure

    @property
    def quote(self) -> str:
        """The figure with its words, in the goal's order: 农村住房保险补贴2万户, 33名退休干部…"""
        raw = self.quantity.raw.strip()
        return raw + self.context if self.after else self.context + raw


def goal_quantities(goal: str, unit_kinds: list[str]) -> list[GoalQuantity]:
    """The quantities of the goal in these unit kinds, each with its context."""
    found = []
    previous_end = 0
    for q in find_quantities(goal):
        start = previous_end
        for m in _CLAUSE_END.finditer(goal, previous_end, q.span[0]):
            start = m.end()
        previous_end = q.span[1]
        # 、 joins items of a clause: the words of this item start after it (、省州级培训 → 省州级培训)
        context = _VERBS.sub("", goal[start : q.span[0]].strip(_EDGE_PUNCT)).strip(_EDGE_PUNCT)
        after = not context
        if after:
            # the figure first, what it counts after (保障33名退休干部工作的正常开展)
            end = _CLAUSE_END.search(goal, q.span[1])
            context = goal[q.span[1] : end.start() if end else len(goal)].strip(_EDGE_PUNCT)
        if _PER.search(context):
            continue  # 每季度检查1次 is not the year's count
        if q.unit_kind in unit_kinds and not q.per_unit and context:
            found.append(GoalQuantity(q, context, after))
    return found


def _same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit_kind == b.unit_kind and counter_of(a.unit) == counter_of(b.unit)


def best_indicator(g: GoalQuantity, table: Table, similarity: float, scope: Scope) -> Indicator | None:
    """The indicator of the same unit whose name best matches the goal quantity's context (None if unclear)."""
    scored = []
    for ind in table.indicators:
        v = ind.value
        if ind not in scope:
            continue
        if not isinstance(v, Quantity) or v.per_unit or not _same_unit(g.quantity, v):
            continue
        score = overlap(g.context, ind.name)
        if score >= similarity:
            scored.append((score, ind))
    if not scored:
        return None
    scored.sort(key=lambda s: -s[0])
    best = scored[0]
    rivals = [
        ind
        for score, ind in scored[1:]
        if score == best[0] and cast(Quantity, ind.value).number != cast(Quantity, best[1].value).number
    ]
    return None if rivals else best[1]


def disagree(goal: Quantity, value: Quantity, approximate: float) -> bool:
    """Whether an indicator's value contradicts the goal's quantity (beyond ``approximate``)."""
    x, y = goal.number, value.number
    if goal.comparator in ("≥", ">") or goal.open_ended:
        return y < x
    if goal.comparator in ("≤", "<") or goal.raw.endswith(("以内", "以下")):
        return y > x
    if goal.approximate:
        return abs(y - x) > abs(x) * Decimal(str(approximate))
    return y != x


def mismatches(table: Table, params: dict) -> Iterator[tuple[GoalQuantity, Indicator]]:
    """The (goal quantity, indicator) pairs of a table that contradict each other."""
    if not table.goal:
        return
    scope = scope_of((), params["exclude_categories"])
    for g in goal_quantities(table.goal, params["unit_kinds"]):
        ind = best_indicator(g, table, params["similarity"], scope)
        if ind is None:
            continue
        if disagree(g.quantity, cast(Quantity, ind.value), params["approximate"]):  # (best_indicator's)
            yield g, ind


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of goal quantities an indicator contradicts."""
    for table in doc.tables:
        for g, ind in mismatches(table, params):
            args = {
                "goal_value": g.quantity.raw.strip(),
                "goal_words": g.context,
                "goal_quote": g.quote,
                "suggestion": quantity_text(g.quantity, g.quantity.comparator),
            }
            # the name holding the figure too (保障33名退休干部…): the figure goes to the value alone
            figures = [q.raw.strip() for q in find_quantities(ind.name) if _same_unit(g.quantity, q)]
            if figures:
                args["suggested_name"] = name_without(ind.name, figures)
            yield Hit(location=hit_location(ind, "value"), table=table, indicator=ind, args=args)
