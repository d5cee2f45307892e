"""The test harness itself (conftest.py and the helper modules): modules stay apart, markers are the
registered ones, a missing program is a skip saying why or a failure in CI, and the shared helpers
can tell a wrong result from a right one."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest
from findings_of import CODE, expected_of
from marks import unmatched_marks

TESTS = Path(__file__).parent
ROOT = TESTS.parent


def _imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_no_module_imports_a_test_module_or_the_conftest():
    for path in sorted(TESTS.glob("*.py")):
        imported = {name.removeprefix("tests.") for name in _imported_modules(path)}
        wrong = {name for name in imported if name.startswith("test_") or name == "conftest"}
        assert not wrong, f"{path.name} imports {sorted(wrong)}: shared code belongs in conftest.py"


def test_the_markers_are_registered_and_strict():
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"][
        "ini_options"
    ]
    assert "--strict-markers" in options["addopts"].split()
    assert {line.split(":")[0] for line in options["markers"]} == {
        "slow",
        "browser",
        "soffice",
        "node",
        "precommit",
    }


def test_a_missing_program_is_a_skip_saying_why_and_a_failure_where_ci_requires_it(programs, monkeypatch):
    fresh = type(programs)()  # looks the programs up again, as a machine without them would
    monkeypatch.setattr("linter.readers.soffice.soffice", lambda: None)
    monkeypatch.setattr("shutil.which", lambda name: None if name == "chromedriver" else f"/usr/bin/{name}")
    monkeypatch.delenv("INDICATOR_LINT_REQUIRE_SOFFICE", raising=False)
    monkeypatch.delenv("INDICATOR_LINT_REQUIRE_BROWSER", raising=False)
    with pytest.raises(
        pytest.skip.Exception, match=r"LibreOffice \(soffice\) is not installed: apt-get install"
    ):
        fresh.soffice()
    with pytest.raises(pytest.skip.Exception, match="browser test needs chromium-driver"):
        fresh.browser()
    monkeypatch.setenv("INDICATOR_LINT_REQUIRE_SOFFICE", "1")
    monkeypatch.setenv("INDICATOR_LINT_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="INDICATOR_LINT_REQUIRE_SOFFICE=1"):
        fresh.soffice()
    with pytest.raises(pytest.fail.Exception, match="INDICATOR_LINT_REQUIRE_BROWSER=1"):
        fresh.browser()


def test_the_cli_runner_fails_a_run_that_ends_in_a_traceback(cli, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("linter.rulebook.load_rule_dirs", boom)
    with pytest.raises(AssertionError, match="RuntimeError"):
        cli("rules")
    assert cli("--help").exit_code == 0  # SystemExit(0) is how click ends a good run


def test_marks_are_held_to_their_rows():
    # the marks a perfect copy of example 000 would carry: one per finding, each on its row
    findings = list(expected_of("000").elements())
    perfect = [(CODE[rule], frozenset({name})) for _, rule, name in findings]
    assert unmatched_marks(perfect, "000") == ([], [])
    i = next(i for i, (_, rule, _) in enumerate(findings) if rule == "timeliness-not-deadline")  # on a row
    moved = [*perfect[:i], (perfect[i][0], frozenset({"另一行"})), *perfect[i + 1 :]]  # on another row
    assert unmatched_marks(moved, "000") != ([], [])
    assert unmatched_marks(perfect[1:], "000")[0]  # one missing
    assert unmatched_marks([*perfect, perfect[0]], "000")[1]  # one too many
