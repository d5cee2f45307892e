"""``check --jobs N``: files checked in worker processes give exactly the output of one process."""

from __future__ import annotations

import json
import multiprocessing
import shutil
from pathlib import Path

import pytest

from linter.runners import PARALLEL_FROM

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_two_jobs_give_the_json_of_one_on_the_examples(cli, worker_starts):
    one, two = (
        cli("check", "--jobs", "1", "--format", "json", EXAMPLES),
        cli("check", "--jobs", "2", "--format", "json", EXAMPLES),
    )
    assert worker_starts == [1]  # --jobs 2 went through this process and one worker, --jobs 1 through none
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout
    report = json.loads(two.stdout)
    assert [Path(f["path"]).name[:3] for f in report["files"]] == ["000", "002", "003", "004"]
    assert report["summary"]["findings"] > 0


def test_unreadable_files_are_reported_in_file_order_by_workers(cli, tmp_path, worker_starts):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    args = [
        EXAMPLES / "002_cab738b0acffaaf0.txt",
        broken,
        tmp_path / "missing.txt",
        EXAMPLES / "003_ce0a18593ae1bf2a.txt",
    ]
    one, two = cli("check", "--jobs", "1", *args), cli("check", "--jobs", "2", *args)
    assert worker_starts == [1]
    assert one.exit_code == two.exit_code == 2
    assert two.stdout == one.stdout and two.stderr == one.stderr
    lines = two.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == [str(broken), str(tmp_path / "missing.txt")]
    assert "全县安全生产监管专项" in two.stdout  # the readable files are still checked


def test_many_files_use_all_cores_by_default_with_the_same_output(cli, tmp_path, monkeypatch, worker_starts):
    import linter.runners

    for i in range(PARALLEL_FROM):
        shutil.copy(EXAMPLES / "002_cab738b0acffaaf0.txt", tmp_path / f"t{i:02d}.txt")
    monkeypatch.setattr(linter.runners, "default_jobs", lambda: 2)  # as on this 2-core machine, or any
    default, one = (
        cli("check", "--format", "json", tmp_path),
        cli("check", "--jobs", "1", "--format", "json", tmp_path),
    )
    assert worker_starts == [1]  # the default run went through two processes, --jobs 1 through one
    assert default.stdout == one.stdout
    assert json.loads(default.stdout)["summary"]["files"] == PARALLEL_FROM


def test_jobs_must_be_positive(cli):
    result = cli("check", "--jobs", "0", EXAMPLES)
    assert result.exit_code == 2 and "--jobs" in result.output


def test_workers_are_given_a_few_chunks_ahead_not_every_file(tmp_path, monkeypatch):
    """Results wait in the parent until their turn: with every file sent out at once, a slow
    reader of the output would let them pile up there (memory would grow with the files)."""
    import linter.lintrun
    import linter.workers
    from linter.lintrun import LintRun
    from linter.runners import check_files

    sent, checked_here = [], []
    real_send, real_check = linter.workers.Worker.send, linter.lintrun.check_quietly

    def send(self, job, paths):
        if paths is not None:
            sent.append(len(paths))
        real_send(self, job, paths)

    def check_quietly(run_, path, *args):
        if not multiprocessing.parent_process():  # (in the worker, it cannot be counted from here)
            checked_here.append(path)
        return real_check(run_, path, *args)

    monkeypatch.setattr(linter.workers.Worker, "send", send)
    monkeypatch.setattr(linter.lintrun, "check_quietly", check_quietly)
    source = EXAMPLES / "003_ce0a18593ae1bf2a.txt"
    paths = []
    for n in range(160):
        paths.append(tmp_path / f"t{n:03d}.txt")
        shutil.copy(source, paths[-1])
    # Where workers fork, the first file is checked before they start (they inherit what it loaded).
    first_alone = multiprocessing.get_start_method() == "fork"
    results = check_files(LintRun(), paths, jobs=2)
    first = [next(results), next(results)]  # the second from the worker
    chunks_ahead = len(sent)
    rest = list(results)
    assert [r.path for r in first + rest] == [str(p) for p in paths]
    assert sum(sent) + len(checked_here) == len(paths) - first_alone  # every file, once
    assert sent and checked_here  # the worker and this process both checked files
    assert chunks_ahead < len(sent)  # not all of them before the first result was taken


@pytest.mark.slow
def test_a_worker_gets_more_chunks_while_this_process_is_still_checking_one_of_its_own(tmp_path, monkeypatch):
    """Otherwise a worker that finished its chunks would wait, idle, for this process to finish its one."""
    import itertools
    import time

    import linter.lintrun
    import linter.workers
    from linter.lintrun import LintRun
    from linter.runners import check_files

    events = []  # in this process: ("here", index of the file checked) and ("sent", chunk size)
    real_send, real_check = linter.workers.Worker.send, linter.lintrun.check_quietly
    paths = [
        Path(shutil.copy(EXAMPLES / "003_ce0a18593ae1bf2a.txt", tmp_path / f"t{n:03d}.txt"))
        for n in range(160)
    ]

    def send(self, job, chunk):
        if chunk is not None:
            events.append(("sent", len(chunk)))
        real_send(self, job, chunk)

    def check_quietly(run_, path, *args):
        if not multiprocessing.parent_process():
            events.append(("here", paths.index(path)))
            time.sleep(0.02)  # this process is slow: the worker finishes its chunks first
        return real_check(run_, path, *args)

    monkeypatch.setattr(linter.workers.Worker, "send", send)
    monkeypatch.setattr(linter.lintrun, "check_quietly", check_quietly)
    assert [r.path for r in check_files(LintRun(), paths, jobs=2)] == [str(p) for p in paths]
    # A chunk sent between two files of one chunk checked here (neighbours in input order: a chunk
    # sent between two of this process's chunks would have taken the files between them).
    here = [i for i, (kind, _) in enumerate(events) if kind == "here"]
    assert any(
        events[b][1] == events[a][1] + 1 and any(kind == "sent" for kind, _ in events[a:b])
        for a, b in itertools.pairwise(here)
    )


def test_a_worker_that_dies_leaves_its_files_named_unchecked_and_the_sweep_goes_on(
    cli, tmp_path, monkeypatch, worker_starts
):
    import os

    import linter.lintrun as lintrun

    if multiprocessing.get_start_method() != "fork":  # a platform guard: Linux (and CI) forks
        pytest.skip("the patched check reaches the workers only when they are forked")
    real, here = lintrun.check_file, os.getpid()

    def dies_on_boom(run_, path, *args, **kwargs):
        if (
            Path(path).name == "boom.txt" and os.getpid() != here
        ):  # only in the worker: here, it would end the test
            os._exit(1)  # as a worker killed for its memory, or one crashed inside a C library
        return real(run_, path, *args, **kwargs)

    monkeypatch.setattr(lintrun, "check_file", dies_on_boom)
    boom = tmp_path / "boom.txt"
    shutil.copy(EXAMPLES / "003_ce0a18593ae1bf2a.txt", boom)
    after = [
        Path(shutil.copy(EXAMPLES / "004_68506cad869715c1.txt", tmp_path / f"after{n:02d}.txt"))
        for n in range(30)
    ]
    result = cli("check", "--jobs", "2", EXAMPLES / "002_cab738b0acffaaf0.txt", boom, *after)
    assert worker_starts == [1]
    assert result.exit_code == 2 and "Traceback" not in result.output
    died = "未检查（检查进程意外退出）"  # (under --lang en: not checked (a worker process died …))
    named = [line for line in result.stderr.splitlines() if line.endswith(died)]
    assert f"{boom}: {died}" in named  # the file it died on, and the others it had been given, each named
    checked = {line.split(":")[0] for line in result.stdout.splitlines() if "after" in line}
    # every other file is checked all the same (by this process, the worker gone), none silently dropped
    assert checked | {line.split(":")[0] for line in named} == {str(p) for p in after} | {str(boom)}
    last = result.stdout.splitlines()[-1]  # ……（已检查 N 个文件）；另有 M 个文件无法读取，未检查
    assert f"（已检查 {len(after) + 2 - len(named)} 个文件）；另有 {len(named)} 个文件无法读取" in last


def _frozen_objects(doc, findings) -> tuple[int, int]:
    import gc
    import os

    return os.getpid(), gc.get_freeze_count()


def test_workers_start_with_what_they_inherit_frozen_and_the_caller_is_left_as_it_was(tmp_path):
    import gc
    import os

    from linter.lintrun import LintRun, RunSpec
    from linter.runners import check_files

    paths = [shutil.copy(EXAMPLES / "003_ce0a18593ae1bf2a.txt", tmp_path / f"t{n}.txt") for n in range(4)]
    counts = [
        r.digest
        for r in check_files(LintRun(), [Path(p) for p in paths], RunSpec(digest=_frozen_objects), jobs=2)
    ]
    in_workers = [n for pid, n in counts if pid != os.getpid()]
    assert gc.get_freeze_count() == 0 and all(n == 0 for pid, n in counts if pid == os.getpid())
    assert in_workers and all(n > 1000 for n in in_workers)  # the parser, the rules: never walked again


def test_a_worker_that_fails_outside_any_file_leaves_its_files_named_unchecked(
    cli, monkeypatch, worker_starts
):
    import os

    from linter.lintrun import LintRun

    if multiprocessing.get_start_method() != "fork":  # a platform guard: Linux (and CI) forks
        pytest.skip("the patched method reaches the workers only when they are forked")
    here, real = os.getpid(), LintRun.learn_verdicts

    def broken(self, verdicts):
        if os.getpid() != here:
            raise RuntimeError("no verdicts today\nsecond line")
        return real(self, verdicts)

    monkeypatch.setattr(LintRun, "learn_verdicts", broken)
    files = [
        EXAMPLES / "002_cab738b0acffaaf0.txt",
        EXAMPLES / "003_ce0a18593ae1bf2a.txt",
        EXAMPLES / "004_68506cad869715c1.txt",
    ]
    result = cli("check", "--jobs", "2", *files)
    assert worker_starts == [1] and result.exit_code == 2 and "Traceback" not in result.output
    assert (
        f"{files[1]}: 未检查（检查进程出错（RuntimeError: no verdicts today））" in result.stderr.splitlines()
    )


def test_a_sweep_left_unfinished_stops_its_workers(tmp_path):
    from linter.lintrun import LintRun
    from linter.runners import check_files

    before = set(multiprocessing.active_children())
    paths = [
        Path(shutil.copy(EXAMPLES / "003_ce0a18593ae1bf2a.txt", tmp_path / f"t{n:02d}.txt"))
        for n in range(40)
    ]
    results = check_files(LintRun(), paths, jobs=3)
    next(results), next(results)
    assert len(set(multiprocessing.active_children()) - before) == 2
    results.close()  # as when the reader of the output goes away, or Ctrl-C
    assert set(multiprocessing.active_children()) - before == set()


# Run in a process of its own: what is tested would otherwise hang the test run, or kill it.
SWEEP = """
import os, shutil, signal, sys
from pathlib import Path
import linter.workers
from linter.lintrun import LintRun, RunSpec
from linter.runners import check_files
examples, folder, how = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
if how == "small pipes":  # as on macOS or Windows, or where a bigger pipe is refused
    import fcntl
    linter.workers._widen = lambda end: fcntl.fcntl(end.fileno(), fcntl.F_SETPIPE_SZ, 4096)
names = sorted(p.name for p in examples.glob("0*.txt"))
paths = [Path(shutil.copy(examples / names[n % 4], folder / f"t{n:03d}.txt")) for n in range(120)]
results = check_files(LintRun(), paths, RunSpec(digest=lambda doc, findings: len(findings)), jobs=3)
first = [next(results), next(results)]  # (the workers start after the first)
if how == "killed":
    import multiprocessing
    print(*[p.pid for p in multiprocessing.active_children()], flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
print(sum(r.digest for r in [*first, *results]))
"""


def sweep(tmp_path, how: str):
    import subprocess
    import sys

    script = tmp_path / "sweep.py"
    script.write_text(SWEEP, encoding="utf-8")
    (tmp_path / "in").mkdir()
    return subprocess.run(
        [sys.executable, str(script), str(EXAMPLES), str(tmp_path / "in"), how],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.slow
@pytest.mark.skipif(
    not hasattr(__import__("fcntl"), "F_SETPIPE_SZ"), reason="pipe sizes are set on Linux only"
)
def test_a_sweep_through_small_pipes_does_not_wait_forever(tmp_path):
    """Chunks of results and of verdicts far larger than the pipes: each side still reads what
    the other sends, and the findings are those of one process."""
    from linter.lintrun import LintRun
    from linter.runners import check_files

    done = sweep(tmp_path, "small pipes")
    assert done.returncode == 0, done.stderr
    one = sum(
        len(r.findings) for r in check_files(LintRun(), sorted((tmp_path / "in").glob("*.txt")), jobs=1)
    )
    assert int(done.stdout) == one > 0


@pytest.mark.slow
def test_workers_end_when_the_process_that_started_them_is_killed(tmp_path):
    import os
    import time

    if multiprocessing.get_start_method() != "fork":  # a platform guard: Linux (and CI) forks
        pytest.skip("SIGKILL and the inherited pipe ends are those of fork")
    killed = sweep(tmp_path, "killed")
    pids = [int(pid) for pid in killed.stdout.split()]
    assert killed.returncode == -9 and len(pids) == 2

    def alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        with open(f"/proc/{pid}/stat") as stat:  # a zombie waiting for init to reap it is gone too
            return stat.read().split(") ")[-1][0] != "Z"

    deadline = time.monotonic() + 20
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in pids)


INTERRUPTED = """
import multiprocessing, os, signal, sys
import linter.commands.options
from linter.cli import main
each_result = linter.commands.options.each_result

def interrupted(*args):
    for n, result in enumerate(each_result(*args)):
        if n == 3:  # Ctrl-C half-way through the sweep, the workers at work
            with open(sys.argv[2], "w") as pids:
                print(*[p.pid for p in multiprocessing.active_children()], file=pids)
            os.kill(os.getpid(), signal.SIGINT)
        yield result

linter.commands.options.each_result = interrupted
# As in a terminal: a process started in the background (the test run, say) inherits SIGINT ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    main(["check", "--jobs", "3", "--format", "json", sys.argv[1]])
finally:  # (before multiprocessing's exit handler, which would end any worker left running anyway)
    with open(sys.argv[2], "a") as pids:
        print("running:", *[p.pid for p in multiprocessing.active_children()], file=pids)
"""


def test_ctrl_c_stops_the_sweep_and_its_workers_with_one_line_and_exit_code_130(tmp_path):
    import subprocess
    import sys

    (tmp_path / "in").mkdir()
    for n in range(200):
        shutil.copy(EXAMPLES / "003_ce0a18593ae1bf2a.txt", tmp_path / "in" / f"t{n:03d}.txt")
    script = tmp_path / "interrupted.py"
    script.write_text(INTERRUPTED, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "in"), str(tmp_path / "pids")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    started, running = (tmp_path / "pids").read_text().splitlines()
    assert done.returncode == 130 and len(started.split()) == 2
    assert done.stderr.splitlines()[-1] == "indicator-lint: 已中断 / interrupted"
    assert "Traceback" not in done.stderr and "Aborted" not in done.stderr
    assert running == "running:"  # the sweep stopped its workers as it unwound


@pytest.mark.parametrize("jobs", [2, 3])
def test_the_processes_pass_each_other_their_verdicts_and_the_output_is_that_of_one(
    tmp_path, monkeypatch, jobs
):
    """A sweep meets the same rows in every process: each passes on its verdicts on the rows that
    repeat (with the findings they gave), and the output is still that of one process."""
    import functools

    from linter.formatters.stream import render_file
    from linter.lintrun import LintRun, RunSpec
    from linter.runners import check_files

    learnt = []
    real = LintRun.learn_verdicts

    def learn(self, verdicts):
        if not multiprocessing.parent_process():
            learnt.append(sum(map(len, verdicts.values())))
        return real(self, verdicts)

    monkeypatch.setattr(LintRun, "learn_verdicts", learn)
    names = sorted(p.name for p in EXAMPLES.glob("0*.txt"))
    paths = [
        Path(shutil.copy(EXAMPLES / names[n % len(names)], tmp_path / f"t{n:02d}.txt")) for n in range(40)
    ]
    text = RunSpec(digest=functools.partial(render_file, "text", False, None))
    one = [r.digest for r in check_files(LintRun(), paths, text, jobs=1)]
    learnt.clear()
    two = [r.digest for r in check_files(LintRun(), paths, text, jobs=jobs)]
    assert two == one and any("IL" in s for s in two)
    assert sum(learnt) > 0  # this process took the worker's verdicts


def test_two_files_and_two_jobs(tmp_path):
    """Under fork the first is checked before any worker starts: the second is then checked here too."""
    from linter.lintrun import LintRun
    from linter.runners import check_files

    paths = [EXAMPLES / "002_cab738b0acffaaf0.txt", EXAMPLES / "003_ce0a18593ae1bf2a.txt"]
    results = list(check_files(LintRun(), paths, jobs=2))
    assert [r.path for r in results] == [str(p) for p in paths] and all(r.findings for r in results)
