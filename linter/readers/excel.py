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
  is refused with an ``InputError`` before any parser sees it;
* a formula cell saved without its result (written by a program, never opened in Excel) has no
  value to read: the workbook gets one Problem naming such cells (``unreadable-row``), instead of
  an empty-value finding for each.

The sheets are streamed (openpyxl's cell parser, element by element, each dropped once read), not
loaded as openpyxl worksheets: those make a cell object for every cell of a merged range and of
the ``<dimension>`` a sheet declares, and one stray cell at CV200000 or one merge over
A200:XFD1048576 took gigabytes. The sheet's used range is that of the cells holding a value; merged
ranges are clipped to it. Every bound (linter.limits) is an ``InputError`` naming the file.

    doc, notes = read_excel(Path("a.xlsx").read_bytes(), "a.xlsx")
    doc.tables[0].indicators[0].location  → Location(path="a.xlsx", sheet="Sheet1", cell="C9", …)
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from contextlib import contextmanager, suppress
from decimal import Decimal, InvalidOperation

from linter import regexes
from linter.limits import (
    MAX_MEMBERS,
    MAX_MERGE_WORK,
    MAX_RATIO,
    MAX_UNCOMPRESSED,
    MAX_WHOLE_PART,
    MAX_XML_ELEMENTS,
    RATIO_FROM,
    count,
    megabytes,
)
from linter.model import Document, Location, Problem
from linter.readers import InputError
from linter.readers.grid import (
    CellBudget,
    GridBlock,
    GridCell,
    carries_down,
    column_letter,
    read_grid,
    sheet_location,
)
from linter.readers.sniff import OLE_MAGIC
from linter.values.numerals import plain_number

_DECIMALS = regexes.compile(r"\.(0+)")


# ---------------------------------------------------------------------- archive safety


def check_zip(data: bytes, path: str, member: str = "xl/workbook.xml", whole=None) -> zipfile.ZipFile:
    """The opened archive, after its directory was checked; InputError for a broken or bomb file.
    ``whole(name)`` says which members are parsed whole, not streamed: each may unpack to
    MAX_WHOLE_PART bytes at most (default: every XML part)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # NotImplementedError: a directory asking for a zip version (or compression) Python lacks
        raise InputError(
            path,
            "文件已损坏（不是完整的 zip/Office 文件）",
            "file is damaged (not a complete zip/Office file)",
        ) from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(
            path, "压缩包内文件过多，疑似恶意文件", "too many members in the archive (zip bomb?)"
        )
    # The sizes the directory declares bound what reading gives: zipfile stops a member at its
    # declared size (and a CRC mismatch then fails the read).
    total = sum(i.file_size for i in infos)
    bomb = any(i.file_size > RATIO_FROM and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos)
    if total > MAX_UNCOMPRESSED or bomb:
        raise InputError(
            path,
            f"解压后过大（{total // (1024 * 1024)} MB，上限 {megabytes(MAX_UNCOMPRESSED)}，压缩比上限 "
            f"{MAX_RATIO}），疑似压缩炸弹",
            f"unpacks too large ({total // (1024 * 1024)} MB, limit "
            f"{megabytes(MAX_UNCOMPRESSED)}, ratio limit {MAX_RATIO}): zip bomb?",
        )
    whole = whole or (lambda name: name.endswith((".xml", ".rels")))
    big = next((i for i in infos if i.file_size > MAX_WHOLE_PART and whole(i.filename)), None)
    if big is not None:
        raise InputError(
            path,
            f"文件内的 {big.filename} 解压后过大（{megabytes(big.file_size)}，上限 "
            f"{megabytes(MAX_WHOLE_PART)}）",
            f"{big.filename} unpacks too large ({megabytes(big.file_size)}, "
            f"limit {megabytes(MAX_WHOLE_PART)})",
        )
    names = {i.filename for i in infos}
    if member not in names:
        raise InputError(
            path, "不是有效的 Office 文件（缺少 " + member + "）", f"not a valid Office file (no {member})"
        )
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
    """A date cell as the form prints it (2025年12月31日), the day only when its format shows one."""
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    fmt = (number_format or "").lower()
    shows_day = "d" in fmt or not fmt or fmt == "general"
    text = f"{value.year}年{value.month}月" + (f"{value.day}日" if shows_day else "")
    if isinstance(value, dt.datetime) and (value.hour or value.minute):
        text += f" {value.hour:02d}:{value.minute:02d}"
    return text


def value_text(value, number_format: str = "") -> str:
    """A cell's value as text, as Excel shows it (its number format applied)."""
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


def _resolve_merges(
    values: dict[tuple[int, int], str], merges: list[tuple[int, int, int, int]], work: list[int], path: str
) -> None:
    """Apply ``merges`` (first row, first col, last row, last col) to ``values`` (by 1-based row and
    column): each range clipped to the used range (the cells holding a value), its value kept in
    its top-left cell and the rest emptied, a value that carries down repeated on each row.
    ``work`` ([cells visited so far]) is shared by a workbook's sheets: MAX_MERGE_WORK in all."""
    if not values:
        return
    n_rows = max(r for r, _ in values)
    n_cols = max(c for _, c in values)
    for r1, c1, r2, c2 in merges:
        if r1 > n_rows or c1 > n_cols or r1 > r2 or c1 > c2:
            continue  # below or right of every value (or reversed): it covers nothing
        r2, c2 = min(r2, n_rows), min(c2, n_cols)
        area = (r2 - r1 + 1) * (c2 - c1 + 1)
        work[0] += min(area, len(values)) + (r2 - r1)
        if work[0] > MAX_MERGE_WORK:
            raise InputError(
                path,
                f"合并单元格过多或过大（超过 {count(MAX_MERGE_WORK)} 个单元格）",
                f"too many or too large merged ranges (over {count(MAX_MERGE_WORK)} cells)",
            )
        top = values.get((r1, c1), "")
        if area <= len(values):
            covered = [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
        else:  # a range larger than the values: look at the values, not at its cells
            covered = [(r, c) for r, c in values if r1 <= r <= r2 and c1 <= c <= c2]
        for key in covered:
            if key != (r1, c1):
                values.pop(key, None)
        if r2 > r1 and carries_down(top):
            for r in range(r1 + 1, r2 + 1):
                values[(r, c1)] = top


def _grid_block(path: str, sheet: str, values: dict[tuple[int, int], str], budget: CellBudget) -> GridBlock:
    """The sheet as rows of cells, made as they are read: each row with a value, up to its last
    value (a row with a value in column XFD alone is 16,384 cells, and only that row is). The
    cells are counted against ``budget`` now, before any is made."""
    by_row: dict[int, int] = {}
    for r, c in values:
        if c > by_row.get(r, 0):
            by_row[r] = c
    for r in sorted(by_row):
        budget.take(by_row[r], lambda i, r=r: sheet_location(path, sheet, r, i + 1))

    def rows():
        for r in sorted(by_row):
            yield [
                GridCell(values.get((r, c), ""), sheet_location(path, sheet, r, c))
                for c in range(1, by_row[r] + 1)
            ]

    return GridBlock(rows=rows(), name=sheet, counted=True)


def load_workbook(source, **options):
    """openpyxl's workbook, without the warnings it would print on stderr (a date serial out of
    range, a missing default style…): such a cell reads as openpyxl reads it, without the noise."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(source, **options)


def read_xlsx(data: bytes, path: str) -> tuple[Document, list[str]]:
    """(Document, notes) for an .xlsx/.xlsm workbook, read sheet by sheet as a stream."""
    if encrypted(data):
        raise InputError(path, "工作簿受密码保护，请先取消密码", "the workbook is password-protected")
    archive = check_zip(data, path, whole=_parsed_whole)
    notes: list[str] = []
    blocks = []
    uncomputed: list[tuple[str, list[tuple[int, int]]]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # (what openpyxl would print on stderr: see load_workbook)
        with _opening_errors(path):
            book, sheets, strings_part = _open_book(data)
        budget = _Budget(path)
        cells = CellBudget(path)
        with _opening_errors(path):
            strings = _shared_strings(archive, strings_part, budget) if strings_part else []
        work = [0]
        for title, state, part in sheets:
            if state != "visible":
                notes.append(f"隐藏的工作表“{title}”已读取 / hidden sheet '{title}' was read")
            with _opening_errors(path):
                sheet = _read_sheet(archive, part, book, strings, budget)
            values = sheet.values
            n_rows = max((r for r, _ in values), default=0)
            hidden = [r for r in sheet.hidden_rows if r <= n_rows]
            if hidden:
                notes.append(
                    f"工作表“{title}”的隐藏行 {_ranges(hidden)} 已读取 / hidden rows {_ranges(hidden)} "
                    f"of '{title}' were read"
                )
            if sheet.hidden_cols:
                notes.append(
                    f"工作表“{title}”的隐藏列 {','.join(sheet.hidden_cols)} 已读取 / hidden columns "
                    f"{','.join(sheet.hidden_cols)} of '{title}' were read"
                )
            if sheet.uncomputed:
                uncomputed.append((title, sheet.uncomputed))
            _resolve_merges(values, sheet.merges, work, path)
            blocks.append(_grid_block(path, title, values, cells))
    doc = read_grid(path, blocks, "xlsx")
    doc.problems.extend(_uncomputed_problems(path, uncomputed, doc))
    _mark_uncomputed_values(doc, uncomputed)
    return doc, notes


def _mark_uncomputed_values(doc: Document, uncomputed: list) -> None:
    """An indicator whose value is a formula saved without its result has a value nobody can read
    from the file: it is not judged (the problem above names the cells), never an empty value."""
    rows = {(title, r) for title, found in uncomputed for r, _ in found}  # a value may span columns
    for table in doc.tables:
        for ind in table.indicators:
            where = ind.value_location or ind.location
            row = re.search(r"\d+$", where.cell or "")
            if row is not None and (where.sheet, int(row.group())) in rows:
                ind.value_unknown = True


# ---------------------------------------------------------------------- streaming a workbook

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _FORMULA, _VALUE = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}f", f"{_MAIN}v"
_MERGE, _COL, _SI, _T, _RUN = f"{_MAIN}mergeCell", f"{_MAIN}col", f"{_MAIN}si", f"{_MAIN}t", f"{_MAIN}r"
_SHOWN_CELLS = 8  # formula cells named in the problem before "…"


def _parsed_whole(name: str) -> bool:
    """The parts openpyxl parses whole here: the manifest, the workbook, its relationships and its
    styles (sheets and shared strings are streamed; drawings, charts, pivot caches not read)."""
    folder, _, base = name.rpartition("/")
    return (
        name.endswith((".xml", ".rels"))
        and folder in ("", "_rels", "xl", "xl/_rels")
        and base != "sharedStrings.xml"
    )


@contextmanager
def _opening_errors(path: str):
    """A damaged part (bad XML, a cell naming a shared string that is not there …): one line."""
    try:
        yield
    except InputError:
        raise
    except Exception as e:  # noqa: BLE001 — openpyxl and the XML parser raise many kinds on damaged parts
        raise InputError(
            path, f"无法打开工作簿（{type(e).__name__}）", f"cannot open the workbook ({type(e).__name__})"
        ) from None


def _open_book(data: bytes):
    """openpyxl's workbook with its styles and date system, no sheet read; (book, [(title,
    state, part name)], shared strings part name or None)."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.xml.constants import SHARED_STRINGS

    reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    reader.read_manifest()
    reader.read_workbook()
    apply_stylesheet(reader.archive, reader.wb)
    sheets = [
        (sheet.name, sheet.state, rel.target)
        for sheet, rel in reader.parser.find_sheets()
        if rel.target in reader.valid_files and "chartsheet" not in rel.Type
    ]
    strings = reader.package.find(SHARED_STRINGS)
    reader.archive.close()
    return reader.wb, sheets, strings.PartName[1:] if strings is not None else None


class _Budget:
    """MAX_XML_ELEMENTS for one workbook, taken an element at a time as the parser meets them."""

    def __init__(self, path: str):
        self.path, self.left = path, MAX_XML_ELEMENTS

    def take(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise InputError(
                self.path,
                f"工作簿内容过多（超过 {count(MAX_XML_ELEMENTS)} 个行、单元格等元素）",
                f"too much in the workbook (over {count(MAX_XML_ELEMENTS)} rows, cells and other elements)",
            )


def _stream(source, budget: _Budget, keep: str):
    """(element, parent) for each element of the XML as it ends; ``keep`` (a tag) is yielded with
    its children, everything else is dropped once yielded. Memory stays that of one ``keep``
    element whatever the size of the part, and every element counts against the budget."""
    from xml.etree.ElementTree import iterparse

    stack: list = []
    inside = 0  # depth inside a ``keep`` element: its children wait for it
    for event, element in iterparse(source, events=("start", "end")):
        if event == "start":
            budget.take()
            stack.append(element)
            if element.tag == keep:
                inside += 1
            continue
        stack.pop()
        if element.tag == keep:
            inside -= 1
        elif inside:
            continue
        parent = stack[-1] if stack else None
        yield element, parent
        if parent is not None:
            parent.remove(element)  # (its earlier siblings are gone: it is the first child, found at once)


def _shared_strings(archive: zipfile.ZipFile, part: str, budget: _Budget) -> list[str]:
    """The shared string table, as openpyxl reads it (the plain text and the runs' texts, not
    the phonetic guides), streamed."""
    if part not in archive.namelist():
        return []
    strings = []
    with archive.open(part) as source:
        for element, _ in _stream(source, budget, _SI):
            if element.tag == _SI:
                plain = element.findtext(_T) or ""
                runs = "".join(run.findtext(_T) or "" for run in element.iterfind(_RUN))
                strings.append((plain + runs).replace("x005F_", ""))
    return strings


class _Sheet:
    def __init__(self):
        self.values: dict[tuple[int, int], str] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.hidden_rows: list[int] = []
        self.hidden_cols: list[str] = []
        self.uncomputed: list[tuple[int, int]] = []  # formula cells saved without their result


def _read_sheet(archive: zipfile.ZipFile, part: str, book, strings: list[str], budget: _Budget) -> _Sheet:
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import WorkSheetParser

    parser = WorkSheetParser(
        None,  # type: ignore[arg-type]  # no source: its cells are fed to parse_cell one by one
        strings,
        data_only=True,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )
    formats: dict[int, str] = {}
    out = _Sheet()
    row = None  # the row element whose cells are being read
    with archive.open(part) as source:
        for element, parent in _stream(source, budget, _CELL):
            tag = element.tag
            if tag == _CELL:
                if parent is not row and parent is not None and parent.tag == _ROW:
                    row = parent
                    _enter_row(parser, row)
                cell = parser.parse_cell(element)
                r, c, value = cell["row"], cell["column"], cell["value"]
                if value is None:
                    if element.find(_FORMULA) is not None and element.find(_VALUE) is None:
                        out.uncomputed.append((r, c))
                    continue
                style = cell["style_id"]
                if style not in formats:
                    formats[style] = _number_format(book, style)
                text = value_text(value, formats[style])
                if text:
                    out.values[(r, c)] = text
            elif tag == _ROW:
                if element is not row:  # a row without cells
                    _enter_row(parser, element)
                row = None
                if element.get("hidden") in ("1", "true"):
                    out.hidden_rows.append(parser.row_counter)
            elif tag == _MERGE:
                try:
                    c1, r1, c2, r2 = range_boundaries(element.get("ref") or "")
                except (ValueError, TypeError):
                    continue  # a range that means nothing covers nothing
                if c1 is not None and r1 is not None and c2 is not None and r2 is not None:
                    out.merges.append((r1, c1, r2, c2))
            elif tag == _COL and element.get("hidden") in ("1", "true"):
                with suppress(ValueError):  # a column "min" that is no number hides none
                    out.hidden_cols.append(column_letter(int(element.get("min") or 0)))
    return out


def _enter_row(parser, row) -> None:
    """The counters openpyxl's parse_row sets before reading a row's cells: its number (``r``, or
    the one after the last row) and the column before the first."""
    number = row.get("r")
    if number is None:
        parser.row_counter += 1
    else:
        try:
            parser.row_counter = int(number)
        except ValueError:
            value = float(number)
            if not value.is_integer():
                raise ValueError(f"{number} is not a valid row number") from None
            parser.row_counter = int(value)
    parser.col_counter = 0


def _number_format(book, style: int) -> str:
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    try:
        number = book._cell_styles[style].numFmtId
        if number < BUILTIN_FORMATS_MAX_SIZE:
            return BUILTIN_FORMATS.get(number, "General")
        return book._number_formats[number - BUILTIN_FORMATS_MAX_SIZE]
    except (IndexError, KeyError, TypeError):
        return ""


def _uncomputed_problems(path: str, uncomputed: list, doc: Document) -> list[Problem]:
    """One Problem for the workbook naming its formula cells saved without a result (read empty)."""
    if not uncomputed:
        return []
    cells = [(title, r, c) for title, found in uncomputed for r, c in sorted(found)]
    names = [f"{title}!{column_letter(c)}{r}" for title, r, c in cells[:_SHOWN_CELLS]]
    more = f" 等 {len(cells)} 个" if len(cells) > _SHOWN_CELLS else ""
    more_en = f" and {len(cells) - _SHOWN_CELLS} more" if len(cells) > _SHOWN_CELLS else ""
    title, r, c = cells[0]
    return [
        Problem(
            rule="unreadable-row",
            message=f"公式单元格 {'、'.join(names)}{more} 没有保存计算结果，按空白读取（请在 Excel 中打开并保存后再检查）",
            message_en=f"formula cells {', '.join(names)}{more_en} were saved without their results and read as empty "
            "(open and save the workbook in Excel, then check it again)",
            location=Location(path, r, c, sheet=title, cell=f"{column_letter(c)}{r}"),
            table=doc.tables[0].name if len(doc.tables) == 1 else None,
        )
    ]


def read_xls_values(data: bytes, path: str):
    """(sheet name, {(row, col): text}, merges, visible, hidden rows) for each sheet of an .xls."""
    import xlrd

    try:
        # ragged_rows: each row as long as its last cell, not all as long as the longest (one stray
        # cell at IV65536 would otherwise make 16 million).
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, logfile=io.StringIO(), ragged_rows=True
        )
    except Exception as e:  # noqa: BLE001 — xlrd.XLRDError, struct errors, … on damaged files
        message = str(e)
        if "encrypt" in message.lower():
            raise InputError(
                path, "工作簿受密码保护，请先取消密码", "the workbook is password-protected"
            ) from None
        raise InputError(
            path, f"无法打开 .xls 工作簿（{message[:60]}）", f"cannot open the .xls workbook ({message[:60]})"
        ) from None
    out = []
    for sheet in book.sheets():
        values: dict[tuple[int, int], str] = {}
        for r in range(sheet.nrows):
            for c in range(sheet.row_len(r)):
                text = _xls_cell_text(book, sheet.cell(r, c))
                if text:
                    values[(r + 1, c + 1)] = text
        merges = [(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in sheet.merged_cells]
        hidden = [r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden]
        out.append((sheet.name, values, merges, not sheet.visibility, hidden))
    return out


def read_xls(data: bytes, path: str) -> tuple[Document, list[str]]:
    """(Document, notes) for a legacy .xls workbook."""
    notes: list[str] = []
    blocks = []
    work = [0]
    cells = CellBudget(path)
    for name, values, merges, visible, hidden in read_xls_values(data, path):
        if not visible:
            notes.append(f"隐藏的工作表“{name}”已读取 / hidden sheet '{name}' was read")
        n_rows = max((r for r, _ in values), default=0)
        hidden = [r for r in hidden if r <= n_rows]
        if hidden:
            notes.append(
                f"工作表“{name}”的隐藏行 {_ranges(hidden)} 已读取 / hidden rows {_ranges(hidden)} "
                f"of '{name}' were read"
            )
        values = dict(values)
        _resolve_merges(values, merges, work, path)
        blocks.append(_grid_block(path, name, values, cells))
    return read_grid(path, blocks, "xls"), notes


def _xls_cell_text(book, cell) -> str:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    fmt = ""
    xf = (
        book.xf_list[cell.xf_index]
        if cell.xf_index is not None and cell.xf_index < len(book.xf_list)
        else None
    )
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
