"""Office files take the same path as text: corpus documents of different families laid out as
workbooks, one cell per cell, 一级 and 二级 merged down over their rows, read into the same rows.

The workbook is built from the document's expected file (its rows as a person read them), the
way a department fills the standard form in Excel; the text is read from the published dump.
Both must give the same (二级, name, value) rows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from linter.readers import read_path

CORPUS = Path(__file__).parent / "corpus"
# One document per family: pipe-closed cells, single-spaced rows with separate columns, bracket
# prose, pipe rows that lost their levels, labels broken over lines, a form with no levels in
# three tables, a unit / comparator / value column each.
FAMILIES = ("a01", "a03", "a04", "a05", "a08", "a09", "b10")


def expected(prefix: str) -> dict:
    (path,) = CORPUS.glob(f"{prefix}_*.expected.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def workbook_of(document: dict, out: Path) -> Path:
    """One sheet per table: 项目名称, then 一级指标 | 二级指标 | 三级指标 | 指标值 with merged levels."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for number, table in enumerate(document["tables"], 1):
        ws = book.create_sheet(f"表{number}")
        ws.append(["项目名称", table["name"] or f"项目{number}"])
        ws.append(["一级指标", "二级指标", "三级指标", "指标值"])
        first = ws.max_row + 1
        for ind in table["indicators"]:
            ws.append([_level1_printed(ind), ind.get("level2_printed") or "", ind["name"], ind["value"]])
            ws.cell(ws.max_row, 4).data_type = "s"  # =8 is what the clerk typed, not a formula
        for column in (1, 2):  # merge each run of one printed level down over its rows
            start = first
            for row in range(first + 1, ws.max_row + 2):
                if row > ws.max_row or ws.cell(row, column).value != ws.cell(start, column).value:
                    if row - 1 > start and ws.cell(start, column).value:
                        for r in range(start + 1, row):
                            ws.cell(r, column).value = None
                        ws.merge_cells(
                            start_row=start, start_column=column, end_row=row - 1, end_column=column
                        )
                    start = row
    book.save(out)
    return out


def _level1_printed(ind: dict) -> str:
    return ind.get("level1") or ""


def rows_of(doc) -> list[tuple[str, str, str]]:
    return [
        (i.level2, re.sub(r"\s+", "", i.name), re.sub(r"\s+", "", i.value_text))
        for t in doc.tables
        for i in t.indicators
    ]


@pytest.mark.parametrize("prefix", FAMILIES)
def test_a_corpus_document_as_a_workbook_reads_the_same_rows(prefix, tmp_path):
    document = expected(prefix)
    text_rows = rows_of(read_path(next(CORPUS.glob(f"{prefix}_*.txt"))))
    book_rows = rows_of(read_path(workbook_of(document, tmp_path / f"{prefix}.xlsx")))
    want = [(i["level2"] or "", i["name"], i["value"]) for t in document["tables"] for i in t["indicators"]]
    assert book_rows == want
    assert text_rows == want
