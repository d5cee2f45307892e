"""The annotated copy: ``check FILE --annotate OUT.xlsx`` (``OUT.docx`` for a Word document).

Staff get their own table back with the defects marked: each flagged cell filled in the colour of
its worst finding and given a comment holding the messages, and a first sheet ``检查结果`` listing
every finding with a link to its cell.

* An .xlsx/.xlsm input is copied (openpyxl reads it, the copy is written; the input is never
  opened for writing) and marked at the cells the findings name.
* Any other input (.xls, text, YAML, Word) is laid out as a new workbook: an .xls sheet by sheet
  at the same cell addresses; the others one sheet ``目标表`` with each parsed table as a form
  (header block, then 一级/二级/三级/指标值 rows), the findings placed at the row they concern.

* A .docx input is copied as a Word document with comments on the flagged cells
  (``linter.annotate_docx``).

The 检查结果 sheet prints: landscape, fitted to the page width, the header row repeated on every
page, long texts wrapped, an autofilter on the headings. Its words (headings, levels, comments)
are in ``lang``, Chinese by default.

The file is written to a temporary name beside OUT and renamed into place, so OUT is either the
old file or the whole new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from linter.errors import LintError
from linter.model import Document, Finding, Money, Table
from linter.rulebook import worst_severity
from linter.safetext import xml_safe

SUMMARY_SHEET = "检查结果"
LAYOUT_SHEET = "目标表"
FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}  # Excel's own bad/neutral/blue
HEADINGS = ("序号", "位置", "规则", "级别", "说明", "项目", "指标", "指标值")
HEADINGS_EN = ("No.", "Location", "Rule", "Severity", "Message", "Table", "Indicator", "Value")
WORD_EXTENSIONS = (".docx",)


def annotated_kind(source: str | Path) -> str:
    """The extension the annotated copy of ``source`` must have: ``.docx`` for a Word document,
    ``.xlsx`` for anything else (a workbook copied, or the tables laid out as one)."""
    suffix = Path(source).suffix.lower()
    return ".docx" if suffix in WORD_EXTENSIONS else ".xlsm" if suffix == ".xlsm" else ".xlsx"


def headings(lang: str) -> tuple[str, ...]:
    """The 检查结果 sheet's column headings in ``lang``."""
    return HEADINGS if lang == "zh" else HEADINGS_EN


def mark_text(findings: list[Finding], lang: str) -> str:
    """A flagged cell's comment: one line per finding, ``[IL201 警告] message``."""
    from linter.i18n import severity_word

    return "\n".join(f"[{f.code} {severity_word(f.severity, lang)}] {f.message}" for f in findings)


class AnnotateError(LintError):
    """The annotated copy could not be written: ``AnnotateError(path, zh, en)``, one line."""

    ends_run = True


@dataclass(frozen=True)
class Target:
    """A cell of the workbook a finding is marked on."""

    sheet: str
    cell: str  # A1 reference


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def refuse_huge_merges(source: Path | str) -> None:
    """openpyxl makes an object for every cell a merge covers: one ``A200:XFD1048576`` (which the
    reader clips to the used range) would take gigabytes here. Such a workbook gets no copy."""
    import zipfile

    from linter.limits import MAX_CELLS
    from linter.readers.grid import column_number

    with zipfile.ZipFile(source) as archive:
        for name in archive.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            for m in _MERGE.finditer(archive.read(name)):
                c1, r1, c2, r2 = m.groups()
                area = (int(r2) - int(r1) + 1) * (column_number(c2.decode()) - column_number(c1.decode()) + 1)
                if area > MAX_CELLS:
                    where = f"{c1.decode()}{r1.decode()}:{c2.decode()}{r2.decode()}"
                    raise AnnotateError(
                        source,
                        f"合并区域 {where} 过大，无法写出标注副本",
                        f"the merged range {where} is too large to copy the workbook",
                    )


def write_annotated(
    source: str | Path,
    doc: Document,
    findings: list[Finding],
    out: str | Path,
    lang: str = "zh",
    shown_path: str | None = None,
) -> Path:
    """Write the annotated copy of ``doc`` (read from ``source``) to ``out``; return ``out``.
    ``shown_path``: the name the file goes by in the 位置 column, when not ``source`` (an upload)."""

    from linter.outputs import same_file

    source, out = Path(source), Path(out)
    if same_file(out, source):  # itself, or a link to it (the command has refused it already)
        raise AnnotateError(out, "不能覆盖被检查的文件", "will not overwrite the checked file")
    if annotated_kind(source) == ".docx" and doc.source_format == "docx":
        from linter.annotate_docx import annotated_document

        document = annotated_document(source, doc, findings, lang, shown_path)
        _save_atomically(document, out)
        return out
    if source.suffix.lower() in (".xlsx", ".xlsm") and doc.source_format == "xlsx":
        from linter.readers.excel import load_workbook

        refuse_huge_merges(source)
        try:
            book = load_workbook(source)
        except Exception as e:  # noqa: BLE001 — read already succeeded once; a second failure is still no traceback
            raise AnnotateError(
                source, f"无法复制工作簿（{type(e).__name__}）", "cannot copy the workbook"
            ) from None
        place = _in_workbook(book, findings)
    elif doc.source_format == "xls":
        book, place = _xls_copy(source, findings)
    else:
        book, place = _layout(doc, findings)
    _mark(book, findings, place, lang)
    summary_sheet(book, findings, place, lang, shown_path)
    _save_atomically(book, out)
    return out


def put_text(ws, row: int, column: int, value):
    """Write ``value`` to a cell as what it is: a text stays a text, never a formula (openpyxl
    takes any text starting with ``=`` for one, and the table's ``=HYPERLINK(…)`` or ``=1+1``
    would run when the workbook is opened), and what XML cannot hold is escaped (``\\x1b``)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = xml_safe(value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


# ---------------------------------------------------------------------- where each finding goes


def _in_workbook(book, findings: list[Finding]) -> dict[int, Target]:
    names = set(book.sheetnames)
    return {
        i: Target(sheet, cell)
        for i, f in enumerate(findings)
        if (sheet := f.location.sheet) is not None and sheet in names and (cell := f.location.cell)
    }


def _xls_copy(source: Path, findings: list[Finding]):
    """A legacy .xls copied value by value onto the same sheets and cells (formats are not kept)."""
    import openpyxl

    from linter.readers.excel import read_xls_values

    book = openpyxl.Workbook()
    book.remove(book.worksheets[0])  # the sheet a new workbook starts with
    for name, values, merged, _visible, _hidden in read_xls_values(source.read_bytes(), str(source)):
        ws = book.create_sheet(_sheet_title(name))  # (an .xls sheet name: no formula, but XML)
        for (r, c), text in values.items():
            put_text(ws, r, c, text)
        for r1, c1, r2, c2 in merged:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    return book, _in_workbook(book, findings)


def _layout(doc: Document, findings: list[Finding]):
    """A new workbook laying out the parsed tables; each finding marked where the HTML report
    shows it (``report.cells.place_findings``), at the cell drawn for that key."""
    import openpyxl

    from linter.report.cells import place_findings

    book = openpyxl.Workbook()
    ws = book.worksheets[0]  # the sheet a new workbook starts with
    ws.title = LAYOUT_SHEET
    refs: list[dict[str, str]] = []  # per table: cell key (as report.cells names it) → the cell drawn
    r = 1
    if doc.title:
        put_text(ws, r, 1, doc.title)
        r += 2

    def put(row: int, col: int, value, key: str | None = None) -> None:
        ref = put_text(ws, row, col, value if value not in (None, "") else None).coordinate
        if key is not None:
            refs[-1].setdefault(key, ref)  # the table being laid out

    for table in doc.tables:
        refs.append({})
        put(r, 1, "部门名称" if table.kind == "department" else "项目名称")
        put(r, 2, table.name, "name")
        r += 1
        if table.department or table.implementing_unit:
            put(r, 1, "主管部门")
            put(r, 2, table.department)
            put(r, 3, "实施单位")
            put(r, 4, table.implementing_unit)
            r += 1
        r = _funding_rows(r, table, put)
        if table.goal:
            put(r, 1, "年度目标")
            put(r, 2, table.goal, "goal")
            r += 1
        for k, task in enumerate(table.tasks):
            put(r, 1, "重点工作任务")
            put(r, 2, task.name, f"k{k}")
            put(r, 3, task.content)
            if task.amount is not None:
                put(r, 4, task.amount.text)
            r += 1
        if table.indicators:
            for c, heading in enumerate(("一级指标", "二级指标", "三级指标", "指标值", "实施期指标值"), 1):
                put(r, c, heading)
            r += 1
        for i, ind in enumerate(table.indicators):
            put(r, 1, ind.level1_printed or ind.level1)
            put(r, 2, ind.level2_printed or ind.level2)
            put(r, 3, ind.name, f"i{i}n")
            put(r, 4, ind.value_text, f"i{i}v")
            if ind.period_value_text is not None:
                put(r, 5, ind.period_value_text)
            r += 1
        r += 1
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 40
    ws.column_dimensions["D"].width = 16

    place: dict[int, Target] = {}
    for i, spot in enumerate(place_findings(doc, findings)):
        # a finding about the whole table, or about a part this layout does not draw (a department's
        # budget, multi-year funding alone, an empty goal), goes to the table's name
        drawn = refs[spot.table] if spot.table is not None else {}
        ref = drawn.get(spot.cell or "name") or drawn.get("name")
        if ref:
            place[i] = Target(LAYOUT_SHEET, ref)
    return book, place


def _funding_rows(r: int, table: Table, put) -> int:
    parts: list[tuple[str, Money | None]] = [
        ("年度资金总额", table.funding.total),
        ("其中：财政拨款", table.funding.fiscal),
        ("其他资金", table.funding.other),
    ]
    if not any(m for _, m in parts):
        return r
    for label, money in parts:
        put(r, 1 if label == "年度资金总额" else 3, label)
        if money is not None:
            put(r, 2 if label == "年度资金总额" else 4, money.text, "funding")
        if label != "年度资金总额":
            r += 1
    return r


# ---------------------------------------------------------------------- marking and summary


def _mark(book, findings: list[Finding], place: dict[int, Target], lang: str = "zh") -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    by_cell: dict[Target, list[Finding]] = {}
    for i, f in enumerate(findings):
        if i in place:
            by_cell.setdefault(place[i], []).append(f)
    tops: dict[str, dict[tuple[int, int], tuple[int, int]]] = {}
    for target, found in by_cell.items():
        ws = book[target.sheet]
        if target.sheet not in tops:
            tops[target.sheet] = _merged_tops(ws)
        cell = ws[target.cell]
        top = tops[target.sheet].get((cell.row, cell.column))
        if top is not None:  # a cell inside a merged range is marked at the range's top-left
            cell = ws.cell(row=top[0], column=top[1])
        worst = worst_severity(f.severity for f in found)
        colour = FILLS.get(worst or "info", FILLS["info"])
        cell.fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
        text = mark_text(found, lang)
        if cell.comment is not None and cell.comment.text:
            text = cell.comment.text + "\n" + text
        comment = Comment(xml_safe(text), "indicator-lint")
        comment.width, comment.height = 420, min(60 + 60 * len(found), 600)
        cell.comment = comment


def _merged_tops(ws) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, column) of every cell covered by a merged range → the range's top-left."""
    tops = {}
    for merged in ws.merged_cells.ranges:
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                tops[(r, c)] = (merged.min_row, merged.min_col)
    return tops


def summary_sheet(
    book, findings: list[Finding], place: dict[int, Target], lang: str = "zh", shown_path: str | None = None
) -> None:
    """The first sheet, 检查结果: one row per finding, linked to its cell where it has one; set up
    to print (landscape, one page wide, the headings on every page, texts wrapped) and filtered."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    from linter.i18n import location_text, severity_word, word

    if SUMMARY_SHEET in book.sheetnames:
        del book[SUMMARY_SHEET]
    ws = book.create_sheet(SUMMARY_SHEET, 0)
    book.active = 0
    for sheet in book.worksheets[1:]:
        sheet.sheet_view.tabSelected = False
    head_fill = PatternFill(fill_type="solid", start_color="D9D9D9", end_color="D9D9D9")
    for c, heading in enumerate(headings(lang), 1):
        cell = ws.cell(row=1, column=c, value=heading)
        cell.font, cell.fill = Font(bold=True), head_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    link_font = Font(color="0563C1", underline="single")
    wrap = Alignment(wrap_text=True, vertical="top")
    for n, f in enumerate(findings, 1):
        r = n + 1
        target = place.get(n - 1)
        where = f"{target.sheet}!{target.cell}" if target else location_text(f.location, lang, shown_path)
        cell = put_text(ws, r, 2, where)
        if target:
            location = f"'{target.sheet}'!{target.cell}"
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=location, display=where)
            cell.font = link_font
        for c, value in (
            (1, n),
            (3, f.code),
            (4, severity_word(f.severity, lang)),
            (5, f.message),
            (6, f.table),
            (7, f.indicator),
            (8, f.value),
        ):
            put_text(ws, r, c, value)
        level = ws.cell(row=r, column=4)
        colour = FILLS.get(f.severity)
        if colour:
            level.fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
        for c in range(1, len(HEADINGS) + 1):
            ws.cell(row=r, column=c).alignment = wrap
    if not findings:
        ws.cell(row=2, column=1, value=word("no_findings", lang))
    ws.freeze_panes = "A2"
    for letter, width in (
        ("A", 6),
        ("B", 18),
        ("C", 8),
        ("D", 7),
        ("E", 60),
        ("F", 22),
        ("G", 24),
        ("H", 14),
    ):
        ws.column_dimensions[letter].width = width
    ws.auto_filter.ref = f"A1:{chr(ord('A') + len(HEADINGS) - 1)}{max(len(findings), 1) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4


def _sheet_title(name: str) -> str:
    bad = str.maketrans({ch: "_" for ch in "[]:*?/\\"})
    return (xml_safe(name).translate(bad) or "Sheet")[:31]


def _save_atomically(book, out: Path) -> None:
    from linter.atomic import replaced_atomically
    from linter.outputs import cannot_write

    try:
        with replaced_atomically(out) as tmp:
            book.save(tmp)
    except OSError as e:
        raise AnnotateError(out, *cannot_write(e)) from None
