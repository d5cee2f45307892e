"""``indicator-lint report -o report.html``: the HTML report (``linter.report``), each file's section
made where its document is read (the ``digest``), spooled as it comes and written at the end."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from linter.outputs import OutputError, cannot_write
from linter.results import FileResult
from linter.sinks import Sink

if TYPE_CHECKING:
    from linter.report.summary import FileSummary


class ReportSink(Sink):
    """The HTML report of the run, to ``out``."""

    progress_as = "html"

    def __init__(self, out: str | Path, title: str | None, lang: str, rules_seen: Callable[[], dict]):
        from linter.report.page import ReportBuilder
        from linter.report.summary import summarise_file

        self.digest = functools.partial(summarise_file, lang=lang)
        self.out, self.rules_seen = out, rules_seen
        self.report = ReportBuilder(title, lang)

    def add(self, result: FileResult) -> None:
        if result.entry.error is not None:
            self.report.add_unreadable(result.path, result.entry.error)
        else:
            self.report.add(cast("FileSummary", result.digest))  # (made by self.digest)

    def finish(self) -> Counter:
        try:
            self.report.write(self.out, self.rules_seen())
        except OSError as exc:
            raise OutputError(self.out, *cannot_write(exc, ("报告", "report"))) from None
        return Counter()  # (findings do not fail a report)

    def close(self) -> None:
        self.report.close()
