"""The marks an annotated copy carries, held to the findings written by hand for the example it was
made from (tests/findings_of.py), never to what ``check`` itself says.

A mark is read back from the comments of an annotated workbook (every sheet but 检查结果) or Word
document (comments anchored in table cells and body paragraphs): (sheet or table, cell, rule code),
once per finding, and the texts of the row it is on. ``unmatched_marks`` pairs them with the
hand-written findings of the example: a finding on a row with a mark of its rule on the row that
holds the indicator's name, a finding on a whole table (a missing category, the goal) with a mark
of its rule. A merged cell is named by its first cell: a workbook's range by its top-left, a Word
cell by the first row and grid column where it shows (as the Word reader names it).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from findings_of import CODE as CODE_OF
from findings_of import TABLES_OF, expected_of

from linter.glossary import LEVEL1_NAMES, LEVEL2_NAMES

CODE = re.compile(r"\[(IL\d{3}) ")


def hand_written_codes(example: str) -> Counter:
    """The rule codes of the findings written by hand for example ``000`` … ``004``."""
    return Counter(CODE_OF[rule] for _, rule, _ in expected_of(example).elements())


def unmatched_marks(marked: list[tuple[str, frozenset[str]]], example: str) -> tuple[list, list]:
    """(findings written by hand without their mark, marks without their finding), given the marks
    as (rule code, texts of the row the mark is on): both empty when the copy is marked as a
    reviewer would expect, one mark per finding, each finding on a row on the row whose cells hold
    the indicator's name (002 prints its indicators as a list in one cell: that cell)."""
    whole = set(TABLES_OF[example]) | set(LEVEL1_NAMES) | set(LEVEL2_NAMES)  # a table's, not a row's
    wanted = [(CODE_OF[rule], name) for _, rule, name in expected_of(example).elements()]
    left = list(marked)
    missing = []
    for code, name in sorted(wanted, key=lambda w: w[1] in whole):  # the rows' findings first
        mark = next(
            (m for m in left if m[0] == code and (name in whole or any(name.strip() in t for t in m[1]))),
            None,
        )
        if mark is None:
            missing.append((code, name))
        else:
            left.remove(mark)
    return missing, left


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


def xlsx_marked_rows(path: Path | str) -> list[tuple[str, frozenset[str]]]:
    """(rule code, texts of the mark's row on its sheet) for each mark of an annotated workbook."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    out = []
    for ws in book.worksheets:
        if ws.title == "检查结果":
            continue
        for row in ws.iter_rows():
            texts = frozenset(str(c.value).strip() for c in row if c.value is not None)
            for cell in row:
                if cell.comment is not None:
                    out += [(code, texts) for code in CODE.findall(cell.comment.text)]
    return out


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


def docx_marked_rows(path: Path | str) -> list[tuple[str, frozenset[str]]]:
    """(rule code, texts of the mark's table row, or its paragraph) for each mark of an annotated
    Word document."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    texts = {str(c.comment_id): c.text for c in document.comments}
    out = []
    for start in document.element.body.iter(qn("w:commentRangeStart")):
        around = list(start.iterancestors())
        row = next((a for a in around if a.tag == qn("w:tr")), None)  # a table cell's row, or the paragraph
        holder = row if row is not None else next((a for a in around if a.tag == qn("w:p")), None)
        assert holder is not None, "a comment outside any row or paragraph of the body"
        cells = list(holder.iter(qn("w:tc"))) if row is not None else [holder]
        row_texts = frozenset("".join(t.text or "" for t in c.iter(qn("w:t"))).strip() for c in cells)
        out += [(code, row_texts) for code in CODE.findall(texts[start.get(qn("w:id"))])]
    return out


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
