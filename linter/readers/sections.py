"""The parts of a form around its indicator table, each read by a small object of its own.

A part opens on its heading row and reads the rows after it until one of them ``ends`` it:

* ``BudgetSection`` — a department table's 预算整体情况 block: label, amount, label, amount …;
* ``TaskSection`` — the 年度重点工作任务 list, columns named by its heading row;
* ``ProjectListSection`` — a table listing several projects, one row each, the indicator tree of
  a project inside one cell (门源县 2023: 单位编码 | 单位及项目名称 | 金额 | 绩效目标 | 绩效指标);
* ``TransposedSection`` — an indicator table turned on its side: one column an indicator (二级 over
  三级), one row a place or unit with its values (德化县 2020: 质量指标 | 数量指标 | … over 资金投向合规率 | …).

Each reads through the form reader (``linter.readers.form.FormReader``) that opened it: its
current table, its document, its locations and problems.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linter import glossary, regexes
from linter.model import Table, Task
from linter.readers import html_cells
from linter.readers.amounts import looks_like_amount, money
from linter.readers.form_labels import BlockLabel, block_label, is_indicator_header, project_list_roles
from linter.readers.indicators import Categories, make_indicator
from linter.readers.layout import Cell, Row, compact, first_text_column

if TYPE_CHECKING:
    from linter.readers.form import FormReader

TOTAL = regexes.compile(r"^(?:合计|总计|合\s*计)[:：]?$")
_TASK_COLUMNS = (
    ("amount", regexes.compile(r".*(?:资金|金额|预算).*")),
    ("content", regexes.compile(r".*(?:实施内容|目标内容|任务内容|工作内容|主要内容).*")),
    ("goal", regexes.compile(r".*(?:目标|效果).*")),
    ("name", regexes.compile(r".*(?:名称|任务|项目).*")),
)


class BudgetSection:
    """预算整体情况: pairs of a label and its amount, under headings that give the unit."""

    def __init__(self, reader: FormReader, unit: str):
        self.reader, self.unit = reader, unit

    def ends(self, row: Row) -> bool:
        for cell in row.filled:
            label = block_label(cell.raw)
            if label and label.role in ("goal", "dept_goal", "tasks", "name", "dept_name", "period_goal"):
                return True
        return is_indicator_header([c.text for c in row.filled])

    def feed(self, row: Row) -> None:
        reader = self.reader
        table = reader.current(reader.loc(row.line))
        cells = row.filled
        i = 0
        while i < len(cells):
            cell = cells[i]
            unit = unit_heading(cell.text)
            if unit is not None:
                self.unit = unit or self.unit
                reader.doc.currency_unit = reader.doc.currency_unit or unit
                i += 1
                continue
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if nxt is not None and looks_like_amount(nxt.text) and not looks_like_amount(cell.text):
                amount = money(nxt.text, self.unit or reader.unit_for(), reader.loc(row.line, nxt.column))
                table.budget[cell.text] = amount
                role = (block_label(cell.raw) or BlockLabel("")).role
                if role in ("fiscal", "other", "total"):
                    setattr(table.funding, role, amount)
                i += 2
                continue
            i += 1


class TaskSection:
    """年度重点工作任务: one task a row, in the columns its heading row names."""

    def __init__(self, reader: FormReader, row: Row, label_cell: Cell):
        self.reader = reader
        reader.current(reader.loc(row.line, label_cell.column))
        self.columns: dict[int, tuple[str, str]] = {}  # cell index → (role, money unit)
        for cell in row.cells:
            if cell.index <= label_cell.index or cell.empty:
                continue
            key = compact(cell.raw)
            unit = re.search(r"\((万元|元|亿元)\)", key)
            for role, pattern in _TASK_COLUMNS:
                if pattern.fullmatch(key) and role not in {r for r, _ in self.columns.values()}:
                    self.columns[cell.index] = (role, unit.group(1) if unit else "")
                    break

    def ends(self, row: Row) -> bool:
        first = block_label(row.filled[0].raw)
        return bool(first and first.role != "misc") or is_indicator_header([c.text for c in row.filled])

    def feed(self, row: Row) -> None:
        reader = self.reader
        table = reader.table
        assert table is not None
        parts: dict[str, Cell] = {}
        for cell in row.filled:
            role = self.columns.get(cell.index, ("", ""))[0]
            if role and role not in parts:
                parts[role] = cell
            else:
                parts.setdefault("extra", cell)
        if "name" not in parts:
            reader.problem(row, "重点工作任务缺少名称", "a task without a name")
            return
        amount = parts.get("amount")
        unit = next((u for r, u in self.columns.values() if r == "amount"), "")
        table.tasks.append(
            Task(
                name=parts["name"].text,
                content=parts["content"].text if "content" in parts else "",
                amount=money(amount.text, unit or reader.unit_for(), reader.loc(row.line, amount.column))
                if amount
                else None,
                goal=parts["goal"].text if "goal" in parts else "",
                location=reader.loc(row.line, parts["name"].column),
            )
        )


class ProjectListSection:
    """One project a row: code, name, amount, goal and the indicator tree in one cell."""

    def __init__(self, reader: FormReader, columns: dict[int, tuple[str, str]]):
        self.reader, self.columns = reader, columns  # cell index → (role, money unit)

    def ends(self, row: Row) -> bool:
        # its heading printed again (a new page, a new Word table) starts the listing anew
        return len(row.filled) >= 3 and project_list_roles([c.text for c in row.cells]) is not None

    def feed(self, row: Row) -> None:
        reader = self.reader
        parts: dict[str, Cell] = {}
        for cell in row.filled:
            role = self.columns.get(cell.index, ("", ""))[0]
            if role and role not in parts:
                parts[role] = cell
        unit = next((u for r, u in self.columns.values() if r == "amount" and u), "") or reader.unit_for()
        first = row.filled[0]
        if TOTAL.match(compact(first.raw)):
            amount = parts.get("amount")
            if amount is not None:
                reader.doc.total = money(amount.text, unit, reader.loc(row.line, amount.column))
            return
        name = parts.get("name")
        goal, tree = parts.get("goal"), parts.get("indicators")
        if name is None:
            reader.problem(row, "项目行缺少项目名称", "a project row without a name")
            return
        if goal is None and tree is None:
            # A unit's subtotal row (309 门源县应急管理局 135.99): the department, not a project.
            reader.doc.department = reader.doc.department or name.text
            return
        table = Table(name=name.text, location=reader.loc(row.line, name.column))
        reader.doc.tables.append(table)
        amount = parts.get("amount")
        if amount is not None:
            table.funding.total = money(amount.text, unit, reader.loc(row.line, amount.column))
        if goal is not None:
            table.goal = html_cells.paragraphs(goal.raw)
            table.goal_location = reader.loc(row.line, first_text_column(goal))
        if tree is not None:
            table.indicators = html_cells.read_tree(tree.raw, row.line, tree.column, reader.path)


class TransposedSection:
    """Indicators as columns: a row of 二级 headings, a row of 三级 names under them, then one row
    per place or unit whose cells are the values, the place first. The first place's values are
    the table's (as for one value column per place in an upright table)."""

    def __init__(self, reader: FormReader, row: Row):
        self.reader = reader
        reader.current(reader.loc(row.line, row.filled[0].column))
        # (cell index, heading): a merged heading spans the names up to the next one
        self.level2 = [(c.index, c.text) for c in row.filled]
        self.first = -1  # where this table's indicators start in table.indicators
        self.width = 0  # how many names
        self.valued = False

    @staticmethod
    def starts(row: Row) -> bool:
        """Three or more distinct 二级 headings side by side, nothing else: no upright table prints that."""
        texts = [c.text for c in row.filled]
        level2 = {glossary.normalise_level2(t) for t in texts}
        return len(texts) >= 3 and None not in level2 and len(level2) == len(texts)

    def ends(self, row: Row) -> bool:
        if self.first < 0:
            return len(row.filled) < 2  # no names under the headings
        return len(row.filled) not in (self.width, self.width + 1)

    def feed(self, row: Row) -> None:
        reader = self.reader
        table = reader.table
        assert table is not None
        if self.first < 0:
            self.first, self.width = len(table.indicators), len(row.filled)
            for cell in row.filled:
                cats = Categories()
                heading = next((t for at, t in reversed(self.level2) if at <= cell.index), self.level2[0][1])
                cats.heading(heading, prefer_level1=False)
                table.indicators.append(
                    make_indicator(cats, cell.text, "", reader.path, row.line, first_text_column(cell))
                )
            return
        if self.valued:
            return  # another place's values: the table's are the first place's
        values = row.filled
        if len(values) == self.width + 1:
            values = values[1:]  # the place or unit the row is for
        for i, cell in enumerate(values):
            old = table.indicators[self.first + i]
            cats = Categories(old.level1, old.level1_printed, old.level2, old.level2_printed)
            new = make_indicator(
                cats, old.name, cell.text, reader.path, old.location.line, old.location.column, cell.column
            )
            new.value_location = reader.loc(row.line, cell.column)
            table.indicators[self.first + i] = new
        self.valued = True


def unit_heading(text: str) -> str | None:
    """``预算金额(万元)`` is a column heading giving the unit: its unit; None for other text."""
    key = compact(text)
    m = re.fullmatch(r"(?:预算)?(?:金额|资金|数额)\((万元|元|亿元)\)|(?:单位:)?(万元|元|亿元)", key)
    if m:
        return m.group(1) or m.group(2)
    if key in ("部门预算支出", "收入来源", "事业发展性支出", "按预算级次划分", "预算金额"):
        return ""
    return None
