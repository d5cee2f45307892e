"""What a reviewer would write instead: the value (and, where the name is at fault, the name) that
the messages propose for a row.

A proposal is made from the row itself (its name, its category, its own figures), never a fixed
example, and it must hold: written into the row, it clears the finding and sets off no other rule
(tests/test_suggestions.py puts every proposal made on examples/ back into its row and checks
again). Where the row does not say enough for a proposal, there is none, and the message says what
kind of value is missing instead.

A check passes its proposal as ``suggestion`` (the value) and ``suggested_name`` in the Hit's args;
the engine puts them on the Finding. A proposal may name ``{this_year}``, which the engine fills
with the table's budget year (``2025年``), or ``当年`` when the document gives none.

Not a check type itself (it has no ``check``), so no rule file can name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from linter import regexes
from linter.checks.indicators import contains_any, core_name, ends_with_any
from linter.values.numerals import plain_number
from linter.values.units import MONEY_UNITS, UNITS

# Names of things that should fall (a 故障率 is met by going down), unless the name itself asks for
# the fall (损失降低率: the rate of reduction should rise). direction-conflict's defaults.
BAD_SUFFIXES = [
    "故障率",
    "事故率",
    "发生率",
    "死亡率",
    "投诉率",
    "遗失率",
    "差错率",
    "失误率",
    "损失率",
    "伤亡率",
    "违章率",
    "返工率",
    "误报率",
    "漏报率",
    "事故次数",
    "发生次数",
    "死亡人数",
    "投诉数",
    "投诉次数",
    "伤亡人数",
    "逾期率",
    "逾期发放率",
    "违规率",
    "违纪率",
    "不合格率",
    "错误率",
    "延误率",
    "超标率",
    "辍学率",
    "流失率",
]
DOWN_WORDS = ["减少", "降低", "下降", "压降", "遏制", "控制", "减轻", "杜绝"]
UP_WORDS = ["提高", "提升", "增加", "增强", "扩大", "增长"]

# A name measuring a change (损失降低率, 参保人数提升率): its figure is the size of the change.
CHANGE_RATE_SUFFIXES = [
    "降低率",
    "下降率",
    "减少率",
    "压降率",
    "控制率",
    "增长率",
    "提升率",
    "提高率",
    "增加率",
    "增幅",
    "降幅",
]
RATE_SUFFIXES = ["率", "比例", "占比", "比重", "满意度", "认可度", "知晓度", "契合度", "覆盖度"]
NOT_RATES = ["效率", "频率", "功率", "汇率", "税率", "利率"]
SATISFACTION_WORDS = ["满意"]
# (lists, not tuples, and never copied: contains_any compiles one pattern per list it is given).
# The checks' parameters default to these lists (direction-conflict's bad_suffixes …): one place.

# The targets proposed when the row gives no figure of its own. They are ordinary values of real
# tables (a pass rate of ≥95%, a fall of 5% on last year), offered as the shape of a fix: the
# message says the figure is to be set from the project's own plan.
RATE_TARGET = "≥95%"
SATISFACTION_TARGET = "≥90%"
CHANGE_TARGET = "≥5%"
FALL = "同比下降5%"
RISE = "同比提高5%"


# The words for names that can carry a percentage (percent-not-rate's rate_suffixes): wider than a
# rate's (…度 takes 95% as 满意度 does; 速度 is no level a target of ≥95% fits).
PERCENT_NAME_SUFFIXES = ["率", "比例", "比重", "占比", "度", "百分比", "份额", "增幅", "降幅", "比"]


@dataclass(frozen=True)
class Words:
    """The vocabulary a proposal is read from: the lists above, or those a rule sets for its check
    (direction-conflict's ``bad_suffixes``, rate-not-percent's ``suffixes`` …), so that what a
    message proposes is judged by the words the rule itself judges by."""

    bad_suffixes: list = field(default_factory=lambda: BAD_SUFFIXES)
    down_words: list = field(default_factory=lambda: DOWN_WORDS)
    up_words: list = field(default_factory=lambda: UP_WORDS)
    rate_suffixes: list = field(default_factory=lambda: RATE_SUFFIXES)
    not_rates: list = field(default_factory=lambda: NOT_RATES)


WORDS = Words()
_WORD_KEYS = frozenset(f.name for f in fields(Words))


def words_of(params: dict, **renamed: str) -> Words:
    """The Words of a rule's parameters: each list the check's PARAMS names like a field of Words
    (or as ``renamed`` says: ``rate_suffixes="suffixes"``), the defaults for the rest."""
    given = {key: params[key] for key in _WORD_KEYS if key in params}
    given.update({key: params[param] for key, param in renamed.items() if param in params})
    return Words(**given) if given else WORDS


def is_rate_name(name: str, words: Words = WORDS) -> bool:
    """Whether a name ends like a rate (…率) and is not one of the exceptions."""
    return ends_with_any(name, words.rate_suffixes) and not ends_with_any(name, words.not_rates)


def is_bad_name(name: str, words: Words = WORDS) -> bool:
    """A name of something that should fall (事故率, 死亡人数) and does not itself ask for the fall."""
    return ends_with_any(name, words.bad_suffixes) and not contains_any(name, words.down_words)


def name_direction(name: str, words: Words = WORDS) -> str | None:
    """``down`` or ``up`` when the name asks for one direction, else None."""
    down, up = contains_any(name, words.down_words), contains_any(name, words.up_words)
    if is_bad_name(name, words) or (down and not up):
        return "down"
    if up and not down:
        return "up"
    return None


def target_for(name: str, words: Words = WORDS) -> str | None:
    """A measurable target for a row whose value gives none (``降低``, ``有效提高``, empty, ``≥0``),
    from its name: a rate gets a level (``≥95%``; ``≥5%`` for a rate of change; a fall for a rate
    of something bad), another name asking for a rise or a fall gets a change on last year."""
    name = core_name(name)
    if contains_any(name, SATISFACTION_WORDS) and is_rate_name(name, words):
        return SATISFACTION_TARGET
    if ends_with_any(name, CHANGE_RATE_SUFFIXES):
        return CHANGE_TARGET
    if is_bad_name(name, words):
        return FALL
    if is_rate_name(name, words):
        return RATE_TARGET
    return {"down": FALL, "up": RISE}.get(name_direction(name, words) or "")


def comparator_for(name: str, unit_kind: str, words: Words = WORDS) -> str:
    """≤ for a time limit or a thing that should fall, else ≥."""
    return "≤" if unit_kind == "duration" or is_bad_name(core_name(name), words) else "≥"


# ---- units ------------------------------------------------------------------------------------

UNIT_KIND_ZH = {
    "count": "计数单位",
    "percent": "百分号（%）",
    "money": "金额单位",
    "duration": "时间单位",
    "length": "长度单位",
    "area": "面积单位",
    "weight": "重量单位",
    "other": "计量单位",
}
UNIT_KIND_EN = {
    "count": "a counting unit",
    "percent": "a percent sign",
    "money": "a money unit",
    "duration": "a unit of time",
    "length": "a unit of length",
    "area": "a unit of area",
    "weight": "a unit of weight",
    "other": "a unit",
}


def unit_kind(unit: str) -> str:
    """The kind of a unit (money, percent, count, duration …), as the value grammar sorts it."""
    if unit in MONEY_UNITS:
        return "money"
    return UNITS.get(unit, ("other",))[0]


def units_for(name: str, level2: str, by_name: dict, by_category: dict) -> list[str]:
    """The units a bare number in this row may be counted in, most likely first; [] when the name
    and the category do not say. ``by_name`` maps a word of the name (its ending first, then
    anywhere in it) to units, ``by_category`` a category to units."""
    name = core_name(name)
    for word in sorted(by_name, key=len, reverse=True):
        if name.endswith(word):
            return _as_list(by_name[word])
    if level2 in by_category:
        return _as_list(by_category[level2])
    for word in sorted(by_name, key=len, reverse=True):
        if word in name and len(word) > 1:
            return _as_list(by_name[word])
    return []


def _as_list(units) -> list[str]:
    return [units] if isinstance(units, str) else list(units)


def with_unit(comparator: str | None, number, unit: str) -> str:
    """A target written out: comparator, number and unit (``≥95%``)."""
    return f"{comparator or ''}{plain_number(number)}{unit}"


# ---- names ------------------------------------------------------------------------------------

_LEAD_VERBS = regexes.compile(r"^(?:达到|实现|完成|做好|确保|保障|对|是否)")
# a rate named, then a change asked of it: 防治知识知晓率显著提升 → 防治知识知晓率
_RATE_THEN_CHANGE = regexes.compile(
    r"^(.{2,}?(?:率|比例|占比))(?:显著|明显|有效|进一步|大幅|逐步|不断|稳步)?"
    r"(?:提升|提高|增加|增长|下降|降低|减少)$"
)
CLAUSE = regexes.compile(r"[，,；;。]")  # a clause mark: a name that is a sentence


def rate_name(name: str) -> str:
    """A rate's name for a statement given a percentage: ``应急物资储备充足`` → ``应急物资储备充足率``,
    ``达到应急指挥平台设计要求`` → ``应急指挥平台设计要求达标率``, ``资金使用合规性`` → ``资金使用合规率``,
    ``是否按时足额发放`` → ``按时足额发放率``, ``…知晓率显著提升`` → ``…知晓率``."""
    name = core_name(name).rstrip("，,。；;、 ")
    rate = _RATE_THEN_CHANGE.match(_LEAD_VERBS.sub("", name) or name)
    if rate and not ends_with_any(rate.group(1), NOT_RATES):  # 工作效率显著提升: 效率 is no rate
        return rate.group(1)
    stem = _LEAD_VERBS.sub("", name) or name
    if stem.endswith("性"):
        return stem[:-1] + "率"
    if stem.endswith(("要求", "标准", "规定")):
        return stem + "达标率"
    return stem + "率"


def names_one_rate(name: str) -> bool:
    """Whether a rate can be named after this name: not a sentence (为民众办好事,办实事 holds two
    things, and no one ratio)."""
    return CLAUSE.search(core_name(name).rstrip("，,。；;、 ")) is None


def name_without(name: str, figures: list[str]) -> str:
    """The name with the figures written into it taken out (``3名技术人员经费补助标准`` → ``技术人员经费补助标准``)."""
    out = name
    for f in figures:
        out = out.replace(f, "", 1)
    out = re.sub(r"\s{2,}", " ", out).strip(" ，,、；;。")
    return out or name


def quantity_text(q, comparator: str | None) -> str:
    """A quantity written back with ``comparator`` in front (``80%`` → ``≥80%``, ``3.2万户`` kept as printed)."""
    per = f"/{q.per_unit}" if getattr(q, "per_unit", None) else ""
    if q.unit_kind == "percent" and q.written_unit not in ("%", "％", "百分比", "个百分点", "‰"):
        return f"{comparator or ''}{plain_number(q.number)}%{per}"  # 0.97比例, 九成 → 97%, 90%
    return f"{comparator or ''}{plain_number(q.written_number)}{q.written_unit}{per}{getattr(q, 'noun', None) or ''}"


def example_clause(example: str | None) -> dict[str, str]:
    """A message's ``{example[…]}`` clause: ``，如“≥95%”`` / ``, e.g. ≥95%``; empty for none."""
    if not example:
        return {"zh": "", "en": ""}
    return {"zh": f"，如“{example}”", "en": f", e.g. {example}"}
