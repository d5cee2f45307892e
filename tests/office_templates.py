"""Excel and Word versions of the four example documents, laid out as real templates are.

Used by test_excel, test_docx and test_annotate (and bench/excel.py). Each example's text lines are
cut into cells (``layout.split_line``) and placed on a grid, then dressed the way department
templates are: the header rows (title, 年度, 单位) above the grid; a label whose cells below are
empty merged down over them (一级/二级 in the indicator grid, 资金投入 and 绩效目标 in the header
block); a label followed by one empty cell merged across it; numbers stored as numbers, percentages
as fractions formatted ``0%``. Example 000 additionally has its values split into separate
符号 / 年度指标值 / 度量单位 columns, the grid starting in column B; 004 has one table per sheet.
The content is the same as the text file's, so the findings must be the same.
"""

from __future__ import annotations

import re
from pathlib import Path

from linter.readers.form_labels import block_label, is_indicator_header, is_title, is_year_line
from linter.readers.layout import split_line

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NAMES = {
    "000": "000_8b9eba17efc00524",
    "002": "002_cab738b0acffaaf0",
    "003": "003_ce0a18593ae1bf2a",
    "004": "004_68506cad869715c1",
}
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_SPLIT_VALUE = re.compile(r"^(≥|≤|>|<)?\s*(\d+(?:\.\d+)?)\s*(\S*)$")


def example_text(key: str) -> str:
    return (EXAMPLES / f"{NAMES[key]}.txt").read_text(encoding="utf-8")


def example_path(key: str) -> Path:
    return EXAMPLES / f"{NAMES[key]}.txt"


def all_examples(make, folder: Path, suffix: str) -> dict[str, Path]:
    """Every example converted by ``make(key, path)`` (xlsx_of, docx_of, pdf_of) into ``folder``."""
    return {key: make(key, folder / f"{key}{suffix}") for key in NAMES}


def grid_of(text: str) -> list[list[str]]:
    """The text's lines as rows of cell texts (blank lines kept as blank rows)."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        row = split_line(line, number)
        # each cell as printed: the same stretch of the line (a Cell's own text is folded, 1，2 → 1,2)
        rows.append([line[c.column - 1 : c.column - 1 + len(c.raw)] for c in row.cells])
    return rows


def sections(text: str) -> list[str]:
    """004 cut at its ``## `` headings: one table per sheet."""
    parts = re.split(r"\n(?=## )", text)
    return [p for p in parts if p.strip()]


def _is_document_line(row: list[str]) -> bool:
    filled = [c for c in row if c.strip()]
    if not filled:
        return False
    return len(filled) == 1 and (
        is_title(filled[0].lstrip("# ")) or is_year_line(filled[0]) or filled[0].startswith("单位")
    )


def split_values(rows: list[list[str]]) -> list[list[str]]:
    """000's indicator grids with 符号 | 年度指标值 | 度量单位 columns instead of one value column."""
    out, in_grid = [], False
    for row in rows:
        filled = [c for c in row if c.strip()]
        if filled and is_indicator_header(filled):
            in_grid = True
            out.append(["一级指标", "二级指标", "三级指标", "符号", "年度指标值", "度量单位"])
            continue
        if in_grid and not filled:
            in_grid = False
        if not in_grid:
            out.append(row)
            continue
        head = (row + ["", "", ""])[:3]
        value = next((c for c in reversed(row[3:]) if c.strip()), "")
        m = _SPLIT_VALUE.match(value)
        parts = [m.group(1) or "", m.group(2), m.group(3)] if m else ["", value, ""]
        if parts[2] == "%":
            parts[1] += "%"  # stored as 0.95 formatted 0%, beside a 度量单位 cell saying %
        out.append(head + parts)
    return out


def place(ws, rows: list[list[str]], top: int = 1, left: int = 1) -> None:
    """Write rows into an openpyxl sheet, numbers as numbers, and merge as templates do."""
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if not text.strip():
                continue
            cell = ws.cell(row=top + r, column=left + c)
            percent, number = _PERCENT.match(text), _NUMBER.match(text)
            if percent:
                cell.value = float(percent.group(1)) / 100
                cell.number_format = "0.0%" if "." in percent.group(1) else "0%"
            elif number and not (len(text) > 1 and text.startswith("0") and "." not in text):
                cell.value = float(text) if "." in text else int(text)
            else:
                cell.value = text
    for r1, c1, r2, c2 in merges(rows):
        ws.merge_cells(start_row=top + r1, start_column=left + c1, end_row=top + r2, end_column=left + c2)


def merges(rows: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """(row, col, last row, last col), 0-based: labels merged down over the empty cells below them
    inside a block (header block or indicator grid), and a cell merged across one empty cell."""
    out = []
    taken: set[tuple[int, int]] = set()

    def at(r: int, c: int) -> str:
        return rows[r][c].strip() if r < len(rows) and c < len(rows[r]) else ""

    # Blocks: runs of rows between document lines (title, year) and blank rows ending a grid.
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if not text.strip() or (r, c) in taken or _is_document_line(row):
                continue
            if c > 2 and not block_label(text):
                continue  # only label columns are merged down
            end = r
            while (
                end + 1 < len(rows)
                and not at(end + 1, c)
                and any(x.strip() for x in rows[end + 1])
                and not _is_document_line(rows[end + 1])
                and not is_indicator_header([x for x in rows[end + 1] if x.strip()])
                and _before_first(rows[end + 1], c)
            ):
                end += 1
            if end > r:
                out.append((r, c, end, c))
                taken.update((x, c) for x in range(r, end + 1))
    for r, row in enumerate(rows):
        filled = [x for x in row if x.strip()]
        if len(filled) < 3 or _is_document_line(row):
            continue
        for c in range(len(row) - 2):
            if (
                at(r, c)
                and not at(r, c + 1)
                and at(r, c + 2)
                and (r, c) not in taken
                and (r, c + 1) not in taken
            ):
                out.append((r, c, r, c + 1))
                taken.update({(r, c), (r, c + 1)})
    return out


def _before_first(row: list[str], c: int) -> bool:
    """The column is left of the row's first filled cell: a merged label may cover it."""
    first = next((i for i, x in enumerate(row) if x.strip()), len(row))
    return c < first


def xlsx_of(key: str, out: Path) -> Path:
    """The example as a workbook at ``out``."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    text = example_text(key)
    if key == "004":
        book.remove(ws)
        for i, part in enumerate(sections(text), 1):
            place(book.create_sheet(f"表{i}"), grid_of(part))
    elif key == "000":
        ws.title = "绩效目标表"
        place(ws, split_values(grid_of(text)), top=2, left=2)
    else:
        ws.title = "Sheet1"
        place(ws, grid_of(text))
    book.save(out)
    return out


def docx_of(key: str, out: Path) -> Path:
    """The example as a Word document: document lines as paragraphs, each block of rows a table."""
    import docx

    document = docx.Document()
    rows = grid_of(example_text(key))
    block: list[list[str]] = []

    def flush() -> None:
        if not block:
            return
        width = max(len(r) for r in block)
        table = document.add_table(rows=len(block), cols=width)
        grid = [list(row.cells) for row in table.rows]  # table.cell() rebuilds the whole grid each call
        for r, row in enumerate(block):
            for c, text in enumerate(row):
                grid[r][c].text = text
        for r1, c1, r2, c2 in merges(block):
            merged = grid[r1][c1].merge(grid[r2][c2])
            merged.text = block[r1][c1]
        block.clear()

    for row in rows:
        filled = [c for c in row if c.strip()]
        if len(filled) <= 1 and len(row) <= 1:
            flush()
            if filled:
                document.add_paragraph(
                    filled[0].lstrip("# ").strip() if filled[0].startswith("#") else filled[0]
                )
            continue
        block.append(row)
    flush()
    document.save(out)
    return out
