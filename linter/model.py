"""The document model every reader produces and every rule reads.

A Document holds Tables; a Table holds its header (name, departments, funding, goals) and its
Indicators. Every field that came from the file carries a Location, so a finding can point at
``file.txt:12:5``, ``file.xlsx:Sheet1!D12`` or a YAML line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from linter.values.types import Value


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention: a frozen one costs 4× to build
class Location:
    """Where something was read. ``line``/``column`` are 1-based; a spreadsheet adds sheet/cell.

    Hashable and never changed after it is made (readers make hundreds of thousands in a sweep,
    which is why it is not a frozen dataclass: see ``linter.values.types``)."""

    path: str
    line: int = 0
    column: int = 0
    sheet: str | None = None
    cell: str | None = None
    page: int | None = None

    def __str__(self) -> str:
        where = self.within("en")
        return f"{self.path}:{where}" if where else self.path

    def within(self, lang: str = "en") -> str:
        """Where in its file, as people read it (every output that names a place says it so):
        ``Sheet1!D12``, ``第 2 页`` (``page 2`` in English), ``12:5``; ``""`` for the whole file
        (an unused sidecar entry, say: no line to name)."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        if self.page:
            return f"第 {self.page} 页" if lang == "zh" else f"page {self.page}"
        if not self.line:
            return ""
        return f"{self.line}:{self.column}"


@dataclass(slots=True)
class Money:
    """An amount of money as printed, with its value in 元 when it could be read."""

    text: str
    yuan: Decimal | None
    location: Location | None = None


@dataclass(slots=True)
class Funding:
    """项目资金: total, of which 财政拨款 and 其他资金. Any part may be missing."""

    total: Money | None = None
    fiscal: Money | None = None
    other: Money | None = None


@dataclass(slots=True)
class Indicator:
    """One 三级 indicator row.

    ``level1``/``level2`` are normalised category names (产出指标, 数量指标 …, see glossary);
    ``level1_printed``/``level2_printed`` keep the text as printed for messages.
    """

    level1: str
    level2: str
    name: str
    value_text: str
    value: Value
    location: Location
    level1_printed: str = ""
    level2_printed: str = ""
    period_value_text: str | None = None  # 实施期 / 长期 value where a second column has one
    period_value: Value | None = None
    remarks: dict[str, str] = field(default_factory=dict)  # 指标解释, 备注, 权重 …
    value_location: Location | None = None
    # (heading, list it interrupted) when a category heading was printed inside a numbered item in
    # front of this indicator (``2. 社会效益指标 地震安全知识知晓率`` inside the 经济效益 list)
    inline_heading: tuple[str, str] | None = None
    # The value could not be read whole — the text stops inside this row (a page cut off after
    # ``补助标准 15``), or its cell is a formula saved without its result — so no row check judges it.
    value_unknown: bool = False


@dataclass(slots=True)
class Task:
    """A 年度重点工作任务 of a department-wide table, with its amount."""

    name: str
    content: str
    amount: Money | None
    goal: str = ""
    location: Location | None = None


TABLE_KINDS = ("project", "department", "self-evaluation")


@dataclass(slots=True)
class Table:
    """One target table: a project table, or a department-wide (部门整体) one."""

    name: str
    kind: str = "project"  # one of TABLE_KINDS (self-evaluation, 自评表: the targets are read)
    department: str = ""  # 主管部门
    implementing_unit: str = ""  # 实施单位
    project_period: str = ""  # 项目期 / 项目实施期
    funding: Funding = field(default_factory=Funding)
    period_funding: Funding | None = None  # 实施期 amounts where printed apart from 年度
    period_goal: str = ""  # 实施期目标
    goal: str = ""  # 年度目标 (总体目标 for department tables)
    indicators: list[Indicator] = field(default_factory=list)
    budget: dict[str, Money] = field(default_factory=dict)  # department tables: 基本支出 …
    tasks: list[Task] = field(default_factory=list)
    location: Location | None = None
    goal_location: Location | None = None
    # The text stops inside this table (a page cut off): what may sit in the missing part — a
    # category, a cost row — is not judged missing.
    truncated: bool = False


@dataclass
class Problem:
    """Something a reader could not place (an unreadable row): reported as a finding."""

    rule: str  # slug, e.g. "unreadable-row"
    message: str  # Chinese
    location: Location
    table: str | None = None
    message_en: str = ""


@dataclass
class Document:
    """One input file as read: its tables, where everything was read, and what could not be read."""

    path: str
    title: str = ""
    budget_year: int | None = None
    department: str = ""
    currency_unit: str = ""  # the header's 单位: 万元 / 元
    tables: list[Table] = field(default_factory=list)
    total: Money | None = None  # a document's 合计 row, where printed
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""
    source_format: str = ""  # "text", "yaml", "xlsx" …
    # The decoded text of a text or YAML input, so that nothing after the reader opens the file
    # again (suppression comments, source lines for SARIF). Empty for binary formats.
    source_text: str = field(default="", repr=False)


@dataclass(slots=True, unsafe_hash=True)  # immutable by convention, as Location
class Finding:
    """One problem a rule found: where, in which table and indicator, and the message in one language."""

    code: str
    rule: str
    severity: str
    message: str
    location: Location
    table: str | None = None
    indicator: str | None = None
    level1: str | None = None
    level2: str | None = None
    value: str | None = None
    line_text: str | None = None  # the source line the finding points at (text and YAML inputs)
    # What the message proposes for the row, where it proposes something: the value, and the name
    # when the name is at fault (``linter.checks.advice``). Written in, it clears the finding.
    suggestion: str | None = None
    suggested_name: str | None = None
