"""A department table whose 年度重点工作任务 amounts do not answer to its budget: the tasks of
东莞市应急管理局 come to 3,278.12万元, more than its 项目支出 of 2,804.13万元 and less than 项目支出
with the 事业发展性支出 (4,470.93万元).

The key tasks are what the department spends its project money on, so their amounts should come to
the 项目支出 (``project``), or, in forms that print the 事业发展性支出 beside it (``development``),
to the two together. Reported when at least ``min_tasks`` tasks carry an amount and their sum is
neither (each comparison allowing for the rounding of the printed figures). A sum below both is
left alone unless ``report_below``: key tasks need not cover every project.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from linter.checks import Hit, Param
from linter.checks.money import format_yuan, is_read, money_slack
from linter.model import Document, Location, Table

PARAMS = {
    "project": Param(list, ["项目支出"], "labels of the project spending in the budget block"),
    "development": Param(
        list,
        ["财政专项资金", "其他事业发展性支出", "事业发展性支出"],
        "labels of the 事业发展性支出 parts printed beside 项目支出",
    ),
    "min_tasks": Param(int, 2, "fewer tasks with an amount are not summed"),
    "report_below": Param(bool, False, "also report a task sum below the 项目支出"),
}
ARGS = (
    "tasks",
    "sum",
    "project",
    "diff",
    "with_development",
    "also_zh",
    "also_en",
)  # the keys of a Hit's args


def _part(table: Table, labels: list[str]) -> tuple[Decimal, Decimal] | None:
    """(amount, rounding slack) of the labels printed, None when none is."""
    found = [m for k in labels if is_read(m := table.budget.get(k))]
    if not found:
        return None
    return sum((m.yuan for m in found), Decimal(0)), sum((money_slack(m) for m in found), Decimal(0))


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of department tables whose task amounts do not answer to the budget."""
    for table in doc.tables:
        amounts = [m for t in table.tasks if is_read(m := t.amount)]
        if len(amounts) < params["min_tasks"] or table.truncated:
            continue
        project = _part(table, params["project"])
        if project is None:
            continue
        total = sum((m.yuan for m in amounts), Decimal(0))
        slack = sum((money_slack(m) for m in amounts), Decimal(0))
        wholes = [project]
        development = _part(table, params["development"])
        if development is not None:
            wholes.append((project[0] + development[0], project[1] + development[1]))
        if any(abs(total - whole) <= slack + s for whole, s in wholes):
            continue
        if total < project[0] and not params["report_below"]:
            continue
        with_development = wholes[-1][0] if development is not None else None
        location = (
            next((t.location for t in table.tasks if t.location), None)
            or table.location
            or Location(doc.path)
        )
        yield Hit(
            location=location,
            table=table,
            args={
                "tasks": len(amounts),
                "sum": format_yuan(total),
                "project": format_yuan(project[0]),
                "diff": format_yuan(abs(total - project[0])),
                "with_development": format_yuan(with_development) if with_development is not None else "",
                "also_zh": (
                    f"，与项目支出加事业发展性支出（{format_yuan(with_development)}）也不一致"
                    if with_development is not None
                    else ""
                ),
                "also_en": (
                    f", nor the project spending with the 事业发展性支出 added ({format_yuan(with_development)})"
                    if with_development is not None
                    else ""
                ),
            },
        )
