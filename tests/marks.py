"""The marks an annotated copy carries, and the marks ``check``'s findings call for, as comparable counts.

A mark is (sheet or table, cell, rule code), once per finding: read back from the comments of an
annotated workbook (every sheet but 检查结果) or Word document (comments anchored in table cells
and body paragraphs), and computed from the findings of ``check --format json`` at the cell each
names. A merged cell is named by its first cell, in both: a workbook's range by its top-left, a
Word cell by the first row and grid column where it shows (as the Word reader names it).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from linter.cli import main

CODE = re.compile(r"\[(IL\d{3}) ")


def check_findings(path: Path | str) -> list[dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


# ---------------------------------------------------------------------- workbooks


def _merged_tops(ws) -> dict[str, str]:
    tops = {}
    for merged in ws.merged_cells.ranges:
        top = f"{merged.start_cell.column_letter}{merged.min_row}"
        for row in ws.iter_rows(
            min_row=merged.min_row, max_row=merged.max_row, min_col=merged.min_col, max_col=merged.max_col
        ):
            for cell in row:
                tops[cell.coordinate] = top
    return tops


def xlsx_marks(path: Path | str) -> Counter:
    import openpyxl

    book = openpyxl.load_workbook(path)
    marks: Counter = Counter()
    for ws in book.worksheets:
        if ws.title == "检查结果":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.comment is not None:
                    for code in CODE.findall(cell.comment.text):
                        marks[(ws.title, cell.coordinate, code)] += 1
    return marks


def xlsx_expected(source: Path | str, findings: list[dict]) -> Counter:
    import openpyxl

    book = openpyxl.load_workbook(source)
    tops = {ws.title: _merged_tops(ws) for ws in book.worksheets}
    return Counter((f["sheet"], tops[f["sheet"]].get(f["cell"], f["cell"]), f["code"]) for f in findings)


def xlsx_fills(path: Path | str) -> dict[tuple[str, str], str]:
    """(sheet, cell) → fill colour of every commented cell."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    return {
        (ws.title, cell.coordinate): cell.fill.fgColor.rgb[-6:]
        for ws in book.worksheets
        if ws.title != "检查结果"
        for row in ws.iter_rows()
        for cell in row
        if cell.comment is not None
    }


# ---------------------------------------------------------------------- Word documents


def _docx_names(document) -> dict:
    """Each w:tc / w:p element → (sheet, cell) as the Word reader names its first position. (Keyed by
    the elements themselves, which keeps lxml's proxies alive: an id() of a dropped one is reused.)"""
    from docx.table import Table

    names: dict = {}
    tables = paragraphs = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs += 1
            names[child] = ("正文", f"P{paragraphs}")
        elif tag == "tbl":
            tables += 1
            for r, row in enumerate(Table(child, document).rows, 1):
                for c, cell in enumerate(row.cells, 1):
                    names.setdefault(cell._tc, (f"表{tables}", f"R{r}C{c}"))
    return names


def docx_marks(path: Path | str) -> Counter:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    texts = {str(c.comment_id): c.text for c in document.comments}
    names = _docx_names(document)
    marks: Counter = Counter()
    for start in document.element.body.iter(qn("w:commentRangeStart")):
        holder = start.getparent()
        while holder is not None and holder not in names:
            holder = holder.getparent()
        assert holder is not None, "a comment outside any cell or paragraph of the body"
        for code in CODE.findall(texts[start.get(qn("w:id"))]):
            marks[(*names[holder], code)] += 1
    return marks


def docx_expected(annotated: Path | str, findings: list[dict]) -> Counter:
    """The findings' cells, named as ``docx_marks`` names them (the copy has the input's tables)."""
    import docx
    from docx.table import Table

    document = docx.Document(str(annotated))
    first: dict[tuple[str, str], tuple[str, str]] = {}
    tables = 0
    for child in document.element.body.iterchildren():
        if child.tag.rsplit("}", 1)[-1] == "tbl":
            tables += 1
            seen: dict = {}  # w:tc element → where it first shows
            for r, row in enumerate(Table(child, document).rows, 1):
                for c, cell in enumerate(row.cells, 1):
                    here = (f"表{tables}", f"R{r}C{c}")
                    first[here] = seen.setdefault(cell._tc, here)
    return Counter(
        (*first.get((f["sheet"], f["cell"]), (f["sheet"], f["cell"])), f["code"]) for f in findings
    )


def docx_shaded(path: Path | str) -> int:
    """How many table cells carry a fill of ours (the 检查结果 table's included)."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    return sum(
        1
        for shd in document.element.body.iter(qn("w:shd"))
        if shd.get(qn("w:fill")) in ("FFC7CE", "FFEB9C", "DDEBF7")
    )


def findings_sheet_codes(path: Path | str) -> Counter:
    """The rule codes listed in a findings workbook (``check --format xlsx``: its 规则 column,
    ``IL201 <title>``)."""
    import openpyxl

    ws = openpyxl.load_workbook(path)["审核意见"]
    return Counter(row[7].value.split()[0] for row in ws.iter_rows(min_row=2) if row[7].value)
