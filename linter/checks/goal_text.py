"""A 年度目标 (or a department's 总体目标) that is empty, repeats the project name, or is too short to
say what the money achieves: ``政府长聘人员经费`` as the goal of the project 政府长聘人员经费.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import regexes
from linter.checks import Hit, Param
from linter.checks.indicators import name_key
from linter.model import Document, Location

PARAMS = {
    "min_length": Param(int, 8, "goals with fewer characters (punctuation aside) say nothing"),
    "report_titles": Param(
        str,
        r"自评(?:工作)?报告",
        "a regular expression for the title of a report whose tables are excerpts: a table of such a"
        " document with no goal field printed is not judged (the report's prose states the purpose)",
        regex=True,
    ),
}
ARGS = ("goal", "reason", "reason_zh", "reason_en")


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of goals that are empty, repeat the project name or are too short."""
    in_report = bool(doc.title) and regexes.compile(params["report_titles"]).search(doc.title) is not None
    for table in doc.tables:
        if table.truncated and not table.indicators and not table.goal:
            continue  # the text stops in the table's header, maybe before its goal
        if in_report and not table.goal and table.goal_location is None:
            continue  # a report's list of indicators (自评报告 section 三): no goal field to fill
        goal = name_key(table.goal)
        name = name_key(table.name)
        if goal and name and (goal == name or (goal in name and len(goal) < len(name))):
            reason = "name"
        elif len(goal) < params["min_length"]:
            reason = "empty" if not goal else "short"
        else:
            continue
        where = table.goal_location or table.location or Location(doc.path)
        printed = table.goal.strip()
        yield Hit(
            location=where,
            table=table,
            args={
                "goal": printed,
                "reason": reason,
                # the goal quoted after the reason, unless there is none to quote (为空, not 为空（“”）)
                "reason_zh": _ZH[reason] + (f"（“{printed}”）" if printed else ""),
                "reason_en": _EN[reason] + (f" ('{printed}')" if printed else ""),
            },
        )


_ZH = {"name": "只重复了项目名称", "empty": "为空", "short": "过短"}
_EN = {"name": "only repeats the project name", "empty": "is empty", "short": "is too short"}
