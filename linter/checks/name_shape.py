"""An indicator name that is no measure: a date (``2023年01月--12月``), a rule (``每季度不少于一次``),
a deadline (``11月底前完成建设``), or a slogan — a clause or a goal sentence (``完成项目工作内容
2025年``, ``做好应急救灾物资储备 12 个月``).

A name holding a clause mark (，；。) is a sentence; a name starting with a verb is a slogan only when
it does not end with a measured noun (…率, …次数, …数量, …损失). Slogans whose value is of a kind in ``slogan_skip_kinds`` are left to the value rules:
``完成灾害综合风险摸底的县域 1个`` counts 县域 and is fine.

A name ending with an action (``action_endings``: ``按月发放 =1次``, ``长期开展 12个月``,
``保障33名退休干部工作的正常开展 ≥3人``) says what is done and names nothing measured, whatever its
value; but a percentage is percent-not-rate's (its message already asks for a rate's name), and a
date or a period reads as the action's deadline (``开展工伤预防培训 2023年6月底前``). ``…情况``
(``项目实施情况``) names a state and is not an action.
"""

from __future__ import annotations

from linter import regexes
from linter.checks import Param, RowView, row_check
from linter.checks.advice import CLAUSE
from linter.checks.indicators import contains_any, core_name, ends_with_any
from linter.glossary import HTML_TAG, RULE_WORDS
from linter.values import parse
from linter.values.parser import fold
from linter.values.types import Date, Period

PARAMS = {
    "rule_words": Param(list, list(RULE_WORDS), "words that make a name a rule rather than a measure"),
    "verbs": Param(
        list,
        [
            "提高",
            "提升",
            "促进",
            "加强",
            "加快",
            "强化",
            "持续",
            "保障",
            "确保",
            "减少",
            "降低",
            "推进",
            "推动",
            "实现",
            "完成",
            "做好",
            "履行",
            "能够",
            "便于",
            "使",
        ],
        "verbs that start a goal sentence",
    ),
    "measure_suffixes": Param(
        list,
        [
            "率",
            "数",
            "数量",
            "次数",
            "人数",
            "度",
            "时间",
            "时限",
            "期限",
            "金额",
            "成本",
            "费",
            "额",
            "量",
            "比例",
            "时长",
            "年限",
            "个数",
            "户数",
            "面积",
            "标准",
            "指数",
            "占比",
            "比重",
        ],
        "name endings that name a measured thing",
    ),
    "action_endings": Param(
        list, [], "actions that, ending a name, leave it naming nothing measured (发放, 开展)"
    ),
    "deadline_pattern": Param(
        str,
        r"(?<!\d)\d{1,2}\s*月(?:底|末|份)?(?:前|之前)|年底前|年内完成",
        "a deadline written into the name",
        regex=True,
    ),
    "exclude_categories": Param(list, ["成本指标"], "categories left alone (cost items name what they buy)"),
    "slogan_skip_kinds": Param(
        list,
        ["quantity", "duration", "range", "direction", "text"],
        "value kinds for which a slogan name is left to the value rules "
        "(percent-not-rate, vague-value, qualitative-output): one finding per row",
    ),
    "clause_kinds": Param(
        list,
        [],
        "value kinds for which a name that is a clause (，；。 in it) is reported all "
        "the same: the value rules report the value (vague-value), not the sentence as a name",
    ),
    "report_deadlines": Param(
        bool,
        True,
        "report a deadline written into the name (false: value-in-name "
        "reports it with the name's other figures, and the rest of the name is judged here)",
    ),
}
ARGS = ("reason", "reason_zh", "reason_en")


# Every date or period the grammar reads has one of these (2025年底, 12月31日前, 2025.12, 年底前):
# names without them need no trip through the parser.
_DATE_HINT = regexes.compile(r"[年月日底末初旬季]|\d\s*[-.\/]\s*\d")


MAX_NAME = 300  # far beyond any real indicator name


def reason(name: str, value, params: dict, printed: str | None = None) -> str | None:
    """Why ``name`` (read by core_name) is no measure, if it is not; ``printed``: the name as
    printed (…情况 kept), for the action it may end with."""
    name = name[:MAX_NAME]  # a configured pattern must not make one absurd cell cost minutes
    if _DATE_HINT.search(fold(name)) and isinstance(parse(name), Date | Period):
        return "date"
    if contains_any(name, params["rule_words"]):
        return "rule"
    deadline = regexes.compile(params["deadline_pattern"]).search(name)
    if deadline and params["report_deadlines"]:
        return "deadline"
    if deadline:  # 11月底前完成建设: the deadline is value-in-name's; 完成建设 is judged here
        name = (name[: deadline.start()] + name[deadline.end() :]).strip()
    clause = CLAUSE.search(name) is not None
    action = _action((printed or name)[:MAX_NAME], value, params)
    if action:
        return action
    if value.kind in params["slogan_skip_kinds"] and not (clause and value.kind in params["clause_kinds"]):
        return None
    verb_start = name.startswith(tuple(params["verbs"]))
    # a sentence is one whatever its last word (便于扁平化指挥，节约成本)
    if clause or (verb_start and not ends_with_any(name, params["measure_suffixes"])):
        return "slogan"
    return None


def _action(name: str, value, params: dict) -> str | None:
    """The action a name ends with, when that is all it names (see the module's docstring)."""
    if isinstance(value, Date | Period) or getattr(value, "unit_kind", None) == "percent":
        return None
    bare = name.rstrip("，,；;。、 ")
    return next((f"action:{a}" for a in params["action_endings"] if bare.endswith(a)), None)


_ZH = {"date": "是一个日期", "rule": "是一条规则", "deadline": "写入了完成时限", "slogan": "是一句目标表述"}
_EN = {
    "date": "is a date",
    "rule": "is a rule",
    "deadline": "holds a deadline",
    "slogan": "is a goal statement",
}


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the indicator's name is no measure, else None."""
    name = core_name(ind.name)
    # the printed name, 情况 kept: 项目实施情况 names a state, 实施 alone an action
    printed = HTML_TAG.sub("", ind.name).strip()
    why = reason(name, ind.value, params, printed) if name else None
    if not why:
        return None
    if why.startswith("action:"):
        verb = why.split(":", 1)[1]
        return {
            "reason": "action",
            "reason_zh": f"只写了动作“{verb}”",
            "reason_en": f"names only an action ({verb})",
        }
    return {"reason": why, "reason_zh": _ZH[why], "reason_en": _EN[why]}


check = row_check(check_row, at="name")
