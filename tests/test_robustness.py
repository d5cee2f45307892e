"""Odd input that once misbehaved: each case here was found by a review and must stay fixed."""

import time
from pathlib import Path

import pytest

EXAMPLES_004 = Path(__file__).resolve().parent.parent / "examples" / "004_68506cad869715c1.txt"


def test_a_long_digit_run_in_a_name_does_not_stall_check(cli, tmp_path):
    table = tmp_path / "long.yaml"
    table.write_text(
        "budget_year: 2025\ntables:\n  - name: 示例项目\n    indicators:\n"
        f"      - {{level1: 产出指标, level2: 数量指标, name: 培训次数{'1' * 20000}次, value: 4次}}\n",
        encoding="utf-8",
    )
    started = time.perf_counter()
    result = cli("check", str(table))
    assert result.exit_code in (0, 1)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "total",
    [
        "1e999999",
        "'100000000000000000000万元'",
        "'约100000000000000000000万元'",
        "1e14",
        f"'{'9' * 31}'",
        f"'约{'9' * 31}万元'",
        pytest.param("9" * 4400, id="4400-digits"),
    ],
)
def test_an_absurd_amount_is_an_input_error_naming_the_key(cli, tmp_path, total):
    table = tmp_path / "huge.yaml"
    table.write_text(
        f"currency_unit: 万元\ntables:\n  - name: 示例项目\n    funding: {{total: {total}}}\n"
        "    indicators: [{level1: 产出指标, level2: 数量指标, name: 培训次数, value: 4次}]\n",
        encoding="utf-8",
    )
    result = cli("check", str(table))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{table}:4: ") and "不是有效金额" in result.stderr
    english = cli("check", "--lang", "en", str(table))
    assert english.stderr.startswith(f"{table}:4: ") and "not a plausible amount" in english.stderr
    assert "内部错误" not in result.output


def test_a_million_digit_amount_is_no_internal_error(cli, tmp_path):
    from office_templates import example_text

    text = example_text("000")
    table = tmp_path / "t.txt"
    table.write_text(
        text.replace("实施期金额\t13\t", f"实施期金额\t{'9' * 1_000_001}\t", 1), encoding="utf-8"
    )
    result = cli("check", str(table))
    assert result.exit_code == 1 and "IL101" in result.output and "内部错误" not in result.output


def test_an_impossible_budget_year_is_refused(cli, tmp_path):
    table = tmp_path / "year.yaml"
    table.write_text(
        "budget_year: 99999999\ntables:\n  - name: 示例项目\n"
        "    indicators: [{level1: 产出指标, level2: 数量指标, name: 培训次数, value: 4次}]\n",
        encoding="utf-8",
    )
    assert cli("check", str(table)).exit_code == 2


def test_a_goal_count_is_not_compared_with_a_cost_row():
    from linter.config import Config, configured_rules
    from linter.engine import Engine
    from linter.readers.yaml_reader import document_from_mapping
    from linter.rulebook import load_rule_dirs

    doc = document_from_mapping(
        {
            "tables": [
                {
                    "name": "培训项目",
                    "goal": "完成培训4次",
                    "funding": {"total": "2万元"},
                    "indicators": [  # the cost row alone: nothing else could pair with the goal's 4次
                        {"level1": "产出指标", "level2": "成本指标", "name": "培训费", "value": "2次"}
                    ],
                }
            ]
        },
        "t.yaml",
    )
    findings = Engine(configured_rules(Config(), load_rule_dirs(), ["goal-indicator-mismatch"])).run(doc)
    assert findings == []


def test_sarif_gives_no_text_region_for_a_spreadsheet_cell():
    from linter.formatters.sarif import region
    from linter.model import Finding, Location

    cell = Finding("IL201", "missing-unit", "warning", "m", Location("t.xlsx", 5, 4, sheet="S", cell="D5"))
    assert region(cell) is None


def test_a_name_that_is_also_a_category_word_keeps_its_row():
    from linter.readers.text import read_text

    doc = read_text(
        "项目名称\t示例项目\n一级指标\t二级指标\t三级指标\t指标值\n"
        "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\n",
        "t.txt",
    )
    [ind] = doc.tables[0].indicators
    assert (ind.level2, ind.name, ind.value_text) == ("服务对象满意度指标", "服务对象满意度", "≥90%")
    assert doc.problems == []


def test_nothing_after_the_reader_opens_the_input_again(tmp_path):
    """Suppression comments and SARIF source lines come from the text the reader decoded."""
    from linter.config import Config, configured_rules
    from linter.engine import Engine
    from linter.formatters.sarif import sarif_log
    from linter.readers import read_path
    from linter.rulebook import load_rule_dirs
    from linter.suppress import apply, suppressions_for

    table = tmp_path / "t.yaml"
    table.write_text(
        "budget_year: 2025\ntables:\n  - name: 示例项目\n    indicators:\n"
        "      - {level1: 产出指标, level2: 数量指标, name: 点评反馈会次数, value: '4'}\n"
        "      - {level1: 产出指标, level2: 数量指标, name: 培训次数, value: '2'}  # noqa: IL201\n",
        encoding="utf-8",
    )
    doc = read_path(table)
    table.unlink()  # from here on the file is gone
    findings = Engine(configured_rules(Config(), load_rule_dirs(), ["missing-unit"])).run(doc)
    assert [f.indicator for f in findings] == ["点评反馈会次数", "培训次数"]
    kept = apply(findings, suppressions_for(table, doc), doc)
    assert [f.indicator for f in kept] == ["点评反馈会次数"]
    [result] = sarif_log(kept, [])["runs"][0]["results"]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["region"]["startLine"] == 5
    assert "点评反馈会次数" in physical["contextRegion"]["snippet"]["text"]


def test_a_date_written_in_full_width_digits_as_a_name_is_still_a_date():
    # name-not-a-measure looks for a date only in names that could hold one; the hint must see
    # the name as the grammar does, full-width characters folded.
    from linter.config import Config, configured_rules
    from linter.engine import Engine
    from linter.readers.yaml_reader import document_from_mapping
    from linter.rulebook import load_rule_dirs

    engine = Engine(configured_rules(Config(), load_rule_dirs(), ["name-not-a-measure"]))
    for name in ("2025/12", "2025／12", "２０２５／１２", "２０２５年１２月底前"):
        doc = document_from_mapping(
            {
                "tables": [
                    {
                        "name": "测试项目",
                        "indicators": [
                            {"level1": "产出指标", "level2": "时效指标", "name": name, "value": "100%"}
                        ],
                    }
                ]
            },
            "t.yaml",
        )
        assert [f.rule for f in engine.run(doc)] == ["name-not-a-measure"], name


def test_a_cost_category_means_the_money_cost_not_every_row_under_a_cost_heading():
    # Some provinces file 成本指标 as a 一级 with 经济/社会/生态环境成本 under it; 社会成本 is harm
    # counted in people or tonnes, not money, so the money rules must leave it alone.
    from linter.engine import Engine
    from linter.readers.yaml_reader import document_from_mapping

    rows = [
        ("社会成本指标", "安全事故伤亡人数", "≤2人"),
        ("生态环境成本指标", "碳排放量", "≤5吨"),
        ("社会成本指标", "社会影响", "较小"),
        ("经济成本指标", "设备购置费", "2次"),
    ]
    doc = document_from_mapping(
        {
            "tables": [
                {
                    "name": "测试项目",
                    "indicators": [
                        {"level1": "成本指标", "level2": level2, "name": name, "value": value}
                        for level2, name, value in rows
                    ],
                }
            ]
        },
        "t.yaml",
    )
    found = {(f.rule, f.indicator) for f in Engine().run(doc)}
    assert ("cost-not-money", "设备购置费") in found  # 经济成本 is money: 2次 is wrong there
    assert not {
        r for r, name in found if name != "设备购置费" and r in ("cost-not-money", "qualitative-output")
    }


def test_a_period_in_quarters_counts_its_months():
    from linter.checks.period_copy import spans_years

    assert (
        spans_years("6个季度") and spans_years("3年") and not spans_years("4个季度")
    )  # 18, 36 and 12 months


# --------------------------------------------------------------------------- found by fuzzing (2026-12)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("[" * 30000, id="flow"),
        pytest.param("- " * 30000 + "x", id="block"),
        pytest.param("tables: " + "{a: " * 30000, id="mapping"),
    ],
)
def test_yaml_nested_too_deep_is_an_input_error_not_a_crash(cli, tmp_path, text):
    # PyYAML's C composer recursed past the C stack here: the process died (exit 139) without a word
    table = tmp_path / "deep.yaml"
    table.write_text(text, encoding="utf-8")
    result = cli("check", str(table), str(EXAMPLES_004))
    assert result.exit_code == 2
    assert result.stderr == f"{table}: 结构嵌套过深，无法读取\n"  # (in English under --lang en)
    assert "年企业分级分类监管" in result.stdout  # the other file is still checked


@pytest.mark.parametrize("name", ["t.txt.noqa.yaml", ".indicator-lint.yaml"])
def test_a_settings_file_nested_too_deep_is_one_line(cli, tmp_path, name):
    table = tmp_path / "t.txt"
    table.write_bytes(EXAMPLES_004.read_bytes())
    (tmp_path / name).write_text("[" * 30000, encoding="utf-8")
    result = cli("check", str(table))
    assert result.exit_code == 2
    assert f"{tmp_path / name}: not valid YAML: nested more than 1000 levels deep" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_thousand_nested_levels_are_still_read():
    from linter.yamlfile import nesting_too_deep

    assert not nesting_too_deep("a: " + "[" * 999 + "]" * 999)  # the mapping, then 999 lists: 1000
    assert nesting_too_deep("a: " + "[" * 1000 + "]" * 1000)
    assert not nesting_too_deep("- a: 1\n" * 5000)  # many items side by side are no depth


# Runs that took minutes (a match attempt rescanning the rest of the run from every character):
# a stray ``<`` run in OCR text, a bracket run, a long Chinese numeral; here in a name and a goal.
@pytest.mark.parametrize(
    ("piece", "times"),
    [("<", 100000), ("(", 40000), ("（", 40000), ("(必填", 10000), ("万", 13000), ("一", 13000)],
)
def test_a_long_run_of_one_character_does_not_stall_check(cli, tmp_path, piece, times):
    filler = piece * times
    text = EXAMPLES_004.read_text(encoding="utf-8")
    assert "年度总体目标\t政府长聘人员经费\t" in text and "\t点评反馈会次数\t" in text
    table = tmp_path / "t.txt"
    table.write_text(
        text.replace("\t点评反馈会次数\t", f"\t{filler}\t", 1).replace(
            "年度总体目标\t政府长聘人员经费\t", f"年度总体目标\t{filler}\t", 1
        ),
        encoding="utf-8",
    )
    started = time.perf_counter()
    result = cli("check", str(table))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # findings, no crash
    assert "内部错误" not in result.output
    assert time.perf_counter() - started < 5


def test_a_numeral_inside_an_ordinal_is_no_quantity():
    from linter.values.scan import find_quantities

    assert [q.raw for q in find_quantities("第三十次会议，共培训三十次")] == ["三十次"]


def test_a_whole_number_past_float_range_in_a_percent_cell_is_printed_whole():
    from linter.readers.excel import number_text

    assert number_text(10**309, "0%") == "1" + "0" * 311 + "%"  # was OverflowError, an internal error
    assert number_text(0.955, "0.0%") == "95.5%"


def test_openpyxl_warnings_are_not_printed(tmp_path):
    import warnings

    import openpyxl

    from linter.readers import read_path

    book = openpyxl.Workbook()
    book.active["A1"], book.active["B1"] = "项目名称", "示例项目"
    book.active["C16"] = 2958466  # a date serial past 9999-12-31: openpyxl warns on stderr
    book.active["C16"].number_format = "yyyy-mm-dd"
    book.save(tmp_path / "t.xlsx")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_path(tmp_path / "t.xlsx")
    assert caught == []


def test_a_zip_asking_for_an_unknown_version_is_a_damaged_file(tmp_path):
    import io
    import zipfile

    from linter.readers import InputError, read_path

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    data = bytearray(packed.getvalue())
    data[data.find(b"PK\x01\x02") + 6] = 0xFF  # "version needed to extract": 25.5
    (tmp_path / "t.xlsx").write_bytes(bytes(data))
    with pytest.raises(InputError, match="file is damaged"):  # was NotImplementedError, an internal error
        read_path(tmp_path / "t.xlsx")


def test_a_pdf_with_a_damaged_page_box_is_a_damaged_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    from linter.readers import InputError, read_path

    pdf = canvas.Canvas(str(tmp_path / "t.pdf"))
    pdf.drawString(100, 700, "项目名称")
    pdf.save()
    data = (tmp_path / "t.pdf").read_bytes()
    box = b"/MediaBox [ 0 0 595.2756 841.8898 ]"
    assert box in data
    (tmp_path / "t.pdf").write_bytes(data.replace(box, b"/MediaBox [ 0 0 595.2756 /X       ]"))  # same length
    # pdfplumber's close() fails on it too, and once replaced the one-line error with its own
    with pytest.raises(InputError, match="the PDF is damaged"):
        read_path(tmp_path / "t.pdf")


def _pattern_cases() -> dict:
    """What each call meets: each took from seconds to minutes before (the first, exponentially)."""
    from linter.checks.satisfaction_subject import unit_names
    from linter.readers import _format_of
    from linter.readers.form import _without_code
    from linter.readers.html_cells import _HEAD_SPLIT
    from linter.readers.layout import _PIPE_RULE
    from linter.values.scan import find_quantities, split_name_value

    return {
        "blank lines before a key": lambda: _format_of(".dat", "\n" * 30 + "x\n"),
        "thousands groups": lambda: find_quantities("1" + ",000" * 10000),
        "spaces after a number": lambda: find_quantities("1" + " " * 16000 + "x"),
        "a value run onto its name": lambda: split_name_value("名称" + "1" + ",000" * 10000 + "x"),
        "a pipe line of spaces": lambda: _PIPE_RULE.match(" " * 40000 + "x|y|"),
        "dashes after a department": lambda: _without_code("某局" + "-" * 40000 + "x"),
        "digits after a unit": lambda: unit_names("1" * 40000 + "x"),
        "colons before a line break": lambda: _HEAD_SPLIT.match("：" * 64000 + "\nx"),
        "a prose cell with many spaces": lambda: split_name_value("培训 " * 8000),
    }


@pytest.mark.parametrize("what", list(_pattern_cases()))
def test_a_pattern_meets_a_long_run_in_linear_time(what):
    call = _pattern_cases()[what]
    started = time.perf_counter()
    call()
    assert time.perf_counter() - started < 1


def test_the_linear_patterns_still_read_what_they_read_before():
    from linter.glossary import clean_label
    from linter.values.scan import find_quantities

    assert [q.raw for q in find_quantities("数量10,20人，共1,000人")] == [
        "20人",
        "1,000人",
    ]  # a list comma is no group
    assert clean_label("经济效益（（必填）") == "经济效益"  # a doubled bracket, as typed
    assert clean_label("数量指标（必填(硬性)）") == "数量指标"  # a note inside a note
    assert clean_label("资金投入(万元)") == "资金投入(万元)"
