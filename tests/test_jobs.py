"""``check --jobs N``: files checked in worker processes give exactly the output of one process."""

from __future__ import annotations

import concurrent.futures
import json
import multiprocessing
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.lintrun import PARALLEL_FROM

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args):
    return CliRunner().invoke(main, ["check", *map(str, args)])


def spy_on_pools(monkeypatch) -> list[int]:
    """The ``max_workers`` of every process pool started from now on in the test, in order: proof
    that a ``--jobs 2`` run went through workers (also used by test_report.py)."""
    sizes = []

    class Spy(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            sizes.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Spy)
    return sizes


@pytest.fixture
def pool_sizes(monkeypatch) -> list[int]:
    return spy_on_pools(monkeypatch)


def test_two_jobs_give_the_json_of_one_on_the_examples(pool_sizes):
    one, two = run("--jobs", "1", "--format", "json", EXAMPLES), run("--jobs", "2", "--format", "json", EXAMPLES)
    assert pool_sizes == [2]  # --jobs 2 went through two worker processes, --jobs 1 through none
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout
    report = json.loads(two.stdout)
    assert [Path(f["path"]).name[:3] for f in report["files"]] == ["000", "002", "003", "004"]
    assert report["summary"]["findings"] > 0


def test_unreadable_files_are_reported_in_file_order_by_workers(tmp_path, pool_sizes):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    args = [EXAMPLES / "002_cab738b0acffaaf0.txt", broken, tmp_path / "missing.txt", EXAMPLES / "003_ce0a18593ae1bf2a.txt"]
    one, two = run("--jobs", "1", *args), run("--jobs", "2", *args)
    assert pool_sizes == [2]
    assert one.exit_code == two.exit_code == 2
    assert two.stdout == one.stdout and two.stderr == one.stderr
    lines = two.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == [str(broken), str(tmp_path / "missing.txt")]
    assert "全县安全生产监管专项" in two.stdout  # the readable files are still checked


def test_many_files_use_all_cores_by_default_with_the_same_output(tmp_path, monkeypatch, pool_sizes):
    import linter.lintrun

    for i in range(PARALLEL_FROM):
        shutil.copy(EXAMPLES / "002_cab738b0acffaaf0.txt", tmp_path / f"t{i:02d}.txt")
    monkeypatch.setattr(linter.lintrun, "default_jobs", lambda: 2)  # as on this 2-core machine, or any
    default, one = run("--format", "json", tmp_path), run("--jobs", "1", "--format", "json", tmp_path)
    assert pool_sizes == [2]  # the default run went through two worker processes, --jobs 1 through none
    assert default.stdout == one.stdout
    assert json.loads(default.stdout)["summary"]["files"] == PARALLEL_FROM


def test_jobs_must_be_positive():
    result = run("--jobs", "0", EXAMPLES)
    assert result.exit_code == 2 and "--jobs" in result.output


def test_workers_are_given_a_few_chunks_ahead_not_every_file(tmp_path, monkeypatch):
    """Results wait in the parent until their turn: with every file submitted at once, a slow
    reader of the output would let them pile up there (memory would grow with the files)."""
    from linter.lintrun import LintRun, check_files

    submitted = []

    class Counting(concurrent.futures.ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):
            submitted.append(len(args[0]))
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counting)
    source = EXAMPLES / "003_ce0a18593ae1bf2a.txt"
    paths = []
    for n in range(160):
        paths.append(tmp_path / f"t{n:03d}.txt")
        shutil.copy(source, paths[-1])
    # Where workers fork, the first file is checked before they start (they inherit what it loaded).
    here = multiprocessing.get_start_method() == "fork"
    results = check_files(LintRun(), paths, jobs=2)
    first = [next(results), next(results)]  # the second from a worker
    chunks_ahead = len(submitted)
    rest = list(results)
    assert [r.path for r in first + rest] == [str(p) for p in paths]
    assert sum(submitted) == len(paths) - here  # every file, once
    assert chunks_ahead < len(submitted)  # not all of them before the first result was taken


def test_a_worker_that_dies_ends_the_run_with_one_line_not_a_traceback(tmp_path, monkeypatch, pool_sizes):
    import os

    import linter.lintrun as lintrun

    if multiprocessing.get_start_method() != "fork":  # a platform guard: Linux (and CI) forks
        pytest.skip("the patched check reaches the workers only when they are forked")
    real = lintrun.check_file

    def dies_on_boom(run_, path, *args, **kwargs):
        if Path(path).name == "boom.txt":
            os._exit(1)  # as a worker killed for its memory, or one crashed inside a C library
        return real(run_, path, *args, **kwargs)

    monkeypatch.setattr(lintrun, "check_file", dies_on_boom)
    boom = tmp_path / "boom.txt"
    shutil.copy(EXAMPLES / "003_ce0a18593ae1bf2a.txt", boom)
    result = run("--jobs", "2", EXAMPLES / "002_cab738b0acffaaf0.txt", boom, EXAMPLES / "004_68506cad869715c1.txt")
    assert pool_sizes == [2]
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"indicator-lint: 检查进程意外退出，{boom} 及其后的文件未检查 / a worker process died (out of memory, "
        f"or a crash in a library); {boom} and the files after it were not checked")
    assert "Traceback" not in result.output


def _frozen_objects(doc, findings) -> int:
    import gc

    return gc.get_freeze_count()


def test_workers_start_with_what_they_inherit_frozen_and_the_caller_is_left_as_it_was(tmp_path):
    import gc

    from linter.lintrun import LintRun, check_files

    paths = [shutil.copy(EXAMPLES / "003_ce0a18593ae1bf2a.txt", tmp_path / f"t{n}.txt") for n in range(4)]
    results = check_files(LintRun(), [Path(p) for p in paths], jobs=2, summarise=_frozen_objects)
    here = next(results).summary  # under fork the first file is checked here, before the workers start
    counts = [r.summary for r in results]
    assert gc.get_freeze_count() == 0 and (here == 0 or multiprocessing.get_start_method() != "fork")
    assert len(counts) >= 3 and all(n > 1000 for n in counts)  # the parser, the rules: never walked again
