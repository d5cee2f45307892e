"""Text, JSON and GitHub output written a file at a time, as the results come.

Each file's findings are rendered, and encoded, in the process that checked it (the ``digest``,
``formatters.stream.render_file``: in the worker processes under ``--jobs``), and only passed on
here; the findings themselves do not come back, so a sweep's findings are never all held.
"""

from __future__ import annotations

import functools
import sys
from collections import Counter

from linter.results import FileEntry, FileResult
from linter.sinks import Sink


class StreamedSink(Sink):
    """Output of ``fmt`` (text, json, github) to standard output, a file at a time."""

    keeps_findings = False

    def __init__(self, fmt: str, colour: bool = False, lang: str = "zh", stream=None):
        from linter.formatters.choose import writer_for
        from linter.formatters.stream import Output, render_file

        self.writer = writer_for(fmt, colour, lang)
        # Written straight to the stream, flushed at the end: click.echo flushes (and scans for colour
        # codes) on every call, which on a sweep of thousands of files costs more than the writing.
        self.out = Output(sys.stdout if stream is None else stream)
        self.digest = functools.partial(render_file, fmt, colour, self.out.encoding, lang=lang)
        self.progress_as = fmt
        self.files: list[FileEntry] = []
        self.bar = None

    def start(self, bar=None) -> None:
        self.bar = bar
        self.out.write(self.writer.start())

    def add(self, result: FileResult) -> None:
        self.files.append(result.entry)
        rendered = result.digest
        before = self.writer.add(result.severities, bool(rendered))
        if rendered:
            if self.bar is not None:
                self.bar.clear()
            self.out.write(before)
            self.out.write(rendered)
            if self.bar is not None and self.bar.enabled:
                self.out.flush()  # this file's lines before the bar is drawn again

    def finish(self) -> Counter:
        self.out.write(self.writer.finish(self.files))
        self.out.flush()
        return Counter(self.writer.counts)
