"""A format written once the run is over, from every finding at once: SARIF, JUnit and GitLab
(whose documents need the whole run), statistics, and any format whose findings a baseline
filters (``Baselined``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from linter.model import Finding
from linter.outputs import echo
from linter.results import FileEntry, FileResult
from linter.sinks import Sink


class BufferedSink(Sink):
    """``render(findings, files)``, the whole output, written to standard output at the end."""

    def __init__(self, render: Callable[[list[Finding], list[FileEntry]], str], progress_as: str):
        self.render, self.progress_as = render, progress_as
        self.findings: list[Finding] = []
        self.files: list[FileEntry] = []

    def add(self, result: FileResult) -> None:
        self.files.append(result.entry)
        self.findings.extend(result.findings)

    def finish(self) -> Counter:
        echo(self.render(self.findings, self.files), nl=False)
        return Counter(f.severity for f in self.findings)
