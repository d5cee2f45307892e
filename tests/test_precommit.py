"""The pre-commit hook, run by the real ``pre-commit try-repo`` in a temporary git repository.

pre-commit installs the hook's repository (a copy of this checkout, committed in a temporary git
repository so that files not yet committed here are included) into its own virtual environment
with pip, which needs only the package index. try-repo installs into a fresh store on every run
(~10 s each); naming the commit (``--ref``) at least spares it a shadow clone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.test_check_cli import TABLE

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "linter", "rules", "grammar", "schema")
GOOD = TABLE.replace('"4"', "4次").replace("降低", "≤1%")
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid"}


def git(*args, cwd) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV})
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

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    for name in ("a.yaml", "b/c.yml", "t.txt", "t.tsv", "t.csv", "t.xlsx", "t.xls", "t.docx", "t.ods"):
        assert files.search(name) and not exclude.search(name), name
    for name in ("a.txt.noqa.yaml", "sub/.indicator-lint.yaml", ".pre-commit-config.yaml"):
        assert exclude.search(name), name
    assert not files.search("notes.md") and not files.search("x.py")


def test_pre_commit_try_repo_fails_on_a_bad_table_and_passes_on_a_good_one(tmp_path):
    repo = hook_repo(tmp_path)
    work = tmp_path / "filing"
    work.mkdir()
    (work / "bad.yaml").write_text(TABLE, encoding="utf-8")
    (work / "good.yaml").write_text(GOOD, encoding="utf-8")
    git("init", "-q", cwd=work)
    git("add", "-A", cwd=work)

    ref = git("rev-parse", "HEAD", cwd=repo)

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PIP_NO_INPUT": "1",
               "PRE_COMMIT_COLOR": "never"}
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(repo), "indicator-lint",
                               "--ref", ref, "--files", *files], cwd=work, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=300)

    both, good = try_repo("bad.yaml", "good.yaml"), try_repo("good.yaml")
    out_both, out_good = both.stdout, good.stdout

    assert both.returncode == 1, out_both
    assert "indicator-lint" in out_both and "Failed" in out_both
    assert "bad.yaml:19:22: IL204" in out_both and "good.yaml:" not in out_both
    assert good.returncode == 0, out_good
    assert "Passed" in out_good
