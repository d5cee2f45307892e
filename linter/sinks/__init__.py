"""Output sinks: where a run's results go, whatever the format.

    sink = check_sink("json", …)            # linter.sinks.choose: the one place a format is chosen
    results = check_files(run, paths, RunSpec(digest=sink.digest, keep_findings=sink.keeps_findings))
    sink.start(bar)                         # before the first file (the progress bar, to write past)
    for result in results:
        sink.add(result)                    # each FileResult, in input order
    reported = sink.finish()                # the findings reported, by severity: the exit code's

A sink writes as results come (text, JSON and GitHub output: ``StreamedSink``) or keeps what it
needs and writes at the end (SARIF, JUnit, GitLab, statistics, the findings workbook, the HTML
report, a baseline: they simply buffer). What a sink needs of each file it says with ``digest``
(made where the document is read: a file's rendered output, its departments, its report section)
and ``keeps_findings``. An output it cannot write is an ``OutputError`` from ``finish`` (one line,
exit code 2).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from linter.results import FileResult


class Sink:
    """Where a run's results go: ``start``, ``add`` each result in input order, ``finish``."""

    digest: Callable[..., Any] | None = None  # RunSpec.digest: run on each document where it is read
    keeps_findings = True  # whether results must carry their findings (else only their severities)
    progress_as = "json"  # what the progress bar is told the output is: "text" and "html" show it

    def start(self, bar=None) -> None:
        """Before the first file; ``bar``: the progress bar (linter.progress), to clear before writing."""

    def add(self, result: FileResult) -> None:
        raise NotImplementedError

    def finish(self) -> Counter:
        """Write what is left; the findings reported, by severity."""
        raise NotImplementedError

    def close(self) -> None:
        """Let go of what the sink holds (temporary files), finished or not."""


class Both(Sink):
    """Two sinks fed the same results (the output and ``--annotate``'s copy), finished in order;
    the first's findings are those reported, the second writes only."""

    def __init__(self, first: Sink, second: Sink):
        self.first, self.second = first, second
        self.digest, self.progress_as = first.digest, first.progress_as
        self.keeps_findings = first.keeps_findings or second.keeps_findings

    def start(self, bar=None) -> None:
        self.first.start(bar)
        self.second.start(bar)

    def add(self, result: FileResult) -> None:
        self.first.add(result)
        self.second.add(result)

    def finish(self) -> Counter:
        reported = self.first.finish()
        self.second.finish()
        return reported

    def close(self) -> None:
        self.first.close()
        self.second.close()
