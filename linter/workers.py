"""Worker processes for ``runners.ParallelRunner``: chunks of paths go out, their results come back.

    worker = Worker(context, run, spec, inherited=[…])   # run: the LintRun (fork) or its RunOptions
    worker.send(job, paths)                 # with the verdicts added to worker.outbox since the last
    got = worker.receive(wait=False)        # (job, results, verdicts) of the oldest job, once in;
                                            # WorkerLost(job) if the worker is gone
    worker.stop(now=False)

No pool: the process that starts the workers checks files itself between taking in their results,
and a pool's helper threads would take the interpreter from it each time a result came in or a chunk
went out (and be moved from core to core with it). Neither side ever waits on the other for long: a
thread in the worker always reads what it is sent, and the parent takes results in between files.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from linter.errors import LintError
from linter.lintrun import LintRun, RunOptions, RunSpec


class WorkerLost(LintError):
    """The worker died (killed for its memory, a crash inside a C library) or failed. ``job`` is
    the oldest one it had; ``zh`` and ``en`` say what happened, for the files it had not checked."""

    zh: str  # always given here (LintError's may be None)

    def __init__(self, job, zh: str, en: str):
        self.job = job
        super().__init__(None, zh, en)


class _Failed(str):
    """What a worker sends back instead of results when it fails outside any one file."""


class Worker:
    """A worker process checking chunks of files, with the pipes to feed it and hear from it."""

    def __init__(self, context, run: LintRun | RunOptions, spec: RunSpec, inherited: Sequence = ()):
        tasks_in, tasks_out = context.Pipe(duplex=False)
        results_in, results_out = context.Pipe(duplex=False)
        for end in (tasks_out, results_out):
            _widen(end)
        self.parent_ends = [tasks_out, results_in]
        # A forked worker inherits every pipe end this process holds. Those of this process (its
        # own, and those of the workers started before it) are closed there: held open, they would
        # keep a pipe from ending when this process is gone, and the worker would wait forever.
        to_close = [*inherited, *self.parent_ends] if context.get_start_method() == "fork" else []
        self.process = context.Process(
            target=_work, args=(tasks_in, results_out, to_close, run, spec), daemon=True
        )
        self.process.start()
        tasks_in.close()
        results_out.close()
        self._tasks, self._results = tasks_out, results_in
        self.sent: deque = deque()  # jobs sent, oldest first, whose results have not come back
        self.outbox: dict = {}  # config key → verdicts to go with the next job (LintRun.shared_verdicts)

    def add_verdicts(self, verdicts: dict) -> None:
        for key, shared in verdicts.items():
            self.outbox.setdefault(key, []).extend(shared)

    def send(self, job, paths: list[Path] | None) -> None:
        verdicts, self.outbox = self.outbox, {}
        self.sent.append(job)
        with contextlib.suppress(OSError):  # it has died: receive() says so, in its turn
            self._tasks.send((paths, verdicts))

    def receive(self, wait: bool = False):
        """``(job, results, verdicts)`` for the oldest job sent, once its results are in (at once,
        or with ``wait``, once they come); None when there are none to take."""
        if not self.sent or not (wait or self._results.poll()):
            return None
        job = self.sent.popleft()
        try:
            got = self._results.recv()
        except (EOFError, OSError):
            raise WorkerLost(
                job, "检查进程意外退出", "a worker process died (out of memory, or a crash in a library)"
            ) from None
        if isinstance(got, _Failed):
            raise WorkerLost(job, f"检查进程出错（{got}）", f"a worker process failed ({got})")
        return (job, *got)

    def stop(self, now: bool) -> None:
        """End the worker: at once (``now``), or once it has finished what it was sent."""
        if not now:
            self.send(None, None)
            self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        for end in self.parent_ends:
            end.close()


def _widen(end) -> None:
    """Give a pipe room for a chunk's results (Linux: 1 MB instead of 64 kB), so that a worker
    seldom waits for this process to take them in before it goes on to its next chunk."""
    try:
        import fcntl

        fcntl.fcntl(end.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):  # not Linux, or not allowed: the pipe stays as it is
        pass


def _work(tasks, results, to_close: list, run: LintRun | RunOptions, spec: RunSpec) -> None:
    """The worker process: chunks in, results out, until told to stop or the parent is gone."""
    import contextlib
    import gc
    import queue
    import signal
    import threading

    from linter import lintrun
    from linter.crash import describe

    for end in to_close:
        end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which stops the workers
    # SIGTERM ends a worker at once: it is how the parent stops one (and not the parent's handler,
    # inherited under fork, which would unwind the worker with a traceback of its own)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_read_tasks, args=(tasks, inbox), daemon=True).start()
    try:
        # Under fork the run itself is handed down (nothing is pickled); a spawned worker rebuilds it.
        run = run if isinstance(run, LintRun) else LintRun.from_options(run)
        # What the worker starts with (under fork: the parser, the rules, all the parent loaded)
        # lives as long as it does. Frozen, its collector no longer walks it, nor writes to those pages.
        gc.freeze()
        while (task := inbox.get())[0] is not None:
            paths, verdicts = task
            run.learn_verdicts(verdicts)
            checked = [lintrun.check_quietly(run, path, spec) for path in paths]
            results.send((checked, run.shared_verdicts()))
    except Exception as exc:  # noqa: BLE001 — a bug of ours outside any one file: one line, in the parent
        with contextlib.suppress(OSError):  # (unless the parent is gone)
            results.send(_Failed(describe(exc)))


def _read_tasks(tasks, inbox) -> None:
    """Read every task as it comes, so that the parent never waits to send one while this worker
    waits to send it results (both pipes full: neither would move again)."""
    while True:
        try:
            task = tasks.recv()
        except (EOFError, OSError):  # the parent is gone
            task = (None, None)
        inbox.put(task)
        if task[0] is None:
            return
