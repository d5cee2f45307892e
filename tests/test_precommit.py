"""The pre-commit hook, run by the real ``pre-commit try-repo`` in a temporary git repository.

pre-commit installs the hook's repository (a copy of this checkout, committed in a temporary git
repository so that files not yet committed here are included) into its own virtual environment
with pip, which needs only the package index. try-repo installs into a fresh store on every run
(~10 s each); naming the commit (``--ref``) at least spares it a shadow clone.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = (
    "pyproject.toml",
    "README.md",
    ".pre-commit-hooks.yaml",
    "linter",
    "rules",
    "grammar",
    "schema",
)
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
}


def git(*args, cwd) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env={**os.environ, **GIT_ENV}
    )
    return done.stdout.strip()


def hook_repo(tmp: Path) -> Path:
    repo = tmp / "indicator-lint"
    repo.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(source, repo / name)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "hook", cwd=repo)
    return repo


def test_hooks_file_matches_every_table_format_and_skips_sidecars():
    import re

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    for name in (
        "a.yaml",
        "b/c.yml",
        "t.txt",
        "t.tsv",
        "t.csv",
        "t.xlsx",
        "t.xls",
        "t.docx",
        "t.ods",
        "t.pdf",
        "t.xlsm",
        "t.html",
    ):
        assert files.search(name) and not exclude.search(name), name
    for name in ("a.txt.noqa.yaml", "sub/.indicator-lint.yaml", ".pre-commit-config.yaml"):
        assert exclude.search(name), name
    assert not files.search("notes.md") and not files.search("x.py")


@pytest.mark.precommit
@pytest.mark.slow
def test_pre_commit_try_repo_fails_on_a_bad_table_and_passes_on_a_good_one(tmp_path, table_text):
    repo = hook_repo(tmp_path)
    work = tmp_path / "filing"
    work.mkdir()
    (work / "bad.yaml").write_text(table_text, encoding="utf-8")
    good_text = table_text.replace('"4"', "4次").replace("5次", "≤1%")  # both defects mended
    (work / "good.yaml").write_text(good_text, encoding="utf-8")
    git("init", "-q", cwd=work)
    git("add", "-A", cwd=work)

    ref = git("rev-parse", "HEAD", cwd=repo)

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        env = {
            **os.environ,
            **GIT_ENV,
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
            "PIP_NO_INPUT": "1",
            "PRE_COMMIT_COLOR": "never",
        }
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pre_commit",
                "try-repo",
                str(repo),
                "indicator-lint",
                "--ref",
                ref,
                "--files",
                *files,
            ],
            cwd=work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=300,
        )

    both, good = try_repo("bad.yaml", "good.yaml"), try_repo("good.yaml")
    out_both, out_good = both.stdout, good.stdout

    assert both.returncode == 1, out_both
    assert "indicator-lint" in out_both and "Failed" in out_both
    assert "bad.yaml:19:22: IL204" in out_both and "good.yaml:" not in out_both
    assert good.returncode == 0, out_good
    assert "Passed" in out_good


def documented_steps() -> tuple[str, list[str]]:
    """The .pre-commit-config.yaml and the shell commands of docs/configuration.md's pre-commit set-up."""
    import re

    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    section = text[text.index("## pre-commit") :]
    blocks = re.findall(r"```(yaml|sh)\n(.*?)```", section, re.S)
    config = next(body for kind, body in blocks if kind == "yaml")
    commands = [
        line.strip() for kind, body in blocks if kind == "sh" for line in body.splitlines() if line.strip()
    ]
    return "\n".join(line[3:] if line.startswith("   ") else line for line in config.splitlines()), commands


@pytest.mark.precommit
@pytest.mark.slow
def test_the_documented_set_up_from_a_fresh_repository(tmp_path, table_text):
    """docs/configuration.md's steps, as written, with the hook's repository a local checkout."""
    repo = hook_repo(tmp_path)
    ref = git("rev-parse", "HEAD", cwd=repo)
    config, commands = documented_steps()
    assert "args: [--baseline, .indicator-lint-baseline.json]" in config
    work = tmp_path / "filing"
    work.mkdir()
    git("init", "-q", cwd=work)
    (work / "old.yaml").write_text(table_text, encoding="utf-8")  # filed before: its findings are accepted
    (work / ".pre-commit-config.yaml").write_text(
        re.sub(r"rev: \S+", f"rev: {ref}", config.replace("<indicator-lint repository>", str(repo))),
        encoding="utf-8",
    )  # (the documented release tag is the checkout's HEAD here)
    env = {
        **os.environ,
        **GIT_ENV,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_NO_INPUT": "1",
        "PRE_COMMIT_COLOR": "never",
    }
    bindir = str(Path(sys.executable).parent)  # indicator-lint and pre-commit of this environment
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")

    def sh(command: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            command,
            shell=True,
            cwd=work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=400,
        )

    assert [c.split()[0] for c in commands] == ["indicator-lint", "pre-commit", "git"]
    for command in commands:
        done = sh(command)
        assert done.returncode == 0, (command, done.stdout)
    assert "indicator-lint" in done.stdout and "Passed" in done.stdout
    assert (work / ".git" / "hooks" / "pre-commit").is_file()
    assert git("log", "--format=%s", cwd=work) == "Tables and their baseline"

    (work / "new.yaml").write_text(table_text.replace("安全生产事故率", "火灾事故率"), encoding="utf-8")
    sh("git add new.yaml")
    refused = sh("git commit -m new")
    assert refused.returncode != 0 and "Failed" in refused.stdout, refused.stdout
    assert "new.yaml:19:" in refused.stdout and "IL204" in refused.stdout and "old.yaml" not in refused.stdout


def test_the_fix_hook_fixes_yaml_only():
    import re

    hooks = {
        h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    fix = hooks["indicator-lint-fix"]
    assert fix["entry"] == "indicator-lint check --fix"
    files, exclude = re.compile(fix["files"]), re.compile(fix["exclude"])
    assert files.search("a.yaml") and files.search("b/c.yml") and not exclude.search("a.yaml")
    assert not files.search("t.xlsx") and not files.search("t.txt") and exclude.search("t.txt.noqa.yaml")
