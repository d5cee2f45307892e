"""What the report keeps of one file: its tables as data, its findings as rows, counts.

``summarise_file`` is the report sink's digest (``lintrun.RunSpec.digest``): it runs in the process that
read the document (a worker with ``--jobs``) and returns a small picklable FileSummary, so that no
Document and no Finding outlives its file. The page needs nothing else.

The page draws a file's tables only when the reader opens it (``report.js``), from ``tables_json``:

    {"title": "…（2025）",
     "tables": [{"n": name, "d": 主管部门, "h": [[label, text, cell key], …],      # header block
                 "k": [[name, content, amount, goal], …],                         # 年度重点工作任务
                 "i": [[一级, 二级, 三级, 指标值, 实施期指标值, 备注], …]}]}          # indicators

and each finding is a row of the findings list (``FINDING_FIELDS``), with the table and cell it is
shown at (``cells.place_findings``): cell keys ``name``, ``goal``, ``funding``, ``budget``, ``k3``,
``i5n`` / ``i5v`` as in cells.py; a finding tied to no cell is listed under its table or its file.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from linter.model import Document, Finding, Funding, Table
from linter.report.cells import place_findings
from linter.safetext import unicode_safe_json

# A finding row of the page's data (the file index is put in front by the page).
# ``location`` is the file's own path left out (``:66:33``, ``:表1!E12``; '' the whole file), or
# another file's whole location (a suppression sidecar's); the page keeps the rules' slugs apart.
FINDING_FIELDS = (
    "table_index",
    "cell",
    "severity",
    "code",
    "location",
    "table",
    "indicator",
    "value",
    "message",
    "department",
)


def _where(f: Finding, path: str) -> str:
    if f.location.path != path:
        return str(f.location)
    where = f.location.within("en")
    return f":{where}" if where else ""


def full_location(where: str, path: str) -> str:
    """The location as ``str(Location)`` prints it, from a finding row's ``location``."""
    return path + where if not where or where.startswith(":") else where


@dataclass
class FileSummary:
    """What the report keeps of a file once it is checked (the Document itself is not kept)."""

    path: str
    tables_json: str  # the file's tables, drawn when opened
    findings: list[list] = field(default_factory=list)  # FINDING_FIELDS per finding, in order
    tables: int = 0
    indicators: int = 0
    title: str = ""
    departments: list[str] = field(default_factory=list)  # of its tables, in order, once each
    by_rule: Counter = field(default_factory=Counter)  # (code, slug, severity) → findings
    by_department: Counter = field(default_factory=Counter)  # 主管部门 ('' unknown) → findings (0: none)

    @property
    def count(self) -> int:
        return len(self.findings)


def file_id(path: str) -> str:
    """A stable anchor for a file, the same in any process and for any --jobs."""
    return "f" + hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def to_json(data) -> str:
    """JSON safe inside a ``<script>`` element: no ``<`` at all (so no ``</script>``, no ``<!--``)."""
    # (unicode_safe_json: a file name that is not UTF-8 shows its bytes as \\xff, and stays encodable)
    return unicode_safe_json(json.dumps(data, ensure_ascii=False, separators=(",", ":"))).replace(
        "<", "\\u003c"
    )


def summarise_file(doc: Document, findings: list[Finding], lang: str = "zh") -> FileSummary:
    """The FileSummary of a checked file."""
    spots = place_findings(doc, findings)
    departments = [t.department or doc.department for t in doc.tables]
    flagged = {(s.table, s.cell) for s in spots if s.table is not None and s.cell is not None}
    title = doc.title or ""
    if doc.budget_year:
        title = f"{title}（{doc.budget_year}）" if title else str(doc.budget_year)
    tables = [_table_data(doc, table, ti, flagged) for ti, table in enumerate(doc.tables)]
    summary = FileSummary(
        path=doc.path,
        tables_json=to_json({"title": title, "tables": tables}),
        tables=len(doc.tables),
        indicators=sum(len(t.indicators) for t in doc.tables),
        title=title,
        departments=list(dict.fromkeys(d for d in departments if d)),
    )
    for department in summary.departments or [doc.department or ""]:
        summary.by_department[department] += 0  # a department with no finding is still one in the chart
    for f, spot in zip(findings, spots, strict=True):
        department = (departments[spot.table] if spot.table is not None else doc.department) or ""
        summary.by_rule[(f.code, f.rule, f.severity)] += 1
        summary.by_department[department] += 1
        summary.findings.append(
            [
                -1 if spot.table is None else spot.table,
                spot.cell or "",
                f.severity,
                f.code,
                _where(f, doc.path),
                f.table or "",
                f.indicator or "",
                f.value or "",
                f.message,
                department,
            ]
        )
    return summary


def money_text(funding: Funding | None) -> str:
    """项目资金 as printed: the total, then 财政拨款 and 其他资金 where given."""
    if funding is None:
        return ""
    parts = []
    for label, money in (("", funding.total), ("财政拨款 ", funding.fiscal), ("其他资金 ", funding.other)):
        if money is not None and money.text:
            parts.append(f"{label}{money.text}")
    return "；".join(parts)


def _table_data(doc: Document, table: Table, ti: int, flagged: set) -> dict:
    unit = doc.currency_unit
    department_table = table.kind == "department"
    rows = [
        ("部门名称" if department_table else "项目名称", table.name, "name"),
        ("主管部门", table.department, ""),
        ("实施单位", table.implementing_unit, ""),
        ("项目期", table.project_period, ""),
    ]
    annual, period = money_text(table.funding), money_text(table.period_funding)
    funding = (
        f"年度 {annual}" + (f"　实施期 {period}" if period else "") if period and annual else annual or period
    )
    rows.append((f"资金（{unit}）" if unit else "资金", funding, "funding"))
    if table.budget:
        rows.append(
            (
                f"预算（{unit}）" if unit else "预算",
                "；".join(f"{k} {m.text}" for k, m in table.budget.items()),
                "budget",
            )
        )
    rows.append(("实施期目标", table.period_goal, ""))
    rows.append(("总体目标" if department_table else "年度目标", table.goal, "goal"))
    header = [
        [label, value or "", key] for label, value, key in rows if value or (key and (ti, key) in flagged)
    ]
    inds = table.indicators
    return {
        "n": table.name,
        "d": table.department or doc.department or "",
        "h": header,
        "k": [[t.name, t.content, t.amount.text if t.amount else "", t.goal] for t in table.tasks],
        "i": _filled_down(
            [
                [
                    i.level1_printed or i.level1,
                    i.level2_printed or i.level2,
                    i.name,
                    i.value_text,
                    i.period_value_text or "",
                    "；".join(f"{k}: {v}" for k, v in i.remarks.items()),
                ]
                for i in inds
            ]
        ),
    }


def _filled_down(rows: list[list[str]]) -> list[list]:
    """一级/二级 as a row repeats them from the row above: 0 (the page fills them down), so that a
    thousand tables of 产出指标 / 数量指标 do not print those words on every row."""
    out: list[list] = []
    above = None
    for row in rows:
        short: list[str | int] = list(row)
        if above is not None and row[0] == above[0]:
            short[0] = 0
            if row[1] == above[1]:
                short[1] = 0
        out.append(short)
        above = row
    return out
