"""Loose matching of Chinese phrases for the rules that pair things up: a goal clause with an
indicator name, a price's 每户 with a count in 户, a satisfaction subject with the 实施单位.

Character bigrams are the usual cheap measure for short Chinese phrases (there are no spaces to
split words on); a shared bigram such as 培训 or 检查 is a shared word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter import regexes

_NOISE = regexes.compile(r"[\s\d０-９.,，、;；:：。!！?？“”\"'‘’()（）【】《》<>/\-—~～%]+")

# Counters that count the same thing: a price per 人 multiplies a head count in 名 or 位.
_UNIT_CLASSES = {"名": "人", "位": "人", "人": "人", "户": "户", "家": "家", "个": "个"}


@lru_cache(maxsize=16384)  # names are compared pairwise, many times per table
def bigrams(text: str) -> frozenset[str]:
    """The character pairs of a phrase, numbers and punctuation removed (省、州级 → 省州, 州级)."""
    clean = _NOISE.sub("", text)
    return frozenset(clean[i : i + 2] for i in range(len(clean) - 1))


def overlap(a: str, b: str) -> float:
    """Share of the shorter phrase's bigrams found in the other (1.0: one contains the other)."""
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def coverage(part: str, whole: str) -> float:
    """Share of ``part``'s bigrams found in ``whole``: how far ``part`` is copied from ``whole``."""
    x = bigrams(part)
    if not x:
        return 0.0
    return len(x & bigrams(whole)) / len(x)


@lru_cache(maxsize=1024)
def counter_of(unit: str | None) -> str | None:
    """The thing a counter counts, for pairing prices with quantities: 每户 → 户, 名 → 人.

    A compound per-unit such as ``人·月`` gives its first part (人); the month is handled by the
    caller.
    """
    if not unit:
        return None
    unit = unit.strip().removeprefix("每")
    unit = re.split(r"[·.*/×]", unit)[0]
    return _UNIT_CLASSES.get(unit, unit) or None


def per_month(per_unit: str | None) -> bool:
    """``人·月`` or ``人/月``: the price is per month."""
    return per_unit is not None and "月" in per_unit
