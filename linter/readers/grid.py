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

from dataclasses import dataclass, field, fields, is_dataclass

from linter.model import Document, Funding, Indicator, Location, Money, Problem, Table, Task
from linter.readers.layout import Cell, Row

STRIDE = 1_000_000  # larger than any cell's text: Excel caps a cell at 32,767 characters


@dataclass
class GridCell:
    text: str
    location: Location


@dataclass
class GridBlock:
    """A run of rows read as one stream (a sheet; a Word document's paragraphs and tables)."""

    rows: list[list[GridCell]] = field(default_factory=list)
    name: str = ""  # sheet name, for messages


def rows_of(block: GridBlock, first_line: int, where: dict[int, list[Location]]) -> list[Row]:
    """The block's rows as text-reader Rows, numbered from ``first_line``; ``where`` maps them back."""
    out = []
    for offset, cells in enumerate(block.rows):
        while cells and not cells[-1].text.strip():
            cells = cells[:-1]  # trailing empty cells: a one-cell row must look like one
        line = first_line + offset
        where[line] = [c.location for c in cells]
        out.append(Row(line, [Cell(c.text.strip(), i, i * STRIDE + 1, line) for i, c in enumerate(cells)],
                       "\t".join(c.text for c in cells)))
    return out


def read_block(path: str, block: GridBlock, source_format: str) -> Document:
    """One block read on its own (state never leaks from one sheet into the next)."""
    from linter.readers.text import read_rows

    where: dict[int, list[Location]] = {}
    doc = read_rows(rows_of(block, 1, where), path, source_format)
    relocate(doc, where)
    return doc


def read_grid(path: str, blocks: list[GridBlock], source_format: str) -> Document:
    """Every block that holds a target table, merged into one Document (in block order)."""
    doc = Document(path=path, source_format=source_format)
    for block in blocks:
        if not any(c.text.strip() for row in block.rows for c in row):
            continue
        part = read_block(path, block, source_format)
        if not part.tables:
            continue  # a cover or notes sheet: no table, so its rows are not table rows
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


def relocate(doc: Document, where: dict[int, list[Location] | int]) -> None:
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

    return bool(text) and len(text) <= 40 and looks_like_value(text) and not looks_like_amount(text) \
        and block_label(text) is None


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


__all__ = ["STRIDE", "GridBlock", "GridCell", "carries_down", "column_letter", "read_block", "read_grid", "relocate",
           "sheet_location"]
