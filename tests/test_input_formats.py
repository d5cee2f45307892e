"""Issue 21's input formats: the four examples as web pages, CSV, .ods, .doc/.wps and .et give the
findings of their text versions; findings point at the table and cell (and the line of the file);
what LibreOffice is needed for says so in one line when it is missing.

The files are built in tests/format_templates.py from the same grids as the Excel and Word
versions. LibreOffice's own exports (Writer's HTML, .doc, Calc's .ods and .xls) are made with
soffice where it is installed; those tests are marked ``soffice`` and skip with the reason shown
otherwise (``.ci/run`` installs LibreOffice and sets INDICATOR_LINT_REQUIRE_SOFFICE=1, which turns
the skip into a failure: tests/conftest.py).
"""

from __future__ import annotations

import os
import stat
import time

import pytest
from findings_of import assert_findings_of, expected_of
from format_templates import csv_of, html_of, ods_of, soffice_examples
from office_templates import NAMES, all_examples

from linter.readers import OTHER_EXTENSIONS, InputError, read_path
from linter.readers import formats as formats_module

KEYS = list(NAMES)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    return all_examples(html_of, tmp_path_factory.mktemp("html"), ".html")


@pytest.fixture(scope="module")
def csvs(tmp_path_factory):
    return all_examples(csv_of, tmp_path_factory.mktemp("csv"), ".csv")


@pytest.fixture(scope="module")
def odss(tmp_path_factory):
    return all_examples(ods_of, tmp_path_factory.mktemp("ods"), ".ods")


@pytest.fixture(scope="module")
def libreoffice(programs, tmp_path_factory):
    """LibreOffice's own files of every example, by suffix (made on first use; the tests that use
    them are marked ``soffice``)."""
    made: dict[str, dict[str, object]] = {}
    folder = tmp_path_factory.mktemp("soffice")

    def of(suffix: str) -> dict:
        if suffix not in made:
            made[suffix] = soffice_examples(programs.soffice(), folder, suffix)
        return made[suffix]

    return of


def test_the_extensions_are_those_the_dispatch_reads():
    assert formats_module.EXTENSIONS == OTHER_EXTENSIONS


# ---------------------------------------------------------------------- the same findings


@pytest.mark.parametrize("key", KEYS)
def test_a_web_page_gives_the_findings_of_the_text(pages, key):
    assert_findings_of(pages[key], key)


@pytest.mark.slow
@pytest.mark.soffice
@pytest.mark.parametrize("key", KEYS)
def test_libreoffice_html_export_gives_the_findings_of_the_text(libreoffice, key):
    path = libreoffice(".html")[key]
    assert "<style" in path.read_text(encoding="utf-8", errors="replace").lower()  # CSS that is not text
    assert_findings_of(path, key)


@pytest.mark.slow
@pytest.mark.soffice
@pytest.mark.parametrize("key", KEYS)
def test_libreoffice_calc_html_export_gives_the_findings_of_the_text(libreoffice, key):
    assert_findings_of(libreoffice(".htm")[key], key)


@pytest.mark.parametrize("key", KEYS)
def test_a_gbk_comma_csv_gives_the_findings_of_the_text(csvs, key):
    assert_findings_of(csvs[key], key)


@pytest.mark.parametrize("key", KEYS)
def test_an_ods_gives_the_findings_of_the_text(odss, key):
    assert_findings_of(odss[key], key)


@pytest.mark.slow
@pytest.mark.soffice
@pytest.mark.parametrize("key", KEYS)
def test_libreoffice_ods_gives_the_findings_of_the_text(libreoffice, key):
    assert_findings_of(libreoffice(".ods")[key], key)


@pytest.mark.slow
@pytest.mark.soffice
@pytest.mark.parametrize("key", KEYS)
def test_a_doc_gives_the_findings_of_the_text(libreoffice, key):
    assert_findings_of(libreoffice(".doc")[key], key)


@pytest.mark.slow
@pytest.mark.soffice
def test_a_wps_document_is_read_as_word(libreoffice, tmp_path):
    wps = tmp_path / "003.wps"
    wps.write_bytes(libreoffice(".doc")["003"].read_bytes())  # WPS Writer saves Word 97 files as .wps
    assert_findings_of(wps, "003")


@pytest.mark.slow
@pytest.mark.soffice
@pytest.mark.parametrize("key", KEYS)
def test_a_biff_et_is_read_directly_without_libreoffice(libreoffice, key, monkeypatch, tmp_path):
    path = libreoffice(".et")[key]
    monkeypatch.setattr("linter.readers.soffice.soffice", lambda: None)  # read by xlrd, not converted
    assert_findings_of(path, key)
    assert read_path(path).source_format == "et"


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(";", "utf-8"), ("\t", "utf-8-sig"), (",", "gb18030"), ("|", "utf-16")]
)
def test_csv_dialects_and_encodings(tmp_path, delimiter, encoding):
    path = csv_of("000", tmp_path / "000.csv", delimiter=delimiter, encoding=encoding)
    assert_findings_of(path, "000")


def test_a_gbk_page_and_a_doc_that_is_a_web_page(tmp_path):
    assert_findings_of(html_of("002", tmp_path / "002.htm", encoding="gbk"), "002")
    page = html_of("003", tmp_path / "003.doc")  # web systems save "Word" files as HTML
    assert_findings_of(page, "003")
    xls = tmp_path / "004.xls"
    xls.write_bytes(html_of("004", tmp_path / "004.html").read_bytes())  # and "Excel" files
    assert_findings_of(xls, "004")


def test_a_web_archive_is_read_as_its_page(tmp_path):
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    page = html_of("004", tmp_path / "004.html", encoding="gbk").read_bytes().decode("gbk")
    archive = MIMEMultipart("related")
    archive.attach(MIMEText(page, "html", "gbk"))
    archive.attach(MIMEText("td { color: red }", "css", "utf-8"))
    for name in ("004.mht", "004.doc"):  # Word's "single file web page", sometimes named .doc
        path = tmp_path / name
        path.write_bytes(archive.as_bytes())
        assert_findings_of(path, "004")


# ---------------------------------------------------------------------- where findings point


def test_page_findings_point_at_table_cell_and_line(cli, pages):
    import html
    import json
    import re

    found = json.loads(cli("check", pages["000"], "--format", "json").stdout)["findings"]
    lines = pages["000"].read_text(encoding="utf-8").splitlines()
    assert len(found) == expected_of("000").total()
    for f in found:
        assert re.fullmatch(r"表\d+", f["sheet"]) and re.fullmatch(r"[A-Z]+\d+", f["cell"])
        cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", lines[f["line"] - 1])]
        assert cells, f  # the line of the file is a row of a table
        if f["indicator"]:  # the row of the finding's indicator, with its value (split over cells in 000)
            assert f["indicator"] in cells, (f["indicator"], cells)
            assert re.sub(r"\s", "", f["value"]) in re.sub(r"\s", "", "".join(cells)), (f["value"], cells)
    f = next(f for f in found if f["code"] == "IL303")  # 劳务派遣年限 ≥ 1 年: its value cell, column E
    assert (f["sheet"], f["cell"]) == ("表1", "E12") and "<td>劳务派遣年限</td><td>≥</td><td>1</td>" in lines[
        f["line"] - 1
    ]
    assert f"{pages['000']}:表1!E12: IL303" in cli("check", pages["000"]).stdout


def test_csv_and_ods_findings_point_at_line_and_cell(cli, csvs, odss):
    text = csvs["003"].read_bytes().decode("gbk").splitlines()
    out = cli("check", csvs["003"]).stdout
    first = out.splitlines()[0]
    where = first.split(": ")[0].rsplit(":", 2)
    line, column = int(where[1]), int(where[2])
    assert line > 1 and column >= 1 and text[line - 1]  # a line of the file, a column in it
    assert f"{odss['004']}:表1!" in cli("check", odss["004"]).stdout


def test_text_outside_tables_is_read_as_text_and_points_at_its_line(tmp_path):
    page = tmp_path / "pre.html"
    text = tmp_path / "t.txt"
    from office_templates import example_text

    body = example_text("003").replace("&", "&amp;").replace("<", "&lt;")
    page.write_text(
        "<html><head><style>\nbody { color: red }\n</style></head><body>\n<h1>网页</h1>\n<pre>"
        + body
        + "</pre></body></html>",
        encoding="utf-8",
    )
    text.write_text(example_text("003"), encoding="utf-8")
    assert_findings_of(page, "003")
    at, was = (
        read_path(page).tables[0].indicators[0].location,
        read_path(text).tables[0].indicators[0].location,
    )
    assert (at.line, at.column) == (was.line + 4, was.column)  # the text starts on the page's fifth line


# ---------------------------------------------------------------------- HTML tables


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"


ROWS = """<p>部门项目支出预算绩效目标表</p><p>（2025年度）</p>
<table>
<tr><td>项目名称</td><td colspan="4">应急演练</td></tr>
<tr><td>年度目标</td><td colspan="4">完成应急演练2次，提高应急处置能力</td></tr>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
<tr><td rowspan="4">产出指标</td><td rowspan="2">数量指标</td><td>演练次数</td><td>2次</td></tr>
<tr><td>参演人数</td><td>≥100人</td></tr>
<tr><td rowspan="2">质量指标</td><td>演练合格率</td><td rowspan="2">≥95%</td></tr>
<tr><td>预案覆盖率</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td></tr>
</table>"""


def test_rowspan_and_colspan_are_laid_out_as_merged_cells(tmp_path):
    path = tmp_path / "t.html"
    path.write_text(_page(ROWS), encoding="utf-8")
    doc = read_path(path)
    (table,) = doc.tables
    assert table.name == "应急演练" and table.goal.startswith("完成应急演练2次")
    rows = [(i.level1, i.level2, i.name, i.value_text) for i in table.indicators]
    assert rows == [
        ("产出指标", "数量指标", "演练次数", "2次"),
        ("产出指标", "数量指标", "参演人数", "≥100人"),
        ("产出指标", "质量指标", "演练合格率", "≥95%"),
        ("产出指标", "质量指标", "预案覆盖率", "≥95%"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"),
    ]
    loc = table.indicators[3].location
    assert (loc.sheet, loc.cell, loc.line) == ("表1", "C7", 9)  # 预案覆盖率: the ninth line of the page
    assert doc.budget_year == 2025


def test_a_caption_is_the_line_above_its_table(tmp_path):
    body = ROWS.replace(
        "<p>部门项目支出预算绩效目标表</p><p>（2025年度）</p>\n<table>",
        "<table><caption>部门项目支出预算绩效目标表<br>（2025年度）</caption>",
    )
    path = tmp_path / "caption.html"
    path.write_text(_page(body), encoding="utf-8")
    doc = read_path(path)
    assert doc.title == "部门项目支出预算绩效目标表" and len(doc.tables[0].indicators) == 5


def test_a_table_inside_a_cell_is_read_after_its_row(tmp_path):
    inner = ROWS.split("<table>")[1].split("</table>")[0]
    layout = f"<table><tr><td><p>部门项目支出预算绩效目标表</p><table>{inner}</table></td></tr></table>"
    path = tmp_path / "nested.html"
    path.write_text(_page(layout), encoding="utf-8")
    (table,) = read_path(path).tables
    assert len(table.indicators) == 5 and table.indicators[0].location.sheet == "表1.1"


def test_a_tree_in_one_cell_is_cut_at_its_paragraphs(tmp_path):
    tree = (
        "<p>一、产出指标</p><p>(一) 数量指标</p><p>1. 企业安全检查 50次</p><p>2. 专家咨询 ≥2次</p>"
        "<p>二、满意度指标</p><p>群众满意度 ≥90%</p>"
    )
    body = (
        "<table><tr><td>项目名称</td><td>金额</td><td>绩效目标</td><td>绩效指标</td></tr>"
        f"<tr><td>安全生产监管</td><td>50.00</td><td><p>目标1: 完成检查</p></td><td>{tree}</td></tr></table>"
    )
    path = tmp_path / "tree.html"
    path.write_text(_page(body), encoding="utf-8")
    doc = read_path(path)
    names = [(i.name, i.value_text) for t in doc.tables for i in t.indicators]
    assert ("企业安全检查", "50次") in names and ("群众满意度", "≥90%") in names


def test_hostile_spans_and_a_page_without_a_table(tmp_path):
    huge = ROWS.replace('colspan="4"', 'colspan="100000"').replace('rowspan="4"', 'rowspan="99999999"')
    path = tmp_path / "huge.html"
    path.write_text(_page(huge), encoding="utf-8")
    start = time.perf_counter()
    assert len(read_path(path).tables[0].indicators) == 5
    assert time.perf_counter() - start < 5
    empty = tmp_path / "empty.html"
    empty.write_text(_page("<p>通知</p><style>td{}</style>"), encoding="utf-8")
    with pytest.raises(InputError, match="未找到绩效目标表"):
        read_path(empty)


# ---------------------------------------------------------------------- LibreOffice missing, slow, broken


@pytest.mark.parametrize(
    ("suffix", "package"),
    [(".doc", "libreoffice-writer"), (".wps", "libreoffice-writer"), (".et", "libreoffice-calc")],
)
def test_without_libreoffice_one_line_names_the_package(cli, tmp_path, monkeypatch, suffix, package):
    monkeypatch.setattr("linter.readers.soffice.soffice", lambda: None)
    path = tmp_path / f"a{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = cli("check", path)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{path}: ") and f"apt-get install {package}" in line


@pytest.mark.slow
def test_a_conversion_past_its_time_limit_is_stopped(tmp_path, monkeypatch):
    if os.name != "posix":
        pytest.skip("a shell script stands in for soffice")
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 60 &\nwait\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr("linter.readers.soffice.soffice", lambda: str(fake))
    monkeypatch.setattr("linter.readers.soffice.TIMEOUT", 1.0)
    path = tmp_path / "slow.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    start = time.perf_counter()
    with pytest.raises(InputError, match="超时"):
        read_path(path)
    assert time.perf_counter() - start < 10


@pytest.mark.slow
@pytest.mark.soffice
def test_a_damaged_doc_is_one_line(cli, tmp_path):  # (LibreOffice's conversion fails on it)
    bad = tmp_path / "bad.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(3000))
    result = cli("check", bad)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1 and str(bad) in result.stderr


def test_a_quoted_csv_cell_holds_its_commas_and_line_breaks(tmp_path):
    text = (
        '项目名称,"应急演练"\r\n年度目标,"完成应急演练2次,\r\n提高应急处置能力"\r\n'
        '一级指标,二级指标,三级指标,指标值\r\n产出指标,数量指标,演练次数,"2"\r\n'
        "满意度指标,服务对象满意度指标,群众满意度,≥90%\r\n"
    )
    path = tmp_path / "q.csv"
    path.write_bytes(text.encode("gbk"))
    (table,) = read_path(path).tables
    assert table.goal.startswith("完成应急演练2次,") and "提高应急处置能力" in table.goal
    count = table.indicators[0]
    assert (count.name, count.value_text) == ("演练次数", "2")
    assert (count.value_location.line, count.value_location.column) == (5, 16)  # line 5 (row 2 has a break)


def test_a_csv_padded_with_empty_cells_is_read_not_refused(tmp_path):
    # A spreadsheet's export of a formatted range: rows of commas below the table, or every row
    # padded to column XFD. The padding is no cell of the table (as in the workbook itself).
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,培训次数,4次\n" + ",,,,,,\n" * 40_000,
        encoding="utf-8",
    )
    wide = tmp_path / "wide.csv"
    pad = "," * 16_380
    wide.write_text(
        f"一级指标,二级指标,三级指标,指标值{pad}\n产出指标,数量指标,培训次数,4次{pad}\n", encoding="utf-8"
    )
    for path in (rows, wide):
        (table,) = read_path(path).tables
        assert [(i.name, i.value_text) for i in table.indicators] == [("培训次数", "4次")]


def test_a_web_page_line_past_the_limits_is_named_by_its_line_in_the_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body>\n" + "<p>x</p>\n" * 51 + "<p>" + "|" * 20_000 + "</p></body></html>", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        read_path(page)
    assert caught.value.line == 53  # not the line within the run of text outside tables


def test_a_csv_of_lines_ended_by_carriage_returns_is_counted_before_it_is_read():
    # (the quick count skipped such a file: every record was made before the limit stopped it)
    from linter.readers import InputError, delimited

    with pytest.raises(InputError, match="too many cells"):
        delimited._count_cells("x\r" * 300_000, "a.csv", ",")
