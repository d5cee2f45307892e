"""One lint run over many files, as ``check`` and ``baseline`` both need it.

For each file: its configuration (found upward, or ``--config``), the rules that config selects
(engines cached per config file), ``per-file-ignores``, then the suppressions written in or beside
the file. The commands add reading, formatting and exit codes around it.

    run = LintRun(config=None, rules_dirs=[], select=[], ignore=[], lang="zh")
    for path in iter_input_files(["tables"]):
        doc = read_path(path)
        findings = run.check(path, doc)      # ConfigError / SuppressionError / CheckFailed on failure
"""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from linter.config import Settings, ignored_for, is_ignored
from linter.discovery import STDIN
from linter.model import Document, Finding

if TYPE_CHECKING:  # the engine loads with the first file checked
    from linter.engine import Engine


class LintRun:
    """What checking files needs, set up once: the settings, an Engine per configuration, the verdicts to share."""

    def __init__(
        self,
        config: str | None = None,
        rules_dirs: Sequence[str] = (),
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        lang: str = "zh",
        report_unused_noqa: bool = False,
    ):
        self.settings = Settings(config, rules_dirs, select, ignore)  # --config is read (and checked) now
        # What a worker process needs to set up the same run (check_files).
        self.arguments = (config, list(rules_dirs), list(select), list(ignore), lang, report_unused_noqa)
        self.lang, self.report_unused_noqa = lang, report_unused_noqa
        self._engines: dict[Path | None, Engine] = {}  # one Engine per configuration (Settings.config_key)

    @property
    def rules_seen(self) -> dict:
        """code → Rule, every rule selected for the files so far (SARIF lists them)."""
        return self.settings.rules_in_use()

    def check_configs(self, paths: list[Path]) -> None:
        """Read the configuration of every folder among ``paths`` now (cached per folder): a broken
        one stops the run with ConfigError or RuleError before any output is written."""
        # Folder by folder (configurations are found per folder): a sweep's ten thousand files
        # are in a handful of folders. In order, so that the first broken one is reported.
        for folder in dict.fromkeys(os.path.dirname(str(path)) or "." for path in paths):
            self.settings.config_key(folder, is_folder=True)

    def check(self, path: Path | str, doc: Document) -> list[Finding]:
        from linter import suppress
        from linter.engine import Engine, finding_sort_key

        key = self.settings.config_key(path)
        config, rules = self.settings.for_key(key)
        engine = self._engines.get(key)
        if engine is None:
            engine = self._engines[key] = Engine(rules)
        found = engine.run(doc, lang=self.lang)
        ignored = ignored_for(config, path)
        if ignored:
            found = [f for f in found if not is_ignored(f, ignored)]
        suppressions = suppress.suppressions_for(path, doc)
        found = suppress.apply(found, suppressions, doc)
        invalid = suppress.invalid_findings(suppressions, self.lang)  # always: they silence nothing
        if self.report_unused_noqa:
            invalid += suppress.unused_findings(suppressions, self.settings.known_keys(path), self.lang)
        if invalid:
            found = sorted(found + invalid, key=finding_sort_key)
        return found

    def shared_verdicts(self) -> dict:
        """The row verdicts reached here since last asked, per configuration (``Engine.shared_verdicts``)."""
        return {key: shared for key, engine in self._engines.items() if (shared := engine.shared_verdicts())}

    def learn_verdicts(self, verdicts: dict) -> None:
        """Take another process's ``shared_verdicts`` as if reached here."""
        from linter.engine import Engine

        for key, shared in verdicts.items():
            engine = self._engines.get(key)
            if engine is None:
                engine = self._engines[key] = Engine(self.settings.for_key(key)[1])
            engine.learn_verdicts(shared)


# --------------------------------------------------------------------------- one file, many files


@dataclass
class FileResult:
    """What checking one file gave, small enough to send back from a worker process."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    entry: dict = field(default_factory=dict)  # the file's line in the report's ``files``
    messages: list[str] = field(default_factory=list)  # for stderr, in order
    fatal: str | None = None  # a broken rule or configuration: the whole run stops (exit 2)
    doc: Document | None = None  # only when asked for (--annotate)
    summary: object = (
        None  # what ``summarise(doc, findings)`` made of the file (its output, its HTML section)
    )
    severities: Counter = field(default_factory=Counter)  # the findings' severities, kept when they are not

    @property
    def failed(self) -> bool:
        return bool(self.entry.get("error"))


def check_file(
    run: LintRun,
    path: Path,
    verbose: bool = False,
    keep_doc: bool = False,
    summarise=None,
    keep_findings: bool = True,
) -> FileResult:
    """Read and check one file; every failure becomes part of the result, nothing is raised.

    ``summarise(doc, findings)``, a module-level function (workers receive it by pickling), turns
    the document into something small to keep, in the process that read it: ``check`` renders a
    file's output there, the report its tables, so that documents never travel between processes
    or pile up in memory. Without ``keep_findings`` only their severities come back.
    """
    from linter.config import ConfigError
    from linter.crash import describe
    from linter.engine import CheckFailed, RuleError
    from linter.readers import InputError, read_path
    from linter.suppress import SuppressionError

    out = FileResult(str(path))
    try:
        doc = read_path(path, verbose=verbose)
    except InputError as exc:
        out.messages.append(str(exc))
        out.entry = {"path": str(path), "error": str(exc), "tables": 0, "findings": 0}
        return out
    try:
        out.findings = run.check(path, doc)
        if summarise is not None:
            out.summary = summarise(doc, out.findings)
    except (RuleError, ConfigError) as exc:
        out.fatal = f"indicator-lint: {exc}"
        return out
    except Exception as exc:  # noqa: BLE001 — a file that trips a bug of ours: one line, the others still checked
        error = (
            str(exc)
            if isinstance(exc, (CheckFailed, SuppressionError))
            else (
                f"{path}: 检查失败（内部错误 {describe(exc)}） / could not be checked (internal error {describe(exc)})"
            )
        )
        out.messages.append(error)
        out.entry = {"path": str(path), "error": error, "tables": len(doc.tables), "findings": 0}
        out.summary, out.findings = None, []
        return out
    out.entry = {"path": str(path), "error": None, "tables": len(doc.tables), "findings": len(out.findings)}
    out.doc = doc if keep_doc else None
    out.severities = Counter(f.severity for f in out.findings)
    if not keep_findings:
        out.findings = []
    return out


def unchecked(path: Path, zh: str, en: str) -> FileResult:
    """A file a lost worker was checking or had been given: an input error of its own (exit 2)."""
    error = f"{path}: 未检查（{zh}） / not checked ({en})"
    return FileResult(
        str(path), messages=[error], entry={"path": str(path), "error": error, "tables": 0, "findings": 0}
    )


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
    run: LintRun,
    paths: list[Path],
    jobs: int | None = None,
    verbose: bool = False,
    keep_doc: bool = False,
    summarise=None,
    keep_findings: bool = True,
):
    """FileResults in the order of ``paths``, one at a time as they are ready (memory stays flat).

    ``jobs`` processes check the files, this one and ``jobs - 1`` workers (``None``: all cores,
    and this process alone for a handful of files); results come back in input order whichever
    process checked them, so the output is the same for any ``jobs``. Documents are not sent back
    (``keep_doc`` needs one job).
    """
    if jobs is None:
        jobs = default_jobs() if len(paths) >= PARALLEL_FROM else 1
    jobs = min(jobs, max_jobs())
    if any(str(p) == STDIN for p in paths):
        jobs = 1  # standard input is this process's: a worker's is /dev/null
    if min(jobs, len(paths)) <= 1 or keep_doc:
        yield from _check_here(run, paths, verbose, keep_doc, summarise, keep_findings)
        return
    import multiprocessing

    from linter.workers import Worker

    forks = multiprocessing.get_start_method() == "fork"
    if forks:
        # The workers fork from this process and inherit all it has loaded: check the first file
        # here, and they start with the value parser, the readers and check types imported, the
        # rules loaded and an engine built, instead of each doing it again.
        from linter.values import prepare

        prepare()
        yield check_file(run, paths[0], verbose, False, summarise, keep_findings)
        run.shared_verdicts()  # (the workers inherit those too)
        paths = paths[1:]
    jobs = min(jobs, len(paths))
    if jobs <= 1:  # one file left: no worker would start in time to help
        yield from _check_here(run, paths, verbose, False, summarise, keep_findings)
        return
    setup = (run if forks else run.arguments, verbose, summarise, keep_findings)
    context = multiprocessing.get_context()
    workers: list[Worker] = []
    chunks = _Chunks(paths, jobs)
    pending: deque[_Job] = deque()  # the chunks taken, in input order
    finished = False
    try:
        for _ in range(jobs - 1):  # (and this process checks files too)
            try:
                workers.append(
                    Worker(context, setup, inherited=[end for w in workers for end in w.parent_ends])
                )
            except OSError:  # out of processes or file descriptors: the workers started do the work
                break
        while chunks or pending:
            _feed(run, workers, chunks, pending)
            # While the next results due are not in, check a chunk here; but only a few chunks ahead
            # of the output (give or take the chunks workers are fed meanwhile): finished results
            # wait here for their turn, and with a slow reader of the output they would otherwise
            # pile up (memory would grow with the files). With every worker lost, all is done here.
            if not pending or (pending[0].results is None and chunks and len(pending) < 4 * jobs):
                job = _Job(chunks.take())
                pending.append(job)
                job.results = []
                for n, path in enumerate(job.paths, 1):
                    job.results.append(check_quietly(run, path, verbose, summarise, keep_findings))
                    if n % 8 == 0:  # a worker whose results fill its pipe goes on once they are taken,
                        _take_in(run, workers)  # and one that has finished its chunks gets more
                        _feed(run, workers, chunks, pending)
                continue
            head = pending[0]
            while head.results is None:
                _take_in(run, workers, wait_for=head)
            pending.popleft()
            yield from head.results
            if head.results and head.results[-1].fatal:
                return  # a broken rule or configuration: the run ends here (each_result exits with code 2)
        finished = True
    finally:
        for worker in workers:
            worker.stop(now=not finished)


class _Job:
    """A chunk of the paths, checked here or by ``worker``; ``results`` once they are in."""

    __slots__ = ("paths", "results", "worker")

    def __init__(self, paths: list[Path], worker=None):
        self.paths, self.worker = paths, worker
        self.results: list | None = None


def _feed(run: LintRun, workers: list, chunks: _Chunks, pending: deque) -> None:
    """Two chunks in hand per worker, so that none waits for work while this process checks one;
    each goes with the verdicts on repeating rows reached elsewhere since the last."""
    _pass_on(run.shared_verdicts(), workers)
    for worker in workers:
        while chunks and len(worker.sent) < 2:
            job = _Job(chunks.take(), worker)
            pending.append(job)
            worker.send(job, job.paths)


def _take_in(run: LintRun, workers: list, wait_for: _Job | None = None) -> None:
    """Take in the workers' results that are in (and wait for ``wait_for``'s): learn their
    verdicts here and pass them on to the other workers."""
    from linter.workers import WorkerLost

    for worker in list(workers):  # (a lost worker leaves the list)
        while True:
            try:
                got = worker.receive(
                    wait=wait_for is not None and wait_for.worker is worker and wait_for.results is None
                )
            except WorkerLost as lost:
                # Its files are named as not checked, each in its place in the output; the sweep
                # goes on with the other processes (the file that killed it may kill another).
                for job in (lost.job, *worker.sent):
                    job.results = [unchecked(path, lost.zh, lost.en) for path in job.paths]
                worker.sent.clear()
                workers.remove(worker)
                worker.stop(now=True)
                break
            if got is None:
                break
            job, job.results, verdicts = got
            run.learn_verdicts(verdicts)
            _pass_on(verdicts, [w for w in workers if w is not worker])


def _pass_on(verdicts: dict, workers: list) -> None:
    if verdicts:
        for worker in workers:
            worker.add_verdicts(verdicts)


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


def _check_here(
    run: LintRun, paths: list[Path], verbose: bool, keep_doc: bool, summarise, keep_findings: bool
):
    for path in paths:
        yield check_file(run, path, verbose, keep_doc, summarise, keep_findings)


def check_quietly(run: LintRun, path: Path, verbose: bool, summarise, keep_findings: bool) -> FileResult:
    """check_file, with what the reader prints on stderr (--verbose notes) kept in the result's
    messages: they are printed in file order, whichever process checked the file."""
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        result = check_file(run, path, verbose, summarise=summarise, keep_findings=keep_findings)
    result.messages[:0] = err.getvalue().splitlines()
    return result
