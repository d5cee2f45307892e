"""Configuration files: found upward, strict, and applied (select, ignore, severity, params …).

The table (``table_text`` in tests/conftest.py) has two known defects: IL201 missing-unit (warning) on
点评反馈会次数 and IL204 rate-not-percent (error) on 安全生产事故率.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def codes(result) -> list[tuple[str, str]]:
    return [(f["code"], f["severity"]) for f in json.loads(result.stdout)["findings"]]


@pytest.fixture
def repo(table_text, tmp_path, monkeypatch):
    """A repository with the table two folders down."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tables" / "2025").mkdir(parents=True)
    (tmp_path / "tables" / "2025" / "t.yaml").write_text(table_text, encoding="utf-8")
    return tmp_path


T = "tables/2025/t.yaml"


def test_without_config_both_findings(cli, repo):
    assert codes(cli("check", T, "--format", "json")) == [("IL201", "warning"), ("IL204", "error")]


def test_pyproject_table_is_found_upward_and_applied(cli, repo):
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.indicator-lint]\nignore = ["missing-unit"]\n'
        'severity = { rate-not-percent = "warning" }\n',
        encoding="utf-8",
    )
    result = cli("check", T, "--format", "json")
    assert codes(result) == [("IL204", "warning")]
    assert result.exit_code == 0  # only warnings: below --fail-on error


def test_a_pyproject_without_our_table_is_passed_over(cli, repo):
    (repo / "tables" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (repo / ".indicator-lint.yaml").write_text("select: [IL2]\nignore: [IL204]\n", encoding="utf-8")
    assert codes(cli("check", T, "--format", "json")) == [("IL201", "warning")]


def test_the_nearest_config_wins_and_config_option_overrides(cli, repo):
    (repo / ".indicator-lint.yaml").write_text("ignore: [IL201]\n", encoding="utf-8")
    (repo / "tables" / ".indicator-lint.yaml").write_text("ignore: [IL204]\n", encoding="utf-8")
    assert codes(cli("check", T, "--format", "json")) == [("IL201", "warning")]
    assert codes(cli("check", T, "--format", "json", "--config", ".indicator-lint.yaml")) == [
        ("IL204", "error")
    ]


def test_select_extend_select_and_command_line(cli, repo):
    (repo / ".indicator-lint.yaml").write_text(
        "select: [missing-unit]\nextend-select: [IL20]\n", encoding="utf-8"
    )
    assert codes(cli("check", T, "--format", "json")) == [("IL201", "warning"), ("IL204", "error")]
    (repo / ".indicator-lint.yaml").write_text("select: [missing-unit]\n", encoding="utf-8")
    assert codes(cli("check", T, "--format", "json")) == [("IL201", "warning")]
    assert codes(cli("check", T, "--format", "json", "--select", "IL204")) == [
        ("IL204", "error")
    ]  # --select replaces


def test_per_file_ignores_match_globs_relative_to_the_config(cli, table_text, repo):
    (repo / "tables" / "2025" / "u.yaml").write_text(table_text, encoding="utf-8")
    (repo / ".indicator-lint.yaml").write_text(
        'per-file-ignores:\n  "tables/*/t.yaml": [IL201, rate-not-percent]\n', encoding="utf-8"
    )
    found = json.loads(cli("check", "tables", "--format", "json").stdout)["findings"]
    assert [(Path(f["path"]).name, f["code"]) for f in found] == [("u.yaml", "IL201"), ("u.yaml", "IL204")]


def test_rule_parameters_are_applied(cli, table_text, repo):
    path = repo / "tables" / "2025" / "t.yaml"
    path.write_text(table_text.replace("≥90%", "≥88%"), encoding="utf-8")
    assert "IL502" not in [c for c, _ in codes(cli("check", T, "--format", "json"))]  # shipped floor is 85
    (repo / ".indicator-lint.yaml").write_text(
        "params:\n  satisfaction-value: {floor: 90}\n", encoding="utf-8"
    )
    assert "IL502" in [c for c, _ in codes(cli("check", T, "--format", "json"))]


def test_extends_a_preset_and_a_file(cli, repo):
    (repo / "base.yaml").write_text("extends: strict\nignore: [IL204]\n", encoding="utf-8")
    (repo / ".indicator-lint.yaml").write_text("extends: base.yaml\n", encoding="utf-8")
    assert codes(cli("check", T, "--format", "json")) == [("IL201", "error")]  # strict raises missing-unit


def test_extra_rules_folder(cli, repo):
    (repo / "province").mkdir()
    rule = (Path(__file__).parent.parent / "rules" / "missing-unit.yaml").read_text(encoding="utf-8")
    rule = rule.replace("code: IL201", "code: IL901").replace("slug: missing-unit", "slug: province-unit")
    (repo / "province" / "province-unit.yaml").write_text(rule, encoding="utf-8")
    (repo / ".indicator-lint.yaml").write_text("extra-rules: [province]\nselect: [IL9]\n", encoding="utf-8")
    assert codes(cli("check", T, "--format", "json")) == [("IL901", "warning")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ignor: [IL201]\n", "unknown key 'ignor' (did you mean 'ignore'?)"),
        ("ignore: [IL299]\n", "key 'ignore': no rule matches 'IL299'"),
        ("select: [missing-units]\n", "no rule matches 'missing-units' (did you mean 'missing-unit'?)"),
        (
            "severity: {missing-unit: fatal}\n",
            "key 'severity.missing-unit' must be one of error, warning, info",
        ),
        ("severity: {missing-unt: error}\n", "key 'severity.missing-unt': no rule 'missing-unt'"),
        ("params: {satisfaction-value: {flor: 90}}\n", "unknown key 'satisfaction-value.flor'"),
        ("params: {satisfaction-value: {floor: high}}\n", "'satisfaction-value.floor' must be a number"),
        ("extends: lax\n", "key 'extends': 'lax' is neither a preset"),
        ("extra-rules: [nowhere]\n", "key 'extra-rules'"),
        ("per-file-ignores: {'*.yaml': [IL777]}\n", "key 'per-file-ignores.*.yaml': no rule matches 'IL777'"),
        ("- ignore\n", "must be a mapping of keys"),
    ],
)
def test_a_bad_config_is_one_line_naming_file_and_key_exit_2(cli, repo, text, message):
    (repo / ".indicator-lint.yaml").write_text(text, encoding="utf-8")
    result = cli("check", T)
    assert result.exit_code == 2
    assert ".indicator-lint.yaml" in result.stderr and message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["check", "report"])
def test_a_bad_config_in_a_folder_without_tables_is_still_reported(cli, repo, command):
    (repo / "empty").mkdir()
    (repo / "empty" / ".indicator-lint.yaml").write_text("select: [\n", encoding="utf-8")
    output = ["-o", "r.html"] if command == "report" else []  # report writes a file, check stdout
    result = cli(command, "empty", *output)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "empty/.indicator-lint.yaml:2: not valid YAML" in result.stderr


def test_a_folder_config_that_no_file_uses_is_not_read(cli, table_text, repo):
    # Every table under top/ is under sub/, whose own config applies: top's is never looked at.
    (repo / "top" / "sub").mkdir(parents=True)
    (repo / "top" / ".indicator-lint.yaml").write_text("select: [\n", encoding="utf-8")
    (repo / "top" / "sub" / ".indicator-lint.yaml").write_text("select: [IL204]\n", encoding="utf-8")
    (repo / "top" / "sub" / "t.yaml").write_text(table_text, encoding="utf-8")
    assert codes(cli("check", "top", "--format", "json")) == [("IL204", "error")]


def test_a_bad_pyproject_table_names_the_file(cli, repo):
    (repo / "pyproject.toml").write_text('[tool.indicator-lint]\nselct = ["IL2"]\n', encoding="utf-8")
    result = cli("check", T)
    assert (
        result.exit_code == 2
        and "pyproject.toml: unknown key 'selct' (did you mean 'select'?)" in result.stderr
    )


def test_show_config_prints_the_effective_settings(cli, repo):
    (repo / ".indicator-lint.yaml").write_text("extends: strict\nignore: [IL204]\n", encoding="utf-8")
    result = cli("check", T, "--show-config")
    assert result.exit_code == 0
    out = result.stdout
    assert "# from: preset:strict" in out and "# from: preset:default" in out
    assert "missing-unit: error" in out and "- IL204" in out
    assert "- IL201 missing-unit [error]" in out and "IL204 rate-not-percent" not in out


def test_per_file_ignores_of_an_extended_config_stay_relative_to_their_own_folder(tmp_path):
    from linter.config import ignored_for, load_config

    (tmp_path / "shared").mkdir()
    (tmp_path / "proj" / "sub").mkdir(parents=True)
    (tmp_path / "shared" / "base.yaml").write_text(
        'per-file-ignores:\n  "sub/*.txt": [ALL]\n', encoding="utf-8"
    )
    (tmp_path / "proj" / ".indicator-lint.yaml").write_text(
        "extends: ../shared/base.yaml\n", encoding="utf-8"
    )
    config = load_config(tmp_path / "proj" / ".indicator-lint.yaml")
    assert ignored_for(config, tmp_path / "proj" / "sub" / "a.txt") == []  # not shared/sub
    assert ignored_for(config, tmp_path / "shared" / "sub" / "a.txt") == ["ALL"]


def test_per_file_ignores_under_a_folder_whose_name_looks_like_a_pattern(tmp_path):
    from linter.config import ignored_for, load_config

    folder = tmp_path / "预算[2024]"
    (folder / "sub").mkdir(parents=True)
    (folder / ".indicator-lint.yaml").write_text(
        'per-file-ignores:\n  "sub/*.txt": [ALL]\n', encoding="utf-8"
    )
    config = load_config(folder / ".indicator-lint.yaml")
    assert ignored_for(config, folder / "sub" / "a.txt") == ["ALL"]
    assert [e.glob for e in config.per_file_ignores] == ["sub/*.txt"]  # as written, also in --show-config


def test_the_same_glob_in_a_base_and_the_config_extending_it_keeps_both(tmp_path):
    from linter.config import ignored_for, load_config

    (tmp_path / "shared" / "sub").mkdir(parents=True)
    (tmp_path / "proj" / "sub").mkdir(parents=True)
    (tmp_path / "shared" / "base.yaml").write_text(
        'per-file-ignores:\n  "sub/*.txt": [ALL]\n', encoding="utf-8"
    )
    (tmp_path / "proj" / ".indicator-lint.yaml").write_text(
        'extends: ../shared/base.yaml\nper-file-ignores:\n  "sub/*.txt": [IL201]\n', encoding="utf-8"
    )
    config = load_config(tmp_path / "proj" / ".indicator-lint.yaml")
    assert ignored_for(config, tmp_path / "shared" / "sub" / "a.txt") == ["ALL"]
    assert ignored_for(config, tmp_path / "proj" / "sub" / "a.txt") == ["IL201"]
    assert config.as_dict()["per-file-ignores"] == {"../shared/sub/*.txt": ["ALL"], "sub/*.txt": ["IL201"]}


def test_the_same_glob_for_the_same_files_takes_the_extending_configs_rules(tmp_path):
    from linter.config import ignored_for, load_config

    (tmp_path / "base.yaml").write_text(
        'per-file-ignores:\n  "*.txt": [ALL]\n  "sub/*.txt": [ALL]\n', encoding="utf-8"
    )
    (tmp_path / ".indicator-lint.yaml").write_text(
        'extends: base.yaml\nper-file-ignores:\n  "*.txt": [IL201]\n  "sub/*.txt": [IL204]\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path / ".indicator-lint.yaml")
    assert ignored_for(config, tmp_path / "a.txt") == ["IL201"]
    assert ignored_for(config, tmp_path / "sub" / "a.txt") == ["IL201", "IL204"]
    assert config.as_dict()["per-file-ignores"] == {"*.txt": ["IL201"], "sub/*.txt": ["IL204"]}


def test_a_broken_pyproject_is_reported_only_when_it_names_us(cli, repo):
    (repo / "pyproject.toml").write_text('[project\nname = "x"\n', encoding="utf-8")  # someone else's
    assert cli("check", T).exit_code == 1  # passed over: the default rules ran
    (repo / "pyproject.toml").write_text(
        '[tool.indicator-lint\nignore = ["missing-unit"]\n', encoding="utf-8"
    )
    result = cli("check", T)
    assert result.exit_code == 2 and result.stderr.startswith(
        f"indicator-lint: {repo / 'pyproject.toml'}: not valid TOML:"
    )
    assert result.stderr.count("\n") == 1
    (repo / "pyproject.toml").write_bytes(
        '[tool.indicator-lint]\nignore = ["缺单位"]\n'.encode("gbk")
    )  # not UTF-8
    assert cli("check", T).exit_code == 2
    (repo / "pyproject.toml").write_text('[project\ndependencies = ["indicator-lint>=1"]\n', encoding="utf-8")
    assert cli("check", T).exit_code == 1  # mentions us, but has no table of ours: still someone else's
