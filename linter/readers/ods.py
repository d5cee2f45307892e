"""OpenDocument spreadsheets (.ods: LibreOffice Calc, WPS) → Document, from ``content.xml`` with lxml.

Each sheet (``table:table``) is read as a grid of cell texts, as a workbook sheet is (``excel``),
and handed to the text reader's row logic (``grid``):

* a cell's text is what the sheet shows (its ``text:p`` paragraphs: ``95%`` for 0.95 formatted as a
  percentage, a date as formatted), ``text:s`` runs of spaces and ``text:tab`` kept;
* ``number-columns-repeated`` / ``number-rows-repeated`` repeat a cell or row (Calc writes the empty
  rest of a sheet as one row repeated a million times: empty repeats cost nothing here);
* a merged range (``number-rows-spanned``, ``number-columns-spanned``) keeps its text in its first
  cell and the covered cells read empty; a value merged down is repeated on each row (``spans``);
* the archive is checked as an Office file's is (size, zip bomb) before it is parsed, and the XML
  parser resolves no entity and loads nothing from outside.

Locations: ``table.ods:Sheet1!C7``.
"""

from __future__ import annotations

from linter.model import Document
from linter.readers import InputError
from linter.readers.excel import check_zip
from linter.readers.grid import GridBlock, GridCell, read_grid, sheet_location
from linter.readers.spans import SpanGrid

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
MAX_ROWS = 100_000  # rows with text past this are not read (no target table comes near)
MAX_REPEAT_FILLED = 1_000  # a cell with text repeated more often than this is repeated no further


def _t(name: str) -> str:
    return f"{{{TABLE}}}{name}"


def read_ods(data: bytes, path: str) -> Document:
    """An OpenDocument spreadsheet: each sheet of its content.xml read as a grid."""
    archive = check_zip(data, path, member="content.xml")
    from lxml import etree

    try:
        content = archive.read("content.xml")
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
        )
        root = etree.fromstring(content, parser)
    except Exception as e:  # noqa: BLE001 — zlib errors on a damaged member, XMLSyntaxError
        raise InputError(
            path,
            f"无法打开 .ods 表格（{type(e).__name__}）",
            f"cannot open the .ods spreadsheet ({type(e).__name__})",
        ) from None
    blocks = [_sheet(path, sheet) for sheet in root.iter(_t("table"))]
    return read_grid(path, blocks, "ods")


def _sheet(path: str, sheet) -> GridBlock:
    name = sheet.get(_t("name")) or "Sheet1"
    grid: SpanGrid[None] = SpanGrid()  # no origin kept: a cell's place is its location
    r = 0
    for row in _rows(sheet):
        if r >= MAX_ROWS:
            break
        repeat = _int(row.get(_t("number-rows-repeated")), 1)
        cells = list(_cells(row))
        if not any(text for text, *_ in cells):
            r += repeat  # empty rows (Calc writes the rest of the sheet as one repeated row)
            continue
        for _ in range(min(repeat, MAX_REPEAT_FILLED)):
            c = 0
            for text, columns, rowspan, colspan, covered in cells:
                if covered or not text:
                    c += columns
                    continue
                for k in range(min(columns, MAX_REPEAT_FILLED)):
                    grid.place(r, text, rowspan, colspan, column=c + k)
                c += columns
            r += 1
        r += max(0, repeat - MAX_REPEAT_FILLED)
    rows = [
        [GridCell(text, sheet_location(path, name, row + 1, c + 1)) for text, row, c in cells]
        for cells in grid.rows()
    ]
    while rows and not rows[-1]:
        rows.pop()
    return GridBlock(rows, name=name)


def _rows(sheet):
    """The sheet's rows, inside row groups and header rows too, in order; not those of nested sheets."""
    for child in sheet:
        tag = child.tag
        if tag == _t("table-row"):
            yield child
        elif tag in (_t("table-row-group"), _t("table-header-rows"), _t("table-rows")):
            yield from _rows(child)


def _cells(row):
    """(text, columns repeated, rows spanned, columns spanned, covered) for each cell element."""
    for cell in row:
        tag = cell.tag
        if tag not in (_t("table-cell"), _t("covered-table-cell")):
            continue
        columns = _int(cell.get(_t("number-columns-repeated")), 1)
        covered = tag == _t("covered-table-cell")
        text = "" if covered else cell_text(cell)
        yield (
            text,
            columns,
            _int(cell.get(_t("number-rows-spanned")), 1),
            _int(cell.get(_t("number-columns-spanned")), 1),
            covered,
        )


def cell_text(cell) -> str:
    """The text the cell shows: its paragraphs, one a line."""
    lines = []
    for p in cell:
        if p.tag in (f"{{{TEXT}}}p", f"{{{TEXT}}}h"):
            lines.append(_paragraph(p).strip())
        elif p.tag == f"{{{TEXT}}}list":
            lines.extend(_paragraph(item).strip() for item in p.iter(f"{{{TEXT}}}p"))
    return "\n".join(line for line in lines if line)


def _paragraph(element) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{{{TEXT}}}s":
            parts.append(" " * min(_int(child.get(f"{{{TEXT}}}c"), 1), 100))
        elif tag == f"{{{TEXT}}}tab":
            parts.append("\t")
        elif tag == f"{{{TEXT}}}line-break":
            parts.append("\n")
        elif tag in (f"{{{OFFICE}}}annotation", f"{{{TEXT}}}note"):
            pass  # a comment on the cell, not its text
        else:
            parts.append(_paragraph(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _int(value: str | None, default: int) -> int:
    try:
        return max(1, int(value)) if value is not None else default
    except ValueError:
        return default
