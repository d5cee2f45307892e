"""``check FILE.docx --annotate OUT.docx``: the clerk's own Word document back, with comments.

The marks (a comment per flagged cell holding its findings, the cell shaded) must be exactly the
findings written by hand for the example (tests/findings_of.py, tests/marks.py); the 检查结果 section must print (landscape, as wide as the page,
its header row repeated); the workbook's 检查结果 sheet likewise. The output's extension must
match the input's kind.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from findings_of import totals_of
from marks import docx_marked_rows, docx_shaded, unmatched_marks
from office_templates import NAMES, docx_of, example_path, xlsx_of


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(NAMES))
def test_a_word_document_comes_back_with_a_comment_on_each_flagged_cell(cli, tmp_path, key):
    source = docx_of(key, tmp_path / f"{key}.docx")
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    out = tmp_path / "批注.docx"
    result = cli("check", source, "--annotate", out)
    assert result.exit_code == 1, result.stderr
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before  # the input is never touched
    assert unmatched_marks(docx_marked_rows(out), key) == ([], [])  # each finding on its row, no other
    assert docx_shaded(out) > 0
    document = docx.Document(str(out))
    assert document.comments and all(c.author == "indicator-lint" for c in document.comments)
    assert all(
        re.match(r"\[IL\d{3} (错误|警告|提示)\] ", c.text) for c in document.comments
    )  # levels in Chinese


def test_the_findings_section_prints_on_landscape_pages_with_its_header_repeated(cli, tmp_path):
    source = docx_of("000", tmp_path / "000.docx")
    out = tmp_path / "out.docx"
    cli("check", source, "--annotate", out)
    document = docx.Document(str(out))
    last = document.sections[-1]
    assert last.page_width > last.page_height  # landscape
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "序号",
        "位置",
        "规则",
        "级别",
        "说明",
        "项目",
        "指标",
        "指标值",
    ]
    assert table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:type")) == "pct"  # the page's width
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    expected = totals_of("000")  # the findings written by hand, by severity
    assert len(table.rows) == 1 + expected.total()
    zh = {"错误": "error", "警告": "warning", "提示": "info"}
    assert Counter(zh[r.cells[3].text] for r in table.rows[1:]) == expected
    assert table.rows[1].cells[1].text.startswith("表1 第")  # 表1 第1行第1列, not R1C1
    assert any(p.text == "检查结果" for p in document.paragraphs)


def test_the_findings_sheet_prints_and_filters(cli, tmp_path):
    source = xlsx_of("000", tmp_path / "000.xlsx")
    out = tmp_path / "out.xlsx"
    cli("check", source, "--annotate", out)
    ws = openpyxl.load_workbook(out)["检查结果"]
    assert ws.page_setup.orientation == "landscape"
    assert (
        ws.sheet_properties.pageSetUpPr.fitToPage
        and ws.page_setup.fitToWidth == 1
        and ws.page_setup.fitToHeight == 0
    )
    assert ws.print_title_rows == "$1:$1"
    assert ws.auto_filter.ref == f"A1:H{ws.max_row}"
    assert ws["E2"].alignment.wrap_text
    assert {ws.cell(r, 4).value for r in range(2, ws.max_row + 1)} <= {"错误", "警告", "提示"}
    english = tmp_path / "en.xlsx"
    cli("check", source, "--annotate", english, "--lang", "en")
    sheet = openpyxl.load_workbook(english)["检查结果"]
    assert sheet["D1"].value == "Severity" and sheet["D2"].value in ("error", "warning", "info")


@pytest.mark.parametrize(
    ("source_kind", "out_name"),
    [("docx", "out.xlsx"), ("xlsx", "out.docx"), ("text", "out.docx"), ("text", "out.txt"), ("docx", "out")],
)
def test_the_output_must_be_of_the_input_s_kind(cli, tmp_path, source_kind, out_name):
    source = {
        "docx": lambda: docx_of("000", tmp_path / "000.docx"),
        "xlsx": lambda: xlsx_of("000", tmp_path / "000.xlsx"),
        "text": lambda: example_path("000"),
    }[source_kind]()
    out = tmp_path / out_name
    result = cli("check", source, "--annotate", out)
    assert result.exit_code == 2 and result.stdout == ""  # a usage error, before the run
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "标注副本应为" in lines[0], result.stderr
    assert not out.exists()
    english = cli("check", source, "--annotate", out, "--lang", "en")
    assert "the annotated copy of" in english.stderr
