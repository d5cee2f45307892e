"""``indicator-lint report``: the HTML page on the real examples and on hostile or broken input.

Expected figures (tables, findings by severity and by rule) come from the findings written by hand
in tests/findings_of.py.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from findings_of import RULES, TABLES, TABLES_OF, TOTALS, expected_of, totals_of

from linter.model import Document, Finding, Indicator, Location, Table
from linter.readers import read_path
from linter.report.cells import Spot, place_findings
from linter.report.summary import FINDING_FIELDS, full_location
from linter.values import parse

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def page(cli, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    result = cli("report", EXAMPLES, "-o", folder / "report.html")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in folder.iterdir()] == ["report.html"]  # no temporary file left behind
    return (folder / "report.html").read_text(encoding="utf-8")


def stat(page: str, key: str) -> int:
    return int(re.search(rf'<dd id="n-{key}">(\d+)</dd>', page).group(1))


def data_of(page: str) -> dict:
    """The page's data, as its script reads it: files, findings (dicts), each file's tables."""

    def element(ident: str):
        return json.loads(
            re.search(rf'<script type="application/json" id="{ident}">(.*?)</script>', page, re.S).group(1)
        )

    fields = ("file", *FINDING_FIELDS)
    meta, files = element("report-meta"), element("report-files")
    findings = [dict(zip(fields, row, strict=True)) for row in element("report-findings")]
    for f in findings:  # as the page shows them
        f["location"] = full_location(f["location"], files[f["file"]][0])
        f["department"] = meta["departments"][f["department"]]
    tables = [element(f"d{k}") for k in range(len(files))]
    for file in tables:  # 一级/二级 filled down, as the page does
        for table in file["tables"]:
            above = ["", ""]
            for row in table["i"]:
                row[0] = above[0] if row[0] == 0 else row[0]
                row[1] = above[1] if row[1] == 0 else row[1]
                above = row
    return {"files": files, "findings": findings, "tables": tables}


def indicator_of(data: dict, finding: dict) -> list:
    """The indicator row (一级, 二级, 三级, 指标值, …) a finding's cell (``i5v``) is on."""
    table = data["tables"][finding["file"]]["tables"][finding["table_index"]]
    return table["i"][int(finding["cell"][1:-1])]


def test_the_page_is_one_self_contained_file(page):
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page and 'lang="zh-CN"' in page
    for external in ("http://", "https://", "src=", "@import", "url("):
        assert external not in page
    assert page.count("<script>") == 1 and page.count("<style>") == 1


def test_totals_are_those_of_check(page):
    # The one place the severities are pinned by hand (the rest derive them from the rule files).
    assert (TOTALS["error"], TOTALS["warning"], TOTALS["info"]) == (83, 120, 24)
    assert [stat(page, k) for k in ("files", "tables", "findings", "error", "warning", "info")] == [
        4,
        len(TABLES),
        TOTALS.total(),
        TOTALS["error"],
        TOTALS["warning"],
        TOTALS["info"],
    ]
    findings = data_of(page)["findings"]
    assert len(findings) == TOTALS.total()  # the findings list's data
    for severity in ("error", "warning", "info"):
        assert sum(f["severity"] == severity for f in findings) == TOTALS[severity]
    rules = re.search(r'<table class="sortable-table" id="rules-table">.*?</table>', page, re.S).group(0)
    row = re.search(r"<tr><td>IL212</td><td>vague-value</td>.*?</tr>", rules).group(0)
    assert f'<td class="count">{RULES["vague-value"]}</td>' in row and "指标值只有方向或描述，没有目标" in row
    assert rules.count("<tr><td>IL") == len(RULES)


def test_every_table_is_in_the_data_and_every_file_has_its_details(page):
    data = data_of(page)
    names = [t["n"] for file in data["tables"] for t in file["tables"]]
    assert sorted(names) == sorted(TABLES)
    assert page.count('<details class="file"') == len(data["files"]) == 4  # drawn when opened
    assert page.count('<script type="application/json" id="d') == 4


def test_the_rule_chart_has_a_bar_per_rule(page):
    chart = re.search(r'<svg id="chart-rules".*?</svg>', page, re.S).group(0)
    assert chart.count('<rect class="bar"') == len(RULES)
    assert f"<title>IL212 vague-value: {RULES['vague-value']}</title>" in chart
    departments = re.search(r'<svg id="chart-departments".*?</svg>', page, re.S).group(0)
    assert f"<title>平罗县应急管理局: {totals_of('004').total()}</title>" in departments  # all of 004


def test_a_flagged_cell_is_tied_to_its_finding(page):
    # examples/004, line 66: 点评反馈会次数 4 — a number without a unit (IL201, warning)
    data = data_of(page)
    f = next(f for f in data["findings"] if f["indicator"] == "点评反馈会次数" and f["code"] == "IL201")
    assert f["cell"].endswith("v") and indicator_of(data, f)[2:4] == ["点评反馈会次数", "4"]
    assert "“点评反馈会次数”的指标值“4”只有数字，没有计量单位" in f["message"] and f["severity"] == "warning"
    assert f["location"].endswith("004_68506cad869715c1.txt:66:33")
    assert f["department"] == "平罗县应急管理局"


def test_header_findings_sit_beside_the_header_block(page):
    # 政府长聘人员经费's 年度目标 merely repeats the project name (IL106 missing-goal)
    data = data_of(page)
    f = next(f for f in data["findings"] if f["code"] == "IL106")
    table = data["tables"][f["file"]]["tables"][f["table_index"]]
    assert f["cell"] == "goal" and ["年度目标", "政府长聘人员经费", "goal"] in table["h"]


def test_each_rule_with_findings_has_its_rationale_and_basis(page):
    from linter.rulebook import load_rule_dirs

    for rule in load_rule_dirs([]):
        if rule.slug in RULES:
            block = re.search(
                rf'<details class="rule" id="rule-{rule.code}">.*?</details>', page, re.S
            ).group(0)
            text = html.unescape(block)
            assert rule.rationale["zh"] in text and rule.basis in text and rule.title["zh"] in text
            assert f'<a href="#rule-{rule.code}">' in page  # the rule table links to it


def test_the_findings_spreadsheet_is_a_download(page):
    import base64
    import io

    import openpyxl

    link = re.search(
        r'<a id="download-xlsx" class="download" download="审核意见.xlsx" '
        r'href="data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,([^"]+)"',
        page,
    )
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(link.group(1))))
    assert book.active.max_row == TOTALS.total() + 1


def test_files_without_findings_are_counted(cli, table_text, tmp_path):
    clean = tmp_path / "clean.yaml"
    clean.write_text(
        table_text.replace('"4"', "4次")
        .replace("5次", "≤1%")
        .replace("    funding:", "    department: 测试局\n    funding:"),
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    assert cli("report", clean, EXAMPLES / "003_ce0a18593ae1bf2a.txt", "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert stat(page, "files") == 2 and stat(page, "clean_files") == 1
    status = re.search(r'<svg id="chart-status".*?</svg>', page, re.S).group(0)
    assert "<title>无问题: 1</title>" in status and "<title>有错误: 1</title>" in status
    departments = re.search(r'<svg id="chart-departments".*?</svg>', page, re.S).group(0)
    assert "<title>测试局: 0</title>" in departments  # a department with no finding is in the chart


def test_every_example_finding_lands_on_a_cell():
    from linter.lintrun import LintRun

    run = LintRun()
    for path in sorted(EXAMPLES.glob("*.txt")):
        doc = read_path(path)
        spots = place_findings(doc, run.check(path, doc))
        assert spots and all(s.cell is not None for s in spots), path


@pytest.mark.parametrize("form", ["xlsx", "docx", "pdf"])
def test_every_finding_of_a_converted_example_lands_on_its_own_indicator(tmp_path, form):
    # A workbook, Word or PDF location says less than a text line (a cell shared, a page): the
    # finding's identity must still pick its own row, not a neighbour's.
    from office_templates import docx_of, xlsx_of
    from pdf_templates import pdf_of

    from linter.lintrun import LintRun

    path = {"xlsx": xlsx_of, "docx": docx_of, "pdf": pdf_of}[form]("002", tmp_path / f"002.{form}")
    doc = read_path(path)
    findings = LintRun().check(path, doc)
    spots = place_findings(doc, findings)
    assert len(findings) == expected_of("002").total() and all(s.cell is not None for s in spots)
    for f, spot in zip(findings, spots, strict=True):
        if f.indicator and spot.cell.startswith("i"):
            assert doc.tables[spot.table].indicators[int(spot.cell[1:-1])].name == f.indicator, f


def test_identity_picks_the_cell_when_a_page_is_all_the_location_says():
    page3 = Location("t.pdf", page=3)
    indicators = [
        Indicator("产出指标", "数量指标", name, value, parse(value), page3, value_location=page3)
        for name, value in (("培训次数", "4"), ("检查次数", "5次"))
    ]
    doc = Document("t.pdf", tables=[Table("项目甲", location=page3), Table("项目乙", indicators=indicators)])
    findings = [
        Finding(
            "IL201",
            "missing-unit",
            "warning",
            "无单位",
            page3,
            table="项目乙",
            indicator="培训次数",
            value="4",
        ),
        Finding(
            "IL107", "name-not-a-measure", "warning", "名称", page3, table="项目乙", indicator="检查次数"
        ),
        Finding("IL999", "x", "info", "表", Location("t.pdf", page=9), table="项目甲"),
        Finding("IL999", "x", "info", "文件", Location("t.pdf", page=9)),
    ]
    assert place_findings(doc, findings) == [Spot(1, "i0v"), Spot(1, "i1n"), Spot(0, None), Spot(None, None)]


HOSTILE = """\
title: 测试
tables:
- name: '<script>alert(1)</script>经费'
  department: '<img src=x onerror=alert(2)>局'
  funding:
    total: 13万元
  goal: 完成任务
  indicators:
    产出指标:
      数量指标:
      - '"><svg onload=alert(3)>次数': 4
"""


def test_hostile_input_comes_out_escaped(cli, tmp_path):
    table = tmp_path / "hostile.yaml"
    table.write_text(HOSTILE, encoding="utf-8")
    result = cli("report", table, "-o", tmp_path / "r.html")
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    for raw in ("<script>alert", "<img", "<svg onload", "</script>经费"):
        assert raw not in page
    data = data_of(page)  # the data holds the texts as they were; the script escapes them when drawing
    (table_data,) = data["tables"][0]["tables"]
    assert (
        table_data["n"] == "<script>alert(1)</script>经费"
        and table_data["d"] == "<img src=x onerror=alert(2)>局"
    )
    assert "&lt;img src=x onerror=alert(2)&gt;局" in page  # the department, printed in the page's HTML


def test_an_unreadable_file_gives_exit_2_and_is_listed(cli, tmp_path):
    missing = tmp_path / "missing.txt"
    result = cli("report", missing, EXAMPLES / "002_cab738b0acffaaf0.txt", "-o", tmp_path / "r.html")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith(str(missing))
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    unreadable = re.search(r'<section id="unreadable">.*?</section>', page, re.S).group(0)
    assert f"<code>{missing}</code>" in unreadable
    assert (
        stat(page, "files") == 2
        and stat(page, "unreadable") == 1
        and stat(page, "tables") == len(TABLES_OF["002"])
    )
    assert "全县安全生产监管专项" in [
        t["n"] for t in data_of(page)["tables"][0]["tables"]
    ]  # the readable file


def test_two_jobs_write_the_bytes_of_one(cli, tmp_path, worker_starts):
    workers = worker_starts
    one, two = tmp_path / "one.html", tmp_path / "two.html"
    assert cli("report", "--jobs", "1", EXAMPLES, "-o", one).exit_code == 0
    assert cli("report", "--jobs", "2", EXAMPLES, "-o", two).exit_code == 0
    assert workers == [1]  # the second page was made by two processes: this one and a worker
    assert one.read_bytes() == two.read_bytes()


def test_title_and_english(cli, tmp_path):
    out = tmp_path / "r.html"
    assert (
        cli(
            "report",
            "--lang",
            "en",
            "--title",
            "Audit <2024>",
            EXAMPLES / "000_8b9eba17efc00524.txt",
            "-o",
            out,
        ).exit_code
        == 0
    )
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "<h1>Audit &lt;2024&gt;</h1>" in page and "All findings" in page
    assert "is a rate, yet its value is" in page  # the messages are English too


@pytest.mark.parametrize(
    "args",
    [
        ["report", str(EXAMPLES)],  # no -o
        ["report", "--lang", "fr", str(EXAMPLES), "-o", "{out}"],
        ["report", "--select", "no-such-rule", str(EXAMPLES), "-o", "{out}"],
        ["report", str(EXAMPLES), "-o", "{missing_folder}/r.html"],
    ],
)
def test_usage_errors_are_one_line_and_write_nothing(cli, tmp_path, args):
    out = tmp_path / "r.html"
    args = [a.format(out=out, missing_folder=tmp_path / "no" / "such") for a in args]
    result = cli(*args)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_report_inside_the_swept_folder_is_not_read_as_a_table(cli, tmp_path):
    for path in EXAMPLES.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "report.html"
    assert cli("report", tmp_path, "-o", out).exit_code == 0
    again = cli("report", tmp_path, "-o", out)  # report.html (a text-family extension) is now in the folder
    assert again.exit_code == 0, again.stderr
    assert stat(out.read_text(encoding="utf-8"), "files") == 4


def test_a_long_label_is_cut_in_one_pass():
    import time

    from linter.report.charts import _fit, text_width

    start = time.perf_counter()
    label = _fit("应急管理局" * 40_000, 200)
    assert time.perf_counter() - start < 1.0  # cutting character by character took minutes
    assert label.endswith("…") and text_width(label) <= 200 and label.startswith("应急管理局")
    assert _fit("短", 200) == "短"


def test_a_file_name_that_is_not_utf8_does_not_crash_the_report(cli, tmp_path):
    import os

    folder = tmp_path / "bad"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"\xff\xfe.txt")
    with open(odd, "wb") as out:
        out.write((EXAMPLES / "000_8b9eba17efc00524.txt").read_bytes())
    result = cli("report", folder, "-o", tmp_path / "r.html")
    assert result.exit_code == 0, result.output
    assert "应急管理局劳务派遣经费" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_pdf_findings_land_on_their_cells(cli, tmp_path):
    # The same tables as a PDF (locations: page, line and column of the page's text). Every finding
    # of 004 must land on a cell of its table.
    from pdf_templates import pdf_of

    pdf = pdf_of("004", tmp_path / "004.pdf")
    result = cli("report", pdf, "-o", tmp_path / "r.html")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    data = data_of(page)
    f = next(f for f in data["findings"] if f["indicator"] == "点评反馈会次数" and f["code"] == "IL201")
    assert f["cell"].endswith("v") and indicator_of(data, f)[2:4] == ["点评反馈会次数", "4"]
    assert all(f["cell"] for f in data["findings"])  # nothing left over beneath a table
    assert len(data["findings"]) == totals_of("004").total()  # 004's findings, as from the text


def test_a_spreadsheet_too_large_to_embed_is_a_note(cli, tmp_path, monkeypatch):
    monkeypatch.setattr("linter.report.page.MAX_DOWNLOAD", 1000)
    out = tmp_path / "r.html"
    assert cli("report", EXAMPLES / "003_ce0a18593ae1bf2a.txt", "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert 'id="download-xlsx"' not in page and "base64," not in page
    assert "问题清单表格过大" in page and "check --format xlsx -o 审核意见.xlsx" in page
