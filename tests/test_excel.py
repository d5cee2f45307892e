"""The Excel reader: the four examples as workbooks give the findings of their text versions.

The workbooks are built from the example texts (tests/office_templates.py: merged 一级/二级, header
rows above the grid, numbers as numbers, 0.95 formatted as 0%, a separate 度量单位 column for 000,
one table per sheet for 004). tests/data/office/000_template.xls is the legacy .xls of 000, made once
with xlwt by tests/data/office/make_xls.py (it also has a hidden row and a hidden notes sheet).
Expected cell addresses below were worked out by hand from that layout: the grid of 000 starts at
B2, so text line n is sheet row n + 1, and its columns are B 一级, C 二级, D 三级, E 符号, F 指标值,
G 度量单位.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from findings_of import assert_findings_of
from office_templates import all_examples, xlsx_of

from linter.readers import InputError, read_path
from linter.readers.excel import number_text, read_excel
from linter.values.types import Date

XLS = Path(__file__).resolve().parent / "data" / "office" / "000_template.xls"


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    return all_examples(xlsx_of, tmp_path_factory.mktemp("xlsx"), ".xlsx")


@pytest.mark.parametrize("key", ["000", "002", "003", "004"])
def test_workbook_gives_the_findings_of_the_text(books, key):
    assert_findings_of(books[key], key)


def test_legacy_xls_gives_the_findings_of_the_text():
    assert_findings_of(XLS, "000")


@pytest.mark.parametrize("source", ["xlsx", "xls"])
def test_percent_cell_and_separate_columns_are_joined_and_located(books, source):
    doc = read_path(books["000"] if source == "xlsx" else XLS)
    ind = next(i for i in doc.tables[0].indicators if i.name == "劳务派遣人员与岗位需求契合度")
    # E21 ≥ | F21 0.95 formatted 0% | G21 %
    assert ind.value_text == "≥95%"
    assert (ind.location.sheet, ind.location.cell) == ("绩效目标表", "D21")
    assert ind.value_location.cell == "F21"
    first = doc.tables[0].indicators[0]
    assert (first.name, first.value_text, first.level1, first.level2) == (
        "按岗位需求派驻的劳务派遣人数",
        "1人",
        "产出指标",
        "数量指标",
    )


def test_several_tables_per_sheet_and_one_per_sheet(books):
    doc = read_path(books["000"])
    assert [t.name for t in doc.tables] == [
        "应急管理局劳务派遣经费",
        "应急指挥中心运维费",
        "安全生产监管第三方服务经费",
        "应急管理局工作业务经费",
    ]
    assert {t.location.sheet for t in doc.tables} == {"绩效目标表"}
    doc = read_path(books["004"])
    assert [t.location.sheet for t in doc.tables] == [f"表{i}" for i in range(1, 9)]  # 8 sheets, 8 tables
    assert doc.budget_year == 2025
    assert doc.tables[0].funding.total.yuan == 134900  # 13.49 (a number cell) 万元


def test_findings_point_at_cells_in_text_and_json(cli, books):
    result = cli("check", books["000"])
    assert result.exit_code == 1
    assert f"{books['000']}:绩效目标表!F23: IL303" in result.stdout  # 劳务派遣年限 ≥1年, value in F23
    result = cli("check", "--format", "json", books["000"])
    found = json.loads(result.stdout)["findings"]
    timing = [f for f in found if f["indicator"] == "劳务派遣年限"]
    assert [(f["code"], f["sheet"], f["cell"]) for f in timing] == [("IL303", "绩效目标表", "F23")]
    assert all(f["sheet"] == "绩效目标表" and f["cell"] for f in found)


def _book(rows, path: Path, merges=(), setup=None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Sheet1"
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    for ref in merges:
        ws.merge_cells(ref)
    if setup:
        setup(book, ws)
    book.save(path)
    return path


HEADER = [
    ["2025年度项目支出绩效目标表"],
    ["项目名称", "培训项目"],
    ["年度资金总额(万元)", 10],
    ["一级指标", "二级指标", "三级指标", "年度指标值"],
]


def test_date_cell_is_a_date_and_merged_value_is_carried_down(tmp_path):
    rows = HEADER + [
        ["产出指标", "数量指标", "培训次数", "≥2次"],
        [None, None, "培训人数", None],  # D5:D6 merged: ≥2次 belongs to both
        [None, "时效指标", "完成时限", dt.datetime(2025, 12, 31)],
    ]

    def dates(book, ws):
        ws["D7"].number_format = "yyyy-mm-dd"

    doc = read_path(_book(rows, tmp_path / "t.xlsx", merges=["D5:D6", "A5:A7"], setup=dates))
    inds = doc.tables[0].indicators
    assert [(i.name, i.value_text) for i in inds] == [
        ("培训次数", "≥2次"),
        ("培训人数", "≥2次"),
        ("完成时限", "2025年12月31日"),
    ]
    assert isinstance(inds[2].value, Date) and (inds[2].value.year, inds[2].value.day) == (2025, 31)
    assert [i.level1 for i in inds] == ["产出指标"] * 3  # 一级 merged over A5:A7, carried down
    assert inds[1].value_location.cell == "D6"


def test_number_text_reads_as_a_person_does():
    assert number_text(0.95, "0%") == "95%"
    assert number_text(0.955, "0.0%") == "95.5%"
    assert number_text(13.0) == "13"
    assert number_text(23.43, "#,##0.00") == "23.43"


def test_hidden_rows_and_sheets_are_read_and_noted(cli, tmp_path, capsys):
    doc, notes = read_excel(XLS.read_bytes(), str(XLS))
    assert len(doc.tables) == 4
    assert any("隐藏行 7" in n for n in notes) and any("说明" in n for n in notes)

    def hide(book, ws):
        ws.row_dimensions[5].hidden = True
        extra = book.create_sheet("备用")
        extra.sheet_state = "hidden"

    rows = HEADER + [["产出指标", "数量指标", "培训次数", "≥2次"]]
    path = _book(rows, tmp_path / "h.xlsx", setup=hide)
    result = cli("check", "-v", path)
    assert "隐藏行 5" in result.stderr and "hidden rows 5" in result.stderr
    assert [i.name for i in read_path(path).tables[0].indicators] == ["培训次数"]  # the hidden row is read


def test_a_notes_sheet_without_a_table_adds_nothing(tmp_path):
    def notes(book, ws):
        book.create_sheet("填表说明", 0)["A1"] = "请按要求填写，金额单位为万元。本表由财政局统一印发"

    rows = HEADER + [["产出指标", "数量指标", "培训次数", "≥2次"]]
    doc = read_path(_book(rows, tmp_path / "n.xlsx", setup=notes))
    assert len(doc.tables) == 1 and doc.problems == []


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (24 * 1024 * 1024))  # 24 MB of zeros → ~24 KB
    return path


def _corrupt_files(tmp_path: Path, books) -> dict[str, tuple[Path, str]]:
    good = books["000"].read_bytes()
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good[: len(good) // 2])
    locked = tmp_path / "locked.xlsx"
    # What Office writes for a password: an OLE compound file holding an EncryptedPackage stream.
    locked.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 504
        + "EncryptedPackage".encode("utf-16-le")
        + b"\0" * 512
    )
    garbage_xls = tmp_path / "garbage.xls"
    garbage_xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 600)
    not_a_book = tmp_path / "word.xlsx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    not_a_book.write_bytes(buf.getvalue())
    return {
        "truncated": (truncated, "文件已损坏"),
        "zip bomb": (_zip_bomb(tmp_path / "bomb.xlsx"), "压缩炸弹"),
        "password": (locked, "密码"),
        "garbage xls": (garbage_xls, "无法打开 .xls"),
        "no workbook part": (not_a_book, "xl/workbook.xml"),
    }


@pytest.mark.parametrize("case", ["truncated", "zip bomb", "password", "garbage xls", "no workbook part"])
def test_corrupt_workbook_is_one_line_exit_2_and_others_still_checked(cli, tmp_path, books, case):
    bad, words = _corrupt_files(tmp_path, books)[case]
    with pytest.raises(InputError):
        read_path(bad)
    result = cli("check", bad, books["000"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}: ") and words in lines[0]
    assert "绩效目标表!F23" in result.stdout  # the good workbook after it is still checked


def test_fix_writes_a_fixed_copy_of_a_workbook_never_the_input(cli, tmp_path):
    book = xlsx_of("002", tmp_path / "t.xlsx")
    original = book.read_bytes()
    refused = cli("check", "--fix", book)
    assert "never fixed in place" in refused.stderr and book.read_bytes() == original
    out = tmp_path / "fixed.xlsx"
    done = cli("check", "--fix", book, "-o", out)
    assert "fixed 2 finding(s) (IL202 ×2)" in done.stderr, done.stderr
    assert book.read_bytes() == original
    assert "IL202" not in done.stdout and str(out) in done.stdout  # the copy is what was checked again
    cells = [c.value for row in openpyxl.load_workbook(out)["Sheet1"].iter_rows() for c in row if c.value]
    assert any("20万元" in str(v) for v in cells) and any("1.2万元" in str(v) for v in cells)
    assert cli("check", "--fix", book, "-o", book).exit_code == 2
