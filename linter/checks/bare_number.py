"""A number printed without its unit: ``点评反馈会次数 4`` (which 4?), or ``20万`` (万 what?).

With ``magnitude`` false the check reports numbers with no unit at all; with it true, numbers that
carry only a magnitude (``20万``, ``1.2万``: almost always 万元 with the 元 dropped). ``0`` and
``≥0`` are left to trivial-target when ``skip_zero`` is set: a zero needs no unit.

A unit printed in the name (``实施营造林总面积(亩) 80000``, ``培训人数（人次） 300``, a template's
``(≥**人)``) is the table's own statement of the unit: such a number is not reported.

The unit the message proposes comes from the name (``道路长度`` → 公里 or 米, ``使用年限`` → 年,
``培训人数`` → 人) or the category (成本 → 万元); when neither says, no unit is guessed and the
message names the kind of unit that is missing (a counting unit in 数量指标).
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter import regexes
from linter.checks import Param, RowView, row_check
from linter.checks.advice import UNIT_KIND_EN, UNIT_KIND_ZH, comparator_for, unit_kind, units_for, with_unit
from linter.checks.indicators import closing_notes
from linter.values import parse
from linter.values.numerals import plain_number
from linter.values.types import BareNumber, Quantity

PARAMS = {
    "magnitude": Param(bool, False, "report numbers with a magnitude only (20万) instead of plain ones (4)"),
    "categories": Param(list, [], "categories looked at; empty for all"),
    "skip_zero": Param(bool, True, "leave 0 and ≥0 alone (trivial-target covers ≥0)"),
    "unit_hints": Param(
        dict,
        {
            "人次": "人次",
            "场次": "场次",
            "班次": "班次",
            "车次": "车次",
            "次数": "次",
            "人数": "人",
            "户数": "户",
            "家数": "家",
            "个数": "个",
            "村数": "个",
            "天数": "天",
            "工作日": "个工作日",
            "时长": "小时",
            "长度": ["公里", "米"],
            "里程": ["公里", "米"],
            "面积": ["平方米", "亩"],
            "年限": "年",
            "年数": "年",
            "月数": "个月",
            "率": "%",
            "比例": "%",
            "占比": "%",
            "比重": "%",
            "满意度": "%",
            "成本": ["万元", "元"],
            "费用": ["万元", "元"],
            "经费": ["万元", "元"],
            "资金": ["万元", "元"],
            "金额": ["万元", "元"],
            "物资": ["件", "台", "套"],
            "设备": ["台", "套"],
            "装备": ["台", "套"],
            "车辆": "辆",
            "企业": "家",
            "人员": "人",
            "学生": "人",
            "资料": "份",
            "手册": "份",
            # activities are counted in times (召开…会议 2, 组织…培训 1: not 人 for the 人员 in it)
            "培训": "次",
            "会议": "次",
            "活动": "次",
            "检查": "次",
            "督查": "次",
            "整治": "次",
            "演练": "次",
            "讲座": "场",
        },
        "a word of the name (its ending first, then anywhere in it) → the units proposed, most likely first",
    ),
    "category_units": Param(
        dict,
        {"成本指标": ["万元", "元"], "经济成本指标": ["万元", "元"], "服务对象满意度指标": "%"},
        "a 二级 category → the units proposed when the name does not say",
    ),
    "category_kinds": Param(
        dict,
        {"数量指标": "count"},
        "a 二级 category → the kind of unit missing, named when no unit can be proposed",
    ),
}
ARGS = ("number", "magnitude", "unit", "unit_kind", "example", "suggestion")

# No unit is guessed when the name does not say: the message names the kind of unit missing.
_UNSURE = {
    "count": {
        "zh": "（按所计的对象选用，如个、次、人、件、部），不能只写数字",
        "en": " fitting what is counted (个, 次, 人, 件, 部 …)",
    },
    "other": {
        "zh": "（按所计量的对象选用，如次、人、个、万元、%），不能只写数字",
        "en": " fitting what is measured (次, 人, 个, 万元, % …)",
    },
}


# the notes in brackets ending a name: (亩), （人次）, (按月平均)(≥**人)
_NOTES = regexes.compile(r"(?:\s*[（(][^（()）]{1,12}[)）])+\s*$")


def _closing_notes(name: str) -> re.Match | None:
    return closing_notes(name, _NOTES)


_NOTE = regexes.compile(r"[（(]([^（()）]{1,12})[)）]")
_NOTE_SIGNS = regexes.compile(r"^[\s≥≤><=≧≦＞＜＝]*[\s*＊xX×]*")


@lru_cache(maxsize=4096)
def unit_in_name(name: str) -> str | None:
    """The unit a name's closing note states (``实施营造林总面积(亩)`` → 亩, ``人数(≥**人)`` → 人)."""
    notes = _closing_notes(name)
    if not notes:
        return None
    for note in _NOTE.findall(notes.group(0)):
        unit = _NOTE_SIGNS.sub("", note).strip()
        value = parse("1" + unit) if unit else None
        if isinstance(value, Quantity) and value.written_unit:
            return value.written_unit + (f"/{value.per_unit}" if value.per_unit else "")
    return None


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the row's value is a number without its unit, else None."""
    value = ind.value
    if not isinstance(value, BareNumber) or bool(value.magnitude) != params["magnitude"]:
        return None
    if not value.magnitude and unit_in_name(ind.name):
        return None  # the name states the unit: 实施营造林总面积(亩) 80000
    if params["skip_zero"] and value.number == 0:
        return None
    number = plain_number(value.written_number)
    # read without closing notes: 建设项目个数(含续建) counts 个
    notes = _closing_notes(ind.name)
    name = (ind.name[: notes.start()] if notes else ind.name) or ind.name
    units = units_for(name, ind.level2, params["unit_hints"], params["category_units"])
    if value.magnitude:  # 20万: mostly 20万元 with the 元 dropped, unless the name counts people (3.2万人)
        unit = units[0] if units and unit_kind(units[0]) not in ("money", "percent") else "元"
        return {
            "number": number,
            "magnitude": value.magnitude,
            "suggestion": f"{value.comparator or ''}{number}{value.magnitude}{unit}",
        }
    if not units:
        kind = params["category_kinds"].get(ind.level2, "other")
        return {
            "number": number,
            "unit_kind": {"zh": UNIT_KIND_ZH[kind], "en": UNIT_KIND_EN[kind]},
            "example": _UNSURE.get(kind, _UNSURE["other"]),
        }
    kind = unit_kind(units[0])
    shown = [with_unit(value.comparator, value.written_number, u) for u in units[:2]]
    if units[0] == "%":
        # 合格率 1, 完好率 0.97: a fraction of one, which a table writes as a percentage (100%, 97%)
        percent = value.number * 100 if 0 < value.number <= 1 else value.number
        # and a rate short of 100% is a bound (missing-comparator): 95 → ≥95%
        bound = value.comparator or (comparator_for(name, "percent") if 0 < percent < 100 else None)
        shown = [with_unit(bound, percent, "%")]
    return {
        "number": number,
        "unit": units[0],
        "suggestion": shown[0],
        "unit_kind": {"zh": UNIT_KIND_ZH[kind], "en": UNIT_KIND_EN[kind]},
        "example": {"zh": "，如" + "或".join(f"“{s}”" for s in shown), "en": ", e.g. " + " or ".join(shown)},
    }


check = row_check(check_row, at="value")
