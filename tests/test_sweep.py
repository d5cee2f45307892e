"""Sweeps of many files (issue 7): globs as inputs, the progress bar, output written a file at a time."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from findings_of import TOTALS

from linter.formatters.json import format_json
from linter.model import Finding, Location
from linter.progress import MANY_FILES, Progress, wants_progress
from linter.results import FileEntry

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


# --------------------------------------------------------------------------- globs


def test_a_glob_checks_exactly_the_files_it_matches(cli):
    result = cli("check", "--format", "json", str(EXAMPLES / "00[03]_*.txt"))
    code, report = result.exit_code, json.loads(result.stdout)
    assert code == 1
    assert [Path(f["path"]).name for f in report["files"]] == [
        "000_8b9eba17efc00524.txt",
        "003_ce0a18593ae1bf2a.txt",
    ]
    assert {Path(f["path"]).name for f in report["findings"]} == {
        "000_8b9eba17efc00524.txt",
        "003_ce0a18593ae1bf2a.txt",
    }


def test_a_recursive_glob_reaches_into_folders(cli, tmp_path):
    (tmp_path / "2023" / "county").mkdir(parents=True)
    shutil.copy(EXAMPLES / "000_8b9eba17efc00524.txt", tmp_path / "2023" / "county" / "a.txt")
    shutil.copy(EXAMPLES / "004_68506cad869715c1.txt", tmp_path / "2023" / "b.txt")
    (tmp_path / "2023" / "notes.md").write_text("不是目标表", encoding="utf-8")
    result = cli("check", "--format", "json", str(tmp_path / "**" / "*.txt"))
    code, report = result.exit_code, json.loads(result.stdout)
    assert code == 1
    assert sorted(Path(f["path"]).relative_to(tmp_path).as_posix() for f in report["files"]) == [
        "2023/b.txt",
        "2023/county/a.txt",
    ]


def test_a_glob_skips_what_a_folder_search_skips(cli, tmp_path):
    shutil.copy(EXAMPLES / "000_8b9eba17efc00524.txt", tmp_path / "t.txt")
    for name in ("README.md", "~$t.xlsx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    result = cli("check", "--format", "json", str(tmp_path / "*"))
    code, report = result.exit_code, json.loads(result.stdout)
    assert code == 1 and [Path(f["path"]).name for f in report["files"]] == ["t.txt"]


def test_a_file_whose_name_looks_like_a_glob_is_read_as_named(cli, tmp_path):
    shutil.copy(EXAMPLES / "000_8b9eba17efc00524.txt", tmp_path / "t[1].txt")
    result = cli("check", "--format", "json", str(tmp_path / "t[1].txt"))
    code, report = result.exit_code, json.loads(result.stdout)
    assert code == 1 and [Path(f["path"]).name for f in report["files"]] == ["t[1].txt"]


def test_a_glob_matching_a_folder_checks_the_folder(cli, tmp_path):
    (tmp_path / "dept-a").mkdir()
    shutil.copy(EXAMPLES / "003_ce0a18593ae1bf2a.txt", tmp_path / "dept-a" / "t.txt")
    result = cli("check", "--format", "json", str(tmp_path / "dept-*"))
    code, report = result.exit_code, json.loads(result.stdout)
    assert code == 1  # 003's findings
    assert [Path(f["path"]).name for f in report["files"]] == ["t.txt"]


def test_a_glob_matching_nothing_is_an_input_error_and_the_rest_is_checked(cli, tmp_path):
    result = cli("check", tmp_path / "*.pdf", EXAMPLES / "000_8b9eba17efc00524.txt")
    assert result.exit_code == 2
    assert "没有目标表文件与此模式匹配" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    # the example was still checked and reported; the pattern is not counted as a file checked
    assert "（已检查 1 个文件）；另有 1 个文件无法读取，未检查" in result.stdout


# --------------------------------------------------------------------------- progress bar


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_shown_only_to_a_person_on_a_terminal(monkeypatch):
    for name in ("PRE_COMMIT", "CI", "TERM"):
        monkeypatch.delenv(name, raising=False)
    tty, pipe = FakeTerminal(), io.StringIO()
    assert wants_progress(MANY_FILES, "text", tty)
    assert not wants_progress(MANY_FILES - 1, "text", tty)  # a handful of files: no bar
    assert not wants_progress(500, "text", pipe)  # redirected: no bar
    assert not wants_progress(500, "json", tty)  # machine output: no bar
    assert not wants_progress(500, "sarif", tty)
    monkeypatch.setenv("PRE_COMMIT", "1")  # pre-commit may hand hooks a pseudo-terminal
    assert not wants_progress(500, "text", tty)
    monkeypatch.delenv("PRE_COMMIT")
    monkeypatch.setenv("CI", "true")
    assert not wants_progress(500, "text", tty)


def test_the_bar_counts_keeps_messages_and_erases_itself():
    out = FakeTerminal()
    with Progress(total=3, enabled=True, stream=out) as bar:
        bar.advance()
        bar.note("a.txt: 文件不存在 / no such file")
        bar.advance()
        bar.advance()
    text = out.getvalue()
    assert "3/3" in text and "100%" in text
    assert "a.txt: 文件不存在 / no such file\n" in text  # the message stays, on its own line
    assert text.endswith("\r\x1b[K")  # the bar is gone at the end


def test_a_disabled_bar_writes_nothing_but_messages():
    out = io.StringIO()
    with Progress(total=3, enabled=False, stream=out) as bar:
        bar.advance()
        bar.note("b.txt: 空文件 / empty file")
    assert out.getvalue() == "b.txt: 空文件 / empty file\n"


def test_check_draws_the_bar_on_stderr_and_never_in_the_output(cli, tmp_path, monkeypatch):
    import linter.progress

    for i in range(MANY_FILES + 5):
        shutil.copy(EXAMPLES / "000_8b9eba17efc00524.txt", tmp_path / f"t{i:02}.txt")
    asked = []

    def on_a_terminal(n_files, fmt="text", stream=None):
        asked.append((n_files, fmt))
        return True

    monkeypatch.setattr(linter.progress, "wants_progress", on_a_terminal)
    result = cli("check", "--jobs", "1", "--format", "json", tmp_path)
    assert asked == [(MANY_FILES + 5, "json")]
    assert f"{MANY_FILES + 5}/{MANY_FILES + 5}" in result.stderr and result.stderr.endswith("\r\x1b[K")
    assert json.loads(result.stdout)["summary"]["files"] == MANY_FILES + 5  # stdout is untouched by the bar
    asked.clear()
    result = cli("check", "--jobs", "1", "-v", tmp_path)
    assert "\r" not in result.stderr  # -v notes are printed by the readers: no bar to run them over


# --------------------------------------------------------------------------- streamed output


def test_streamed_json_is_exactly_what_one_json_dump_of_the_report_gives(cli):
    result = cli("check", "--format", "json", EXAMPLES, "missing.txt")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["summary"] == {
        "errors": TOTALS["error"],
        "warnings": TOTALS["warning"],
        "info": TOTALS["info"],
        "findings": TOTALS.total(),
        "files": 5,
        "unreadable_files": 1,
    }
    assert result.stdout == json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def test_json_writer_escapes_like_json_dumps():
    odd = Finding(
        code="IL212",
        rule="vague-value",
        severity="warning",
        message='引号 " 反斜杠 \\ 换行\n制表\t',
        location=Location("表 a.xlsx", 0, 0, sheet="Sheet 1", cell="D12"),
        table=None,
        indicator="名称\u2028",
        level1=None,
        level2=None,
        value="≥95%",
    )
    for findings in ([odd], [odd, odd], []):
        text = format_json(findings, [FileEntry("表 a.xlsx", None, 1, len(findings))])
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
        assert json.loads(text)["findings"][:1] == (
            []
            if not findings
            else [
                {
                    "path": "表 a.xlsx",
                    "line": 0,
                    "column": 0,
                    "code": "IL212",
                    "rule": "vague-value",
                    "severity": "warning",
                    "message": '引号 " 反斜杠 \\ 换行\n制表\t',
                    "table": None,
                    "indicator": "名称\u2028",
                    "level1": None,
                    "level2": None,
                    "value": "≥95%",
                    "sheet": "Sheet 1",
                    "cell": "D12",
                }
            ]
        )


def test_text_pads_locations_to_one_width_per_path():
    from linter.formatters.text import TextWriter

    def finding(path, line, column, code):
        return Finding(
            code=code, rule="r", severity="warning", message="m", location=Location(path, line, column)
        )

    # One input file's findings: two in the table, one in its suppression sidecar (unused noqa).
    findings = [
        finding("a.txt", 9, 1, "IL101"),
        finding("a.txt", 120, 33, "IL201"),
        finding("a.txt.noqa.yaml", 3, 5, "IL000"),
    ]
    assert TextWriter().render(findings) == (
        "a.txt:9:1:    IL101 [警告] m\na.txt:120:33: IL201 [警告] m\na.txt.noqa.yaml:3:5: IL000 [警告] m\n"
    )


def test_streamed_text_is_the_whole_report_written_at_once(cli):
    from linter.formatters.text import format_text
    from linter.lintrun import LintRun
    from linter.readers import iter_input_files
    from linter.runners import check_files

    streamed = cli("check", EXAMPLES).stdout
    assert streamed.endswith(
        f"{TOTALS['error']} 个错误，{TOTALS['warning']} 个警告，{TOTALS['info']} 个提示（已检查 4 个文件）\n"
    )
    run = LintRun()
    results = list(check_files(run, iter_input_files([str(EXAMPLES)]), jobs=1))
    assert streamed == format_text([f for r in results for f in r.findings], [r.entry for r in results])


def test_a_broken_config_deep_in_a_sweep_stops_it_before_any_output(cli, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(EXAMPLES / "000_8b9eba17efc00524.txt", tmp_path / "a" / "t.txt")
    shutil.copy(EXAMPLES / "003_ce0a18593ae1bf2a.txt", tmp_path / "b" / "t.txt")
    (tmp_path / "b" / ".indicator-lint.yaml").write_text("rules: {}\n", encoding="utf-8")
    for fmt in ("json", "text", "github"):
        result = cli("check", "--jobs", "1", "--format", fmt, tmp_path)
        assert result.exit_code == 2
        assert result.stdout == ""  # not half a JSON document
        assert ".indicator-lint.yaml" in result.stderr


# --------------------------------------------------------------------------- flat memory


def _bench():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_corpus", EXAMPLES.parent / "bench" / "corpus.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench


def _peak_rss_kb(folder: Path, fmt: str) -> int:
    """Peak memory of ``check`` on the folder, in its own process, measured as the benchmark does."""
    import sys

    _seconds, megabytes = _bench().measure(
        [sys.executable, "-m", "linter", "check", "--jobs", "1", "--format", fmt, str(folder)]
    )
    return int(megabytes * 1024)


def test_the_benchmark_stops_at_a_command_that_fails_instead_of_timing_it(tmp_path):
    import sys

    with pytest.raises(SystemExit, match=r"exit status 2: .*missing\.yaml: 文件不存在"):
        _bench().measure([sys.executable, "-m", "linter", "check", str(tmp_path / "missing.yaml")])


@pytest.mark.slow
def test_memory_does_not_grow_with_the_number_of_files(tmp_path):
    from linter.canonical import to_yaml
    from linter.readers import read_path

    text = to_yaml(read_path(EXAMPLES / "004_68506cad869715c1.txt"))  # 8 tables, 24 findings
    small, large = tmp_path / "small", tmp_path / "large"
    for folder, n in ((small, 6), (large, 120)):
        folder.mkdir()
        for i in range(n):
            (folder / f"t{i:04}.yaml").write_text(
                text.replace("name: ", f"name: 第{i}号", 1), encoding="utf-8"
            )
    for fmt in ("json", "text"):
        grown = _peak_rss_kb(large, fmt) - _peak_rss_kb(small, fmt)
        # 20× the files (2,880 findings instead of 144) may not cost more than a few MB: nothing is
        # kept per file but its line in the summary. (Before streaming, 400 files cost 121 MB more.)
        assert grown < 4 * 1024, f"{fmt}: peak memory grew by {grown} KB"
