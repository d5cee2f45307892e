"""Excel workbooks (.xlsx with openpyxl, legacy .xls with xlrd) → Document.

Each sheet is read as a grid of cell texts and handed to the text reader's row logic (``grid``),
so a workbook is read exactly as the same table printed as text would be. What is particular to
a spreadsheet is settled here:

* a cell's value becomes the text a person sees: 0.95 formatted as a percentage is ``95%``, 13.0
  is ``13``, a date cell is ``2024年12月31日`` (``2024年12月`` when the format shows no day);
* a merged range keeps its value in its top-left cell, the rest read empty — the reader carries
  一级/二级 labels down as a person does. A vertically merged indicator value (``≥95%`` shared by
  two rows) is repeated on each row it covers, since each indicator has that value;
* hidden rows, columns and sheets are read like visible ones, and noted (``notes``);
* a file that is no workbook, a truncated or zip-bomb-shaped archive or a password-protected one
  is refused with an ``InputError`` before any parser sees it.

    doc, notes = read_excel(Path("a.xlsx").read_bytes(), "a.xlsx")
    doc.tables[0].indicators[0].location  → Location(path="a.xlsx", sheet="Sheet1", cell="C9", …)
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from decimal import Decimal, InvalidOperation

from linter.model import Document
from linter.readers import InputError
from linter.readers.grid import GridBlock, GridCell, carries_down, read_grid, sheet_location
from linter.values.numerals import plain_number

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # the whole archive, unpacked
MAX_RATIO = 200  # unpacked / packed for one big member: real sheets compress ~10×, bombs ~1000×
MAX_MEMBERS = 10_000
_DECIMALS = re.compile(r"\.(0+)")


# ---------------------------------------------------------------------- archive safety


def check_zip(data: bytes, path: str, member: str = "xl/workbook.xml") -> zipfile.ZipFile:
    """The opened archive, after its directory was checked; InputError for a broken or bomb file."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # NotImplementedError: a directory asking for a zip version (or compression) Python lacks
        raise InputError(path, "文件已损坏（不是完整的 zip/Office 文件）",
                     "file is damaged (not a complete zip/Office file)") from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(path, "压缩包内文件过多，疑似恶意文件", "too many members in the archive (zip bomb?)")
    total = sum(i.file_size for i in infos)
    bomb = any(i.file_size > 10 * 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
               for i in infos)
    if total > MAX_UNCOMPRESSED or bomb:
        raise InputError(path, f"解压后过大（{total // (1024 * 1024)} MB），疑似压缩炸弹",
                     f"unpacks too large ({total // (1024 * 1024)} MB): zip bomb?")
    names = {i.filename for i in infos}
    if member not in names:
        raise InputError(path, "不是有效的 Office 文件（缺少 " + member + "）", f"not a valid Office file (no {member})")
    return archive


def encrypted(data: bytes) -> bool:
    """An OOXML file saved with a password is an OLE container holding an EncryptedPackage stream."""
    return data.startswith(OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") in data


# ---------------------------------------------------------------------- cell values → text


def number_text(value: float | int | Decimal, number_format: str = "") -> str:
    """The number as a person reads it: percentages by their format, no float noise, no ``.0``."""
    fmt = number_format or ""
    if "%" in fmt and not isinstance(value, bool):
        decimals = _DECIMALS.search(fmt.split("%")[0])
        places = len(decimals.group(1)) if decimals else 0
        try:
            return f"{round(float(value) * 100, places):.{places}f}%"
        except OverflowError:  # a whole number past float range (hundreds of digits): printed whole
            return f"{plain_number(Decimal(value) * 100)}%"
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    return plain_number(number)


def date_text(value: dt.date | dt.datetime | dt.time, number_format: str = "") -> str:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    fmt = (number_format or "").lower()
    shows_day = "d" in fmt or not fmt or fmt == "general"
    text = f"{value.year}年{value.month}月" + (f"{value.day}日" if shows_day else "")
    if isinstance(value, dt.datetime) and (value.hour or value.minute):
        text += f" {value.hour:02d}:{value.minute:02d}"
    return text


def value_text(value, number_format: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return date_text(value, number_format)
    if isinstance(value, int | float | Decimal):
        return number_text(value, number_format)
    return str(value).strip()


# ---------------------------------------------------------------------- grid building


def _grid_block(path: str, sheet: str, values: dict[tuple[int, int], str], n_rows: int, n_cols: int,
                merges: list[tuple[int, int, int, int]]) -> GridBlock:
    """``values`` by 1-based (row, column); ``merges`` as (first row, first col, last row, last col)."""
    for r1, c1, r2, c2 in merges:
        top = values.get((r1, c1), "")
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    values.pop((r, c), None)
        if r2 > r1 and carries_down(top):
            for r in range(r1 + 1, r2 + 1):
                values[(r, c1)] = top
    block = GridBlock(name=sheet)
    for r in range(1, n_rows + 1):
        block.rows.append([GridCell(values.get((r, c), ""), sheet_location(path, sheet, r, c))
                           for c in range(1, n_cols + 1)])
    return block


def load_workbook(source, **options):
    """openpyxl's workbook, without the warnings it would print on stderr (a date serial out of
    range, a missing default style…): such a cell reads as openpyxl reads it, without the noise."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(source, **options)


def read_xlsx(data: bytes, path: str) -> tuple[Document, list[str]]:
    if encrypted(data):
        raise InputError(path, "工作簿受密码保护，请先取消密码", "the workbook is password-protected")
    check_zip(data, path)
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as e:  # openpyxl raises many kinds on damaged parts
        raise InputError(path, f"无法打开工作簿（{type(e).__name__}）", f"cannot open the workbook ({type(e).__name__})") \
            from None
    notes: list[str] = []
    blocks = []
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            notes.append(f"隐藏的工作表“{ws.title}”已读取 / hidden sheet '{ws.title}' was read")
        values: dict[tuple[int, int], str] = {}
        n_rows = n_cols = 0
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                text = value_text(cell.value, cell.number_format)
                if text:
                    values[(cell.row, cell.column)] = text
                    n_rows, n_cols = max(n_rows, cell.row), max(n_cols, cell.column)
        hidden = [r for r, d in ws.row_dimensions.items() if d.hidden and r <= n_rows]
        if hidden:
            notes.append(f"工作表“{ws.title}”的隐藏行 {_ranges(hidden)} 已读取 / hidden rows {_ranges(hidden)} "
                         f"of '{ws.title}' were read")
        hidden_cols = [k for k, d in ws.column_dimensions.items() if d.hidden]
        if hidden_cols:
            notes.append(f"工作表“{ws.title}”的隐藏列 {','.join(hidden_cols)} 已读取 / hidden columns "
                         f"{','.join(hidden_cols)} of '{ws.title}' were read")
        merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        blocks.append(_grid_block(path, ws.title, values, n_rows, n_cols, merges))
    return read_grid(path, blocks, "xlsx"), notes


def read_xls_values(data: bytes, path: str):
    """(sheet name, {(row, col): text}, merges, visible, hidden rows) for each sheet of an .xls."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=io.StringIO())
    except Exception as e:  # xlrd.XLRDError, struct errors, … on damaged files
        message = str(e)
        if "encrypt" in message.lower():
            raise InputError(path, "工作簿受密码保护，请先取消密码", "the workbook is password-protected") from None
        raise InputError(path, f"无法打开 .xls 工作簿（{message[:60]}）", f"cannot open the .xls workbook ({message[:60]})") \
            from None
    out = []
    for sheet in book.sheets():
        values: dict[tuple[int, int], str] = {}
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                text = _xls_cell_text(book, sheet.cell(r, c))
                if text:
                    values[(r + 1, c + 1)] = text
        merges = [(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in sheet.merged_cells]
        hidden = [r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden]
        out.append((sheet.name, values, merges, not sheet.visibility, hidden))
    return out


def read_xls(data: bytes, path: str) -> tuple[Document, list[str]]:
    notes: list[str] = []
    blocks = []
    for name, values, merges, visible, hidden in read_xls_values(data, path):
        if not visible:
            notes.append(f"隐藏的工作表“{name}”已读取 / hidden sheet '{name}' was read")
        n_rows = max((r for r, _ in values), default=0)
        n_cols = max((c for _, c in values), default=0)
        hidden = [r for r in hidden if r <= n_rows]
        if hidden:
            notes.append(f"工作表“{name}”的隐藏行 {_ranges(hidden)} 已读取 / hidden rows {_ranges(hidden)} "
                         f"of '{name}' were read")
        blocks.append(_grid_block(path, name, dict(values), n_rows, n_cols, merges))
    return read_grid(path, blocks, "xls"), notes


def _xls_cell_text(book, cell) -> str:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    fmt = ""
    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None and cell.xf_index < len(book.xf_list) else None
    if xf is not None and xf.format_key in book.format_map:
        fmt = book.format_map[xf.format_key].format_str
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return date_text(xlrd.xldate_as_datetime(cell.value, book.datemode), fmt)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return number_text(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return number_text(cell.value, fmt)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "是" if cell.value else "否"
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return ""
    return str(cell.value).strip()


def _ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] → "3-5,9"."""
    out, numbers = [], sorted(numbers)
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}-{prev}" if prev != start else f"{start}")
        if n is not None:
            start = prev = n
    return ",".join(out)


def read_excel(data: bytes, path: str) -> tuple[Document, list[str]]:
    """(Document, notes) for the bytes of a .xlsx/.xlsm or .xls file."""
    if data.startswith(b"PK"):
        return read_xlsx(data, path)
    if data.startswith(OLE_MAGIC):
        if encrypted(data):
            raise InputError(path, "工作簿受密码保护，请先取消密码", "the workbook is password-protected")
        return read_xls(data, path)
    raise InputError(path, "不是 Excel 工作簿", "not an Excel workbook")
