"""Categories the form requires: a 一级 or 二级 that is absent, or printed with nothing under it.

A category counts as present when at least one indicator under it has a name or a value. A missing
一级 is reported once (its 二级 are not reported again). Each hit carries the missing category in
``level1``/``level2``.

A form that prints no categories at all (指标 | 权重 | 计量单位 | 指标值) is judged only on what its
rows show: a 满意度 row by its name, and each category of ``told_by_unit`` by the unit of a value
(no amount of money anywhere: no 成本 row).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks import Hit, Param
from linter.checks.indicators import is_blank_row
from linter.glossary import parent_of
from linter.model import TABLE_KINDS, Document, Location

PARAMS = {
    "level1": Param(list, ["产出指标", "效益指标", "满意度指标"], "一级 categories every table must have"),
    "level2": Param(
        list,
        ["数量指标", "质量指标", "时效指标", "成本指标", "服务对象满意度指标"],
        "二级 categories every table must have",
    ),
    "table_kinds": Param(
        list,
        ["project", "department", "self-evaluation"],
        "kinds of table the check applies to",
        choices=TABLE_KINDS,
    ),
    "equivalents": Param(
        dict,
        {"成本指标": ["经济成本指标", "社会成本指标", "生态环境成本指标"]},
        "a required 二级 → the 二级 that stand in for it (101号文 files 成本 as its own 一级)",
    ),
    "told_by_unit": Param(
        dict,
        {},
        "in a form that prints no categories: a required category → the unit kinds of the values "
        "that show it is there (成本指标: [money])",
    ),
    "examples": Param(
        dict,
        {
            "产出指标": ["开展培训次数", "≥4次"],
            "效益指标": ["政策知晓率", "≥90%"],
            "满意度指标": ["受益群众满意度", "≥90%"],
            "数量指标": ["开展培训次数", "≥4次"],
            "质量指标": ["培训考核合格率", "≥95%"],
            "时效指标": ["项目完成时限", "{this_year}11月底前"],
            "成本指标": ["培训费", "≤2万元"],
            "服务对象满意度指标": ["受益群众满意度", "≥90%"],
        },
        "a required category → the indicator (name, value) the message gives as an example of it; "
        "{this_year} is the budget year",
    ),
}
ARGS = ("category", "suggested_name", "suggestion")


def validate(params: dict) -> None:
    """Refuse an ``equivalents`` entry that is not a list (ValueError)."""
    for key, value in params["equivalents"].items():
        if not isinstance(value, list):
            raise ValueError(f"equivalents.{key}: must be a list of categories")
    for key, value in params["told_by_unit"].items():
        if not (isinstance(value, list) and value):
            raise ValueError(f"told_by_unit.{key}: must be a list of unit kinds")
    for key, value in params["examples"].items():
        if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
            raise ValueError(f"examples.{key}: must be a name and a value")
    for category in params["level1"] + params["level2"] + list(params["told_by_unit"]):
        if category not in params["examples"]:
            raise ValueError(f"examples: no example of the required category {category}")


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of required categories absent from a table or printed with nothing under them."""
    for table in doc.tables:
        if table.kind not in params["table_kinds"] or (not table.indicators and not table.name):
            continue
        if table.truncated:
            continue  # the text stops inside the table: the category may be in the missing part
        if not any(i.level2 for i in table.indicators):
            # A form that prints no 二级 (指标 | 权重 | 指标值; 2019's graded 产出/效果 forms): the
            # categories are told from the rows where they can be (a 满意度 row by its name, a cost
            # by its money), and a 一级 by its label where the form prints them.
            yield from _uncategorised(doc, table, params)
            continue
        filled = [i for i in table.indicators if not is_blank_row(i)]
        level1s = {i.level1 for i in filled} | {parent_of(i.level2) for i in filled}
        # a 成本指标 printed in the 一级 column with no 二级 (some provinces file 成本 as a 一级) is there
        level2s = {i.level2 for i in filled} | {i.level1 for i in filled if not i.level2}
        where = table.location or Location(doc.path)
        missing1 = [c for c in params["level1"] if c not in level1s]
        for level1 in missing1:
            yield Hit(location=where, table=table, level1=level1, args=_args(level1, params))
        for level2 in params["level2"]:
            stand_ins = [level2] + list(params["equivalents"].get(level2, []))
            if any(c in level2s for c in stand_ins) or parent_of(level2) in missing1:
                continue
            blank = next((i for i in table.indicators if i.level2 == level2), None)
            yield Hit(
                location=blank.location if blank else where,
                table=table,
                level1=parent_of(level2),
                level2=level2,
                args=_args(level2, params),
            )


def _uncategorised(doc: Document, table, params: dict) -> Iterator[Hit]:
    """The categories a form printing none can be seen to lack from its rows."""
    where = table.location or Location(doc.path)
    filled = [i for i in table.indicators if not is_blank_row(i)]  # (as the categories printed: no 无 | 无)
    prints_level1 = any(i.level1 for i in table.indicators)
    printed = {i.level1 for i in filled}
    for level1 in params["level1"]:
        missing = prints_level1 and level1 not in printed
        if level1 == "满意度指标":  # (told by a row's name too: under 效果 in old forms)
            missing = level1 not in printed and not any("满意" in i.name for i in filled)
        if missing:
            yield Hit(location=where, table=table, level1=level1, args=_args(level1, params))
    if not table.indicators:
        return  # no rows: nothing shows what the form holds
    kinds = {getattr(i.value, "unit_kind", None) for i in table.indicators}
    for category, shown_by in params["told_by_unit"].items():
        if not kinds & set(shown_by):
            yield Hit(
                location=where,
                table=table,
                level1=parent_of(category),
                level2=category if parent_of(category) else None,
                args=_args(category, params),
            )


def _args(category: str, params: dict) -> dict:
    name, value = params["examples"][category]
    return {"category": category, "suggested_name": name, "suggestion": value}
