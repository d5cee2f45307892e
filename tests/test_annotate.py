"""``check FILE --annotate OUT.xlsx``: the workbook handed back with its defects marked.

Re-opens the written workbook and checks what a reviewer would look at: the first sheet 检查结果
lists every finding with a link to its cell; the linked cell is filled in its severity's colour
and its comment holds the finding's code. Expected cells were read off the layouts by hand (see
test_excel: in 000.xlsx 劳务派遣年限 ≥1年 is in F23, the first 项目名称 label in B12).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from findings_of import CODE, expected_of
from office_templates import example_path, xlsx_of

ERROR, WARNING, INFO = "FFC7CE", "FFEB9C", "DDEBF7"
DATA = Path(__file__).resolve().parent / "data" / "yaml"


@pytest.fixture(scope="module")
def book000(tmp_path_factory):
    return xlsx_of("000", tmp_path_factory.mktemp("annotate") / "000.xlsx")


def summary_rows(book) -> list[tuple]:
    ws = book.worksheets[0]
    return [
        tuple(c.value for c in row[:7]) + (row[1].hyperlink.location if row[1].hyperlink else None,)
        for row in ws.iter_rows(min_row=2)
    ]


def codes_of(example: str) -> Counter:
    """The rule codes of the findings written by hand for an example (tests/findings_of.py)."""
    return Counter(CODE[rule] for _, rule, _ in expected_of(example).elements())


def marked(book, location: str):
    sheet, ref = location.split("!")
    return book[sheet.strip("'")][ref]


def test_workbook_copy_marks_cells_and_lists_findings(cli, tmp_path, book000):
    before = hashlib.sha256(book000.read_bytes()).hexdigest()
    out = tmp_path / "marked.xlsx"
    result = cli("check", book000, "--annotate", out)
    assert result.exit_code == 1  # the findings still decide the exit code
    assert hashlib.sha256(book000.read_bytes()).hexdigest() == before  # the input is never touched

    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["检查结果", "绩效目标表"]
    rows = summary_rows(book)
    assert Counter(code for _, _, code, *_ in rows) == codes_of("000")  # the findings written by hand
    assert all(link for *_, link in rows)  # every finding links to its cell
    for _n, _where, code, severity, _msg, _table, _ind, link in rows:
        cell = marked(book, link)
        assert code in cell.comment.text
        assert cell.fill.fgColor.rgb.endswith(
            {"错误": ERROR, "警告": WARNING, "提示": INFO}[severity]
        )  # in Chinese

    timing = next(r for r in rows if r[6] == "劳务派遣年限")
    assert timing[2:4] == ("IL303", "警告") and timing[7] == "'绩效目标表'!F23"
    f23 = book["绩效目标表"]["F23"]
    assert f23.value == 1 and f23.fill.fgColor.rgb.endswith(WARNING)
    assert "时效指标值“≥1年”是一段时长" in f23.comment.text
    b12 = book["绩效目标表"]["B12"]  # 项目名称 of the first table: missing 成本指标, an error
    assert b12.value == "项目名称" and b12.fill.fgColor.rgb.endswith(ERROR) and "IL101" in b12.comment.text
    assert book["绩效目标表"]["D21"].fill.fill_type is None  # an unflagged cell is left as it was
    assert book["绩效目标表"]["F21"].number_format == "0%"  # formats survive the copy


def test_other_inputs_are_laid_out_with_the_same_marks(cli, tmp_path):
    # (a Word document is marked in a copy of itself: test_annotate_docx)
    path = example_path("004")
    out = tmp_path / "laid_out.xlsx"
    assert cli("check", path, "--annotate", out).exit_code == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["检查结果", "目标表"]
    rows = summary_rows(book)
    assert Counter(code for _, _, code, *_ in rows) == codes_of("004")
    assert all(link for *_, link in rows)
    for _n, _where, code, _severity, _msg, _table, indicator, link in rows:
        cell = marked(book, link)
        assert code in cell.comment.text
        if indicator and code not in ("IL101", "IL102"):  # a missing category has no row of its own
            row_values = [c.value for c in book["目标表"][cell.row]]
            assert indicator in row_values
    layout = book["目标表"]
    names = [c.value for c in layout["C"] if c.value]
    assert "点评反馈会次数" in names and "群众满意度" in names
    # placed as the HTML report places them: a value's defect on the value, a goal's on the goal
    unit = next(marked(book, r[7]) for r in rows if r[2] == "IL201" and r[6] == "点评反馈会次数")
    assert unit.column_letter == "D" and unit.value == "4"
    goal = next(marked(book, r[7]) for r in rows if r[2] == "IL106")
    assert goal.column_letter == "B" and layout.cell(goal.row, 1).value == "年度目标"


def test_a_whole_table_finding_is_laid_out_on_the_table_name(cli, tmp_path):
    out = tmp_path / "laid_out.xlsx"
    assert cli("check", example_path("000"), "--annotate", out).exit_code == 1
    book = openpyxl.load_workbook(out)
    missing = [marked(book, r[7]) for r in summary_rows(book) if r[2] == "IL101"]  # no 成本指标 at all
    assert missing and all(
        c.column_letter == "B" and book["目标表"].cell(c.row, 1).value == "项目名称" for c in missing
    )


def test_annotate_needs_one_readable_file_and_never_overwrites_it(cli, tmp_path, book000):
    out = tmp_path / "two.xlsx"
    result = cli("check", book000, "--annotate", out, str(example_path("000")))
    assert result.exit_code == 2 and "--annotate" in result.stderr and not out.exists()
    result = cli("check", book000, "--annotate", book000)
    assert result.exit_code == 2 and "不能覆盖" in result.stderr
    result = cli("check", tmp_path / "missing.xlsx", "--annotate", out)
    assert result.exit_code == 2 and not out.exists()


def test_a_finding_on_a_part_the_layout_does_not_draw_goes_to_the_table_name(tmp_path):
    # department.yaml has only multi-year funding and a budget block, which the layout does not draw
    from linter.annotate import _layout
    from linter.lintrun import LintRun
    from linter.readers import read_path
    from linter.report.cells import place_findings

    path = DATA / "department.yaml"
    doc = read_path(path)
    findings = LintRun().check(path, doc)
    book, place = _layout(doc, findings)
    spots = place_findings(doc, findings)
    assert any(s.cell in ("budget", "funding") for s in spots)
    assert sorted(place) == list(range(len(findings)))  # every finding marked somewhere
    for i, spot in enumerate(spots):
        if spot.cell in ("budget", "funding"):
            assert book.active[place[i].cell].value == doc.tables[spot.table].name
