"""Suppressions: ``# noqa`` on the line, a file-level disable, a sidecar file, unused ones reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.suppress import comment_suppressions


def codes(result) -> list[str]:
    return [f["code"] for f in json.loads(result.stdout)["findings"]]


@pytest.fixture(autouse=True)
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> str:
    Path(name).write_text(text, encoding="utf-8")
    return name


def test_noqa_on_the_indicator_line_by_code_or_slug(cli, table_text):
    write(
        "a.yaml",
        table_text.replace('"4"', '"4"  # noqa: IL201').replace("5次", "5次  # noqa: rate-not-percent"),
    )
    assert codes(cli("check", "--format", "json", "a.yaml")) == []


def test_noqa_for_another_rule_does_not_silence(cli, table_text):
    write("a.yaml", table_text.replace('"4"', '"4"  # noqa: IL204'))
    assert codes(cli("check", "--format", "json", "a.yaml")) == ["IL201", "IL204"]


def test_bare_noqa_silences_every_rule_on_its_line(cli, table_text):
    write("a.yaml", table_text.replace("5次", "5次 # noqa"))
    assert codes(cli("check", "--format", "json", "a.yaml")) == ["IL201"]


def test_noqa_on_the_name_line_of_a_list_form_indicator(cli):
    text = (
        "tables:\n  - name: 某项目\n    goal: 完成培训\n    indicators:\n"
        "      - level1: 效益指标\n        level2: 社会效益指标\n"
        "        name: 安全生产事故率  # noqa: IL204\n        value: 降低\n"
    )
    write("b.yaml", text)
    assert "IL204" not in codes(cli("check", "--format", "json", "b.yaml", "--select", "IL204"))
    write("b.yaml", text.replace("  # noqa: IL204", ""))
    assert codes(cli("check", "--format", "json", "b.yaml", "--select", "IL204")) == ["IL204"]


def test_a_hash_inside_a_quoted_value_is_no_comment():
    found = comment_suppressions('- 名称: "第#1 # noqa: IL201"\n- 名称: 值 # noqa: IL204\n', "x.yaml")
    assert [(s.line, s.keys) for s in found] == [(2, ["IL204"])]


def test_file_level_disable(cli, table_text):
    write("a.yaml", "# indicator-lint: disable=IL201, rate-not-percent\n" + table_text)
    assert codes(cli("check", "--format", "json", "a.yaml")) == []
    write("a.yaml", "# indicator-lint: disable=IL204\n" + table_text)
    assert codes(cli("check", "--format", "json", "a.yaml")) == ["IL201"]


def test_sidecar_for_a_text_table_and_sidecars_are_not_read_as_tables(cli):
    Path("tables").mkdir()
    text = (Path(__file__).parent.parent / "examples").glob("*.txt")
    source = sorted(text)[0]
    Path("tables/t.txt").write_bytes(source.read_bytes())
    before = json.loads(cli("check", "--format", "json", "tables").stdout)["findings"]
    assert before, "the example has findings"
    first = before[0]
    write(
        "tables/t.txt.noqa.yaml",
        f"- rule: {first['rule']}\n  table: {json.dumps(first['table'], ensure_ascii=False)}\n"
        f"  indicator: {json.dumps(first['indicator'], ensure_ascii=False)}\n  reason: 已确认\n",
    )
    result = cli("check", "--format", "json", "tables")
    assert result.exit_code != 2, result.stderr  # the sidecar was not taken for a table
    after = json.loads(result.stdout)["findings"]
    gone = [
        f
        for f in before
        if f["rule"] == first["rule"]
        and f["table"] == first["table"]
        and f["indicator"] == first["indicator"]
    ]
    assert len(after) == len(before) - len(gone) and first not in after


def test_a_broken_sidecar_is_an_error_naming_it(cli, table_text):
    write("a.yaml", table_text)
    write("a.yaml.noqa.yaml", "- rul: IL201\n")
    result = cli("check", "--format", "json", "a.yaml")
    assert result.exit_code == 2 and "a.yaml.noqa.yaml: entry 1: unknown key 'rul'" in result.stderr


def test_unused_suppressions_are_reported_when_asked(cli, table_text):
    write(
        "a.yaml",
        "# indicator-lint: disable=IL216\n"
        + table_text.replace('"4"', '"4"  # noqa: IL201, IL999').replace(": 4家", ": 4家  # noqa"),
    )
    assert codes(cli("check", "--format", "json", "a.yaml")) == ["IL204"]
    found = json.loads(cli("check", "--format", "json", "a.yaml", "--report-unused-noqa").stdout)["findings"]
    unused = [(f["line"], f["code"], f["message"]) for f in found if f["code"] == "IL000"]
    assert [(line, code) for line, code, _ in unused] == [(1, "IL000"), (10, "IL000"), (11, "IL000")]
    assert "IL216" in unused[0][2] and "IL999" in unused[1][2] and "noqa" in unused[2][2]


def test_an_unused_noqa_in_sarif_shows_its_comment(cli, table_text):
    write("a.yaml", table_text.replace(": 4家", ": 4家  # noqa: IL201"))
    out = cli("check", "--format", "sarif", "--report-unused-noqa", "a.yaml").stdout
    [unused] = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "IL000"]
    physical = unused["locations"][0]["physicalLocation"]
    assert physical["region"]["snippet"]["text"] == "# noqa: IL201"
    assert physical["contextRegion"]["snippet"]["text"].endswith(": 4家  # noqa: IL201")


def test_a_noqa_for_a_configured_extra_rule_that_is_ignored_is_known(cli, table_text, extra_rule, tmp_path):
    (tmp_path / "extra").mkdir()
    write("extra/rule.yaml", extra_rule)  # IL901 no-hours
    write(".indicator-lint.yaml", "extra-rules: [extra]\nignore: [no-hours]\n")
    write("a.yaml", table_text.replace('"4"', '"4"  # noqa: IL901'))
    found = json.loads(cli("check", "--format", "json", "a.yaml", "--report-unused-noqa").stdout)["findings"]
    unused = [f["message"] for f in found if f["code"] == "IL000"]
    # the rule exists (loaded, then ignored): the noqa is unused, not a typo for an unknown rule
    assert len(unused) == 1 and "IL901" in unused[0] and "不存在" not in unused[0]


# --------------------------------------------------------------------------- issue 22: noqa as written


@pytest.mark.parametrize(
    "comment, keys, reason",
    [
        ("# noqa：IL214", ["IL214"], ""),
        ("# noqa: IL214 已与财政部门确认", ["IL214"], "已与财政部门确认"),
        ("# noqa: IL214以上年实际为准", ["IL214"], "以上年实际为准"),
        ("# noqa: IL214 reason", ["IL214"], "reason"),
        ("# noqa: IL214，vague-value 两条都确认过", ["IL214", "vague-value"], "两条都确认过"),
        ("# noqa: IL214, IL201", ["IL214", "IL201"], ""),
        ("# NOQA", [], ""),
    ],
)
def test_noqa_full_width_and_a_reason(comment, keys, reason):
    (s,) = comment_suppressions(f"- 名称: 值 {comment}\n", "x.yaml")
    assert (s.kind, s.keys, s.reason) == ("line", keys, reason)


@pytest.mark.parametrize(
    "comment", ["# noqa IL214", "# noqa:", "# noqa: 已确认", "# noqa——IL214", "# noqa; IL214"]
)
def test_an_unreadable_noqa_silences_nothing_and_is_reported(cli, table_text, comment):
    write("a.yaml", table_text.replace("5次", f"5次  {comment}"))
    result = cli("check", "--format", "json", "a.yaml")
    found = codes(result)
    assert "IL204" in found and "IL002" in found, found
    (bad,) = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "IL002"]
    assert bad["rule"] == "invalid-noqa" and bad["line"] == 19


def test_full_width_noqa_silences_only_its_rule(cli, table_text):
    write(
        "a.yaml",
        table_text.replace("5次", "5次  # noqa：IL204 已确认").replace('"4"', '"4"  # noqa：IL204'),
    )
    assert codes(cli("check", "--format", "json", "a.yaml")) == ["IL201"]
