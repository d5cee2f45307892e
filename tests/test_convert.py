"""``indicator-lint convert``: canonical YAML and the JSON of issue 3, to stdout, a file or a folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

import linter.commands.convert as convert_module
from linter.readers.yaml_reader import read_yaml

DATA = Path(__file__).parent / "data" / "yaml"
PROJECT, TREE, DEPARTMENT = DATA / "project.yaml", DATA / "tree_chinese.yaml", DATA / "department.yaml"
EXAMPLES = Path(__file__).parent.parent / "examples"


def test_yaml_is_the_default_and_reads_back(cli):
    result = cli("convert", PROJECT)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        f"# source: {os.path.relpath(PROJECT)}\ntitle: 本级预算项目绩效目标表\nbudget_year: 2024\n"
    )
    assert "      - 按岗位需求派驻的劳务派遣人数: 1人\n" in result.stdout  # the tree form
    assert "    total: 13万元\n" in result.stdout  # a plain 13 in a 万元 document gets its unit
    doc = read_yaml(result.stdout, "out.yaml")
    assert [i.name for i in doc.tables[0].indicators][:2] == [
        "按岗位需求派驻的劳务派遣人数",
        "劳务派遣人员与岗位需求契合度",
    ]


def test_several_files_one_yaml_document_each(cli):
    result = cli("convert", PROJECT, TREE)
    assert result.exit_code == 0
    docs = list(yaml.safe_load_all(result.stdout))
    assert [d["title"] for d in docs] == ["本级预算项目绩效目标表", "部门预算项目支出绩效目标公开表"]
    assert result.stdout.count("\n---\n") == 1


def test_json_shape_of_issue_3(cli):
    result = cli("convert", PROJECT, "--to", "json")
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    [doc] = out["documents"]
    assert {"path", "title", "budget_year", "tables"} <= set(doc)
    assert (doc["path"], doc["title"], doc["budget_year"]) == (str(PROJECT), "本级预算项目绩效目标表", 2024)
    [table] = doc["tables"]
    assert (table["name"], table["kind"]) == ("应急管理局劳务派遣经费", "project")
    assert table["funding"] == {
        "total_yuan": 130000,
        "fiscal_yuan": 130000,
        "other_yuan": None,
        "text": "13万元",
    }
    assert table["goal"].startswith("以劳务派遣公司委派专业技能人员进驻的方式")
    first = table["indicators"][0]
    assert {k: first[k] for k in ("level1", "level2", "name", "value")} == {
        "level1": "产出指标",
        "level2": "数量指标",
        "name": "按岗位需求派驻的劳务派遣人数",
        "value": "1人",
    }
    assert first["parsed"]["kind"] == "quantity"
    assert (first["parsed"]["number"], first["parsed"]["unit"], first["parsed"]["comparator"]) == (
        "1",
        "人",
        None,
    )
    assert first["location"] == {"path": str(PROJECT), "line": 17, "column": 9}
    assert [i["value"] for i in table["indicators"]] == ["1人", "≥95%", "≥95%", "≥1年", "优秀", "≥95%"]


def test_json_amounts_are_numbers_in_yuan(cli):
    out = json.loads(cli("convert", DEPARTMENT, TREE, "--to", "json").stdout)
    dept, tree = out["documents"]
    assert dept["tables"][0]["budget"]["基本支出"] == {"yuan": 43938500, "text": "4,393.85万元"}
    assert dept["tables"][0]["tasks"][0]["amount_yuan"] == 9674500
    assert tree["tables"][0]["funding"]["total_yuan"] == 200000
    assert tree["total"]["total_yuan"] == 1359900
    period = dept["tables"][0]["indicators"][0]
    assert period["period_value"] == "约25000-27400人" and period["period_parsed"]["kind"] == "range"


def test_output_file_is_written_atomically(cli, tmp_path):
    out = tmp_path / "all.json"
    result = cli("convert", PROJECT, TREE, "--to", "json", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert [d["title"] for d in json.loads(out.read_text(encoding="utf-8"))["documents"]] == [
        "本级预算项目绩效目标表",
        "部门预算项目支出绩效目标公开表",
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["all.json"]  # no temporary file left


def test_output_folder_one_file_per_input(cli, tmp_path):
    out = tmp_path / "converted"
    result = cli("convert", PROJECT, TREE, DEPARTMENT, "-o", out)
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["department.yaml", "project.yaml", "tree_chinese.yaml"]
    assert (
        read_yaml((out / "tree_chinese.yaml").read_text(encoding="utf-8"), "x").tables[0].name
        == "安全生产监管执法"
    )


def test_output_folder_names_do_not_collide(cli, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for sub in ("a", "b"):
        (tmp_path / sub / "t.yaml").write_text(PROJECT.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = cli("convert", tmp_path / "a", tmp_path / "b", "-o", out)
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["t-2.yaml", "t.yaml"]


def test_a_failed_write_keeps_the_old_file(cli, tmp_path, monkeypatch):
    out = tmp_path / "out.yaml"
    out.write_text("old\n")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(convert_module.os, "replace", refuse)
    result = cli("convert", PROJECT, "-o", out)
    assert result.exit_code == 2
    assert (
        result.stderr == f"indicator-lint: {out}: 无法写入（没有权限） / cannot write (Permission denied)\n"
    )
    assert out.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]


def test_unknown_format_is_a_usage_error(cli):
    assert cli("convert", PROJECT, "--to", "xml").exit_code == 2


# --------------------------------------------------------------------------- the real examples


def test_example_000_as_json(cli):
    out = json.loads(cli("convert", EXAMPLES / "000_8b9eba17efc00524.txt", "--to", "json").stdout)
    [doc] = out["documents"]
    assert doc["budget_year"] == 2024
    assert [t["name"] for t in doc["tables"]] == [
        "应急管理局劳务派遣经费",
        "应急指挥中心运维费",
        "安全生产监管第三方服务经费",
        "应急管理局工作业务经费",
    ]
    first = doc["tables"][0]
    assert first["funding"] == {
        "total_yuan": 130000,
        "fiscal_yuan": 130000,
        "other_yuan": None,
        "text": "13万元",
    }
    assert doc["tables"][1]["funding"]["total_yuan"] == 234300
    assert [(i["level2"], i["name"], i["value"]) for i in first["indicators"]] == [
        ("数量指标", "按岗位需求派驻的劳务派遣人数", "1人"),
        ("质量指标", "劳务派遣人员与岗位需求契合度", "≥95%"),
        ("质量指标", "劳务派遣人员本科及以上学历比例", "≥95%"),
        ("时效指标", "劳务派遣年限", "≥1年"),
        ("社会效益指标", "劳务派遣人员委托工作完成情况", "优秀"),
        ("服务对象满意度指标", "接受劳务派遣人员服务单位满意度", "≥95%"),
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_every_example_converts_and_reads_back(cli, tmp_path, name):
    result = cli("convert", EXAMPLES / name, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 0, result.stderr
    doc = read_yaml((tmp_path / "out.yaml").read_text(encoding="utf-8"), "out.yaml")
    assert doc.tables and all(t.name for t in doc.tables)


def test_unplaced_rows_are_kept_as_comments_and_in_json():
    from linter.canonical import to_json, to_yaml
    from linter.model import Location, Problem
    from linter.readers.yaml_reader import document_from_mapping

    doc = document_from_mapping({"name": "甲", "indicators": [{"name": "a", "value": "1人"}]}, "t.txt")
    doc.problems.append(Problem("unreadable-row", "无法识别的行：\n合计 13", Location("t.txt", 12, 1), "甲"))
    assert to_yaml(doc).splitlines()[:2] == [
        "# source: t.txt",
        "# unreadable-row: t.txt:12:1: 无法识别的行： 合计 13",
    ]
    assert json.loads(to_json([doc]))["documents"][0]["problems"] == [
        {
            "rule": "unreadable-row",
            "message": "无法识别的行：\n合计 13",
            "table": "甲",
            "location": {"path": "t.txt", "line": 12, "column": 1},
        }
    ]


def test_suppression_sidecars_in_a_folder_are_not_converted(cli, tmp_path):
    (tmp_path / "a.yaml").write_text(PROJECT.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a.yaml.noqa.yaml").write_text("- rule: IL201\n  reason: 已说明\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = cli("convert", tmp_path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.yaml"]


# --------------------------------------------------------------------------- issue 22: faithful to the source


def _findings(cli, path) -> list[tuple[str, str]]:
    result = cli("check", "--format", "json", path)
    return sorted((f["code"], f["message"]) for f in json.loads(result.stdout)["findings"])


def test_converted_examples_keep_every_misplaced_category(cli, tmp_path):
    out = tmp_path / "yaml"
    assert cli("convert", *sorted(EXAMPLES.glob("*.txt")), "-o", f"{out}/").exit_code == 0
    for source in sorted(EXAMPLES.glob("*.txt")):
        converted = out / f"{source.stem}.yaml"
        before = [m for code, m in _findings(cli, source) if code == "IL103"]
        after = [m for code, m in _findings(cli, converted) if code == "IL103"]
        assert after == before, source.name
        # and every other rule says the same of the YAML as of the text
        assert [c for c, _ in _findings(cli, converted)] == [c for c, _ in _findings(cli, source)], (
            source.name
        )
    assert sum(1 for s in EXAMPLES.glob("*.txt") for c, _ in _findings(cli, s) if c == "IL103") == 4
    text = (out / "002_cab738b0acffaaf0.yaml").read_text(encoding="utf-8")
    assert "      服务对象满意度指标:\n      - 群众满意度: ≥95%\n" in text  # still printed under 效益指标
    assert "# normalised: " in text


def test_the_source_comment_is_relative(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("convert", PROJECT.resolve())
    assert result.stdout.startswith(f"# source: {os.path.relpath(PROJECT.resolve(), tmp_path)}\n")
    assert not result.stdout.splitlines()[0].removeprefix("# source: ").startswith("/")
    (tmp_path / "out").mkdir()
    assert cli("convert", PROJECT.resolve(), "-o", "out/p.yaml").exit_code == 0
    first = (tmp_path / "out" / "p.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# source: {os.path.relpath(PROJECT.resolve(), tmp_path / 'out')}"
    assert (tmp_path / "out" / first.removeprefix("# source: ")).resolve() == PROJECT.resolve()
