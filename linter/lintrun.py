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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from linter.config import Settings, ignored_for, is_ignored
from linter.model import Document, Finding


class LintRun:
    def __init__(self, config: str | None = None, rules_dirs: list[str] = (), select: list[str] = (),
                 ignore: list[str] = (), lang: str = "zh", report_unused_noqa: bool = False):
        self.settings = Settings(config, rules_dirs, select, ignore)  # --config is read (and checked) now
        # What a worker process needs to set up the same run (check_files).
        self.arguments = (config, list(rules_dirs), list(select), list(ignore), lang, report_unused_noqa)
        self.lang, self.report_unused_noqa = lang, report_unused_noqa
        self._engines: dict[int, object] = {}  # one Engine per rule list (per configuration)

    @property
    def rules_seen(self) -> dict:
        """code → Rule, every rule selected for the files so far (SARIF lists them)."""
        return self.settings.rules_in_use()

    def check_configs(self, paths: list[Path]) -> None:
        """Read the configuration of every folder among ``paths`` now (cached per folder): a broken
        one stops the run with ConfigError or RuleError before any output is written."""
        for path in paths:
            self.settings.for_file(path)

    def check(self, path: Path | str, doc: Document) -> list[Finding]:
        from linter import suppress
        from linter.engine import Engine, finding_sort_key

        config, rules = self.settings.for_file(path)
        engine = self._engines.get(id(rules))
        if engine is None:
            engine = self._engines[id(rules)] = Engine(rules)
        found = engine.run(doc, lang=self.lang)
        ignored = ignored_for(config, path)
        if ignored:
            found = [f for f in found if not is_ignored(f, ignored)]
        suppressions = suppress.suppressions_for(path, doc)
        found = suppress.apply(found, suppressions, doc)
        if self.report_unused_noqa:
            found += suppress.unused_findings(suppressions, self.settings.known_keys(path), self.lang)
            found.sort(key=finding_sort_key)
        return found


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
    summary: object = None  # what ``summarise(doc, findings)`` made of the file (its output, its HTML section)
    severities: Counter = field(default_factory=Counter)  # the findings' severities, kept when they are not

    @property
    def failed(self) -> bool:
        return bool(self.entry.get("error"))


def check_file(run: LintRun, path: Path, verbose: bool = False, keep_doc: bool = False,
               summarise=None, keep_findings: bool = True) -> FileResult:
    """Read and check one file; every failure becomes part of the result, nothing is raised.

    ``summarise(doc, findings)``, a module-level function (workers receive it by pickling), turns
    the document into something small to keep, in the process that read it: ``check`` renders a
    file's output there, the report its tables, so that documents never travel between processes
    or pile up in memory. Without ``keep_findings`` only their severities come back.
    """
    from linter.config import ConfigError
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
        what = f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"  # one line, whatever exc says
        error = str(exc) if isinstance(exc, (CheckFailed, SuppressionError)) else (
            f"{path}: 检查失败（内部错误 {what}） / could not be checked (internal error {what})")
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


PARALLEL_FROM = 16  # files: below this, starting worker processes costs more than it saves


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def check_files(run: LintRun, paths: list[Path], jobs: int | None = None, verbose: bool = False,
                keep_doc: bool = False, summarise=None, keep_findings: bool = True):
    """FileResults in the order of ``paths``, one at a time as they are ready (memory stays flat).

    ``jobs`` worker processes check the files (``None``: all cores, and one process for a handful
    of files); results come back in input order whatever order the workers finish in, so the
    output is the same for any ``jobs``. Documents are not sent back (``keep_doc`` needs one job).
    """
    if jobs is None:
        jobs = default_jobs() if len(paths) >= PARALLEL_FROM else 1
    jobs = min(jobs, len(paths))
    if jobs <= 1 or keep_doc:
        for path in paths:
            yield check_file(run, path, verbose, keep_doc, summarise, keep_findings)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    forks = multiprocessing.get_start_method() == "fork"
    if forks:
        # The workers fork from this process and inherit all it has loaded: check the first file
        # here, and they start with the value parser, the readers and check types imported, the
        # rules loaded and an engine built, instead of each doing it again.
        from linter.values import prepare

        prepare()
        yield check_file(run, paths[0], verbose, False, summarise, keep_findings)
        paths = paths[1:]
        jobs = min(jobs, len(paths))
    size = max(1, min(64, len(paths) // (jobs * 8)))
    # Under fork the run itself is handed down (nothing is pickled); spawned workers rebuild it.
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                               initargs=(run if forks else run.arguments, verbose, summarise, keep_findings))
    # A few chunks per worker in flight, not all of them: finished results wait for their turn
    # in the parent, and with a slow reader of the output they would otherwise pile up there.
    pending: deque = deque()
    try:
        for start in range(0, len(paths), size):
            chunk = paths[start:start + size]
            pending.append((pool.submit(_worker_check_all, chunk), chunk))
            if len(pending) > jobs * 4:
                yield from _chunk_results(*pending.popleft())
        while pending:
            yield from _chunk_results(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chunk_results(future, chunk: list[Path]) -> list[FileResult]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:  # a worker was killed (out of memory) or crashed inside a C library
        return [FileResult(str(chunk[0]), fatal=(
            f"indicator-lint: 检查进程意外退出，{chunk[0]} 及其后的文件未检查 / a worker process died "
            f"(out of memory, or a crash in a library); {chunk[0]} and the files after it were not checked"))]


_WORKER: dict = {}


def _start_worker(run: LintRun | tuple, verbose: bool, summarise, keep_findings: bool) -> None:
    import gc

    run = run if isinstance(run, LintRun) else LintRun(*run)
    _WORKER.update(run=run, verbose=verbose, summarise=summarise, keep_findings=keep_findings)
    # What the worker starts with (under fork: the parser, the rules, all the parent loaded) lives
    # as long as it does. Frozen, its collector no longer walks it, nor writes to those pages.
    gc.freeze()


def _worker_check_all(paths: list[Path]) -> list[FileResult]:
    return [_worker_check(path) for path in paths]


def _worker_check(path: Path) -> FileResult:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):  # --verbose notes: printed by the parent, in file order
        result = check_file(_WORKER["run"], path, _WORKER["verbose"], summarise=_WORKER["summarise"],
                            keep_findings=_WORKER["keep_findings"])
    notes = err.getvalue().splitlines()
    result.messages[:0] = notes
    return result
