"""The test harness: what more than one test module needs, in one place.

- ``cli``: indicator-lint run in this process (click's CliRunner), arguments as paths or texts. A run
  that ends in anything but SystemExit is a traceback a user would see, and fails the test.
- Builders of the document model for direct tests of check types (``row``, ``table``,
  ``document``, ``wan``), ``run_check`` to run one check type with its defaults and
  ``check_params`` for its parameters (to call its row function on one row).
- ``engine`` (the shipped rules, default configuration), ``table_text`` / ``table_file`` (a
  canonical table with two known defects), ``extra_rule`` and ``write_rule`` (a rule file of one's own),
  ``worker_starts`` (a spy on ``--jobs`` workers).
- ``programs``: the Chromium, LibreOffice and node programs the ``browser``, ``soffice`` and ``node``
  tests need. Where one is missing the test is skipped saying what to install, and fails instead
  under ``INDICATOR_LINT_REQUIRE_BROWSER=1`` / ``…_SOFFICE=1`` / ``…_NODE=1`` (what ``.ci/run`` sets).

Markers (registered in pyproject.toml, ``--strict-markers``): ``slow`` (a second or more, measured
with ``pytest --durations``), ``browser``, ``soffice`` and ``node`` (the tests that need the
programs; the hook at the end of this file turns their absence into the skip or the failure),
``precommit`` (runs pre-commit and git). ``pytest -m "not slow and not browser and not soffice and
not node and not precommit"`` is the quick run.

The modules beside the tests that are not ``test_*.py`` (office_templates, format_templates,
pdf_templates, marks, english, serving, value_texts, findings_of) build input files and hold data
written by hand; tests import them by name. No module imports a ``test_*.py`` module
(test_harness.py checks it).
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from linter.glossary import parent_of
from linter.model import Document, Funding, Indicator, Location, Money, Table
from linter.values import parse

# The cache (linter/usercache.py: rule data, compiled patterns) of the test run in a folder of its own, for the processes the
# tests start too, never the user's ~/.cache: set here, before any test module is imported, as many
# load the rules when they are.
_RULE_CACHE = tempfile.mkdtemp(prefix="indicator-lint-rule-cache-")
os.environ["INDICATOR_LINT_CACHE_DIR"] = _RULE_CACHE
atexit.register(shutil.rmtree, _RULE_CACHE, ignore_errors=True)


# ---------------------------------------------------------------------- the command line


@pytest.fixture(scope="session")
def cli():
    """``cli("check", path, "--format", "json")`` → click's Result (``stdout``, ``stderr`` and
    ``output`` apart, click ≥ 8.2); ``env=`` and ``input=`` go to ``CliRunner.invoke``."""
    return run_cli


def run_cli(*args, env: dict | None = None, input=None):
    from click.testing import CliRunner

    from linter.cli import main

    result = CliRunner().invoke(
        main, [str(a) for a in args], env=env, input=input, prog_name="indicator-lint"
    )
    # SystemExit is how click ends every run (exit codes 0, 1, 2); anything else is a traceback
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


# ---------------------------------------------------------------------- the document model

PATH = "t.txt"  # the file the built documents claim to come from


def _row(
    level2: str,
    name: str,
    value: str = "",
    line: int = 10,
    *,
    level1: str | None = None,
    period: str | None = None,
    **fields,
) -> Indicator:
    """One indicator row: its 一级 is its 二级's parent unless given; the name is at column 5 of
    ``line`` and the value at column 20 (a hit says which it points at)."""
    return Indicator(
        level1=level1 if level1 is not None else (parent_of(level2) or ""),
        level2=level2,
        name=name,
        value_text=value,
        value=parse(value),
        location=Location(PATH, line, 5),
        value_location=Location(PATH, line, 20),
        period_value_text=period,
        period_value=parse(period) if period is not None else None,
        **fields,
    )


def _wan(text: str, line: int = 3) -> Money:
    """An amount printed in a 万元 table: ``13.49`` → 134900 元."""
    return Money(text=text, yuan=Decimal(text.replace(",", "")) * 10000, location=Location(PATH, line, 9))


def _table(
    *indicators: Indicator,
    name: str = "示例项目",
    total: str | None = None,
    fiscal: str | None = None,
    other: str | None = None,
    line: int = 1,
    **fields,
) -> Table:
    """A project table; ``total``, ``fiscal`` and ``other`` are its funding in 万元."""
    funding = Funding(
        total=_wan(total) if total else None,
        fiscal=_wan(fiscal) if fiscal else None,
        other=_wan(other) if other else None,
    )
    return Table(
        name=name, funding=funding, indicators=list(indicators), location=Location(PATH, line, 1), **fields
    )


def _document(*parts: Table | Indicator, year: int | None = 2025, **fields) -> Document:
    """A document of these tables; rows given instead of tables make one table of them."""
    tables = [p for p in parts if isinstance(p, Table)]
    rows = [p for p in parts if isinstance(p, Indicator)]
    if rows:
        tables.append(_table(*rows))
    return Document(path=PATH, budget_year=year, tables=tables, **fields)


@pytest.fixture(scope="session")
def row():
    """``row(level2, name, value, line=10, level1=…, period=…, **Indicator fields)``."""
    return _row


@pytest.fixture(scope="session")
def table():
    """``table(*rows, name=…, total=…, fiscal=…, other=…, **Table fields)``, amounts in 万元."""
    return _table


@pytest.fixture(scope="session")
def document():
    """``document(*tables or *rows, year=2025, **Document fields)``."""
    return _document


@pytest.fixture(scope="session")
def wan():
    """``wan("13.49")``: the Money of an amount printed in a 万元 table."""
    return _wan


@pytest.fixture(scope="session")
def run_check():
    """``run_check("cost-sum", doc, **params)`` → the Hits of that check type with its default
    parameters overridden by ``params`` (validated as a rule file's would be)."""
    return check_hits


def check_hits(check, doc: Document, **params) -> list:
    module = _check_module(check)
    return list(module.check(doc, check_params_of(module, **params)))


@pytest.fixture(scope="session")
def check_params():
    """``check_params("name-shape", **params)``: a check type's parameters, its defaults overridden
    by ``params`` and validated, for calling its row function (``check_row``) on one row."""
    return check_params_of


def check_params_of(check, **params) -> dict:
    from copy import deepcopy

    from linter.rulebook import validate_params

    module = _check_module(check)
    unknown = set(params) - set(module.PARAMS)
    assert not unknown, f"{module.__name__} has no parameter {unknown}"
    full = {name: deepcopy(p.default) for name, p in module.PARAMS.items()} | params
    validate_params(module, full, module.__name__)  # (RuleError, as for a rule file)
    return full


def _check_module(check):
    from linter.checks import load_check_type

    return load_check_type(check) if isinstance(check, str) else check


@pytest.fixture(scope="session")
def engine():
    """The shipped rules with the default configuration, as ``check`` runs them."""
    from linter.config import Config, configured_rules
    from linter.engine import Engine
    from linter.rulebook import load_rule_dirs

    return Engine(configured_rules(Config(), load_rule_dirs()))


# ---------------------------------------------------------------------- a table with two defects

# A tidy table with exactly two defects: 点评反馈会次数 without unit (IL201, warning) and
# 安全生产事故率 5次 (IL204, error: a rate given a count; 降低 would also be vague, IL212).
TABLE = """\
budget_year: 2025
tables:
  - name: 安全生产标准化建设经费
    funding: {total: 36万元, fiscal: 36万元}
    goal: 推进企业安全生产标准化建设，完成现场指导服务12次，试点示范企业4家
    indicators:
      产出指标:
        数量指标:
          - 点评反馈会次数: "4"
          - 试点示范企业数量: 4家
        质量指标:
          - 考核要点和考试题库专家认可率: ≥95%
        时效指标:
          - 项目完成时限: 2025年11月底前
        成本指标:
          - 专家指导服务费: ≤36万元
      效益指标:
        社会效益指标:
          - 安全生产事故率: 5次
      满意度指标:
        服务对象满意度指标:
          - 试点企业满意度: ≥90%
"""


@pytest.fixture(scope="session")
def table_text() -> str:
    """The canonical YAML of a table with exactly two defects: IL201 on 点评反馈会次数 "4" and
    IL204 on 安全生产事故率 5次."""
    return TABLE


@pytest.fixture
def table_file(tmp_path) -> Path:
    """``table_text`` written to ``table.yaml`` in the test's folder."""
    path = tmp_path / "table.yaml"
    path.write_text(TABLE, encoding="utf-8")
    return path


# ---------------------------------------------------------------------- a rule of one's own

# A rule file beside the shipped ones: IL901 no-hours, an info on a value in hours.
EXTRA_RULE = """\
code: IL901
slug: no-hours
severity: info
title: {zh: 不用小时, en: No hours}
message: {zh: "“{name}”用了小时：{value}", en: "'{name}' uses hours: {value}"}
rationale: {zh: 示例规则。, en: An example rule.}
basis: 测试
check:
  type: value-kind
  kinds: [duration]
examples:
  fail:
    - indicators: [{level1: 产出指标, level2: 时效指标, name: 修复时间, value: ≤24小时}]
  pass:
    - indicators: [{level1: 产出指标, level2: 时效指标, name: 修复时限, value: 2025年底}]
"""


@pytest.fixture(scope="session")
def extra_rule() -> str:
    """The text of a valid rule file of a known check type: IL901 no-hours (value-kind, info)."""
    return EXTRA_RULE


@pytest.fixture(scope="session")
def write_rule():
    """``write_rule(folder, text, name="rule.yaml")``: a rule file (dedented) in ``folder``, made if need be."""
    return _write_rule


def _write_rule(folder: Path, text: str, name: str = "rule.yaml") -> Path:
    import textwrap

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ---------------------------------------------------------------------- check --jobs


@pytest.fixture
def worker_starts(monkeypatch) -> list[int]:
    """One item per worker process started from now on in the test: proof that a ``--jobs 2`` run
    went through a worker, beside the process that started it."""
    import linter.workers

    started: list[int] = []
    real = linter.workers.Worker.__init__

    def spy(self, *args, **kwargs):
        started.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(linter.workers.Worker, "__init__", spy)
    return started


# ---------------------------------------------------------------------- programs some tests need


@dataclass(frozen=True)
class Browser:
    chromium: str
    chromedriver: str


class Programs:
    """The programs of the ``browser`` and ``soffice`` tests, looked up once (per instance: the
    harness's own tests make fresh ones).

    Missing, the test is skipped saying what to install; under the variable ``.ci/run`` sets, it
    fails instead, so that CI never passes without having run them.
    """

    def __init__(self):
        self._found: dict[str, object] = {}

    def browser(self) -> Browser:
        if "browser" not in self._found:
            self._found["browser"] = _find_browser()
        found, missing = self._found["browser"]
        if missing:
            _absent(
                f"browser test needs {', '.join(missing)}: "
                "apt-get install chromium chromium-driver fonts-noto-cjk (.ci/run does it)",
                "INDICATOR_LINT_REQUIRE_BROWSER",
            )
        return found

    def soffice(self) -> str:
        if "soffice" not in self._found:
            from linter.readers.soffice import soffice

            self._found["soffice"] = soffice()
        found = self._found["soffice"]
        if not found:
            _absent(
                "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui "
                "libreoffice-calc-nogui (.ci/run does it)",
                "INDICATOR_LINT_REQUIRE_SOFFICE",
            )
        return found

    def node(self) -> str:
        if "node" not in self._found:
            self._found["node"] = shutil.which("node") or ""
        found = self._found["node"]
        if not found:
            _absent(
                "node is not installed (the VS Code extension's JavaScript is not run): "
                "apt-get install nodejs (.ci/run does it)",
                "INDICATOR_LINT_REQUIRE_NODE",
            )
        return found


def _find_browser() -> tuple[Browser | None, list[str]]:
    """(the programs, what is missing of them), looked up on PATH."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    missing = [name for name, path in (("chromium", chromium), ("chromium-driver", driver)) if not path]
    if not _chinese_font():
        missing.append("a Chinese font (fonts-noto-cjk)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    return (None if missing else Browser(chromium, driver)), missing


def _chinese_font() -> bool:
    try:
        listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return bool(listed.stdout.strip())


def _absent(reason: str, required_by: str) -> None:
    if os.environ.get(required_by) == "1":
        pytest.fail(f"{reason} ({required_by}=1)", pytrace=False)
    pytest.skip(reason)


_PROGRAMS = Programs()


@pytest.fixture(scope="session")
def programs() -> Programs:
    """``programs.browser()`` → Browser(chromium, chromedriver); ``programs.soffice()`` → its path.
    (A test that needs one is marked ``browser`` or ``soffice`` too: see the hook below.)"""
    return _PROGRAMS


def pytest_runtest_setup(item):
    # A test marked browser or soffice is judged before its fixtures run: skipped saying what to
    # install, or failed under INDICATOR_LINT_REQUIRE_… (a module-scoped browser is never started).
    if item.get_closest_marker("browser"):
        _PROGRAMS.browser()
    if item.get_closest_marker("soffice"):
        _PROGRAMS.soffice()
    if item.get_closest_marker("node"):
        _PROGRAMS.node()
