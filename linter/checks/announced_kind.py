"""A self-evaluation published as a target table: the document says it publishes a 绩效目标表 /
绩效目标申报表, the table it holds is a 绩效自评表 (the reader found 全年实际值 and 得分 columns beside
the targets: ``Table.kind == "self-evaluation"``).

What the document calls itself is its title, and for a text input the text before the table's
first indicator (a notice ``现将…绩效目标申报表公示如下`` run on into the form); comment lines
(``#``) are not the document's words. A document whose title names a self-evaluation or an
evaluation (``绩效目标自评表``, ``绩效评价指标表``) publishes what it says and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import glossary, regexes
from linter.checks import Hit, Param
from linter.model import Document, Table

PARAMS = {
    "announced": Param(
        str,
        r"绩效目标(?:申报|公开|审批|批复|公示)?表",
        "a regular expression for what a target table is called (绩效目标申报表 …)",
        regex=True,
    ),
    "evaluation": Param(
        str, r"自评|评价|考评|自查", "a regular expression for a title that names an evaluation", regex=True
    ),
}
ARGS = ("announced", "columns")


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of self-evaluation tables in a document announcing target tables."""
    if regexes.compile(params["evaluation"]).search(doc.title):
        return
    announced_re = regexes.compile(params["announced"])
    for table in doc.tables:
        if table.kind != "self-evaluation":
            continue
        announced = announced_re.search(f"{doc.title}\n{_text_before(doc, table)}")
        if announced is None:
            continue
        location = table.location or (table.indicators[0].location if table.indicators else None)
        if location is None:
            continue
        yield Hit(
            location=location,
            table=table,
            args={"announced": announced.group(), "columns": _evaluation_columns(table)},
        )


def _text_before(doc: Document, table: Table) -> str:
    """The text input's lines up to the table's first indicator, without comment lines ('' for binary formats)."""
    if not doc.source_text:
        return ""
    lines = doc.source_text.splitlines()
    last = table.indicators[0].location.line if table.indicators else 0
    if last > 0:  # (a row with no line of its own, as in a rule example: all the text)
        lines = lines[:last]
    return "\n".join(line for line in lines if not line.lstrip().startswith("#"))


def _evaluation_columns(table: Table) -> str:
    """The evaluation columns the rows print (全年实际值(B)、得分), in their printed order."""
    seen: list[str] = []
    for ind in table.indicators:
        for label in ind.remarks:
            if glossary.figure_kind(label) in ("actual", "score") and label not in seen:
                seen.append(label)
    return "、".join(seen) or "实际值、得分"
