"""A category heading in the wrong place: a 二级 under a 一级 that is not its parent (满意度 numbered
under 效益), or a heading printed inside the indicator list of another category (``2. 社会效益指标
地震安全知识知晓率`` inside the 经济效益 list; ``1. 服务对象满意度指标`` numbered as an indicator).

Provinces that file 成本 as its own 一级 (成本指标 → 经济成本指标 …) are not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks import Hit, Param
from linter.glossary import COST_L1, normalise_level2, parent_of
from linter.model import Document

PARAMS: dict[str, Param] = {}


def heading_in_name(name: str) -> str | None:
    """The 二级 label a name starts with (``社会效益指标 地震安全知识知晓率`` → 社会效益指标)."""
    name = name.strip()
    head = name.split()[0] if name.split() else ""
    found = normalise_level2(head) if head else None
    if found:
        return found
    whole = normalise_level2(name)
    return whole


def check(doc: Document, params: dict) -> Iterator[Hit]:
    for table in doc.tables:
        for ind in table.indicators:
            parent = parent_of(ind.level2)
            heading = heading_in_name(ind.name)
            if heading:
                yield Hit(location=ind.location, table=table, indicator=ind,
                          args={"heading": heading, "under": ind.level2_printed or ind.level2})
            elif parent and ind.level1 and parent != ind.level1 and ind.level1 != COST_L1:
                yield Hit(location=ind.location, table=table, indicator=ind,
                          args={"heading": ind.level2, "under": ind.level1_printed or ind.level1})
