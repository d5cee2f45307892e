"""``indicator-lint check`` / ``rules`` / ``rule`` end to end, on canonical YAML files written here."""

from __future__ import annotations

import codecs
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.formatters.stream import Output
from linter.formatters.text import display_width, pad

ROOT = Path(__file__).resolve().parent.parent


def test_text_output_lists_findings_with_context_and_summary(cli, table_file):
    result = cli("check", table_file)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    codes = [line.split()[1] for line in lines if line.startswith(str(table_file))]
    assert codes == ["IL201", "IL204"]
    assert f"{table_file}:9:" in result.output  # the line of 点评反馈会次数 in the file
    assert "IL204 [错误] “安全生产事故率”是比率指标，指标值却是“5次”" in result.output
    assert "安全生产标准化建设经费 › 数量指标 › 点评反馈会次数 = 4" in result.output
    assert lines[-1] == "1 个错误，1 个警告，0 个提示（已检查 1 个文件）"
    assert "\x1b[" not in result.output  # no colour when stdout is not a terminal


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_a_console_without_a_character_gets_a_question_mark_not_a_traceback(table_file, fmt):
    # A GBK console (Chinese Windows) has the Chinese of the messages but no ›, an ASCII one nothing.
    for charset, kept in (("gbk", "点评反馈会次数"), ("ascii", "IL201")):
        result = CliRunner(charset=charset).invoke(main, ["check", "--format", fmt, str(table_file)])
        assert isinstance(result.exception, SystemExit) and result.exit_code == 1, (charset, result.exception)
        assert kept in result.output
        if fmt == "text":
            assert (
                "安全生产标准化建设经费 ? 数量指标" in result.output
                if charset == "gbk"
                else "?" in result.output
            )


def _text_stream(encoding="utf-8", line_buffering=False):
    """A text stream over a byte buffer, as sys.stdout is: (stream, what has reached the bytes)."""
    sink = io.BytesIO()
    return io.TextIOWrapper(io.BufferedWriter(sink), encoding=encoding, line_buffering=line_buffering), sink


def test_output_to_a_terminal_shows_each_file_at_once():
    # A terminal's stdout is line-buffered: findings written as bytes must not wait in the buffer
    # while stderr (unreadable files, -v notes) runs ahead of them.
    terminal, shown = _text_stream(line_buffering=True)
    out = Output(terminal)
    out.write("前言\n")
    out.write("第一个文件\n".encode())
    assert shown.getvalue().decode() == "前言\n第一个文件\n"
    piped, written = _text_stream()
    Output(piped).write(b"x\n")
    assert written.getvalue() == b""  # a pipe or file is written in blocks, as before


def test_an_encoding_with_a_byte_order_mark_gets_it_once():
    stream, written = _text_stream("utf-8-sig")
    out = Output(stream)
    for text in ("一\n", "二\n"):  # the text of two files
        out.write(text)
    out.flush()
    assert written.getvalue().count(codecs.BOM_UTF8) == 1


@pytest.mark.slow
def test_closed_standard_output_is_no_traceback(table_file):
    for fmt in ("text", "json", "sarif"):
        done = subprocess.run(
            f'"{sys.executable}" -m linter check --format {fmt} "{table_file}" >&-',
            shell=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert done.returncode == 1 and done.stderr == "", (fmt, done.stderr)


def test_fail_on_and_exit_zero(cli, table_file):
    assert cli("check", "--select", "IL201", table_file).exit_code == 0  # a warning only
    assert cli("check", "--select", "IL201", "--fail-on", "warning", table_file).exit_code == 1
    assert cli("check", "--exit-zero", table_file).exit_code == 0


def test_select_and_ignore_by_slug_code_and_prefix(cli, table_file):
    out = cli("check", "--ignore", "rate-not-percent", table_file).output
    assert "IL201" in out and "IL204" not in out
    only = cli("check", "--select", "IL1,IL3", table_file)
    assert only.exit_code == 0 and only.output.endswith("未发现问题（已检查 1 个文件）\n")
    only = cli("check", "--select", "IL1,IL3", "--lang", "en", table_file)
    assert only.exit_code == 0 and only.output.endswith("0 errors, 0 warnings, 0 info in 1 file\n")
    bad = cli("check", "--select", "no-such-rule", table_file)
    assert bad.exit_code == 2 and "no rule matches 'no-such-rule'" in bad.stderr


def test_json_output(cli, table_file):
    result = cli("check", "--format", "json", table_file)
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["version"] == 1
    assert data["summary"] == {
        "errors": 1,
        "warnings": 1,
        "info": 0,
        "findings": 2,
        "files": 1,
        "unreadable_files": 0,
    }
    assert data["files"] == [{"path": str(table_file), "error": None, "tables": 1, "findings": 2}]
    first = data["findings"][0]
    assert {
        k: first[k]
        for k in ("line", "code", "rule", "severity", "table", "indicator", "level1", "level2", "value")
    } == {
        "line": 9,
        "code": "IL201",
        "rule": "missing-unit",
        "severity": "warning",
        "table": "安全生产标准化建设经费",
        "indicator": "点评反馈会次数",
        "level1": "产出指标",
        "level2": "数量指标",
        "value": "4",
    }
    assert first["path"] == str(table_file) and first["column"] > 0 and "只有数字" in first["message"]


def test_english_messages(cli, table_file):
    out = cli("check", "--lang", "en", table_file).output
    assert "'安全生产事故率' is a rate, yet its value is '5次'" in out
    assert "IL204 [error] " in out and out.endswith("1 error, 1 warning, 0 info in 1 file\n")


def test_unreadable_file_is_one_line_and_others_are_still_checked(cli, table_file, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("tables: [\n", encoding="utf-8")
    result = cli("check", tmp_path / "missing.yaml", broken, table_file)
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"{tmp_path / 'missing.yaml'}: ")
    assert errors[1].startswith(f"{broken}")
    assert "IL204" in result.stdout  # the good file is still reported
    assert (
        result.stdout.splitlines()[-1]
        == "1 个错误，1 个警告，0 个提示（已检查 1 个文件）；另有 2 个文件无法读取，未检查"
    )
    assert " / " not in result.stderr  # the errors in Chinese alone, under the default --lang zh
    english = cli("check", "--lang", "en", tmp_path / "missing.yaml", broken, table_file)
    assert english.stderr.splitlines()[0] == f"{tmp_path / 'missing.yaml'}: no such file"
    assert (
        english.stdout.splitlines()[-1] == "1 error, 1 warning, 0 info in 1 file; 2 files could not be read"
    )


def test_an_unreadable_file_is_never_counted_as_checked_clean(cli, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"hello\x00\xff")
    result = cli("check", bad)
    assert result.exit_code == 2
    assert result.stderr == f"{bad}: 不是文本文件（二进制内容或无法识别的编码）\n"
    assert result.stdout == "未检查任何文件：1 个文件无法读取\n"
    assert "未发现问题" not in result.stdout
    assert cli("check", "--lang", "en", bad).stdout == "no file checked: 1 file could not be read\n"


def test_folders_are_walked(cli, table_text, table_file, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "again.yaml").write_text(table_text, encoding="utf-8")
    out = cli("check", tmp_path).output
    assert out.splitlines()[-1] == "2 个错误，2 个警告，0 个提示（已检查 2 个文件）"


def test_a_broken_extra_rule_folder_is_a_usage_error(cli, table_file, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("code: IL999\n", encoding="utf-8")
    result = cli("check", "--rules-dir", rules, table_file)
    assert result.exit_code == 2
    assert f"{rules / 'bad.yaml'}: missing key 'slug'" in result.stderr


def test_rules_lists_the_catalogue(cli):
    result = cli("rules")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["编号", "规则", "级别", "说明"]
    row = next(line for line in lines if line.startswith("IL201"))
    assert row.split() == ["IL201", "missing-unit", "警告", "指标值缺少计量单位"]
    assert len(lines) > 25
    english = cli("rules", "--lang", "en").output.splitlines()
    assert english[0].split() == ["code", "slug", "severity", "title"]
    assert next(line for line in english if line.startswith("IL201")).split()[:3] == [
        "IL201",
        "missing-unit",
        "warning",
    ]


@pytest.mark.parametrize("name", ["vague-value", "IL212", "il212"])
def test_rule_explains_one_rule_in_both_languages(cli, name):
    result = cli("rule", name)
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("IL212 vague-value [error]")
    for part in (
        "指标值只有方向或描述，没有目标 / Vague value with no target",
        "财预〔2021〕101号",
        "检查类型 / check type: value-kind",
        "kinds: ['direction', 'text']",
        "应急处突能力提升: 显著提升",
        "examples that pass",
    ):
        assert part in out


def test_rule_unknown_is_a_usage_error(cli):
    result = cli("rule", "no-such-rule")
    assert result.exit_code == 2


def test_display_width_counts_chinese_as_two_columns():
    assert display_width("abc") == 3
    assert display_width("满意度") == 6
    assert display_width("≥95%") == 4
    assert display_width(pad("率", 5)) == 5


def test_text_locations_are_padded_to_one_width(cli, table_text, tmp_path):
    long = tmp_path / "t.yaml"
    body = table_text.replace(
        '- 点评反馈会次数: "4"',
        '- 点评反馈会次数: "4"\n' + "\n".join(f'          - 指标{i}: "{i}"' for i in range(1, 3)),
    )
    long.write_text(textwrap.dedent(body), encoding="utf-8")
    lines = [
        line
        for line in cli("check", "--select", "IL201", long).output.splitlines()
        if line.startswith(str(long))
    ]
    assert len(lines) == 3
    assert len({line.index(" IL201") for line in lines}) == 1


def test_colour_only_when_asked_and_json_carries_spreadsheet_cells():
    from linter.formatters.json import finding_dict
    from linter.formatters.text import format_text
    from linter.model import Finding, Location
    from linter.results import FileEntry

    f = Finding(
        code="IL201",
        rule="missing-unit",
        severity="warning",
        message="缺单位",
        location=Location("t.xlsx", sheet="表1", cell="D12"),
        table="项目",
        indicator="次数",
        value="4",
    )
    files = [FileEntry("t.xlsx", tables=1, findings=1)]
    assert "\x1b[" in format_text([f], files, colour=True)
    plain = format_text([f], files, colour=False)
    assert plain.startswith("t.xlsx:表1!D12: IL201 [警告] 缺单位\n")
    assert format_text([f], files, lang="en").startswith("t.xlsx:表1!D12: IL201 [warning] 缺单位\n")
    assert plain.splitlines()[1].strip() == "项目 › 次数 = 4"
    d = finding_dict(f)
    assert (d["sheet"], d["cell"], d["level2"], d["value"]) == ("表1", "D12", None, "4")


def test_check_examples_folder_reads_the_four_tables_and_skips_the_readme(cli):
    result = cli("check", "--format", "json", "examples/")
    assert result.exit_code == 1  # findings, no input error
    files = json.loads(result.output)["files"]
    assert sorted(f["path"].split("/")[-1][:3] for f in files) == ["000", "002", "003", "004"]
    assert all(f["error"] is None for f in files)


def test_a_crashing_check_is_one_line_and_the_other_files_are_still_checked(cli, monkeypatch):
    from linter.checks import load_check_type

    module = load_check_type("value-kind")

    def boom(doc, params):
        if "000_" in doc.path:
            raise ZeroDivisionError("boom\nand a second line")
        return iter(())

    monkeypatch.setattr(module, "check", boom)
    result = cli("check", "examples/000_8b9eba17efc00524.txt", "examples/004_68506cad869715c1.txt")
    assert result.exit_code == 2
    assert "000_8b9eba17efc00524.txt: 规则" in result.output and "ZeroDivisionError: boom" in result.output
    assert "second line" not in result.output  # one line, whatever the exception says
    assert "004_68506cad869715c1.txt:" in result.output  # still checked


# --------------------------------------------------------------------------- issue 22: check --fix


def test_fix_on_the_converted_examples_clears_every_safely_fixable_finding_and_nothing_else(cli, tmp_path):
    import difflib
    import os
    import stat

    from linter.rulebook import load_rule_dirs

    examples = Path(__file__).parent.parent / "examples"
    out = tmp_path / "yaml"
    assert cli("convert", *sorted(examples.glob("*.txt")), "-o", f"{out}/").exit_code == 0
    safe = {r.code for r in load_rule_dirs() if r.fix and r.fix["safe"]}
    before = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.yaml")}
    os.chmod(out / "002_cab738b0acffaaf0.yaml", 0o640)

    def findings() -> list[dict]:
        result = cli("check", "--format", "json", out)
        return json.loads(result.stdout)["findings"]

    first = findings()
    fixable = [f for f in first if f["code"] in safe]
    assert len(fixable) >= 2
    diff = cli("check", "--diff", out)
    assert diff.exit_code == 1 and "+      - 农村住房保险总成本: 20万元" in diff.stdout
    assert {
        p.name: p.read_text(encoding="utf-8") for p in out.glob("*.yaml")
    } == before  # --diff writes nothing

    fixed = cli("check", "--fix", out)
    assert f"fixed {len(fixable)} finding(s)" in fixed.stderr
    after = findings()
    assert not [f for f in after if f["code"] in safe]

    def key(f):
        return (f["path"], f["line"], f["code"])

    # every other finding is still there, where it was
    assert sorted(map(key, after)) == sorted(key(f) for f in first if f["code"] not in safe)
    # and the files changed only on the fixed values' lines, only in the value
    changed = []
    for name, text in before.items():
        new = (out / name).read_text(encoding="utf-8")
        for line in difflib.unified_diff(text.splitlines(), new.splitlines(), n=0, lineterm=""):
            if line.startswith(("+", "-")) and not line.startswith(("+++", "---")):
                changed.append(line)
    assert len(changed) == 2 * len(fixable)
    fixed_lines = {(f["path"], f["line"]) for f in fixable}
    assert len(fixed_lines) == len(fixable)
    assert stat.S_IMODE(os.stat(out / "002_cab738b0acffaaf0.yaml").st_mode) == 0o640


def test_fix_safe_and_unsafe(cli, table_text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # (a rate of a good thing: on 安全生产事故率 ≥100% direction-conflict, not rate-over-100, speaks)
    text = table_text.replace('"4"', '"≧4次"').replace(
        "考核要点和考试题库专家认可率: ≥95%", "考核要点和考试题库专家认可率: ≥100%"
    )
    Path("t.yaml").write_text(text, encoding="utf-8")
    result = cli("check", "--fix", "t.yaml")
    new = Path("t.yaml").read_text(encoding="utf-8")
    assert '点评反馈会次数: "≥4次"' in new and "考核要点和考试题库专家认可率: ≥100%" in new
    assert "fixed 1 finding(s) (IL290 ×1)" in result.stderr and "1 more with --unsafe-fixes" in result.stderr
    result = cli("check", "--fix", "--unsafe-fixes", "t.yaml")
    assert "考核要点和考试题库专家认可率: 100%" in Path("t.yaml").read_text(encoding="utf-8")
    assert "IL206" not in result.stdout
    assert Path("t.yaml").read_text(encoding="utf-8") == new.replace("≥100%", "100%")
