"""``check --jobs N``: files checked in worker processes give exactly the output of one process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from linter.cli import main
from linter.lintrun import PARALLEL_FROM

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def test_two_jobs_give_the_json_of_one_on_the_examples():
    one, two = run("--jobs", "1", "--format", "json", EXAMPLES), run("--jobs", "2", "--format", "json", EXAMPLES)
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout
    report = json.loads(two.stdout)
    assert [Path(f["path"]).name[:3] for f in report["files"]] == ["000", "002", "003", "004"]
    assert report["summary"]["findings"] > 0


def test_unreadable_files_are_reported_in_file_order_by_workers(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    args = [EXAMPLES / "002_cab738b0acffaaf0.txt", broken, tmp_path / "missing.txt", EXAMPLES / "003_ce0a18593ae1bf2a.txt"]
    one, two = run("--jobs", "1", *args), run("--jobs", "2", *args)
    assert one.exit_code == two.exit_code == 2
    assert two.stdout == one.stdout and two.stderr == one.stderr
    lines = two.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == [str(broken), str(tmp_path / "missing.txt")]
    assert "全县安全生产监管专项" in two.stdout  # the readable files are still checked


def test_many_files_use_all_cores_by_default_with_the_same_output(tmp_path, monkeypatch):
    import concurrent.futures

    import linter.lintrun

    for i in range(PARALLEL_FROM):
        shutil.copy(EXAMPLES / "002_cab738b0acffaaf0.txt", tmp_path / f"t{i:02d}.txt")
    pools = []

    class Spy(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(linter.lintrun, "default_jobs", lambda: 2)  # as on this 2-core machine, or any
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Spy)
    default, one = run("--format", "json", tmp_path), run("--jobs", "1", "--format", "json", tmp_path)
    assert pools == [2]  # the default run went through two worker processes, --jobs 1 through none
    assert default.stdout == one.stdout
    assert json.loads(default.stdout)["summary"]["files"] == PARALLEL_FROM


def test_jobs_must_be_positive():
    result = run("--jobs", "0", EXAMPLES)
    assert result.exit_code == 2 and "--jobs" in result.output
