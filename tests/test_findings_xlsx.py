"""``check --format xlsx -o 审核意见.xlsx``: a row per finding with its 主管部门 and the rule's 依据,
an empty 处理意见 column, a frozen and filtered header, sized columns, A4 landscape fitted to the
width; every cell text, never a formula; -o never one of the inputs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
from findings_of import TOTALS

from linter.formatters.xlsx import COLUMNS, write_findings_workbook
from linter.rulebook import load_rule_dirs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
RULES = {rule.code: rule for rule in load_rule_dirs([])}


def test_a_row_per_finding_with_department_basis_and_an_empty_reply_column(cli, tmp_path):
    out = tmp_path / "审核意见.xlsx"
    result = cli("check", EXAMPLES, "--format", "xlsx", "-o", out)
    assert result.exit_code == 1, result.output  # findings: as check with any format
    assert f"{TOTALS.total()} 条问题" in result.stdout
    book = openpyxl.load_workbook(out)
    ws = book["审核意见"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == (
        "文件",
        "位置",
        "目标表",
        "主管部门",
        "指标",
        "指标值",
        "级别",
        "规则",
        "问题说明",
        "依据",
        "处理意见",
    )
    body = rows[1:]
    assert len(body) == TOTALS.total()
    levels = {"错误": "error", "警告": "warning", "提示": "info"}
    assert sum(1 for r in body if levels[r[6]] == "error") == TOTALS["error"]
    for row in body:
        code = row[7].split()[0]
        assert row[9] == RULES[code].basis and row[7] == f"{code} {RULES[code].title['zh']}"
        assert row[10] is None  # 处理意见: for the reply
    first = next(r for r in body if r[0].endswith("000_8b9eba17efc00524.txt"))
    assert first[3] == "大连高新技术产业园区应急管理局"  # 主管部门 of the table
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:K{len(body) + 1}"
    assert ws.column_dimensions["I"].width == dict((k, w) for k, _, _, w in COLUMNS)["message"]
    assert (
        ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
    )
    assert ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.fitToWidth) == 1
    assert int(ws.page_setup.fitToHeight) == 0 and ws.print_title_rows == "$1:$1"
    assert [r[0] for r in book["规则说明"].iter_rows(min_row=2, values_only=True)] == sorted(
        {r[7].split()[0] for r in body}
    )


def test_cells_are_text_never_formulas(tmp_path):
    hostile = ('=HYPERLINK("http://x","点此")', "+1", "-2", "@SUM(A1)", "=1+1\x01")
    rows = [("a.txt", "3:1", t, t, t, t, "error", "IL201", "missing-unit", t) for t in hostile]
    buffer = io.BytesIO()
    write_findings_workbook(buffer, rows, RULES, "zh")
    sheet = zipfile.ZipFile(io.BytesIO(buffer.getvalue())).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    ws = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))["审核意见"]
    for n, text in enumerate(hostile, 2):
        cell = ws.cell(row=n, column=5)
        assert cell.data_type == "s" and cell.value == text.replace("\x01", "")


def test_english_headers(cli, tmp_path):
    out = tmp_path / "findings.xlsx"
    cli("check", EXAMPLES / "003_ce0a18593ae1bf2a.txt", "--format", "xlsx", "-o", out, "--lang", "en")
    header = next(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert header[3] == "department (主管部门)" and header[-1] == "action (处理意见)"


def test_output_is_never_an_input_and_is_required(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    table = Path("t.txt")
    table.write_text((EXAMPLES / "003_ce0a18593ae1bf2a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    before = table.read_bytes()
    result = cli("check", table, "--format", "xlsx", "-o", table)
    assert result.exit_code == 2 and "不能覆盖" in result.output and table.read_bytes() == before
    assert cli("check", table, "--format", "xlsx").exit_code == 2
    assert cli("check", table, "-o", "x.xlsx").exit_code == 2  # -o goes with --format xlsx
    # written into the swept folder, the workbook is not read as a table the next time
    assert cli("check", ".", "--format", "xlsx", "-o", "审核意见.xlsx").exit_code == 1
    assert cli("check", ".", "--format", "xlsx", "-o", "审核意见.xlsx").exit_code == 1
    result = cli("check", ".", "审核意见.xlsx", "--format", "xlsx", "-o", "审核意见.xlsx")
    assert result.exit_code == 2  # named on the command line, it is an input
