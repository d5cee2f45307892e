"""Placing one row of an indicator table: which cell is the 一级, 二级, name, value, remark.

The column headings say where things should be (``ColumnMap``). Real rows often disagree: merged
cells collapse, a cell slips one column left (``→→警示教育片→1 次→``), a 二级 label lands in
the 一级 column. So a row is first read by position, and only if that reading is inconsistent
(a non-label in a label column, a cell outside every column, a category where the name goes)
it is read by content: leading category labels, then the name, then the remaining cells in the
order of the value-like columns. Separate comparator / value / unit columns are joined into one
value text (``≥`` ``95`` ``%`` → ``≥95%``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linter import glossary, regexes
from linter.readers.form_labels import BARE_NAME_HEADINGS, column_role
from linter.readers.layout import Cell
from linter.values import parse, split_name_value
from linter.values.transform import comparator_pattern
from linter.values.types import Date, Empty, Grade, Text

_FILLER = regexes.compile(r"^(?:绩效指标|指标|\d{1,3}|[-—–]+)$")  # in a 名称/序号 column
# 绩效目标1:确保待遇足额支付 — a column grouping the indicators under numbered objectives
_OBJECTIVE = regexes.compile(r"^(?:绩效|年度)?目标\s*\d{1,2}\s*[:：]")
_SCORING = regexes.compile(r"扣\d*分|酌情扣|得\d+分")  # a 评(扣)分标准 cell, never an indicator's name
_FILLER_WORD = regexes.compile(r"^(?:绩效指标|指标)$")  # anywhere
# a 计算符号 column, on a cell's folded text (＝ is =; ＞ and ＜ are kept: they would open a tag)
_COMPARATOR = regexes.compile(rf"^(?:{comparator_pattern()}|＞|＜)$")
_TRAILING_COMPARATOR = regexes.compile(r"^(?:以上|以下|以内|及以上|及以下)$")
# A 指标性质 / 指标方向 / 指标值类型 cell: 定量 / 定性 / 正向 / 反向指标 …
_NATURE = regexes.compile(r"^(?:定量|定性|正向|反向|中性|正向指标|反向指标|中性指标|[-—]?定[量性])$")
_SHORT_WORD = regexes.compile(r"^[\u4e00-\u9fff]{1,3}$")
VALUE_ROLES = ("value", "period_value", "comparator", "unit", "remark")


@dataclass
class Column:
    """What a column of the table holds, by its heading."""

    role: str  # level1 level2 name value period_value comparator unit remark project amount skip ""
    label: str
    unit: str = ""


@dataclass
class ColumnMap:
    """The table's columns by index, as its heading row names them."""

    columns: dict[int, Column]
    places: int = 0  # value columns, one per place (新罗区 | 永定区 | …) or grade (优 | 良 | 中 | 差)
    closed: bool = False  # a remark column follows those (评价标准确定依据)

    @classmethod
    def from_cells(cls, cells: list[Cell]) -> ColumnMap:
        columns = {}
        for cell in cells:
            role, unit = column_role(cell.raw)
            if not role and cell.text:
                role = "remark"  # an unknown heading is an extra column: keep what it holds
            columns[cell.index] = Column(role or "skip", cell.text, unit)
        roles = {c.role for c in columns.values()}
        named_value = "value" in roles
        places, last_place, graded = 0, -1, False
        for index, column in columns.items():
            # one value column per place, or per grade (优 | 良 | 中 | 差, the best first as forms
            # print them): the first is the value when none is named
            if column.role in ("place", "grade"):
                graded = graded or column.role == "grade"
                column.role = "remark" if "value" in roles else "value"
                roles.add("value")
                places, last_place = places + 1, index
        if "name" not in roles:  # 指标 | 指标权重 | 计量单位 | 指标值: a table with no levels at all
            bare = next(
                (c for c in columns.values() if c.role == "skip" and c.label in BARE_NAME_HEADINGS), None
            )
            if bare is not None:
                bare.role = "name"
        if "value" not in roles:  # a table printing one value column, called 实施期指标值
            for c in columns.values():
                if c.role == "period_value":
                    c.role = "value"
                    break
        if named_value and graded:
            places += 1  # 指标值 | 优 | 良 | 中 | 差: the value's column, then the grades' (a 区域目标值 spans its places)
        closed = places > 1 and any(i > last_place and c.role == "remark" for i, c in columns.items())
        return cls(columns, places, closed)

    def index_of(self, role: str) -> int | None:
        return next((i for i, c in self.columns.items() if c.role == role), None)

    def explains_before_value(self) -> bool:
        """Is an explanation column (指标解释, 指标说明) printed between the name and the value?"""
        name, value = self.index_of("name"), self.index_of("value")
        if name is None or value is None:
            return False
        return any(name < i < value and c.role == "remark" for i, c in self.columns.items())

    def scored_after_value(self) -> bool:
        """Is a score column (分值, 权重, 得分) printed right after the value?"""
        value = self.index_of("value")
        after = self.columns.get(value + 1) if value is not None else None
        return after is not None and glossary.figure_kind(after.label) in ("weight", "score")

    def evaluates(self) -> bool:
        """Does the heading print what a self-evaluation adds to the targets: the year's actual value
        (全年实际值, 实际完成值) and a score (得分)? A 分值 / 权重 column alone weights a target table
        too, an actual value alone is a monitoring form's (b05: 实际完成值 | 未达到指标值原因), and a
        上年实际值 is a target table's baseline."""
        kinds = {glossary.figure_kind(c.label) for c in self.columns.values()}
        return {"actual", "score"} <= kinds

    def figure_columns(self) -> list[str]:
        """The kinds of the figure columns after the name, in order, when a self-evaluation form
        prints three or more (分值 | 指标值(A) | 全年实际值(B) | 得分): weight, value, actual, score.
        Their figures may run together in run-on text; [] for other tables."""
        name, value = self.index_of("name"), self.index_of("value")
        if name is None or value is None or not self.evaluates():
            return []
        kinds = []
        for i, column in sorted(self.columns.items()):
            if i <= name:
                continue
            if column.role == "value":
                kinds.append("value")
            elif (kind := glossary.figure_kind(column.label)) is not None:
                kinds.append(kind)
        return kinds if 3 <= len(kinds) <= 4 else []

    def value_roles(self) -> list[tuple[int, Column]]:
        """The columns after the name, in printed order, that hold values or remarks."""
        name = self.index_of("name")
        return [
            (i, c)
            for i, c in sorted(self.columns.items())
            if c.role in VALUE_ROLES and (name is None or i > name)
        ]


@dataclass
class Placed:
    """What a row says: category labels, and an indicator's parts (any may be missing)."""

    labels: list[Cell] = field(default_factory=list)
    label_levels: list[str] = field(default_factory=list)  # "l1" / "l2", one per label
    name: Cell | None = None
    value: Cell | None = None
    period: Cell | None = None
    comparator: Cell | None = None
    unit: Cell | None = None
    remarks: list[tuple[str, Cell]] = field(default_factory=list)
    project: Cell | None = None
    amount: Cell | None = None

    def value_text(self) -> str:
        return joined_value(self.comparator, self.value, self.unit)

    def extra_remarks(self) -> dict[str, str]:
        out = {label: cell.text for label, cell in self.remarks if cell.text}
        if self.comparator and not _is_comparator(self.comparator.text):
            out["指标性质"] = self.comparator.text  # 定性 / 正向: not a comparator, keep it
        return out


def _is_comparator(text: str) -> bool:
    return bool(_COMPARATOR.match(text) or _TRAILING_COMPARATOR.match(text))


def joined_value(comparator: Cell | None, value: Cell | None, unit: Cell | None) -> str:
    """The value text of separate comparator / value / unit cells (``≥`` ``95`` ``%`` → ``≥95%``)."""
    text = value.text if value else ""
    if unit and unit.text and text and not text.endswith(unit.text):
        text += unit.text
    if comparator and text:
        c = comparator.text
        if _TRAILING_COMPARATOR.match(c):
            text += c
        elif _COMPARATOR.match(c) and not text.startswith(c):
            text = c + text
    return text


def _same_category(first: Cell, second: Cell) -> bool:
    level2 = glossary.normalise_level2(second.text)
    return level2 is not None and glossary.normalise_level2(first.text) == level2


def _continues_date(value: str, following: str) -> bool:
    return (
        isinstance(parse(value), Date)
        and not following[:1].isdigit()
        and isinstance(parse(value + following), Date)
    )


def fits_column(role: str, text: str) -> bool:
    """Can ``text`` stand in a column of this role? Only the unit and comparator columns are picky:
    a cell that cannot be there belongs to a later column, this one being empty on the row."""
    if role == "unit":  # 人数, 个数: a short word in a unit column is the table's unit
        return _is_unit(text) or bool(_NATURE.match(text)) or _SHORT_WORD.match(text) is not None
    if role == "comparator":
        return _is_comparator(text) or bool(_NATURE.match(text))
    return True


def looks_like_value(text: str) -> bool:
    """Whether ``text`` parses as a value rather than as text."""
    return not isinstance(parse(text), Text | Empty)


def place_row(cells: list[Cell], columns: ColumnMap) -> Placed:
    """The row's cells placed: by position when that reading holds, else by content."""
    placed = by_position(cells, columns) or by_content(cells, columns)
    if placed.name is not None and placed.value is None and _SCORING.search(placed.name.text):
        # 经济效益指标 | 未达指标值酌情扣分: a 二级 with no indicator, only its 评(扣)分标准 printed
        placed.remarks.append(("评分标准", placed.name))
        placed.name = None
    return placed


def by_position(cells: list[Cell], columns: ColumnMap) -> Placed | None:  # noqa: C901 — a branch per column role
    """The row read by the columns its cells are in; None when that reading does not hold."""
    placed = Placed()
    has_value = any(
        not c.empty and getattr(columns.columns.get(c.index), "role", "") in ("value", "period_value")
        for c in cells
    )
    for cell in cells:
        if cell.empty:
            continue
        column = columns.columns.get(cell.index)
        if column is None:
            return None
        text, role = cell.text, column.role
        if role in ("skip", ""):
            if not _FILLER.match(text):
                return None
        elif role == "level1":
            if not glossary.normalise_level1(text):
                return None
            placed.labels.append(cell)
            placed.label_levels.append("l1")
        elif role == "level2":
            if not glossary.normalise_level2(text):
                return None
            placed.labels.append(cell)
            placed.label_levels.append("l2")
        elif role == "name":
            # 服务对象满意度 | ≥90%: in the name column and with a value, a category word is a name
            if glossary.is_category_label(text) and not has_value:
                return None
            placed.name = cell
        elif role == "comparator" and not (_is_comparator(text) or _NATURE.match(text)):
            return None  # a value slid left into the empty 指标性质 column: read by content
        elif role == "unit" and not _is_unit(text):
            return None
        elif role in ("value", "period_value", "comparator", "unit", "project", "amount"):
            setattr(placed, "period" if role == "period_value" else role, cell)
        else:
            placed.remarks.append((column.label, cell))
    if placed.name is None and (placed.value or placed.period):
        return None
    return placed


def by_content(cells: list[Cell], columns: ColumnMap) -> Placed:
    """The row read by what its cells say: leading category labels, the name, then the values."""
    placed = Placed()
    items: list[Cell] = []
    for cell in cells:
        column = columns.columns.get(cell.index)
        if cell.empty or _FILLER_WORD.match(cell.text) or _OBJECTIVE.match(cell.text):
            continue
        if column and column.role == "skip" and _FILLER.match(cell.text):
            continue
        if column and column.role in ("project", "amount") and not items:
            setattr(placed, column.role, cell)
            continue
        items.append(cell)
    level1_index = columns.index_of("level1")
    while items and glossary.is_category_label(items[0].text):
        column = columns.columns.get(items[0].index)
        if column and column.role == "name" and len(items) > 1:
            break  # a name that happens to be a category word, followed by its value
        cell = items.pop(0)
        l1 = glossary.normalise_level1(cell.text)
        l2 = glossary.normalise_level2(cell.text)
        at_level1 = level1_index is not None and cell.index <= level1_index
        placed.labels.append(cell)
        placed.label_levels.append("l1" if l1 and (not l2 or at_level1) else "l2")
    if len(items) > 1 and len(placed.labels) >= 2 and _NATURE.match(items[0].text):
        # 成本指标 | 社会成本指标 | 定量 | 100 | %: a 指标性质 follows the name, so the last label is it
        items.insert(0, placed.labels.pop())
        placed.label_levels.pop()
    if (
        items
        and len(placed.labels) >= 2
        and _same_category(placed.labels[-2], placed.labels[-1])
        and (len(items) == 1 or isinstance(parse(items[0].text), Grade))
    ):
        # 社会公众或服务对象满意度 | 服务对象满意度 | 满意: the second 满意度 is the indicator's name
        placed.name, placed.value = placed.labels.pop(), items[0]
        placed.label_levels.pop()
        return placed
    if not items:
        return placed
    roles = columns.value_roles()
    if len(items) == 1 or not roles:
        only = items[0]
        if looks_like_value(only.text) and len(items) == 1:
            placed.value = only  # a value on its own: the rest of the row above
            return placed
        placed.name = only
        rest = items[1:]
        if not rest:
            name, value = split_name_value(only.text)
            if value:
                placed.name = Cell(name, only.index, only.column, only.line)
                at = only.raw.rfind(value)
                placed.value = Cell(value, only.index, only.column + max(at, 0), only.line)
            return placed
    else:
        placed.name, rest = items[0], items[1:]
    _assign_by_order(placed, rest, roles)
    return placed


def _assign_by_order(placed: Placed, cells: list[Cell], roles: list[tuple[int, Column]]) -> None:
    free = [c for _, c in roles]
    has = {c.role for c in free}
    if (
        len(cells) == 1
        and "value" in has
        and not _is_comparator(cells[0].text)
        and (free[0].role in ("value", "period_value") or looks_like_value(cells[0].text))
    ):
        placed.value = cells[0]  # one value under two value columns: the annual one
        return
    for cell in cells:
        text = cell.text
        if _NATURE.match(text) and not (placed.value is None and len(cells) == 1):
            placed.remarks.append(("指标性质", cell))  # 定量 / 正向: what kind of target, not the target
            continue
        if placed.comparator is None and placed.value is None and _is_comparator(text):
            placed.comparator = cell
            continue
        if "unit" in has and placed.unit is None and placed.value is not None and _is_unit(text):
            placed.unit = cell
            continue
        if placed.value is not None and _continues_date(placed.value.text, text):
            # 2023年 | 年底前: one date cut in two by single-spaced words
            placed.value = Cell(
                placed.value.text + text, placed.value.index, placed.value.column, placed.value.line
            )
            continue
        for column in list(free):
            if column.role in ("comparator", "unit"):
                continue
            free.remove(column)
            if (
                column.role == "remark"
                and _EXPLAINS.search(column.label)
                and placed.value is None
                and any(c.role == "value" for c in free)
                and looks_like_value(text)
            ):
                continue  # its 指标说明 left out (run-on text): the value goes on to the value column
            if column.role == "value":
                placed.value = cell
            elif column.role == "period_value":
                placed.period = cell
            else:
                placed.remarks.append((column.label, cell))
            break
        else:
            placed.remarks.append(("", cell))


_EXPLAINS = regexes.compile(r"说明|解释|描述|内容")


def _is_unit(text: str) -> bool:
    from linter.values.units import MAGNITUDES, UNITS

    if text in UNITS or text in MAGNITUDES or text in ("万元", "百分比", "%", "％"):
        return True  # (万 alone: the table's counts or sums in ten thousands)
    # 人/次, 万元/人: a compound unit reads as one when a number is put before it
    return not text[:1].isdigit() and getattr(parse("1" + text), "unit", None) is not None
