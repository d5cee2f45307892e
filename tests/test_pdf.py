"""The PDF reader: the four examples printed as PDFs give the findings of their text versions.

The PDFs are made once per module by tests/pdf_templates.py (reportlab, CID font STSong-Light,
ruled tables with merged 一级/二级 cells, landscape A4). In that layout 000's second table
(应急指挥中心运维费) starts on page 1 and its last two rows (系统正常使用年限, 区应急局对应急指挥系统
满意率) are on page 2; 003's indicator grid has its header row at the foot of page 2 and all its
indicators on page 3 — so the equal findings also show that tables are joined over page breaks.
"""

from __future__ import annotations

import json

import pytest
from findings_of import TABLES_OF, assert_findings_of
from office_templates import all_examples, example_path
from pdf_templates import pdf_of, scanned_pdf

from linter.readers import InputError, read_path

KEYS = ("000", "002", "003", "004")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    made = all_examples(pdf_of, folder, ".pdf")
    made["000-repeated-header"] = pdf_of("000", folder / "000r.pdf", repeat_header=True)
    made["scan"] = scanned_pdf(folder / "scan.pdf")
    return made


@pytest.mark.parametrize("key", KEYS)
def test_pdf_gives_the_findings_of_the_text(pdfs, key):
    assert_findings_of(pdfs[key], key)


def test_header_repeated_on_the_next_page_is_not_a_row(pdfs):
    assert_findings_of(pdfs["000-repeated-header"], "000")


def test_table_continued_on_the_next_page_is_one_table(pdfs):
    doc = read_path(pdfs["000"])
    assert [t.name for t in doc.tables] == list(TABLES_OF["000"])
    second = doc.tables[1]
    assert second.location.page == 1
    last = second.indicators[-2:]
    assert [(i.name, i.level1, i.value_text, i.location.page) for i in last] == [
        ("系统正常使用年限", "效益指标", "≥5年", 2),
        ("区应急局对应急指挥系统满意率", "满意度指标", "≥95%", 2),
    ]
    assert doc.budget_year == 2024  # （2024年度） printed above the first table
    assert doc.tables[0].funding.total.yuan == 130000  # 13 万元, 单位: 万元 printed above the table


def test_merged_labels_are_carried_and_wrapped_cells_joined(pdfs):
    doc = read_path(pdfs["003"])
    inds = doc.tables[0].indicators
    insurance = next(i for i in inds if i.name == "保险内容")  # wrapped over two lines in its cell
    assert insurance.value_text == "完成巨灾保险续保和森林火灾扑救人员购买人身意外伤害保险"
    assert (insurance.level1, insurance.level2) == ("产出指标", "数量指标")  # merged down from row 1
    assert {i.location.page for i in inds} == {3}


def test_findings_point_at_pages_in_text_and_json(cli, pdfs):
    path = str(pdfs["000"])
    result = cli("check", path)
    assert result.exit_code == 1
    assert f"{path}:第 1 页: IL303" in result.stdout  # 劳务派遣年限 ≥1年, first table, page 1
    assert f"{path}:第 3 页: IL303" in result.stdout  # “安全生产月”活动开展期限 1个月, last grid on page 3
    english = cli("check", "--lang", "en", path).stdout
    assert f"{path}:page 1: IL303" in english
    result = cli("check", "--format", "json", path)
    found = json.loads(result.stdout)["findings"]
    timing = [f for f in found if f["indicator"] == "劳务派遣年限"]
    assert [(f["code"], f["page"]) for f in timing] == [("IL303", 1)]
    assert all(f["page"] in (1, 2, 3) for f in found)


def test_scanned_pdf_is_refused_with_a_clear_message(cli, pdfs):
    with pytest.raises(InputError, match=r"没有文字层.*OCR"):
        read_path(pdfs["scan"])
    result = cli("check", pdfs["scan"], example_path("002"))
    assert result.exit_code == 2
    assert "没有文字层" in result.output
    assert "全县安全生产监管专项" in result.stdout  # the other file is still checked


def test_truncated_and_garbage_pdfs_are_input_errors(cli, pdfs, tmp_path):
    data = pdfs["000"].read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 3])
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    for bad in (cut, junk):
        result = cli("check", bad)
        assert result.exit_code == 2, result.output
        assert f"{bad}:" in result.output
        with pytest.raises(InputError):
            read_path(bad)


def test_pdf_named_otherwise_is_read_by_its_content(pdfs, tmp_path):
    renamed = tmp_path / "table.dat"
    renamed.write_bytes(pdfs["002"].read_bytes())
    assert_findings_of(renamed, "002")


def test_page_numbers_are_dropped_but_a_year_line_is_kept(tmp_path):
    # One PAGE_NUMBER (text.py) for every reader: 3/12 and 第 3 页 are page numbers, 2025 alone is
    # the year printed under the title, and the PDF reader keeps it as the text reader does.
    import pdfplumber
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from linter.readers.pdf import _page_items

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = tmp_path / "lines.pdf"
    pdf = canvas.Canvas(str(out))
    pdf.setFont("STSong-Light", 10)
    for n, text in enumerate(
        ["项目支出绩效目标表", "2025", "3/12", "- 3 -", "第 3 页，共 12 页", "第 3 页（共 12 页）", "12"]
    ):
        pdf.drawString(50, 800 - 30 * n, text)
    pdf.showPage()
    pdf.save()
    with pdfplumber.open(out) as opened:
        items, has_text = _page_items(list(opened.pages))
    assert has_text and [(page, kind, text) for page, kind, text in items] == [
        (1, "line", "项目支出绩效目标表"),
        (1, "line", "2025"),
    ]


def test_the_pdf_is_closed_when_its_page_tree_is_damaged(monkeypatch):
    import pdfplumber

    from linter.readers.pdf import read_pdf

    closed = []

    class Damaged:
        @property
        def pages(self):
            raise KeyError("Kids")

        def close(self):
            closed.append(True)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.close()

    monkeypatch.setattr(pdfplumber, "open", lambda stream: Damaged())
    with pytest.raises(InputError, match="the PDF is damaged and cannot be read"):
        read_pdf(b"%PDF-1.4\n", "damaged.pdf")
    assert closed == [True]
