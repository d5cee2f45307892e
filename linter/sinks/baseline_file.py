"""``indicator-lint baseline -o FILE``: today's findings written as the baseline ``check --baseline``
accepts (``linter.baseline``), at the end, with a line on stderr saying how many."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from linter.model import Finding
from linter.outputs import OutputError, cannot_write
from linter.results import FileResult
from linter.sinks import Sink


class BaselineFile(Sink):
    """Every finding of the run, written as a baseline to ``out``."""

    def __init__(self, out: str | Path):
        self.out = out
        self.findings: list[Finding] = []

    def add(self, result: FileResult) -> None:
        self.findings += result.findings

    def finish(self) -> Counter:
        from linter.baseline import write_baseline
        from linter.safetext import shown

        try:
            data = write_baseline(self.findings, Path(self.out))
        except OSError as exc:
            raise OutputError(self.out, *cannot_write(exc, ("基线", "baseline"))) from None
        entries, n = len(data["findings"]), len(self.findings)
        click.echo(
            f"{shown(str(self.out))}: 已写入基线，{n} 个问题、{entries} 条 / {n} finding(s) accepted "
            f"in {entries} entr{'y' if entries == 1 else 'ies'}",
            err=True,
        )
        return Counter(f.severity for f in self.findings)
