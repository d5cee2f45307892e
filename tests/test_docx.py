"""The Word reader: the four examples as .docx give the findings of their text versions.

The documents are built from the example texts (tests/office_templates.py): the lines that are a
single cell (title, 年度, 单位) become paragraphs, each run of rows a table, labels merged down
(vMerge) and across (gridSpan) as in the workbooks. Cell addresses below were counted by hand:
in 000 the first table starts at 项目名称 (R1), its 劳务派遣年限 row is R12 and the value is in the
fifth grid column.
"""

from __future__ import annotations

import io

import docx
import pytest
from findings_of import assert_findings_of
from office_templates import all_examples, docx_of

from linter.readers import read_path


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    return all_examples(docx_of, tmp_path_factory.mktemp("docx"), ".docx")


@pytest.mark.parametrize("key", ["000", "002", "003", "004"])
def test_document_gives_the_findings_of_the_text(documents, key):
    assert_findings_of(documents[key], key)


def test_findings_point_at_table_row_and_column(cli, documents):
    result = cli("check", documents["000"])
    assert result.exit_code == 1
    assert f"{documents['000']}:表1!R12C5: IL303" in result.stdout
    doc = read_path(documents["000"])
    assert doc.title == "本级预算项目绩效目标表" and doc.budget_year == 2024  # from the paragraphs
    assert [t.location.sheet for t in doc.tables] == ["表1", "表2", "表3", "表4"]


def _nested_document(path):
    """A title and year paragraph, then an outer table whose last cell holds the indicator table."""
    document = docx.Document()
    document.add_paragraph("某县应急管理局2026年度项目支出绩效目标表")
    document.add_paragraph("单位：万元")
    outer = document.add_table(rows=4, cols=3)
    outer.cell(0, 0).text = "项目名称"
    merged = outer.cell(0, 1).merge(outer.cell(0, 2))  # the name spans two columns
    merged.text = "森林防火宣传"
    outer.cell(1, 0).text = "年度资金总额"
    outer.cell(1, 1).text = "12"
    outer.cell(2, 0).text = "年度目标"
    outer.cell(2, 1).text = "开展森林防火宣传，提高群众防火意识"
    holder = outer.cell(3, 0).merge(outer.cell(3, 2))
    holder.text = "绩效指标"
    inner = holder.add_table(rows=4, cols=4)
    for c, text in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        inner.cell(0, c).text = text
    rows = [
        ("产出指标", "数量指标", "宣传场次", "≥10场"),
        ("", "", "发放宣传册", "≥2000份"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"),
    ]
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    level1 = inner.cell(1, 0).merge(inner.cell(2, 0))  # 产出指标 over two rows
    level1.text = "产出指标"
    level2 = inner.cell(1, 1).merge(inner.cell(2, 1))
    level2.text = "数量指标"
    document.save(path)
    return path


def test_nested_table_merged_cells_and_title_paragraph(tmp_path):
    doc = read_path(_nested_document(tmp_path / "nested.docx"))
    assert doc.budget_year == 2026 and doc.currency_unit == "万元"
    table = doc.tables[0]
    assert table.name == "森林防火宣传"
    assert table.funding.total.yuan == 120000
    assert [(i.level1, i.level2, i.name, i.value_text) for i in table.indicators] == [
        ("产出指标", "数量指标", "宣传场次", "≥10场"),
        ("产出指标", "数量指标", "发放宣传册", "≥2000份"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"),
    ]
    second = table.indicators[1]
    assert (second.location.sheet, second.location.cell) == ("表1.1", "R3C3")  # nested table 1 of 表1
    assert doc.problems == []


def test_damaged_document_is_one_line_exit_2(cli, tmp_path, documents):
    data = documents["000"].read_bytes()
    bad = tmp_path / "cut.docx"
    bad.write_bytes(data[: len(data) // 3])
    empty = tmp_path / "empty.docx"
    buf = io.BytesIO()
    docx.Document().save(buf)
    empty.write_bytes(buf.getvalue())
    for path, words in ((bad, "文件已损坏"), (empty, "未找到绩效目标表")):
        result = cli("check", path, documents["000"])
        assert result.exit_code == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{path}: ") and words in lines[0]
        assert "表1!R12C5" in result.stdout


def test_a_value_merged_down_over_two_rows_belongs_to_both(tmp_path):
    # As in Excel and PDF: ≥95% printed once over two quality rows is each row's value.
    document = docx.Document()
    document.add_paragraph("某县应急管理局2026年度项目支出绩效目标表")
    table = document.add_table(rows=5, cols=4)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目名称", "安全培训"
    for c, text in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        table.cell(1, c).text = text
    for r, row in enumerate(
        [
            ("产出指标", "质量指标", "培训合格率", "≥95%"),
            ("", "", "考核通过率", ""),
            ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"),
        ],
        2,
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(2, 3).merge(table.cell(3, 3)).text = "≥95%"
    table.cell(2, 0).merge(table.cell(3, 0)).text = "产出指标"
    table.cell(2, 1).merge(table.cell(3, 1)).text = "质量指标"
    document.save(tmp_path / "merged.docx")
    [table] = read_path(tmp_path / "merged.docx").tables
    assert [(i.name, i.value_text) for i in table.indicators] == [
        ("培训合格率", "≥95%"),
        ("考核通过率", "≥95%"),
        ("学员满意度", "≥90%"),
    ]


def test_a_value_merged_over_two_rows_and_two_columns_is_in_its_first_column_only():
    # The lower row reads like the upper one (and like Excel and PDF): ≥95% in the first column
    # the merged cell covers, the column it spans to the right empty.
    from linter.readers.docx import _table_rows

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text = "名称", "指标值"
    table.cell(1, 0).text, table.cell(2, 0).text = "a", "b"
    table.cell(1, 1).merge(table.cell(2, 2)).text = "≥95%"
    rows: list = []
    _table_rows(table, "表1", "x.docx", rows, depth=0)
    assert [[cell.text for cell in row] for row in rows] == [
        ["名称", "指标值", ""],
        ["a", "≥95%", ""],
        ["b", "≥95%", ""],
    ]
