"""A category heading in the wrong place: a 二级 under a 一级 that is not its parent (满意度 numbered
under 效益), or a heading printed inside the indicator list of another category (``2. 社会效益指标
地震安全知识知晓率`` inside the 经济效益 list; ``1. 服务对象满意度指标`` numbered as an indicator).

Three traces are read: a name that starts with a 二级 label; a 二级 whose parent is not the
indicator's 一级; and a 一级 as printed (``level1_printed``) that the reader had to correct because
the 二级 belongs elsewhere. A misplaced heading is reported once, at its first indicator. Provinces
that file 成本 as its own 一级 (成本指标 → 经济成本指标 …) are not reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from linter.checks import Hit, Param
from linter.glossary import COST_L1, normalise_level1, normalise_level2, parent_of
from linter.model import Document, Indicator

PARAMS: dict[str, Param] = {}
ARGS = ("heading", "under")


def heading_in_name(name: str) -> str | None:
    """The 二级 label a name starts with or is (``社会效益指标 地震安全知识知晓率`` → 社会效益指标)."""
    words = name.split()
    if not words:
        return None
    return normalise_level2(words[0]) or normalise_level2(name.strip())


def misplacement(ind: Indicator) -> tuple[str, str] | None:
    """(heading, what it is wrongly under) for a misplaced indicator, else None."""
    return _misplacement(
        ind.name, ind.inline_heading, ind.level1, ind.level2, ind.level1_printed, ind.level2_printed
    )


@lru_cache(maxsize=16384)  # every row of every table is asked; rows repeat across a sweep
def _misplacement(
    name: str, inline_heading, level1: str, level2: str, level1_printed: str, level2_printed: str
) -> tuple[str, str] | None:
    if inline_heading:  # the reader saw a heading printed inside a list of indicators
        printed, under = inline_heading
        heading = normalise_level2(printed)
        if heading and heading != normalise_level2(under) and parent_of(heading) != normalise_level1(under):
            return heading, under  # 社会效益 inside the 经济效益 list (not 服务对象满意度 inside 满意度)
    heading = heading_in_name(name)
    if heading and not (heading == level2 and len(name.split()) == 1):
        return heading, level2_printed or level2
    # (a name that only repeats its own 二级, ``服务对象满意度`` under 社会公众或服务对象满意度, is a name)
    parent = parent_of(level2)
    if not parent or level1 == COST_L1:
        return None
    if level1 and parent != level1:
        return level2, level1_printed or level1
    printed = normalise_level1(level1_printed) if level1_printed else None
    if printed and printed not in (parent, COST_L1):
        return level2, level1_printed
    return None


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of category headings in the wrong place, once per heading and table."""
    for table in doc.tables:
        reported: set[tuple[str, str]] = set()
        for ind in table.indicators:
            found = misplacement(ind)
            if found and found not in reported:
                reported.add(found)
                yield Hit(
                    location=ind.location,
                    table=table,
                    indicator=ind,
                    args={"heading": found[0], "under": found[1]},
                )
