"""Rows of cells from an office file (a sheet, a Word table) → Document, through the text reader.

Spreadsheets and Word tables already come cut into cells, so they skip ``layout.split_line`` and
go straight into the text reader's row logic (``text.read_rows``): the header block, the indicator
columns, the joining of comparator / value / unit columns are the same code for every format.

The text reader thinks in lines and character columns. Each grid row is therefore given a
sequential line number and each cell a column ``index * STRIDE + 1`` (a cell's text never reaches
STRIDE characters), and afterwards every Location in the Document is mapped back to the cell it
came from (``Location(path, sheet="Sheet1", cell="D12")``), even when the reader pointed a few
characters into a cell (``项目名称：应急演练``, a tree of indicators inside one cell).

    doc = read_grid("a.xlsx", [GridBlock(rows=[[GridCell("项目名称", loc_a1), …], …])], "xlsx")
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, is_dataclass

from linter.limits import MAX_CELLS, MAX_ROW_CELLS, count
from linter.model import Document, Funding, Indicator, Location, Money, Problem, Table, Task
from linter.readers import InputError
from linter.readers.errors import too_many_cells
from linter.readers.layout import Cell, Row

STRIDE = 1_000_000  # larger than any cell's text: Excel caps a cell at 32,767 characters


@dataclass
class GridCell:
    """A cell's text and where it was read."""

    text: str
    location: Location


@dataclass
class GridBlock:
    """A run of rows read as one stream (a sheet; a Word document's paragraphs and tables).

    ``rows`` may be any iterable, read once: the Excel reader makes each row as it is read, so that
    a sheet's cells are never all held at once (and counts them against the CellBudget first:
    ``counted``)."""

    rows: Iterable[list[GridCell]] = field(default_factory=list)
    name: str = ""  # sheet name, for messages
    counted: bool = False


class CellBudget:
    """The bounds on one file's cells (linter.limits): MAX_ROW_CELLS in a row, MAX_CELLS in all;
    InputError naming the row beyond them, or the file. Rows are counted up to their last
    non-empty cell, before the reader sees any: refused in the time it takes to count them."""

    def __init__(self, path: str):
        self.path, self.left = path, MAX_CELLS

    def take(self, n: int, where) -> None:
        """Count a row of ``n`` cells; ``where(i)`` is the location of its cell ``i`` (0-based)."""
        if n > MAX_ROW_CELLS:
            raise InputError(
                str(where(MAX_ROW_CELLS)),
                f"一行中的单元格过多（{count(n)} 个，上限 {count(MAX_ROW_CELLS)}）",
                f"too many cells in one row ({count(n)}, limit {count(MAX_ROW_CELLS)})",
            )
        self.left -= n
        if self.left < 0:
            raise too_many_cells(self.path)


def _filled(cells: list[GridCell]) -> int:
    """How many cells of the row count: up to its last non-empty one."""
    last = len(cells)
    while last and not cells[last - 1].text.strip():
        last -= 1
    return last


def rows_of(
    block: GridBlock, first_line: int, where: dict[int, list[Location]], budget: CellBudget | None = None
) -> Iterator[Row]:
    """The block's non-blank rows as text-reader Rows, numbered from ``first_line``; ``where`` maps
    them back. Blank rows are left out: the reader passes over them, and a sheet whose one stray
    cell sits at row 200,000 would otherwise send it 200,000 of them."""
    line = first_line
    for cells in block.rows:
        last = _filled(cells)  # trailing empty cells left out: a one-cell row must look like one
        if not last:
            continue
        cells = cells[:last]
        if budget is not None:
            budget.take(last, lambda i, cells=cells: cells[i].location)
        where[line] = [c.location for c in cells]
        yield Row(
            line,
            [Cell(c.text.strip(), i, i * STRIDE + 1, line) for i, c in enumerate(cells)],
            "\t".join(c.text for c in cells),
        )
        line += 1


def read_block(path: str, block: GridBlock, source_format: str, budget: CellBudget | None = None) -> Document:
    """One block read on its own (state never leaks from one sheet into the next)."""
    from linter.readers.form import read_rows

    where: dict[int, list[Location]] = {}
    doc = read_rows(rows_of(block, 1, where, budget), path, source_format)
    relocate(doc, where)
    return doc


def read_grid(path: str, blocks: Iterable[GridBlock], source_format: str) -> Document:
    """Every block that holds a target table, merged into one Document (in block order). The
    cells of the blocks are counted against the file's CellBudget before any is read (those of a
    block made as it is read, as they come)."""
    doc = Document(path=path, source_format=source_format)
    blocks = list(blocks)
    budget = CellBudget(path)
    for block in blocks:
        if isinstance(block.rows, list) and not block.counted:
            for cells in block.rows:
                budget.take(_filled(cells), lambda i, cells=cells: cells[i].location)
            block.counted = True
    for block in blocks:
        part = read_block(path, block, source_format, None if block.counted else budget)
        if not part.tables:
            continue  # a cover or notes sheet (or a blank one): no table, so its rows are not table rows
        merge_into(doc, part)
    return doc


def merge_into(doc: Document, part: Document) -> None:
    doc.tables.extend(part.tables)
    doc.problems.extend(part.problems)
    doc.title = doc.title or part.title
    doc.budget_year = doc.budget_year or part.budget_year
    doc.department = doc.department or part.department
    doc.currency_unit = doc.currency_unit or part.currency_unit
    doc.total = doc.total or part.total


def relocate(doc: Document, where: Mapping[int, list[Location] | int]) -> None:
    """Replace every line/column Location of the Document by the cell's own Location (or, for a
    row that is a line of text, by that line of the file: ``where[row] = line``, columns kept)."""

    def mapped(loc: Location) -> Location:
        cells = where.get(loc.line)
        if not cells or loc.path != doc.path or loc.sheet:
            return loc
        if isinstance(cells, int):  # a line of running text (an HTML page's paragraphs): its line in the file
            return Location(loc.path, cells, loc.column)
        index = min(max(loc.column - 1, 0) // STRIDE, len(cells) - 1)
        return cells[index]

    def walk(obj) -> None:
        if isinstance(obj, list):
            for item in obj:
                walk(item)
        elif isinstance(obj, dict):
            for item in obj.values():
                walk(item)
        elif isinstance(obj, Document | Table | Indicator | Funding | Money | Task | Problem):
            for f in fields(obj):
                value = getattr(obj, f.name)
                if isinstance(value, Location):
                    setattr(obj, f.name, mapped(value))
                elif is_dataclass(value) or isinstance(value, list | dict):
                    walk(value)

    walk(doc)


def carries_down(text: str) -> bool:
    """Is a vertically merged value one each covered row has (``≥95%``), not a label or a note?"""
    from linter.readers.amounts import looks_like_amount
    from linter.readers.columns import looks_like_value
    from linter.readers.form_labels import block_label

    return (
        bool(text)
        and len(text) <= 40
        and looks_like_value(text)
        and not looks_like_amount(text)
        and block_label(text) is None
    )


def column_number(letters: str) -> int:
    """A → 1, AA → 27 (column_letter's inverse)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def column_letter(n: int) -> str:
    """1 → A, 27 → AA."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def sheet_location(path: str, sheet: str, row: int, column: int) -> Location:
    """``file.xlsx:Sheet1!D12``; line/column keep the row and column numbers for sorting."""
    return Location(path, row, column, sheet=sheet, cell=f"{column_letter(column)}{row}")


__all__ = [
    "STRIDE",
    "CellBudget",
    "GridBlock",
    "GridCell",
    "carries_down",
    "column_letter",
    "read_block",
    "read_grid",
    "relocate",
    "sheet_location",
]
