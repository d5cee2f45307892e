"""A task the 年度目标 promises that no indicator measures: ``有效开展防灭火工作`` with no fire
indicator, ``完成巨灾保险续保工作、市应急管理演练项目和应急管理预案修编工作`` with no drill and no plan
among the indicators.

A task is a goal clause starting with a task verb (``task_verbs``: 完成, 开展, 修订 …, after
adverbs such as 持续 or 有效); a clause listing several tasks (``A工作、B项目和C工作``: every part
ends with a ``task_nouns`` word) is split into them. A task is measured when it shares a character
pair with any indicator's name or value — pairs of the project's and the department's names and
``generic_pairs`` aside, since every row of an 应急管理局 table says 应急 — or a figure with an
indicator's value. This is deliberately loose matching: only a task with nothing at all in common
with the indicators is reported, once per table.

A table the text stops in (``Table.truncated``) is not judged: its missing indicators may measure
the task. Nor is one with fewer than ``min_indicators`` rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from linter import regexes
from linter.checks import Hit, Param
from linter.checks.indicators import is_blank_row
from linter.checks.input_target import unwrapped
from linter.checks.matching import bigrams
from linter.glossary import HTML_TAG
from linter.model import Document, Location, Table
from linter.values.scan import find_quantities

PARAMS = {
    "task_verbs": Param(
        list,
        [
            "完成",
            "开展",
            "组织",
            "举办",
            "召开",
            "修订",
            "修编",
            "制定",
            "编制",
            "建成",
            "新建",
            "新增",
            "购置",
            "采购",
            "发放",
            "培训",
            "演练",
            "改造",
            "维修",
            "印发",
            "制作",
        ],
        "verbs that start a task",
    ),
    "adverbs": Param(
        list,
        [
            "持续",
            "有效",
            "全面",
            "认真",
            "积极",
            "按时",
            "及时",
            "力争",
            "确保",
            "计划",
            "全年",
            "年内",
            "继续",
            "进一步",
            "按期",
            "如期",
        ],
        "words that may stand before the verb",
    ),
    "task_nouns": Param(list, ["工作", "项目", "任务", "活动"], "endings of the tasks in a list"),
    "generic_pairs": Param(
        list,
        [
            "工作",
            "项目",
            "任务",
            "活动",
            "全年",
            "年度",
            "以上",
            "相关",
            "各项",
            "全县",
            "全市",
            "全区",
            "开展",
            "完成",
            "组织",
            "实施",
        ],
        "character pairs no match is made on",
    ),
    "min_indicators": Param(int, 3, "tables with fewer indicator rows are not judged"),
    "shown": Param(int, 3, "tasks quoted in the message"),
}
ARGS = ("tasks", "count", "more")

_CLAUSE = regexes.compile(r"[，,；;。！!？?\n]|目标\s*\d+\s*[:：]|(?<!\d)\d+\s*[、.．](?!\d)")
_ITEM = regexes.compile(r"、|和")


def _verb_pattern(params: dict) -> re.Pattern:
    return _compiled_verbs(tuple(params["adverbs"]), tuple(params["task_verbs"]))


@lru_cache(maxsize=16)
def _compiled_verbs(adverbs: tuple[str, ...], task_verbs: tuple[str, ...]) -> re.Pattern:
    return regexes.compile(f"^(?:{regexes.alternation(adverbs)})*(?:{regexes.alternation(task_verbs)})")


def goal_tasks(goal: str, params: dict) -> list[str]:
    """The tasks a goal promises, each with its verb: ``开展防灭火工作``."""
    return list(
        _goal_tasks(goal, tuple(params["adverbs"]), tuple(params["task_verbs"]), tuple(params["task_nouns"]))
    )


@lru_cache(maxsize=4096)  # goals repeat across a sweep
def _goal_tasks(
    goal: str, adverbs: tuple[str, ...], task_verbs: tuple[str, ...], task_nouns: tuple[str, ...]
) -> tuple[str, ...]:
    verb = _compiled_verbs(adverbs, task_verbs)
    tasks: list[str] = []
    for clause in _CLAUSE.split(unwrapped(HTML_TAG.sub(" ", goal))):
        clause = clause.strip(" \t“”\"'（）()")
        m = verb.match(clause)
        if not m or len(clause) - m.end() < 2:
            continue
        head, rest = clause[: m.end()], clause[m.end() :]
        parts = [p.strip() for p in _ITEM.split(rest) if p.strip()]
        if len(parts) > 1 and all(p.endswith(task_nouns) for p in parts):
            tasks.extend(head + p for p in parts)
        else:
            tasks.append(clause)
    return tuple(tasks)


def unmeasured(table: Table, doc: Document, params: dict) -> list[str]:
    """The tasks the table's goal promises that none of its indicators measures."""
    if not table.goal or len(table.indicators) < params["min_indicators"]:
        return []
    tasks = goal_tasks(table.goal, params)
    rows = [i for i in table.indicators if not is_blank_row(i)] if tasks else []
    if len(rows) < params["min_indicators"]:
        return []
    generic = (
        frozenset(params["generic_pairs"])
        | bigrams(table.name)
        | bigrams(table.department)
        | bigrams(doc.department)
    )
    verb = _verb_pattern(params)
    out = []
    for task in tasks:
        words = bigrams(verb.sub("", task)) - generic
        if not words or any(words & bigrams(i.name) or words & bigrams(i.value_text) for i in rows):
            continue
        figures = {q.number for q in find_quantities(task)}
        if figures and any(q.number in figures for i in rows for q in find_quantities(i.value_text)):
            continue  # the goal's 70个行政村 is the row's ≥70村
        out.append(task)
    return out


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of goal tasks no indicator measures, one per table."""
    for table in doc.tables:
        if table.truncated:
            continue
        tasks = unmeasured(table, doc, params)
        if tasks:
            yield Hit(
                location=table.goal_location or table.location or Location(doc.path),
                table=table,
                args={
                    "tasks": "”“".join(tasks[: params["shown"]]),
                    "count": len(tasks),
                    "more": "等" if len(tasks) > params["shown"] else "",
                },
            )
