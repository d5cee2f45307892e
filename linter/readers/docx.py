"""Word documents (.docx, python-docx) → Document.

The body is read in order, as a person reads it: each paragraph is a one-cell row (so the title
``部门项目支出预算绩效目标表``, ``（2025年度）`` and ``单位：万元`` printed above a table are read
as in a text file), each table row a row of cells. Both go through the text reader's row logic
(``grid``), the same as text and spreadsheets.

* A merged cell keeps its text in its first grid cell; the other cells it covers (``gridSpan``
  to the right, ``vMerge`` below) read empty, like a merged cell in extracted text.
* A table nested in a cell is read right after the row holding it, its rows numbered apart.
* Locations: ``file.docx:表2!R5C3`` (table 2, row 5, column 3 of the grid; nested tables
  ``表2.1``) and ``file.docx:正文!P7`` (paragraph 7 of the body).
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from linter.limits import MAX_XML_ELEMENTS, count
from linter.model import Document, Location
from linter.readers import InputError
from linter.readers.excel import check_zip, encrypted
from linter.readers.form_labels import column_role
from linter.readers.grid import GridBlock, GridCell, carries_down, read_grid

if TYPE_CHECKING:  # python-docx is imported when a Word document is read
    from docx.table import Table as DocxTable


def read_docx(data: bytes, path: str) -> Document:
    """A Word document: its body paragraphs and tables (nested ones too) read as one grid."""
    if encrypted(data):
        raise InputError(path, "文档受密码保护，请先取消密码", "the document is password-protected")
    archive = check_zip(data, path, member="word/document.xml")
    _count_elements(archive, path)
    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 — python-docx / lxml raise many kinds on damaged parts
        raise InputError(
            path,
            f"无法打开 Word 文档（{type(e).__name__}）",
            f"cannot open the Word document ({type(e).__name__})",
        ) from None
    rows: list[list[GridCell]] = []
    paragraphs = tables = 0
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs += 1
            text = Paragraph(child, document).text.strip()
            if text:
                rows.append([GridCell(text, Location(path, sheet="正文", cell=f"P{paragraphs}"))])
        elif tag == "tbl":
            tables += 1
            _table_rows(DocxTable(child, document), f"表{tables}", path, rows, depth=0)
    return read_grid(path, [GridBlock(rows, name="body")], "docx")


def _table_rows(table, name: str, path: str, rows: list[list[GridCell]], depth: int) -> None:
    """Append the table's rows to ``rows``: merged cells empty but in their first position."""
    if depth > 5:
        return  # tables nested deeper than any form: ignore rather than recurse without end
    above: list = []  # the cells of the row above, and the texts they show
    above_texts: list[str] = []
    for r, row in enumerate(table.rows, 1):
        try:
            cells = list(row.cells)
        except (ValueError, IndexError):  # a malformed grid python-docx cannot lay out
            cells = []
        out: list[GridCell] = []
        texts: list[str] = []
        nested: list[DocxTable] = []
        previous = None
        for c, cell in enumerate(cells, 1):
            tc = cell._tc
            merged_down = c - 1 < len(above) and above[c - 1] is tc
            spanned = tc is previous or merged_down
            previous = tc
            if merged_down and carries_down(above_texts[c - 1]):
                text = above_texts[c - 1]  # ≥95% over two rows: each row has it, as in Excel and PDF
            else:
                text = "" if spanned else cell.text.strip()
            texts.append(text)  # what the cell shows: a spanned column below reads empty too
            inner = [] if spanned else cell.tables
            if inner and column_role(text)[0] == "skip":
                text = ""  # 绩效指标 over a nested indicator table: its caption, not a row of its own
            out.append(GridCell(text, Location(path, r, c, sheet=name, cell=f"R{r}C{c}")))
            nested.extend(inner)
        above, above_texts = [cell._tc for cell in cells], texts
        rows.append(out)
        for i, inner in enumerate(nested, 1):
            _table_rows(inner, f"{name}.{i}", path, rows, depth + 1)


_BLOCKS = re.compile(rb"<w:(?:p|tr|tc)[\s/>]")  # paragraphs, table rows, table cells


def _count_elements(archive, path: str) -> None:
    """The body's paragraphs, rows and cells counted in its XML (at most MAX_WHOLE_PART bytes, by
    check_zip) before python-docx builds them: MAX_XML_ELEMENTS at most."""
    try:
        xml = archive.read("word/document.xml")
    except Exception:  # noqa: BLE001 — a damaged member: python-docx says so, below
        return
    n = sum(1 for _ in _BLOCKS.finditer(xml))
    if n > MAX_XML_ELEMENTS:
        raise InputError(
            path,
            f"文档内容过多（{count(n)} 个段落、表格行和单元格，上限 {count(MAX_XML_ELEMENTS)}）",
            f"too much in the document ({count(n)} paragraphs, table rows and cells, limit "
            f"{count(MAX_XML_ELEMENTS)})",
        )
