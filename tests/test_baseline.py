"""Baselines on a repository of 50 generated tables: only new findings are reported, and moving
rows does not make old findings new (the baseline has no line numbers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# Each table has two accepted defects: 点评反馈会次数 without unit (IL201) and 应急处突能力提升 =
# 显著提升 (IL212 vague-value); the other rows are clean.
ROWS = {
    "数量指标": ['- 点评反馈会次数: "{n}"', "- 培训人数: ≥{n}0人"],
    "质量指标": ["- 考核合格率: ≥95%"],
    "时效指标": ["- 项目完成时限: 2025年11月底前"],
    "成本指标": ["- 培训费: ≤{n}万元"],
    "社会效益指标": ["- 应急处突能力提升: 显著提升", "- 安全生产事故率: ≤1%"],
    "服务对象满意度指标": ["- 参训人员满意度: ≥90%"],
}
LEVEL1 = {
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "成本指标": "产出指标",
    "社会效益指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
}


def numbered_table(n: int, rows: dict[str, list[str]] = ROWS) -> str:
    out = [
        f"budget_year: 2025\ntables:\n  - name: 第{n}号安全培训项目\n    funding: {{total: {n}万元}}\n"
        f"    goal: 开展安全生产培训{n}0人次，提升应急处置能力\n    indicators:\n"
    ]
    for level1 in dict.fromkeys(LEVEL1.values()):
        out.append(f"      {level1}:\n")
        for level2, items in rows.items():
            if LEVEL1[level2] == level1:
                out.append(f"        {level2}:\n")
                out += [f"          {item.format(n=n)}\n" for item in items]
    return "".join(out)


@pytest.fixture
def repo(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("tables").mkdir()
    for n in range(1, 51):
        Path(f"tables/t{n:02d}.yaml").write_text(numbered_table(n), encoding="utf-8")
    result = cli("baseline", "tables", "-o", "baseline.json")
    assert result.exit_code == 0, result.stderr
    return tmp_path


def findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def test_the_baseline_counts_by_file_table_indicator_and_rule(cli, repo):
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert len(data["findings"]) == 100
    entry = data["findings"][0]
    assert entry == {
        "path": "tables/t01.yaml",
        "table": "第1号安全培训项目",
        "indicator": "应急处突能力提升",
        "code": "IL212",
        "rule": "vague-value",
        "count": 1,
    }
    assert all("line" not in e for e in data["findings"])
    without = findings(cli("check", "tables", "--format", "json"))
    assert len(without) == 100


def test_check_with_the_baseline_reports_nothing(cli, repo):
    result = cli("check", "tables", "--baseline", "baseline.json", "--format", "json")
    assert findings(result) == [] and result.exit_code == 0 and "stale" not in result.stderr


def test_one_bad_row_added_is_exactly_the_one_reported(cli, repo):
    rows = {**ROWS, "质量指标": ["- 考核合格率: ≥95%", "- 隐患整改到位率: 有效提高"]}
    Path("tables/t17.yaml").write_text(numbered_table(17, rows), encoding="utf-8")
    result = cli("check", "tables", "--baseline", "baseline.json", "--format", "json")
    new = findings(result)
    # the row is 隐患整改到位率 = 有效提高 (line 13): a rate without % (IL204), a quality target in words (IL213)
    assert [(f["path"], f["line"], f["indicator"], f["code"]) for f in new] == [
        ("tables/t17.yaml", 13, "隐患整改到位率", "IL204"),
        ("tables/t17.yaml", 13, "隐患整改到位率", "IL213"),
    ]
    assert result.exit_code == 1


def test_reordered_rows_report_nothing_new(cli, repo):
    reordered = {k: list(reversed(v)) for k, v in reversed(ROWS.items())}
    for n in (3, 30, 50):
        Path(f"tables/t{n:02d}.yaml").write_text(numbered_table(n, reordered), encoding="utf-8")
    assert Path("tables/t03.yaml").read_text(encoding="utf-8") != numbered_table(3)
    result = cli("check", "tables", "--baseline", "baseline.json", "--format", "json")
    assert findings(result) == [] and result.exit_code == 0


def test_a_fixed_finding_is_listed_as_stale(cli, repo):
    rows = {**ROWS, "社会效益指标": ["- 安全生产事故率: ≤1%"]}  # the vague row is deleted
    Path("tables/t09.yaml").write_text(numbered_table(9, rows), encoding="utf-8")
    result = cli("check", "tables", "--baseline", "baseline.json", "--format", "json")
    assert findings(result) == []
    assert "1 baseline entry is stale" in result.stderr
    assert "tables/t09.yaml: IL212 vague-value 第9号安全培训项目 › 应急处突能力提升 ×1" in result.stderr


def test_checking_from_another_folder_uses_paths_relative_to_the_baseline(cli, repo, monkeypatch):
    monkeypatch.chdir(repo / "tables")
    result = cli("check", ".", "--baseline", "../baseline.json", "--format", "json")
    assert findings(result) == [] and "stale" not in result.stderr


def test_a_broken_baseline_is_a_usage_error(cli, repo):
    Path("bad.json").write_text("{}", encoding="utf-8")
    result = cli("check", "tables", "--baseline", "bad.json")
    assert result.exit_code == 2 and "bad.json: not a baseline file" in result.stderr


def test_a_baseline_that_cannot_be_written_is_one_line_exit_2(tmp_path, cli, table_file):
    result = cli("baseline", table_file, "-o", tmp_path / "no" / "such" / "b.json")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cannot write the baseline" in result.stderr
