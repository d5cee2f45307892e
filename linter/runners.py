"""A lint run over many files, in this process or in several: FileResults in input order, one at a
time as they are ready (memory stays flat).

    for result in check_files(run, paths, RunSpec(digest=…), jobs=None):
        …

``check_files`` chooses the runner: ``SerialRunner`` checks file after file here; ``ParallelRunner``
checks in this process and ``jobs - 1`` worker processes (``linter.workers``), which pass each
other the row verdicts they reach. Results come back in input order whichever process checked
them, so the output is the same for any ``jobs``.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Generator
from pathlib import Path

from linter import lintrun
from linter.discovery import STDIN
from linter.lintrun import LintRun, RunSpec
from linter.results import FileResult

PARALLEL_FROM = 16  # files: below this, starting worker processes costs more than it saves


def default_jobs() -> int:
    """The number of processes a sweep uses by default: the cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def max_jobs() -> int:
    """The most processes a sweep runs, whatever --jobs asks: MAX_JOBS_PER_CORE per core (more
    only share the cores, each with its own memory), and no more than the open-file limit leaves
    room for (each worker holds pipes to it: ``--jobs 100`` under ``ulimit -n 128`` failed)."""
    from linter.limits import FDS_PER_JOB, MAX_JOBS_PER_CORE

    limit = default_jobs() * MAX_JOBS_PER_CORE
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft != resource.RLIM_INFINITY:
            in_use = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 16
            limit = min(limit, 1 + (soft - in_use) // FDS_PER_JOB)  # (this process needs no pipes)
    except (ImportError, OSError, ValueError):  # no resource module (Windows), no /proc
        pass
    return max(1, limit)


def check_files(
    run: LintRun, paths: list[Path], spec: RunSpec | None = None, jobs: int | None = None
) -> Generator[FileResult, None, None]:
    """FileResults in the order of ``paths``: ``jobs`` processes check the files (``None``: all
    cores, and this process alone for a handful of files). Documents are not sent back between
    processes (``spec.keep_doc`` runs in one)."""
    spec = spec or RunSpec()
    if jobs is None:
        jobs = default_jobs() if len(paths) >= PARALLEL_FROM else 1
    jobs = min(jobs, max_jobs())
    if any(str(p) == STDIN for p in paths):
        jobs = 1  # standard input is this process's: a worker's is /dev/null
    if min(jobs, len(paths)) <= 1 or spec.keep_doc:
        return SerialRunner(run, spec).results(paths)
    return ParallelRunner(run, spec, jobs).results(paths)


class SerialRunner:
    """Every file checked in this process, one after the other."""

    def __init__(self, run: LintRun, spec: RunSpec):
        self.run, self.spec = run, spec

    def results(self, paths: list[Path]) -> Generator[FileResult, None, None]:
        for path in paths:
            yield lintrun.check_file(self.run, path, self.spec)


class ParallelRunner:
    """This process and ``jobs - 1`` workers check the files, a chunk at a time.

    Where workers fork, the first file is checked here before they start: they inherit the value
    parser, the readers and check types imported, the rules loaded and an engine built, instead
    of each doing it again. Each worker is kept two chunks ahead (``_feed``); between taking in
    their results this process checks chunks of its own, but only a few ahead of the output:
    finished results wait here for their turn, and with a slow reader of the output they would
    otherwise pile up. A worker that dies leaves its files named as not checked, in their places.
    """

    def __init__(self, run: LintRun, spec: RunSpec, jobs: int):
        self.run, self.spec, self.jobs = run, spec, jobs
        self.workers: list = []  # linter.workers.Worker, those still running
        self.pending: deque[_Job] = deque()  # the chunks taken, in input order
        self.chunks = _Chunks([], jobs)

    def results(self, paths: list[Path]) -> Generator[FileResult, None, None]:
        import multiprocessing

        forks = multiprocessing.get_start_method() == "fork"
        if forks:
            from linter.values import prepare

            prepare()
            yield lintrun.check_file(self.run, paths[0], self.spec)
            self.run.shared_verdicts()  # (the workers inherit those too)
            paths = paths[1:]
        jobs = min(self.jobs, len(paths))
        if jobs <= 1:  # one file left: no worker would start in time to help
            yield from SerialRunner(self.run, self.spec).results(paths)
            return
        self.chunks = _Chunks(paths, jobs)
        finished = False
        try:
            self._start_workers(jobs - 1, multiprocessing.get_context(), forks)
            while self.chunks or self.pending:
                self._feed()
                # With every worker lost, all is done here.
                if not self.pending or (
                    self.pending[0].results is None and self.chunks and len(self.pending) < 4 * jobs
                ):
                    self._check_a_chunk_here()
                    continue
                head = self.pending[0]
                while head.results is None:
                    self._take_in(wait_for=head)
                self.pending.popleft()
                yield from head.results
                if head.results and head.results[-1].fatal:
                    return  # a broken rule or configuration: the run ends here (exit code 2)
            finished = True
        finally:
            for worker in self.workers:
                worker.stop(now=not finished)

    def _start_workers(self, n: int, context, forks: bool) -> None:
        from linter.workers import Worker

        # Under fork the run itself is handed down (nothing is pickled); a spawned worker rebuilds it.
        run = self.run if forks else self.run.options
        for _ in range(n):
            inherited = [end for w in self.workers for end in w.parent_ends]
            try:
                self.workers.append(Worker(context, run, self.spec, inherited=inherited))
            except OSError:  # out of processes or file descriptors: the workers started do the work
                break

    def _check_a_chunk_here(self) -> None:
        job = _Job(self.chunks.take())
        self.pending.append(job)
        job.results = []
        for n, path in enumerate(job.paths, 1):
            job.results.append(lintrun.check_quietly(self.run, path, self.spec))
            if n % 8 == 0:  # a worker whose results fill its pipe goes on once they are taken,
                self._take_in()  # and one that has finished its chunks gets more
                self._feed()

    def _feed(self) -> None:
        """Two chunks in hand per worker, so that none waits for work while this process checks one;
        each goes with the verdicts on repeating rows reached elsewhere since the last."""
        _pass_on(self.run.shared_verdicts(), self.workers)
        for worker in self.workers:
            while self.chunks and len(worker.sent) < 2:
                job = _Job(self.chunks.take(), worker)
                self.pending.append(job)
                worker.send(job, job.paths)

    def _take_in(self, wait_for: _Job | None = None) -> None:
        """Take in the workers' results that are in (and wait for ``wait_for``'s): learn their
        verdicts here and pass them on to the other workers."""
        from linter.workers import WorkerLost

        for worker in list(self.workers):  # (a lost worker leaves the list)
            while True:
                try:
                    got = worker.receive(
                        wait=wait_for is not None and wait_for.worker is worker and wait_for.results is None
                    )
                except WorkerLost as lost:
                    # Its files are named as not checked, each in its place in the output; the sweep
                    # goes on with the other processes (the file that killed it may kill another).
                    for job in (lost.job, *worker.sent):
                        job.results = [lintrun.unchecked(path, lost.zh, lost.en) for path in job.paths]
                    worker.sent.clear()
                    self.workers.remove(worker)
                    worker.stop(now=True)
                    break
                if got is None:
                    break
                job, job.results, verdicts = got
                self.run.learn_verdicts(verdicts)
                _pass_on(verdicts, [w for w in self.workers if w is not worker])


def _pass_on(verdicts: dict, workers: list) -> None:
    if verdicts:
        for worker in workers:
            worker.add_verdicts(verdicts)


class _Job:
    """A chunk of the paths, checked here or by ``worker``; ``results`` once they are in."""

    __slots__ = ("paths", "results", "worker")

    def __init__(self, paths: list[Path], worker=None):
        self.paths, self.worker = paths, worker
        self.results: list[FileResult] | None = None


class _Chunks:
    """The paths to check, taken a chunk at a time, the chunks smaller towards the end (guided
    scheduling): large ones keep the messages between the processes few, small ones at the end
    keep one process from still checking a large one long after the others have finished."""

    def __init__(self, paths: list[Path], jobs: int):
        self.paths, self.jobs, self.taken = paths, jobs, 0

    def __bool__(self) -> bool:
        return self.taken < len(self.paths)

    def take(self) -> list[Path]:
        size = max(1, min(64, (len(self.paths) - self.taken) // (self.jobs * 4)))
        self.taken += size
        return self.paths[self.taken - size : self.taken]
