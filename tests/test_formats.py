"""``check --format sarif|github|junit`` and ``--statistics`` on a table whose two defects are known:
点评反馈会次数 = "4" (IL201 missing-unit, warning, line 9) and 安全生产事故率 = 5次 (IL204
rate-not-percent, error, line 19); both values start at column 22."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
RULES_DIR = Path(__file__).parent.parent / "rules"
LINE_9 = '          - 点评反馈会次数: "4"'
LINE_19 = "          - 安全生产事故率: 5次"


@pytest.fixture
def table_here(tmp_path, monkeypatch, table_text):
    """``table_text`` as table.yaml in the current folder (the formats print relative paths)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    Path("table.yaml").write_text(table_text, encoding="utf-8")
    return Path("table.yaml")


def test_sarif_validates_against_the_schema_and_carries_regions_and_rules(cli, table_here):
    result = cli("check", table_here, "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)

    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    results = {r["ruleId"]: r for r in run["results"]}
    assert set(results) == {"IL201", "IL204"}
    assert results["IL201"]["level"] == "warning" and results["IL204"]["level"] == "error"
    region = results["IL204"]["locations"][0]["physicalLocation"]["region"]
    assert region == {
        "startLine": 19,
        "startColumn": 22,
        "endLine": 19,
        "endColumn": len(LINE_19) + 1,
        "snippet": {"text": "5次"},
    }
    region = results["IL201"]["locations"][0]["physicalLocation"]["region"]
    assert region == {
        "startLine": 9,
        "startColumn": 22,
        "endLine": 9,
        "endColumn": len(LINE_9) + 1,
        "snippet": {"text": '"4"'},
    }
    context = results["IL201"]["locations"][0]["physicalLocation"]["contextRegion"]
    assert context == {"startLine": 9, "snippet": {"text": LINE_9}}
    assert results["IL204"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "table.yaml"

    rules = run["tool"]["driver"]["rules"]
    assert len(rules) == len({r["id"] for r in rules}) == len(list(RULES_DIR.glob("*.yaml")))
    rule = rules[results["IL204"]["ruleIndex"]]
    assert rule["id"] == "IL204" and rule["name"] == "rate-not-percent"
    assert rule["defaultConfiguration"] == {"level": "error"}
    assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] in rule["help"]["text"]
    info = next(r for r in rules if r["id"] == "IL216")  # missing-comparator is info → SARIF note
    assert info["defaultConfiguration"] == {"level": "note"}


def test_sarif_uri_of_a_chinese_file_name_is_percent_encoded(cli, table_text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("预算 表.yaml").write_text(table_text, encoding="utf-8")
    log = json.loads(cli("check", "预算 表.yaml", "--format", "sarif").output)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E9%A2%84%E7%AE%97%20%E8%A1%A8.yaml"


def test_sarif_reports_an_unreadable_file_as_a_notification(cli, table_here):
    Path("empty.yaml").write_text("", encoding="utf-8")
    result = cli("check", table_here, "empty.yaml", "--format", "sarif")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "empty.yaml" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_github_annotations_escape_percent_and_name_the_place(cli, table_here):
    result = cli("check", table_here, "--format", "github", "--lang", "en")
    lines = result.output.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::warning file=table.yaml,line=9,col=22,title=IL201 missing-unit::")
    assert lines[1].startswith("::error file=table.yaml,line=19,col=22,title=IL204 rate-not-percent::")
    zh = cli("check", table_here, "--format", "github").output.splitlines()[1]
    assert "下降5%25" in zh and "下降5%”" not in zh  # % is the runner's escape character


@pytest.mark.parametrize(
    ("value", "expected"), [("true", "::"), ("false", "table.yaml:"), (None, "table.yaml:")]
)
def test_github_format_is_chosen_when_running_in_github_actions(cli, table_here, value, expected):
    env = {"GITHUB_ACTIONS": value} if value is not None else {}
    assert cli("check", table_here, env=env).output.startswith(expected)
    assert cli("check", table_here, "--format", "text", env={"GITHUB_ACTIONS": "true"}).output.startswith(
        "table.yaml:"
    )


def test_junit_has_a_suite_per_file_and_a_failing_case_per_finding(cli, table_text, table_here):
    Path("clean.yaml").write_text(table_text.replace('"4"', "4次").replace("5次", "≤1%"), encoding="utf-8")
    root = ET.fromstring(cli("check", table_here, "clean.yaml", "--format", "junit").output)
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "2"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"table.yaml", "clean.yaml"}
    failures = [c.find("failure") for c in suites["table.yaml"].findall("testcase")]
    assert [f.get("type") for f in failures] == ["IL201 warning", "IL204 error"]
    assert "安全生产事故率" in failures[1].get("message")
    clean_cases = suites["clean.yaml"].findall("testcase")
    assert len(clean_cases) == 1 and clean_cases[0].find("failure") is None


def test_statistics_counts_findings_per_rule(cli, table_text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # Three findings of IL201 (three bare numbers) and one of IL204.
    Path("t.yaml").write_text(table_text.replace("4家", '"4"').replace("≤36万元", '"36"'), encoding="utf-8")
    result = cli("check", "t.yaml", "--statistics", "--select", "IL201,IL204")
    assert result.output == "3  IL201  missing-unit      [警告]\n1  IL204  rate-not-percent  [错误]\n"
    assert result.exit_code == 1
    rows = json.loads(
        cli("check", "t.yaml", "--statistics", "--format", "json", "--select", "IL201,IL204").output
    )
    assert rows == [
        {"code": "IL201", "rule": "missing-unit", "severity": "warning", "count": 3},
        {"code": "IL204", "rule": "rate-not-percent", "severity": "error", "count": 1},
    ]


# --------------------------------------------------------------------------- issue 22: helpUri, gitlab, colour


def test_sarif_rules_link_their_page(cli, table_here, monkeypatch):
    rules = json.loads(cli("check", table_here, "--format", "sarif").stdout)["runs"][0]["tool"]["driver"][
        "rules"
    ]
    rule = next(r for r in rules if r["id"] == "IL204")
    assert (
        rule["helpUri"]
        == "https://github.com/indicator-lint/indicator-lint/blob/main/docs/rules/rate-not-percent.md"
    )
    docs = Path(__file__).parent.parent / "docs" / "rules"
    assert all((docs / r["helpUri"].rsplit("/", 1)[1]).is_file() for r in rules)
    monkeypatch.setenv("INDICATOR_LINT_DOCS_URL", "https://intranet.example/lint/rules/")
    rules = json.loads(cli("check", table_here, "--format", "sarif").stdout)["runs"][0]["tool"]["driver"][
        "rules"
    ]
    assert rules[0]["helpUri"].startswith("https://intranet.example/lint/rules/")


def test_gitlab_code_quality(cli, table_text, table_here):
    result = cli("check", table_here, "empty.yaml", "--format", "gitlab")
    assert result.exit_code == 2
    issues = json.loads(result.stdout)
    found = {i["check_name"]: i for i in issues}
    assert set(found) == {"missing-unit", "rate-not-percent", "input-error"}
    rate = found["rate-not-percent"]
    assert rate["severity"] == "major" and found["missing-unit"]["severity"] == "minor"
    assert rate["location"] == {"path": "table.yaml", "lines": {"begin": 19}}
    assert rate["description"].startswith("IL204 ") and len(rate["fingerprint"]) == 64
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    # the fingerprint does not move with the row
    Path("table.yaml").write_text("\n" + table_text, encoding="utf-8")
    again = {i["check_name"]: i for i in json.loads(cli("check", table_here, "--format", "gitlab").stdout)}
    assert again["rate-not-percent"]["fingerprint"] == rate["fingerprint"]
    assert again["rate-not-percent"]["location"]["lines"]["begin"] == 20


def test_colour_never_always_and_no_color(cli, table_here):
    assert "\x1b[" in cli("check", table_here, "--color", "always").stdout
    assert "\x1b[" not in cli("check", table_here, "--color", "never").stdout
    assert "\x1b[" not in cli("check", table_here).stdout  # not a terminal


def test_no_color_wins_over_a_terminal():
    import io

    from linter.formatters.choose import wants_colour

    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert wants_colour("auto", Tty(), {}) and not wants_colour("auto", Tty(), {"NO_COLOR": "1"})
    assert wants_colour("always", Tty(), {"NO_COLOR": "1"}) and not wants_colour("never", Tty(), {})
    assert not wants_colour("auto", io.StringIO(), {})
