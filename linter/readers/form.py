"""The form reader: rows of cells → Document, whatever the rows were cut from.

Every format ends here: text lines cut into cells (``text``, ``layout``, ``runon``), spreadsheet
rows and Word table rows (``grid``), PDF table rows. Rows are read one at a time by a small state
machine:

* document lines — the form title (which also closes the table before it), ``(2024年度)``,
  ``单位: 万元``;
* the header block — labels (``form_labels``) wherever they sit in a row, each taking the next
  cell as its value, or the same column of the next row when the row only prints labels
  (``实施期目标 … 年度目标`` above the two goal texts), or the line before when a project name
  is printed above its empty 项目名称 label;
* sections opened by a heading row — the indicator table (``columns``; or one heading cell per
  line, read as a stream), the 预算整体情况 budget block, the 年度重点工作任务 list, and a table
  listing several projects one row each with the indicator tree in one cell (``sections``);
* indicators written as prose (``narrative``).

A row that fits nowhere is kept as a ``Problem(rule="unreadable-row")`` with its line: never
dropped silently, never an exception.

    doc = read_rows(rows, "表.xlsx", source_format="xlsx")
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable

from linter import glossary, regexes
from linter.glossary import is_category_label
from linter.model import Document, Funding, Location, Problem, Table
from linter.readers import html_cells, narrative, shown
from linter.readers.amounts import looks_like_amount, money
from linter.readers.columns import ColumnMap, fits_column, looks_like_value, place_row
from linter.readers.form_labels import (
    BARE_NAME_HEADINGS,
    MONEY_ROLES,
    NOTICE_TITLE,
    TEXT_ROLES,
    BlockLabel,
    block_label,
    column_role,
    currency_in,
    is_indicator_header,
    is_title,
    is_year_line,
    name_in_title,
    project_list_roles,
    year_in,
)
from linter.readers.indicators import Categories, make_indicator, printed_name
from linter.readers.layout import (
    Cell,
    Row,
    clean,
    compact,
    first_text_column,
    split_words,
    without_glosses,
)
from linter.readers.printed import PrintedLines
from linter.readers.runon import (
    is_other_label,
    split_fused_heading,
    split_fused_row_and_rest,
    starts_with_label,
)
from linter.readers.sections import TOTAL, BudgetSection, ProjectListSection, TaskSection, TransposedSection
from linter.values import split_name_value

# A line that is only a page number: ``3``, ``- 3 -``, ``3/12``, ``第 3 页``, ``第3页，共12页``,
# ``第3页（共12页）`` (not ``2025``: a year printed on its own line). The PDF reader drops these lines too.
PAGE_NUMBER = regexes.compile(
    r"^(?:[-—–\s]*\d{1,3}[-—–\s]*|\d{1,3}\s*/\s*\d{1,3}"
    r"|第\s*\d+\s*页(?:\s*[,，/(（]?\s*共\s*\d+\s*页\s*[)）]?)?)$"
)
# Lines that belong to the page, not to a table: notes, signatures, page numbers, and a line that
# opens with 第 3 页 (a page footer run together with whatever follows it in the text dump).
_NOTE = regexes.compile(
    r"^(?:附件|附)?表\s*[一二三四五六七八九十\d]{1,3}$|^附件\s*\d{0,2}\s*[:：]?$|^(?:注|备注|说明|填报人|填表人|审核人|负责人|联系人|联系电话|填报日期|上报时间|报送时间|日期|单位负责人"
    r"|财务负责人|制表人)\s*[:：\s]|^第\s*\d+\s*页|" + PAGE_NUMBER.pattern
)
_SECTION_HEADINGS = frozenset({"绩效目标", "基本信息"})  # misc labels that head a part, with no value
# The merged cell left of an indicator table, alone on its line in a one-cell-per-line dump.
_INDICATOR_BLOCK_HEADING = frozenset(
    {"绩效指标", "绩效指标情况", "年度绩效指标", "绩效", "绩"}
)  # 绩: cut short
# A numbered heading of the report around a table: 四、…  (四)…  ending its sentence or not
_PROSE_HEADING = regexes.compile(
    r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])(?!.*指标).{4,}"
)
_NEXT_GOAL = regexes.compile(r"^(?:\d{1,2}|[一二三四五六七八九十])\s*[、.．)）]|^目标\s*\d")
_UNCLOSED = regexes.compile(r"[(（][^)）]{0,3}$|“[^”]*$")  # 生態(t, 和“健: cut inside a gloss or a quote
_SCORE = regexes.compile(r"^\d{1,3}(?:\.\d+)?%?$")  # 分值, 得分, an actual rate
_UNPLACED = 10_000  # cell indices of no column (a run-on row's parts)
# A line that goes on with the name of the row above, printed after that row's value (各种强制免率、屠宰率 /
# 100% / 及检疫率): it opens with a conjunction, so it cannot begin a name of its own.
_NAME_GOES_ON = regexes.compile(r"^(?:及|以及|、)[\u4e00-\u9fff]")
_SCORE_TOTAL = regexes.compile(r"^(?:总分|总得分|合计得分|得分合计|分值合计)\d*$")
_COMMA = regexes.compile(r"[,，]")
_CODE = regexes.compile(r"^\d{6,}$")
_CODE_FIRST = regexes.compile(r"^\d{6,}")  # a unit's or project's code in a budget listing
_LIST_NUMBER = regexes.compile(r"^\s*\d{1,2}\s*[、.．]")  # 2、: a page's or a list's number
_NAME_AMOUNT = regexes.compile(r"^(\D.*?)\s*(\d+(?:\.\d+)?)$")  # 学生伙食费30.00
_NOTE_LABEL = regexes.compile(
    r"^(?:填报人|填表人|审核人|负责人|联系人|联系电话|填报日期|上报时间|报送时间|日期"
    r"|单位负责人|财务负责人|制表人)\s*[:：]$|^其他需要说明(?:的)?事项\s*[:：]?$"
)
# Labels that open a new table when they follow a finished indicator table.
_NEW_TABLE_ROLES = TEXT_ROLES | {"funding", "total", "period_total", "tasks", "budget"}
_DEPARTMENT_END = regexes.compile(r"(?:局|委员会|委|院|办公室|办|部|厅|中心|会|所|站|队|处|署)$")


def read_rows(rows: Iterable[Row], path: str, source_format: str = "text") -> Document:
    """Read rows of cells that need not come from text lines (spreadsheet rows, Word table rows).

    ``Row.line`` and ``Cell.column`` only have to be increasing positions: the spreadsheet and
    Word readers number their rows and cells this way and map the Locations back to cells."""
    reader = FormReader(path)
    reader.doc.source_format = source_format
    for row in rows:
        reader.feed(row)
    reader.finish()
    return reader.doc


class FormReader:
    """The state machine that reads rows of cells into tables (see the module docstring)."""

    def __init__(self, path: str):
        self.path = path
        self.doc = Document(path=path, source_format="text")
        self.table: Table | None = None
        self.word_rows = False  # the indicator heading was one line of single-spaced words
        self.fused_rows = False  # the indicator heading was printed with no separator (runon)
        self.section = ""  # "" | indicators | stream: the indicator table being read
        self.part: BudgetSection | TaskSection | ProjectListSection | TransposedSection | None = (
            None  # a part around it
        )
        self.columns: ColumnMap | None = None
        self.cats = Categories()
        self.funding_unit = ""
        self.period_column: int | None = None
        self.pending: list[tuple[BlockLabel, Cell]] = []
        self.orphan: Row | None = None
        self.stream_header: list[Cell] = []
        self.stream: list[Cell] = []
        self.dept_from_title = ""
        self.first_table_line = 1 << 62  # where the first table (or its title) starts
        self.goal_field = ""  # the goal just read ("goal" / "period_goal"): its numbered lines may follow
        self.line = 0  # the row being read
        self.last_row: Row | None = None  # the last one with text
        self.closed_rows = 0  # rows ending with a pipe: a dump of an HTML table
        self.printed = PrintedLines()  # the rows as printed: what is kept of the folded cells goes back so
        self.run_on_rows: list[Row] = []  # rows run on after another one's values (runon)
        self.recent: deque[str] = deque(maxlen=4)  # the last one-cell lines: a project's code, name, amount
        self.title = ""  # the last title line not yet given to a table
        self.titled: list[tuple[Table, str]] = []  # each table opened after a title, with that title

    # ------------------------------------------------------------------ helpers

    def loc(self, line: int, column: int = 1) -> Location:
        return Location(self.path, line, column)

    def problem(self, row: Row, why_zh: str, why_en: str) -> None:
        quoted = shown(clean(row.text))
        first = row.filled[0].column if row.filled else 1
        self.doc.problems.append(
            Problem(
                rule="unreadable-row",
                message=f"{why_zh}：{quoted}",
                message_en=f"{why_en}: {quoted}",
                location=self.loc(row.line, first),
                table=self.table.name if self.table else None,
            )
        )

    def orphan_problem(self, row: Row) -> None:
        # Only inside a table: the notice, 附件 line or summary printed before the first table, or
        # the report's next section after it, is the document's prose, not a row gone astray.
        if self.table is not None and row.line >= self.first_table_line:
            self.problem(row, "不属于任何表格栏目", "fits no part of the form")

    def open_table(self, location: Location, kind: str = "project", keep_section: bool = False) -> Table:
        self.flush_stream()
        self.table = Table(name="", kind=kind, location=location)
        self.first_table_line = min(self.first_table_line, location.line or self.first_table_line)
        self.doc.tables.append(self.table)
        if self.title:
            self.titled.append((self.table, self.title))
            self.title = ""
        if not keep_section:
            self.section, self.columns, self.part = "", None, None
            self.cats = Categories()
        self.funding_unit, self.period_column, self.pending = "", None, []
        return self.table

    def close_table(self) -> None:
        self.flush_stream()
        self.table, self.section, self.columns, self.part = None, "", None, None
        self.run_on_rows = []  # (the rest of a run-on row, read under the table now closed)
        self.cats, self.pending, self.stream_header = Categories(), [], []

    def current(self, location: Location) -> Table:
        return self.table or self.open_table(location)

    def unit_for(self, own: str = "") -> str:
        return own or self.funding_unit or self.doc.currency_unit

    # ------------------------------------------------------------------ rows

    def feed(self, row: Row) -> None:
        if not row.filled:
            if self.section == "stream" and "|" in row.text:
                # ``|`` alone in a one-cell-per-line dump is an empty cell: it holds its column's place
                self.stream.extend(row.cells or [Cell("", 0, 1, row.line)])
            return
        self.line, self.last_row = row.line, row
        self.printed.note(row)
        self.closed_rows += row.text.rstrip().endswith("|")
        orphan, self.orphan = self.orphan, None
        consumed = self.dispatch(row, orphan)
        if orphan is not None and not consumed:
            self.orphan_problem(orphan)

    def dispatch(self, row: Row, orphan: Row | None) -> bool:  # noqa: C901 — ordered guards, one per kind of row
        """Handle one non-blank row; True when it used the orphan row before it."""
        filled = row.filled
        single = filled[0].text if len(filled) == 1 else ""
        if single and is_title(single):
            return self.on_title(single)
        if single and is_year_line(single):
            self.doc.budget_year = self.doc.budget_year or year_in(single)
            return False
        if len(filled) > 1 and _NOTE_LABEL.match(filled[0].text):
            return False  # 上报时间:  2021 年10  月 26日 — the form's footer, cut by its spaces
        if single and _NOTE.match(single) and not (self.section == "stream" and PAGE_NUMBER.match(single)):
            return False  # (a bare number among one-cell-per-line indicator cells is a value: 512 |)
        if single and compact(single) in _INDICATOR_BLOCK_HEADING and not self.stream_header:
            return False  # (among column headings one per line, 绩效指标 heads the names' column)
        if single and self.section not in ("indicators", "stream"):
            prose = narrative.read_line(single)
            if prose is not None:
                self.on_prose(prose, row)
                return False
        if single:
            self.recent.append(single)
        if self.on_currency(row):
            return False
        if self.stream_header and not self.collect_stream_header(row):
            self.finish_stream_header()
        if self.stream_header:
            return False
        if self.section in ("indicators", "stream") and self.section_ends(row):
            self.flush_stream()
            self.section = ""
        if self.part is not None and self.part.ends(row):
            self.part = None
        if self.start_indicator_header(row):
            return False
        if self.section == "stream":
            self.stream.extend(filled)
            return False
        if self.section == "indicators":
            self.indicator_row(row)
            return False
        if self.part is not None:
            self.part.feed(row)
            return False
        roles = project_list_roles([c.text for c in row.cells])
        if roles and len(filled) >= 3:
            self.close_table()
            self.part = ProjectListSection(self, roles)
            unit = next((u for r, u in roles.values() if r == "amount" and u), "")
            self.doc.currency_unit = self.doc.currency_unit or unit
            return False
        if self.section == "" and TransposedSection.starts(row):
            self.part = TransposedSection(self, row)
            # the 一级 headings above (项目单位 | 产 出 指 标 | 效 益 指 标) are read from the 二级
            return orphan is not None and any(is_category_label(compact(c.text)) for c in orphan.filled)
        if single and " " in single and not block_label(filled[0].raw):
            spaced = _spaced_labels(filled[0])
            if spaced is not None:
                row = Row(row.line, spaced, row.text)
                filled = row.filled
        if any(block_label(c.raw) for c in filled):
            return self.label_row(row, orphan)
        if self.pending and self.fill_pending(row):
            return False
        if single and self.goal_field and self.table is not None and _NEXT_GOAL.match(single):
            # 1、确保待遇足额支付 / 2、工伤预防成效显著: a goal numbered over several lines
            setattr(self.table, self.goal_field, f"{getattr(self.table, self.goal_field)}\n{single}")
            return False
        self.goal_field = ""
        if TOTAL.match(compact(filled[0].raw)):
            self.on_total(row)
            return False
        self.orphan = row
        return False

    # ------------------------------------------------------------------ indicators in prose

    def on_prose(self, prose: narrative.NarrativeLine, row: Row) -> None:
        where = self.loc(row.line, row.filled[0].column)
        if prose.project_info:
            # 【项目概况】 after a project's code, name and amount, each on its own line
            if self.table is not None and self.table.indicators:
                self.close_table()
            table = self.current(where)
            names = [t for t in self.recent if not looks_like_amount(t) and not _CODE.match(t)]
            amounts = [t for t in self.recent if looks_like_amount(t) and not _CODE.match(t)]
            table.name = table.name or (names[-1] if names else "")
            if amounts and table.funding.total is None:
                table.funding.total = money(amounts[-1], self.unit_for(), where)
            return
        table = self.current(where)
        for i, label in enumerate(prose.labels):
            self.cats.heading(label, prefer_level1=True if i == 0 and len(prose.labels) > 1 else None)
        for name, value in prose.items:
            table.indicators.append(
                make_indicator(self.cats, name, value, self.path, row.line, row.filled[0].column)
            )

    # ------------------------------------------------------------------ document lines

    def on_title(self, text: str) -> bool:
        if (self.table and (self.table.name or self.table.indicators or self.table.funding.total)) or (
            self.section or self.part is not None
        ):
            self.close_table()
        self.first_table_line = min(self.first_table_line, self.line)
        self.title = text
        if not self.doc.title:
            self.doc.title = text.lstrip("#").strip()
            self.dept_from_title = _department_in_title(self.doc.title)
        self.doc.budget_year = self.doc.budget_year or year_in(text)
        return False

    def on_currency(self, row: Row) -> bool:
        """``单位: 万元`` (maybe beside 填报单位): the document's unit. True if nothing else is on the row."""
        found = [c for c in row.filled if currency_in(c.text)]
        if not found:
            return False
        self.doc.currency_unit = self.doc.currency_unit or currency_in(found[0].text)
        rest = [c for c in row.filled if c not in found]
        for cell in rest:
            label = block_label(cell.raw)
            if not label or label.role != "misc":
                return False
        for cell in rest:
            self.misc_label(block_label(cell.raw), cell, None)
        return True

    def on_total(self, row: Row) -> None:
        amounts = [c for c in row.filled[1:] if looks_like_amount(c.text)]
        if amounts:
            cell = amounts[0]
            self.doc.total = money(cell.text, self.unit_for(), self.loc(row.line, cell.column))
        else:
            self.problem(row, "合计行没有金额", "total row without an amount")

    # ------------------------------------------------------------------ header block

    def label_row(self, row: Row, orphan: Row | None) -> bool:
        cells = row.cells
        used_orphan = False
        taken: set[int] = set()
        self.pending = []
        for i, cell in enumerate(cells):
            if cell.empty or i in taken:
                continue
            label = block_label(cell.raw)
            if label is None:
                continue
            if label.role == "tasks":
                self.part = TaskSection(self, row, cell)
                return used_orphan
            if label.role == "budget":
                self.current(self.loc(row.line, cell.column))
                budget = self.part = BudgetSection(self, label.unit or self.unit_for())
                self.doc.currency_unit = self.doc.currency_unit or budget.unit
                budget.feed(Row(row.line, [c for c in cells if c.index > i], row.text))
                return used_orphan
            value = None
            if label.inline:
                value = Cell(label.inline, i, cell.column + max(cell.raw.find(label.inline), 0))
            else:
                for j in range(i + 1, len(cells)):
                    if cells[j].empty:
                        continue
                    if block_label(cells[j].raw) is None:
                        value = cells[j]
                        taken.add(j)
                    break
            used_orphan |= self.apply_label(label, cell, value, row, orphan if not used_orphan else None)
        return used_orphan

    def apply_label(  # noqa: C901 — one branch per label role, side by side
        self, label: BlockLabel, cell: Cell, value: Cell | None, row: Row, orphan: Row | None
    ) -> bool:
        role = label.role
        where = self.loc(row.line, first_text_column(cell))
        if role == "misc":
            self.misc_label(label, cell, value)
            if value is None and len(row.filled) == 1 and compact(cell.raw) not in _SECTION_HEADINGS:
                self.pending.append((label, cell))  # ``项目来源 |`` / ``本级申报项目 |``: one cell per line
            return False
        if role in _NEW_TABLE_ROLES and self.table and self.table.indicators:
            self.close_table()
        if role in ("name", "dept_name"):
            if self.table and (self.table.name or self.table.indicators):
                self.close_table()
            table = self.current(where)
            if role == "dept_name" or "整体" in self.doc.title:
                table.kind = "department"
            if value is not None:
                table.name = value.text
                return False
            if orphan is not None and len(orphan.filled) == 1 and _could_be_name(orphan.filled[0].text):
                # 2025 年企业分级分类监管 / 项目名称 (empty): the name printed on the line before.
                table.name = orphan.filled[0].text
                table.location = self.loc(orphan.line, orphan.filled[0].column)
                return True
            self.pending.append((label, cell))
            return False
        table = self.current(where)
        if label.unit:
            self.funding_unit = label.unit
            self.doc.currency_unit = self.doc.currency_unit or label.unit
        if role == "funding":
            if value is not None and looks_like_amount(value.text):
                table.funding.total = money(value.text, self.unit_for(), self.loc(row.line, value.column))
            return False
        if role in MONEY_ROLES:
            if role == "period_total":
                self.period_column = cell.index
            if value is None:
                if len(row.filled) == 1:  # one cell per line: the amount is on the next line
                    self.pending.append((label, cell))
                return False
            amount = money(value.text, self.unit_for(label.unit), self.loc(row.line, value.column))
            period = role == "period_total" or (
                role in ("fiscal", "other") and cell.index == self.period_column
            )
            funding = table.funding
            if period:
                table.period_funding = table.period_funding or Funding()
                funding = table.period_funding
            setattr(funding, {"total": "total", "period_total": "total"}.get(role, role), amount)
            return False
        if value is None:
            self.pending.append((label, cell))
            return False
        self.set_text(role, value, row.line)
        return False

    def set_text(self, role: str, value: Cell, line: int) -> None:
        table = self.current(self.loc(line, value.column))
        text = html_cells.paragraphs(value.raw) if "<" in value.raw else value.text
        if role == "department":
            table.department = _without_code(text)
        elif role == "implementer":
            table.implementing_unit = text
        elif role == "period":
            table.project_period = text
        elif role == "period_goal":
            table.period_goal = text
            self.goal_field = "period_goal"
        elif role in ("goal", "dept_goal"):
            table.goal = text
            self.goal_field = "goal"
            table.goal_location = self.loc(line, first_text_column(value))
        elif role in ("name", "dept_name"):
            table.name = text

    def misc_label(self, label: BlockLabel | None, cell: Cell, value: Cell | None) -> None:
        """项目属性, 填报单位 …: recognised and consumed; only the 填报单位 name is kept."""
        if label is None or label.role != "misc":
            return
        text = label.inline or (value.text if value is not None else "")
        if text and re.match(r"(?:填报|编制|申报)单位", compact(cell.raw)) and "盖章" not in text:
            self.doc.department = self.doc.department or text

    def fill_pending(self, row: Row) -> bool:
        filled = row.filled
        done = False
        for label, cell in self.pending:
            value = row.at(cell.index)
            if (value is None or value.empty) and len(self.pending) == 1 and len(filled) == 1:
                value = filled[0]
            if value is None or value.empty:
                continue
            if label.role in MONEY_ROLES:
                if not looks_like_amount(value.text):
                    continue
                self.apply_label(label, cell, value, row, None)
            else:
                self.set_text(label.role, value, row.line)
            done = True
        self.pending = []
        return done

    # ------------------------------------------------------------------ indicator table

    def start_indicator_header(self, row: Row) -> bool:
        cells = row.cells
        texts = [c.text for c in row.filled]
        if len(texts) == 1 and not is_indicator_header(texts):
            words = split_words(row.filled[0])
            fused = split_fused_heading(texts[0])
            if len(words) > 1 and is_indicator_header([w.text for w in words]):
                cells = words
                self.word_rows = True  # the rows below are single-spaced words too
            elif fused:
                cell = row.filled[0]
                cells = [Cell(text, i, cell.column, cell.line) for i, text in enumerate(fused)]
                self.fused_rows = True  # the rows below run their cells together too
            elif (
                column_role(texts[0])[0] in ("level1", "level2", "name")
                or compact(texts[0]) in BARE_NAME_HEADINGS
            ) and self.section not in ("indicators", "stream"):
                self.stream_header = [row.filled[0]]  # one heading cell per line
                return True
            else:
                return False
        elif not is_indicator_header(texts):
            return False
        else:
            self.word_rows = self.fused_rows = False
        cells, first_row = _heading_and_first_row(cells)
        self.flush_stream()
        self.current(self.loc(row.line, row.filled[0].column))
        self.columns = ColumnMap.from_cells(cells)
        self.mark_self_evaluation()
        if self.section not in ("indicators", "stream"):
            self.cats = Categories()
        self.section = "indicators"
        self.pending = []
        if first_row:
            self.indicator_row(Row(row.line, first_row, row.text))
        return True

    def mark_self_evaluation(self) -> None:
        # 全年实际值(B) / 得分 columns make the table a self-evaluation whatever its title says (b18:
        # announced as a 绩效目标申报表); its 指标值 are still the targets that are read.
        if (
            self.table is not None
            and self.table.kind == "project"
            and self.columns
            and self.columns.evaluates()
        ):
            self.table.kind = "self-evaluation"

    def collect_stream_header(self, row: Row) -> bool:
        if len(row.filled) != 1:
            return False
        role = column_role(row.filled[0].raw)[0]
        if role in ("", "project", "amount"):
            return False
        self.stream_header.append(row.filled[0])
        return True

    def finish_stream_header(self) -> None:
        header, self.stream_header = self.stream_header, []
        if not is_indicator_header([c.text for c in header]):
            for cell in header:
                self.problem(Row(0, [cell], cell.raw), "孤立的表头", "a lone column heading")
            return
        self.current(self.loc(0))
        cells = [Cell(c.raw, i, c.column) for i, c in enumerate(header)]
        self.columns = ColumnMap.from_cells(cells)
        self.mark_self_evaluation()
        self.cats, self.section, self.stream = Categories(), "stream", []

    def section_ends(self, row: Row) -> bool:
        first = row.filled[0]
        if len(row.filled) == 1 and _PROSE_HEADING.match(first.text) and not is_category_label(first.text):
            self.close_table()  # (四)部门(单位)职能职责。: the report goes on after the table
            return True
        label = block_label(first.raw)
        if label and label.role in _NEW_TABLE_ROLES:
            return True
        return bool(project_list_roles([c.text for c in row.cells]) and len(row.filled) >= 3)

    def indicator_row(self, row: Row) -> None:
        self.one_indicator_row(row)
        while self.run_on_rows:  # each is shorter than the text it came from: this ends
            self.one_indicator_row(self.run_on_rows.pop(0))

    def one_indicator_row(self, row: Row) -> None:  # noqa: C901 — a row's shapes, in the order they are tried
        table = self.table
        assert table is not None and self.columns is not None
        filled = row.filled
        if TOTAL.match(compact(filled[0].raw)):
            self.on_total(row)
            return
        if _SCORE_TOTAL.match(compact(filled[0].raw)):
            return  # 总分 | 100: the scores' sum under an evaluation form, not an indicator
        if table.indicators and self.rest_of_last_row(row):
            return
        if len(filled) == 1 and len(row.cells) == 1 and self.word_rows:
            row = Row(row.line, split_words(filled[0]), row.text)  # 产出指标 数量指标 出差人数 正向 = 8 4
        elif len(filled) == 1 and self.fused_rows:
            cell = filled[0]
            if self.next_notice_run_on(row, cell):
                return
            parts, following = split_fused_row_and_rest(
                cell.text,
                explained=self.columns.explains_before_value(),
                scored=self.columns.scored_after_value(),
                places=self.columns.places,
                figures=self.columns.figure_columns(),
                closed=self.columns.closed,
            )
            if _CODE_FIRST.match(cell.text) and not (self.cats.level1 or self.cats.level2):
                return  # 505006州民族特殊教育学校30.00: the unit's line above its indicators
            if len(parts) == 1 and parts[0] in ("定量", "定性"):
                return  # the -定性 left of an empty 二级 row
            if len(parts) > 1 and is_other_label(parts[0]):
                # categories no template names: the row is under neither 一级 nor 二级 known
                self.cats = Categories()
                while len(parts) > 1 and is_other_label(parts[0]):
                    self.cats.level2_printed = parts.pop(0)
            if following:  # the next row run on after this one's values: read it after this one
                self.run_on_rows.append(Row(row.line, [Cell(following, 0, cell.column, row.line)], following))
            # numbered past every column: cut by content, the parts are placed by content too
            row = Row(
                row.line,
                [
                    Cell(text, _UNPLACED + i, cell.column + max(cell.text.find(text), 0), row.line)
                    for i, text in enumerate(parts)
                ],
                row.text,
            )
        elif len(filled) == 1 and len(row.cells) == 1:
            # A row that was not split: 产出指标 数量指标 培训次数 ≥2次, or 1. 培训次数 ≥2次.
            cell = filled[0]
            table.indicators.extend(
                html_cells.read_tree(without_glosses(cell.raw), row.line, cell.column, self.path, self.cats)
            )
            return
        if not table.indicators and self.project_line(row):
            return
        placed = place_row(row.cells, self.columns)
        if placed.project is not None and placed.project.text and placed.project.text != table.name:
            table = self.open_table(self.loc(row.line, placed.project.column), keep_section=True)
            table.name = placed.project.text
            self.cats = Categories()
        if placed.amount is not None and looks_like_amount(placed.amount.text):
            column = self.columns.columns.get(placed.amount.index)
            table.funding.total = money(
                placed.amount.text,
                self.unit_for(column.unit if column else ""),
                self.loc(row.line, placed.amount.column),
            )
        carried = self.cats.level1
        for cell, level in zip(placed.labels, placed.label_levels, strict=True):
            self.cats.heading(cell.text, prefer_level1=level == "l1")
        if (
            placed.labels
            and "l1" not in placed.label_levels
            and self.cats.level1 != carried
            and self.columns.index_of("level1") is not None
        ):
            # A 二级 of another 一级, its row's 一级 cell empty: the 一级 above was a merged cell
            # that may or may not reach this far, so nothing printed calls it misplaced.
            self.cats.level1_printed = ""
        if placed.name is None:
            if placed.value is None:
                return  # only category labels (an empty 成本指标 row): nothing to record
            last = table.indicators[-1] if table.indicators else None
            if last is not None and not last.value_text and last.location.line < row.line:
                # The value of a row broken across lines.
                rebuilt = make_indicator(
                    self.cats,
                    last.name,
                    placed.value_text(),
                    self.path,
                    last.location.line,
                    last.location.column,
                    placed.value.column,
                    last.period_value_text,
                    last.remarks,
                )
                rebuilt.value_location = self.loc(row.line, placed.value.column)
                table.indicators[-1] = rebuilt
                return
            self.problem(row, "有指标值但没有指标名称", "a value without an indicator name")
            return
        value_cell = placed.value or placed.comparator
        table.indicators.append(
            make_indicator(
                self.cats,
                placed.name.text,
                placed.value_text(),
                self.path,
                row.line,
                first_text_column(placed.name),
                first_text_column(value_cell) if value_cell else None,
                placed.period.text if placed.period else None,
                placed.extra_remarks(),
            )
        )

    def next_notice_run_on(self, row: Row, cell: Cell) -> bool:
        """A run-on row into which the next table's title runs (…按服务对象满意度评价邯财社2018126号提前
        下达…): what comes before the notice is read as a row when it holds a figure (else it is the
        end of the row above, cut by a page: 2、意度评价), then the table ends. True if so."""
        notice = NOTICE_TITLE.search(cell.text)
        if notice is None:
            return False
        head = cell.text[: notice.start()]
        if re.search(r"\d", _LIST_NUMBER.sub("", head)):
            self.one_indicator_row(Row(row.line, [Cell(head, 0, cell.column, row.line)], row.text))
        self.close_table()
        self.title = cell.text[notice.start() :]
        return True

    def rest_of_last_row(self, row: Row) -> bool:
        """A row broken over lines: ``减轻贫困学生家庭经济负担 |`` then ``| 有效 |`` (its value alone),
        then ``| 有效 | 10 | 10 |`` (a self-evaluation's actual value and scores after it)."""
        assert self.table is not None
        last, filled = self.table.indicators[-1], row.filled
        if (
            last.location.line >= row.line
            or is_category_label(filled[0].text)
            or starts_with_label(filled[0].text)
        ):
            return False  # (数量指标扶持村数: the next row, run on, not this one's value)
        in_name_column = self.columns is not None and filled[0].index == self.columns.index_of("name")
        if len(filled) == 1 and last.value_text and _NAME_GOES_ON.match(filled[0].text):
            last.name = printed_name(last.name + filled[0].text)
            return True
        if len(filled) == 1 and not last.value_text and len(filled[0].text) <= 8 and not in_name_column:
            rebuilt = make_indicator(
                self.cats,
                last.name,
                filled[0].text,
                self.path,
                last.location.line,
                last.location.column,
                filled[0].column,
                last.period_value_text,
                last.remarks,
            )
            rebuilt.value_location = self.loc(row.line, filled[0].column)
            self.table.indicators[-1] = rebuilt
            return True
        return (
            bool(last.value_text)
            and filled[0].text == last.value_text
            and len(filled) > 1
            and all(_SCORE.match(c.text) for c in filled[1:])
        )

    def project_line(self, row: Row) -> bool:
        """``505006  学生伙食费30.00`` above the indicators: the project's code, name and amount."""
        filled = row.filled
        if len(filled) != 2 or not _CODE.match(filled[0].text):
            return False
        m = _NAME_AMOUNT.match(filled[1].text)
        table = self.table
        assert table is not None
        if m:
            table.name = table.name or m.group(1)
            table.funding.total = table.funding.total or money(
                m.group(2), self.unit_for(), self.loc(row.line, filled[1].column)
            )
        else:
            table.name = table.name or filled[1].text
        return True

    def named_as_its_category(self, cell: Cell, following: list[Cell]) -> bool:
        """``服务对象满意度`` then ``满意`` under 服务对象满意度指标: the category's word again, without
        指标 and before a value, is an indicator's name, not its heading printed twice."""
        return (
            bool(following)
            and glossary.normalise_level2(cell.text) == self.cats.level2
            and not compact(cell.text).endswith("指标")
            and looks_like_value(following[0].text)
        )

    def flush_stream(self) -> None:
        """Read the cells gathered in one-cell-per-line mode: labels, then a name and its values."""
        cells, self.stream = self.stream, []
        if not cells or self.table is None or self.columns is None:
            return
        roles = self.columns.value_roles()
        name_index = self.columns.index_of("name")
        i = 0
        while i < len(cells):
            cell = cells[i]
            i += 1
            if cell.empty or (
                not self.named_as_its_category(cell, cells[i : i + 1]) and self.cats.heading(cell.text)
            ):
                continue
            parts = [Cell(cell.raw, -1 if name_index is None else name_index, cell.column, cell.line)]
            following = cells[i] if i < len(cells) else None
            # 培训次数 ≥2次 on one line is a whole indicator unless a value follows on the next line.
            whole = split_name_value(cell.text)[1] and not (following and looks_like_value(following.text))
            r = 0
            while not whole and r < len(roles) and i < len(cells) and not is_category_label(cells[i].text):
                index, column = roles[r]
                r += 1
                if cells[i].empty:
                    i += 1  # an empty cell printed as such: its column is empty on this row
                    continue
                if not fits_column(column.role, cells[i].text):
                    continue  # that column is empty on this row (a 定性 row has no 计算符号)
                parts.append(Cell(cells[i].raw, index, cells[i].column, cells[i].line))
                i += 1
            placed = place_row(parts, self.columns)
            if placed.name is None:
                continue
            value_cell = placed.value or placed.comparator
            self.table.indicators.append(
                make_indicator(
                    self.cats,
                    placed.name.text,
                    placed.value_text(),
                    self.path,
                    placed.name.line,
                    placed.name.column,
                    value_cell.column if value_cell else None,
                    placed.period.text if placed.period else None,
                    placed.extra_remarks(),
                )
            )
            if value_cell is not None and value_cell.line != placed.name.line:
                self.table.indicators[-1].value_location = self.loc(value_cell.line, value_cell.column)

    # ------------------------------------------------------------------ end

    def finish(self) -> None:
        if self.stream_header:
            self.finish_stream_header()
        self.flush_stream()
        if self.orphan is not None:
            self.orphan_problem(self.orphan)
            self.orphan = None
        doc = self.doc
        for table, title in self.titled:
            # no 项目名称 printed: the table is called what its title says (2019年度…项目绩效评价指标表)
            table.name = table.name or name_in_title(title)
        if self.table is not None and doc.source_format == "text" and self.ends_inside(self.table):
            self.mark_truncated(self.table)
        if not doc.department:
            dept = next((t.name for t in doc.tables if t.kind == "department" and t.name), "")
            doc.department = (
                dept or self.dept_from_title or next((t.department for t in doc.tables if t.department), "")
            )
        if not doc.currency_unit:
            doc.currency_unit = self.funding_unit_seen()
        self.printed.restore(doc)

    def ends_inside(self, table: Table) -> bool:
        """Does the text stop inside this table, the last one still open at its end?

        A page cut off leaves a table with no indicators yet, one whose last row has no value, or
        one without the 满意度 rows a table ends with; a table the text ends after does not."""
        if not table.indicators:
            return bool(table.name or self.columns is not None or table.funding.total)
        if self.unclosed_end():
            return True
        last = table.indicators[-1]
        satisfied = any(
            glossary.SATISFACTION in (i.level1, glossary.parent_of(i.level2)) for i in table.indicators
        )
        return not last.value_text or not satisfied

    def unclosed_end(self) -> bool:
        """In a dump whose rows end with a pipe, a last line without one was cut (``>=9``)."""
        last = self.last_row
        return last is not None and self.closed_rows >= 8 and not last.text.rstrip().endswith("|")

    def mark_truncated(self, table: Table) -> None:
        table.truncated = True
        last = table.indicators[-1] if table.indicators else None  # 效, 生態(t: a cell cut short
        cut_name = (  # 完工项目县规模养殖场畜禽粪污处理 with no closing pipe: the name itself was cut
            last is not None
            and (row := self.last_row) is not None
            and self.unclosed_end()
            and row.line == last.location.line
        )
        if (
            last is not None
            and not last.value_text
            and (len(last.name) <= 2 or _UNCLOSED.search(last.name) or cut_name or _cut_statement(table))
        ):
            table.indicators.pop()
        elif (
            last is not None
            and self.last_row is not None
            and self.last_row.line in (last.location.line, (last.value_location or last.location).line)
            and (self.unclosed_end() or not self.closed_rows)
        ):
            last.value_unknown = True
        # the line the text stops on (当年预) is a cell cut short, not a row gone astray
        last_row = self.last_row
        if (
            last_row is not None
            and len(last_row.filled) == 1
            and len(last_row.filled[0].text) <= 8
            and not TOTAL.match(compact(last_row.filled[0].raw))
        ):
            self.doc.problems = [p for p in self.doc.problems if p.location.line != last_row.line]

    def funding_unit_seen(self) -> str:
        for table in self.doc.tables:
            for m in (table.funding.total, table.funding.fiscal):
                if m is not None and m.yuan is not None and m.text:
                    own = re.search(r"(万元|亿元|元)", m.text)
                    if own:
                        return own.group(1)
        return ""


def _cut_statement(table: Table) -> bool:
    """Is the last row a statement cut by the end of the text (社区满意度95%以上,家长满)? It goes on
    after a comma and stops without the full stop that most statements before it end with."""
    *before, last = table.indicators
    statements = [i.name for i in before if not i.value_text and _COMMA.search(i.name)]
    ended = sum(name.endswith("。") for name in statements)
    return (
        ended >= 2
        and 2 * ended > len(statements)
        and _COMMA.search(last.name) is not None
        and not last.name.endswith("。")
    )


def _heading_and_first_row(cells: list[Cell]) -> tuple[list[Cell], list[Cell]]:
    """A heading row that runs on into the first indicator row (merged header cells flattened
    into one line: ``… | 一级指标 | 二级指标 | 三级指标 | 指标值 | 产出指标 | 数量指标 | 受资助人数 | 735``):
    the headings from the first level or name heading, and the row after them, each numbered from 0."""
    start = next(
        (i for i, c in enumerate(cells) if column_role(c.raw)[0] in ("level1", "level2", "name")), None
    )
    if start is None:
        return cells, []
    end = next(
        (
            i
            for i in range(start + 1, len(cells))
            if is_category_label(cells[i].text) and not column_role(cells[i].raw)[0]
        ),
        None,
    )
    if end is None:
        return cells, []
    heading = [Cell(c.raw, i, c.column, c.line) for i, c in enumerate(cells[start:end])]
    return heading, [Cell(c.raw, i, c.column, c.line) for i, c in enumerate(cells[end:])]


def _spaced_labels(cell: Cell) -> list[Cell] | None:
    """``项目支出名称 湘潭市工伤保险基金 预算部门 湘潭市工伤保险服务中心``: labels and values one
    space apart, as cells (each label, then its value's words joined); None unless a label opens it."""
    words = split_words(cell)
    first = block_label(words[0].raw) if len(words) > 1 else None
    if first is None or first.inline:
        return None
    cells: list[Cell] = []
    value_due = False  # the word after a label starts its value; later words continue a text value
    role = ""
    for word in words:
        label = block_label(word.raw)
        if label is not None and not label.inline:
            cells.append(Cell(word.raw, len(cells), word.column, word.line))
            role, value_due = label.role, True
        elif value_due or role in MONEY_ROLES:  # (what follows an amount is not part of it)
            cells.append(Cell(word.raw, len(cells), word.column, word.line))
            role = role if value_due else ""
            value_due = False
        else:
            last = cells[-1]
            cells[-1] = Cell(f"{last.raw} {word.raw}", last.index, last.column, last.line)
    return cells


def _could_be_name(text: str) -> bool:
    """A line printed above an empty 项目名称 that may be the name (not ``单位(盖章):``)."""
    return not text.endswith((":", "：")) and "盖章" not in text


def _without_code(text: str) -> str:
    """平罗县应急管理局--032001 → 平罗县应急管理局 (the code is not part of the name)."""
    # Each run tried from its start only (the lookbehinds): from inside a long run of spaces, dashes
    # or digits every attempt would scan to the run's end again.
    return (
        re.sub(
            r"(?<!\s)\s*(?:(?<![-—–])[-—–]+\s*\d{3,}|[(（]\s*\d{3,}\s*[)）]|(?<!\d)\d{6,})$", "", text
        ).strip()
        or text
    )


def _department_in_title(title: str) -> str:
    text = re.sub(r"^附件\s*\d*\s*[:：]?", "", title).strip()
    m = re.match(
        r"(.+?)(?:(?:19|20)\d{2}\s*年|项目支出|部门预算|部门项目|本级|预算项目|部门整体|项目绩效)", text
    )
    if m and _DEPARTMENT_END.search(m.group(1).strip()):
        return m.group(1).strip()
    return ""
