"""One error base class (issue 23): every error a person is shown is a ``LintError`` carrying
where, Chinese and English apart, printed one way."""

from __future__ import annotations

import ast
import errno
import pickle
from pathlib import Path

import pytest

from linter.annotate import AnnotateError
from linter.baseline import BaselineError
from linter.config import ConfigError
from linter.engine import CheckFailed
from linter.errors import LintError, SettingsError
from linter.outputs import OutputError, StdoutError
from linter.readers import InputError
from linter.rulebook import RuleError, load_rule_file
from linter.suppress import SuppressionError
from linter.workers import WorkerLost

LINTER = Path(__file__).resolve().parent.parent / "linter"
ERRORS = [
    InputError,
    RuleError,
    ConfigError,
    SuppressionError,
    BaselineError,
    CheckFailed,
    OutputError,
    AnnotateError,
    StdoutError,
    WorkerLost,
]
# Exceptions that never reach a person: raised and caught inside one module, for its own flow.
INTERNAL = {"Rejected", "_Problem", "_TooLarge"}


def test_every_error_a_person_sees_is_a_lint_error():
    assert all(issubclass(cls, LintError) for cls in ERRORS)
    others = set()
    for path in LINTER.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                if bases & {"Exception", "ValueError", "RuntimeError"} and node.name != "LintError":
                    others.add(node.name)
    assert others == INTERNAL


def test_a_bilingual_error_prints_both_or_the_one_asked_for():
    error = InputError("a.txt", "空文件", "empty file", line=3)
    assert (error.path, error.line, error.zh, error.en) == ("a.txt", 3, "空文件", "empty file")
    assert str(error) == "a.txt:3: 空文件 / empty file"
    assert error.text() == str(error)
    assert error.text("zh") == "a.txt:3: 空文件"
    assert error.text("en") == "a.txt:3: empty file"


def test_an_error_that_ends_the_run_names_the_program_and_keeps_its_path_in_english():
    error = OutputError("表 / 副本.xlsx", "不能覆盖正在读取的文件", "will not overwrite a file being read")
    assert str(error) == "表 / 副本.xlsx: 不能覆盖正在读取的文件 / will not overwrite a file being read"
    assert error.text("zh") == "indicator-lint: 表 / 副本.xlsx: 不能覆盖正在读取的文件"
    assert error.text("en") == "indicator-lint: 表 / 副本.xlsx: will not overwrite a file being read"


def test_a_settings_error_is_english_whatever_the_language():
    error = RuleError(Path("rules/x.yaml"), "missing key 'basis'", line=4)
    assert isinstance(error, SettingsError)
    assert error.text("zh") == error.text("en") == "indicator-lint: rules/x.yaml:4: missing key 'basis'"
    assert str(error) == "rules/x.yaml:4: missing key 'basis'"
    # a configuration's errors name their file as a rule file's do, as the path (a JSON report's field)
    error = ConfigError("c.yaml", "key 'select' must be a list")
    assert (str(error), error.where) == ("c.yaml: key 'select' must be a list", "c.yaml")


def test_an_internal_error_keeps_both_languages_for_whoever_reports_it():
    error = CheckFailed(
        "a.txt", "规则 IL201 missing-unit 内部错误", "internal error in rule IL201: KeyError: 'x'"
    )
    assert error.text("zh") == error.text("en") == str(error)
    assert "内部错误" in str(error) and "KeyError" in str(error)


def test_text_is_one_line_safe_for_a_terminal():
    error = InputError("a\x1b[31m\nb.txt", "空文件", "empty file")
    assert error.text("zh") == "a\\x1b[31m\\nb.txt: 空文件"
    assert "\x1b" in str(error)  # the data itself is not changed (JSON escapes it its own way)


def test_errors_survive_pickling():
    for error in (InputError("a.txt", "空文件", "empty file", 2), RuleError("r.yaml", "bad")):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error) and again.line == error.line


def test_wrapped_errors_carry_their_own_parts():
    lost = WorkerLost("job", "检查进程意外退出", "a worker process died")
    assert (lost.job, lost.text("en")) == ("job", "a worker process died")
    full = StdoutError(OSError(errno.ENOSPC, "No space left on device"))
    assert full.text() == (
        "indicator-lint: 无法写入标准输出（磁盘空间不足） / cannot write to standard output: No space left on device"
    )


def test_a_broken_rule_file_names_its_line(tmp_path):
    path = tmp_path / "rule.yaml"
    path.write_text("code: IL901\nslug: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_rule_file(path)
    assert (err.value.path, err.value.line) == (str(path), 3)
    assert str(err.value).startswith(f"{path}:3: not valid YAML")


def test_an_output_refused_says_which_in_either_language(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("t.txt").write_text("项目名称 测试项目\n", encoding="utf-8")
    for lang, said in (("en", "will not overwrite a file being read"), ("zh", "不能覆盖正在读取的文件")):
        result = cli("check", "t.txt", "--annotate", "t.txt", "--lang", lang)
        assert result.exit_code == 2
        assert result.stderr == f"indicator-lint: t.txt: {said}\n"
