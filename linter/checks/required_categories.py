"""Categories the form requires: a 一级 or 二级 that is absent, or printed with nothing under it.

A category counts as present when at least one indicator under it has a name or a value. A missing
一级 is reported once (its 二级 are not reported again). Each hit carries the missing category in
``level1``/``level2``.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks import Hit, Param
from linter.checks.indicators import is_blank_row
from linter.glossary import parent_of
from linter.model import Document, Location

PARAMS = {
    "level1": Param(list, ["产出指标", "效益指标", "满意度指标"], "一级 categories every table must have"),
    "level2": Param(list, ["数量指标", "质量指标", "时效指标", "成本指标", "服务对象满意度指标"],
                    "二级 categories every table must have"),
    "table_kinds": Param(list, ["project", "department"], "kinds of table the check applies to"),
}


def check(doc: Document, params: dict) -> Iterator[Hit]:
    for table in doc.tables:
        if table.kind not in params["table_kinds"] or not table.indicators and not table.name:
            continue
        filled = [i for i in table.indicators if not is_blank_row(i)]
        level1s = {i.level1 for i in filled} | {parent_of(i.level2) for i in filled}
        level2s = {i.level2 for i in filled}
        where = table.location or Location(doc.path)
        missing1 = [c for c in params["level1"] if c not in level1s]
        for level1 in missing1:
            yield Hit(location=where, table=table, level1=level1, args={"category": level1})
        for level2 in params["level2"]:
            if level2 in level2s or parent_of(level2) in missing1:
                continue
            blank = next((i for i in table.indicators if i.level2 == level2), None)
            yield Hit(location=blank.location if blank else where, table=table,
                      level1=parent_of(level2), level2=level2, args={"category": level2})
