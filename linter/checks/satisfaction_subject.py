"""A 满意度 indicator in which the implementing unit rates its own work (``单位对人员工作成绩认可度``,
``采购单位满意度``, ``应急部门满意度`` from the 应急管理局 itself).

Satisfaction measures what the people served think; a unit's view of its own work is a
self-assessment. The subject is the unit when the name holds a self word (本单位, 实施单位,
采购单位 …), starts with 单位, or names the 实施单位 / 主管部门 (in full, without its place name:
应急管理局, or by its short forms: 应急局, 应急部门). A unit rating a provider it pays or a system
it runs (``区应急管理局对第三方服务满意度``, ``区应急局对应急指挥系统满意率``) is reported too: the
service is bought for the people served (the enterprises inspected, the public), and the buyer's
view of it is still the unit's own (review guide D46, examples/000).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import regexes
from linter.checks import Hit, Param
from linter.checks.indicators import indicators
from linter.model import Document, Indicator, Table

PARAMS = {
    "categories": Param(
        list, ["服务对象满意度指标", "满意度指标"], "一级 or 二级 categories of satisfaction"
    ),
    "self_words": Param(
        list,
        [
            "本单位",
            "本部门",
            "我单位",
            "我局",
            "本局",
            "实施单位",
            "主管部门",
            "项目单位",
            "采购单位",
            "预算单位",
            "主管单位",
        ],
        "words by which a unit names itself",
    ),
}
ARGS = ("subject",)

_PLACE = regexes.compile(
    r"^.*?(?:省|自治区|市|自治州|州|地区|盟|县|自治县|区|旗|镇|乡)(?=[^省市县区州旗镇乡]{2,})"
)
_SUFFIX = regexes.compile(r"(?:管理局|管理委员会|委员会|办公室|服务中心|中心|局|委|办|厅|部)$")
_PLACE_ONLY = regexes.compile(r"[\u4e00-\u9fff]{0,10}?(?:省|自治区|市|州|地区|盟|县|区|旗|镇|乡)")
_CODE = regexes.compile(r"(?<![-—－\d\s])[-—－\d\s]+$|本级$")  # from a run's start only: linear


def unit_names(unit: str) -> list[str]:
    """How a name may refer to a unit: 平罗县应急管理局 → 平罗县应急管理局, 应急管理局, 应急局, 应急部门."""
    unit = _CODE.sub("", _CODE.sub("", unit.strip())).strip()
    if not unit:
        return []
    names = [unit]
    local = _PLACE.sub("", unit)
    if local != unit and len(local) >= 3:
        names.append(local)
    core = _SUFFIX.sub("", local)
    if core != local and len(core) >= 2:
        names += [core + "局", core + "部门", core + "管理部门"]
    return names


def self_subject(ind: Indicator, table: Table, params: dict) -> str | None:
    """The words naming the unit itself as the one satisfied, if any."""
    name = ind.name.strip()
    # Only what comes before 对 is the one satisfied: 群众对应急管理局工作满意度 is the public's view.
    subject = name.split("对", 1)[0] if "对" in name else name
    for word in params["self_words"]:
        if word in subject:
            return word
    if subject.startswith("单位"):
        return "单位"
    for unit in (table.implementing_unit, table.department):
        for alias in unit_names(unit):
            # At the head of the name, after at most a place (区应急局): 接受应急局培训的企业 is not it.
            at = subject.find(alias)
            if at == 0 or (at > 0 and _PLACE_ONLY.fullmatch(subject[:at])):
                return alias
    return None


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of 满意度 indicators in which the unit rates its own work."""
    for table, ind in indicators(doc, params["categories"], skip_blank=False):
        subject = self_subject(ind, table, params)
        if subject:
            yield Hit(location=ind.location, table=table, indicator=ind, args={"subject": subject})
