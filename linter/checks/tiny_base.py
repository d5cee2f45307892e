"""A percentage target on a population the table itself counts as tiny: ``按岗位需求派驻的劳务派遣人数
1人`` and ``劳务派遣人员本科及以上学历比例 ≥95%``. One person is 0% or 100%, so ``≥95%`` means
100%; of 2 items only 0%, 50% and 100% can come out.

The population is a count row (``count_categories``, an exact whole number of at most ``max_base``
in a counting unit, no ``≥``: ``≥2家`` says only that there are at least two); a percentage row is
on it when the two names share a word (``min_shared`` character pairs, generic ones such as 人数 or
数量 aside). Reported when the target is not one of the shares the count allows: the next share up
(``≥95%`` of 1 → 100%) or none at all (``=70%`` of 2).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from typing import cast

from linter.checks import Hit, Param, hit_location
from linter.checks.indicators import scope_of, unjudged
from linter.checks.matching import bigrams
from linter.model import Document, Indicator
from linter.values.numerals import plain_number
from linter.values.types import Quantity

PARAMS = {
    "max_base": Param(int, 10, "largest count called tiny"),
    "count_categories": Param(list, ["数量指标"], "categories of the count rows"),
    "exclude_categories": Param(
        list,
        ["满意度指标"],
        "percentage rows left alone (the satisfied are the people served, not the staff or items counted)",
    ),
    "min_shared": Param(int, 2, "character pairs the two names must share"),
    "generic_pairs": Param(
        list,
        ["人数", "数量", "次数", "个数", "户数", "人员", "完成", "开展", "项目", "工作", "比例", "占比"],
        "character pairs that name no population",
    ),
}
ARGS = ("base", "count_name", "count_value", "need", "unit", "share", "step")


def _base(ind: Indicator, max_base: int) -> int | None:
    v = ind.value
    if not isinstance(v, Quantity) or v.unit_kind != "count" or v.per_unit or v.approximate or v.open_ended:
        return None
    if v.comparator not in (None, "=") or v.change:
        return None
    n = v.number
    if n != n.to_integral_value() or not 1 <= n <= max_base:
        return None
    return int(n)


def _target(ind: Indicator) -> Quantity | None:
    v = ind.value
    if not isinstance(v, Quantity) or v.unit_kind != "percent" or v.change or v.approximate:
        return None
    if v.comparator not in (None, "=", "≥", ">") or not 0 < v.number < 100:
        return None
    return v


def reachable(target: Quantity, base: int) -> tuple[int, Decimal] | None:
    """(count, share) the target really asks for, when it is not a share ``base`` allows; else None."""
    p = target.number
    exact = p * base / 100
    if target.comparator in ("≥", ">"):
        need = math.floor(exact) + 1 if target.comparator == ">" else math.ceil(exact)
        share = Decimal(100) * need / base
        return None if share == p else (need, share)
    if exact == exact.to_integral_value():
        return None
    return math.ceil(exact), Decimal(100) * math.ceil(exact) / base


def _words(name: str, generic: list[str]) -> frozenset[str]:
    return bigrams(name) - frozenset(generic)


def _share_text(share: Decimal) -> str:
    return f"{plain_number(share.quantize(Decimal('0.1')))}%"


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of percentage targets on a population the table counts as tiny."""
    counts_scope = scope_of(params["count_categories"])
    rates_scope = scope_of((), params["exclude_categories"])
    for table in doc.tables:
        counts = [
            (ind, n)
            for ind in table.indicators
            if not ind.value_unknown
            and ind in counts_scope
            and (n := _base(ind, params["max_base"])) is not None
        ]
        if not counts:
            continue
        for ind in table.indicators:
            if unjudged(ind) or ind not in rates_scope:
                continue
            target = _target(ind)
            if target is None:
                continue
            words = _words(ind.name, params["generic_pairs"])
            for count, base in counts:
                if len(words & _words(count.name, params["generic_pairs"])) < params["min_shared"]:
                    continue
                asked = reachable(target, base)
                if asked is None:
                    break
                need, share = asked
                yield Hit(
                    location=hit_location(ind, "value"),
                    table=table,
                    indicator=ind,
                    args={
                        "base": base,
                        "count_name": count.name.strip(),
                        "count_value": count.value_text.strip(),
                        "need": need,
                        "unit": cast(Quantity, count.value).unit,  # _base counts Quantities only
                        "share": _share_text(share),
                        "step": _share_text(Decimal(100) / base),
                    },
                )
                break
