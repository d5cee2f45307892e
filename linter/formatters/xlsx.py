"""Findings as a spreadsheet for the people who answer them: ``check --format xlsx -o 审核意见.xlsx``.

One row per finding: 文件, 位置, 目标表, 主管部门, 指标, 指标值, 级别, 规则, 问题说明, 依据 (the rule's
basis) and an empty 处理意见 column for the reply. The header is frozen and filtered, the columns
are sized and the long texts wrap; it prints on A4 landscape, fitted to the page's width, the header
repeated on each page. A second sheet, 规则说明, lists each rule that has findings with its basis and
rationale.

Every cell is written as text, never as a formula: an indicator named ``=HYPERLINK(…)`` or a value
``+1`` from an untrusted table stays the text it was (cells of type string; characters a
spreadsheet cannot hold are dropped, texts cut at a cell's 32,767 characters).

    departments[path] = departments_of(doc)            # in the process that read the document
    write_findings_workbook("审核意见.xlsx", finding_rows(findings, departments, "zh"), rules, lang="zh")
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path

from linter import regexes
from linter.model import Document, Finding

# (key, Chinese, English, width in characters)
COLUMNS = (
    ("file", "文件", "file", 28),
    ("location", "位置", "location", 16),
    ("table", "目标表", "table", 24),
    ("department", "主管部门", "department (主管部门)", 16),
    ("indicator", "指标", "indicator", 24),
    ("value", "指标值", "value", 14),
    ("level", "级别", "level", 7),
    ("rule", "规则", "rule", 22),
    ("message", "问题说明", "message", 60),
    ("basis", "依据", "basis", 40),
    ("action", "处理意见", "action (处理意见)", 30),
)
LEVELS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
WRAPPED = frozenset({"table", "indicator", "value", "message", "basis", "action", "rule"})
_ILLEGAL = regexes.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_CELL = 32_767

# What a row keeps of a finding (computed where the document is, so that no Document travels).
Row = tuple[str, str, str, str, str, str, str, str, str, str]  # file, location, table, department,
# indicator, value, severity, code, rule slug, message


def departments_of(doc: Document, findings: list[Finding] | None = None) -> dict[str, str]:
    """table name → its 主管部门 (else the document's); ``""`` → the document's. The digest of
    ``check --format xlsx`` (``linter.sinks.workbook``): small, and made where the document is."""
    out = {"": doc.department or ""}
    for table in doc.tables:
        out.setdefault(table.name, table.department or doc.department or "")
    return out


def finding_rows(
    findings: Iterable[Finding], departments: dict[str, dict[str, str]], lang: str = "zh"
) -> list[Row]:
    """One row per finding; ``departments`` by path (``departments_of``)."""
    out = []
    for f in findings:
        known = departments.get(f.location.path, {})
        department = known.get(f.table or "", known.get("", ""))
        out.append(
            (
                f.location.path,
                f.location.within(lang),
                f.table or "",
                department,
                f.indicator or "",
                f.value or "",
                f.severity,
                f.code,
                f.rule,
                f.message,
            )
        )
    return out


def text(value: object) -> str:
    """A cell's text: no characters a workbook cannot hold, no longer than a cell can be."""
    out = _ILLEGAL.sub("", str(value if value is not None else ""))
    return out if len(out) <= MAX_CELL else out[: MAX_CELL - 1] + "…"


def write_findings_workbook(
    out: str | Path | io.BytesIO, rows: Iterable[Row], rules: dict, lang: str = "zh"
) -> int:
    """Write the workbook to ``out`` (a path, written atomically, or a binary stream); the number of rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    english = lang == "en"
    book = Workbook()
    ws = book.worksheets[0]  # the sheet a new workbook starts with
    ws.title = "findings" if english else "审核意见"
    header = [(en if english else zh) for _, zh, en, _ in COLUMNS]
    ws.append([text(h) for h in header])
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE3EA")
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    keys = [key for key, *_ in COLUMNS]
    n = 0
    seen_codes: dict[str, None] = {}
    for file, where, table, department, indicator, value, severity, code, slug, message in rows:
        rule = rules.get(code)
        title = rule.title[lang] if rule is not None else slug
        basis = rule.basis if rule is not None else ""
        seen_codes.setdefault(code)
        values = {
            "file": file,
            "location": where,
            "table": table,
            "department": department,
            "indicator": indicator,
            "value": value,
            "level": LEVELS[lang].get(severity, severity),
            "rule": f"{code} {title}",
            "message": message,
            "basis": basis,
            "action": "",
        }
        ws.append([_string_cell(ws, values[key]) for key in keys])
        n += 1
    for c, (*_rest, width) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(c)].width = width
        ws.cell(row=1, column=c).font = bold
        ws.cell(row=1, column=c).fill = fill
        ws.cell(row=1, column=c).alignment = top
    for row in ws.iter_rows(min_row=2):
        for cell, key in zip(row, keys, strict=True):
            cell.alignment = wrap if key in WRAPPED else top
    last = get_column_letter(len(COLUMNS))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{n + 1}"
    _print_setup(ws, PageSetupProperties)
    ws.print_title_rows = "1:1"
    _rules_sheet(book, [rules[c] for c in seen_codes if c in rules], lang, bold, fill, wrap)
    if isinstance(out, (str, Path)):
        from linter.atomic import replaced_atomically

        with replaced_atomically(out) as tmp:
            book.save(tmp)
    else:
        book.save(out)
    return n


def _string_cell(ws, value: str):
    """A cell holding ``value`` as text, whatever it looks like (``=SUM(A1)`` stays text)."""
    from openpyxl.cell.cell import Cell

    cell = Cell(ws)  # type: ignore[call-arg]  # no row nor column: placed where it is appended
    cell._value = text(value)  # type: ignore[attr-defined]  # the value as is: the setter would take a leading = for a formula
    cell.data_type = "s"
    return cell


def _print_setup(ws, PageSetupProperties) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


def _rules_sheet(book, rules: list, lang: str, bold, fill, wrap) -> None:
    from openpyxl.worksheet.properties import PageSetupProperties

    english = lang == "en"
    ws = book.create_sheet("rules" if english else "规则说明")
    header = (
        ["code", "rule", "level", "title", "basis", "rationale"]
        if english
        else ["编号", "规则", "级别", "名称", "依据", "说明"]
    )
    ws.append(header)
    for rule in sorted(rules, key=lambda r: r.code):
        ws.append(
            [
                _string_cell(ws, v)
                for v in (
                    rule.code,
                    rule.slug,
                    LEVELS[lang].get(rule.severity, rule.severity),
                    rule.title[lang],
                    rule.basis,
                    rule.rationale[lang],
                )
            ]
        )
    for c, width in enumerate((8, 22, 7, 30, 50, 70), 1):
        from openpyxl.utils import get_column_letter

        ws.column_dimensions[get_column_letter(c)].width = width
        ws.cell(row=1, column=c).font = bold
        ws.cell(row=1, column=c).fill = fill
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    ws.freeze_panes = "A2"
    _print_setup(ws, PageSetupProperties)
    ws.print_title_rows = "1:1"


FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:)")


def workbook_bytes(rows: Iterable[Row], rules: dict, lang: str = "zh") -> bytes:
    """The workbook's bytes, the same for the same rows (no clock time in them: the HTML report
    that embeds it is the same bytes for the same input)."""
    import zipfile

    buffer = io.BytesIO()
    write_findings_workbook(buffer, rows, rules, lang)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            target.writestr(
                zipfile.ZipInfo(info.filename, date_time=FIXED_TIME), data, compress_type=zipfile.ZIP_DEFLATED
            )
    return out.getvalue()
