"""``check --format xlsx -o 审核意见.xlsx`` (and the ``serve`` page's findings download): the findings
workbook of ``linter.formatters.xlsx``, written at the end. Each file's departments (主管部门, for
the workbook's column) are taken where its document is read (the ``digest``)."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from linter.model import Finding
from linter.outputs import OutputError, cannot_write
from linter.results import FileResult
from linter.sinks import Sink


class WorkbookSink(Sink):
    """The workbook to ``out`` (a path, replaced atomically, or a binary stream) with the rules of
    ``rules_seen()`` explained; ``tell(line)`` is given the line saying it was written."""

    progress_as = "html"  # a file written at the end: a bar meanwhile, as for a report

    def __init__(
        self,
        out: str | Path | io.BytesIO,
        rules_seen: Callable[[], dict],
        lang: str = "zh",
        tell: Callable[[str], object] | None = None,
    ):
        from linter.formatters.xlsx import departments_of

        self.digest = departments_of
        self.out, self.rules_seen, self.lang, self.tell = out, rules_seen, lang, tell
        self.findings: list[Finding] = []
        self.departments: dict[str, dict[str, str]] = {}  # path → table → 主管部门
        self.files = 0

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.findings.extend(result.findings)
        if result.digest is not None:
            self.departments[result.path] = result.digest

    def finish(self) -> Counter:
        from linter.formatters.xlsx import finding_rows, write_findings_workbook

        rows = finding_rows(self.findings, self.departments, self.lang)
        try:
            n = write_findings_workbook(self.out, rows, self.rules_seen(), self.lang)
        except OSError as exc:
            raise OutputError(str(self.out), *cannot_write(exc)) from None
        if self.tell is not None:
            self.tell(f"{self.out}: {n} 条问题（{self.files} 个文件） / {n} findings in {self.files} files")
        return Counter(f.severity for f in self.findings)
