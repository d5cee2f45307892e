"""时效指标 that only mirror the 数量指标: ``企业安全检查 50次`` / ``安全检查及时率 100%``,
``省、州级培训 ≥8次`` / ``省、州级培训及时率 100%`` and nothing else in 时效. The timeliness
block then says no more than "everything counted, on time", with no deadline and no response time.

Reported once per table when it has at least ``min_rows`` 时效 rows, every one of them a timeliness
rate (``rate_suffixes``) of 100%, and each names what a 数量 row counts (the name without its
rate ending shares ``similarity`` of its character pairs with a 数量 name).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import regexes
from linter.checks import Hit, Param
from linter.checks.indicators import core_name, is_blank_row, scope_of
from linter.checks.matching import overlap
from linter.model import Document, Indicator
from linter.values.types import Quantity

PARAMS = {
    "min_rows": Param(int, 2, "fewer 时效 rows are not called a pattern"),
    "rate_suffixes": Param(
        list, ["及时率", "按时完成率", "按期完成率", "准时率"], "name endings of a timeliness rate"
    ),
    "similarity": Param(float, 0.5, "share of character pairs a rate's subject shares with a 数量 name"),
    "timeliness": Param(list, ["时效指标"], "the timeliness category"),
    "quantity": Param(list, ["数量指标"], "the quantity category"),
}
ARGS = ("count", "pairs")

_FILLER = regexes.compile(r"(?:工作)?(?:完成|办理|开展)?$")


def _subject(name: str, suffixes: list[str]) -> str | None:
    """``安全检查及时率`` → ``安全检查``; None when the name is no timeliness rate."""
    name = core_name(name)
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.endswith(suffix):
            return _FILLER.sub("", name.removesuffix(suffix)) or None
    return None


def _is_full(ind: Indicator) -> bool:
    v = ind.value
    return isinstance(v, Quantity) and v.unit_kind == "percent" and v.number == 100 and not v.change


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of 时效指标 that only mirror the 数量指标."""
    timeliness, quantity = scope_of(params["timeliness"]), scope_of(params["quantity"])
    for table in doc.tables:
        rows = [i for i in table.indicators if not is_blank_row(i)]
        times = [i for i in rows if i in timeliness]
        counts = [i for i in rows if i in quantity]
        if len(times) < params["min_rows"] or not counts:
            continue
        pairs = []
        for ind in times:
            subject = _subject(ind.name, params["rate_suffixes"])
            if subject is None or not _is_full(ind):
                break
            match = max(counts, key=lambda c: overlap(subject, c.name))
            if overlap(subject, match.name) < params["similarity"]:
                break
            pairs.append((ind, match))
        else:
            shown = "、".join(f"{q.name.strip()}→{t.name.strip()}" for t, q in pairs[:3])
            yield Hit(
                location=times[0].location,
                table=table,
                args={"count": len(pairs), "pairs": shown + ("等" if len(pairs) > 3 else "")},
            )
