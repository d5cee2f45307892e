"""Output written a file at a time, so that a sweep's findings are never all held in memory.

A writer renders one file's findings to text with ``render`` (which needs nothing but the
findings, so worker processes do it beside the checking and send back only text) and strings
the pieces together in the main process with ``add``, which counts them for the summary that
``finish`` writes and says what goes between one file's text and the last::

    writer.start() + writer.add(severities, bool(rendered)) + rendered + … + writer.finish(files)
"""

from __future__ import annotations

import codecs
import os
from collections import Counter

from linter.outputs import StdoutError
from linter.results import FileEntry


class Writer:
    """A format written a file at a time: ``start()``, ``add(…)`` per file, ``finish(files)``."""

    def __init__(self, colour: bool = False):
        self.colour = colour
        self.counts: Counter = Counter()  # findings by severity, over the files added so far

    def start(self) -> str:
        return ""

    def render(self, findings: list) -> str:
        raise NotImplementedError

    def add(self, severities: Counter, rendered: bool) -> str:
        """What to write before one file's findings, ``rendered`` if they are not empty (a
        separator, in JSON)."""
        self.counts.update(severities)
        return ""

    def file(self, findings: list) -> str:
        rendered = self.render(findings)
        return self.add(Counter(f.severity for f in findings), bool(rendered)) + rendered

    def finish(self, files: list[FileEntry]) -> str:
        return ""


def write_all(writer: Writer, findings: list, files: list[FileEntry]) -> str:
    """The whole report at once."""
    return writer.start() + writer.file(findings) + writer.finish(files)


def findings_by_path(findings: list) -> dict[str, list]:
    """Findings grouped by the path they point at, paths in order of appearance."""
    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.location.path, []).append(f)
    return by_path


def render_file(
    fmt: str, colour: bool, encoding: tuple[str, str] | None, doc, findings: list, lang: str = "zh"
) -> str | bytes:
    """One file's findings as text of ``fmt`` (the digest of ``linter.sinks.streamed``, run where
    the file is read), encoded when ``encoding`` (an ``Output``'s) is given."""
    from linter.formatters.choose import writer_for

    text = writer_for(fmt, colour, lang).render(findings)
    return text.encode(*encoding) if encoding else text


_MARKED = {"utf-8-sig", "utf-16", "utf-32"}  # codecs that write a byte-order mark first


class Output:
    """Standard output for findings written a file at a time.

    Bytes go straight to the stream's byte buffer: a file's findings are encoded where they are
    rendered (``render_file``, in the worker processes under ``--jobs``) and the main process
    only passes them on. Sent as text, they would be encoded to cross between the processes,
    decoded and encoded again for the stream: on a sweep, most of the main process's work, taken
    from the cores the workers need. Without a byte buffer, or where the text layer translates
    line ends (Windows), text is written as text.
    """

    def __init__(self, stream):
        if stream is None:  # standard output closed (``>&-``): nothing to show, nothing to break
            stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 — lives as long as the run
        self.stream = stream
        encoding = stream.encoding or "utf-8"
        # Not where the text layer translates line ends (Windows), nor for an encoding that starts
        # with a byte-order mark: each file's bytes would carry one.
        bytes_ok = os.linesep == "\n" and codecs.lookup(encoding).name not in _MARKED
        self.raw = getattr(stream, "buffer", None) if bytes_ok else None
        self.encoding = (encoding, stream.errors or "strict") if self.raw is not None else None
        # A terminal shows each line as it comes, and in order with what goes to stderr.
        self.eager = bool(getattr(stream, "line_buffering", False))
        stream.flush()  # whatever was written as text comes first

    def write(self, piece: str | bytes) -> None:
        try:
            if self.raw is None:
                self.stream.write(piece)
                return
            self.raw.write(piece.encode(*self.encoding) if isinstance(piece, str) else piece)  # type: ignore[misc]  # set with raw
            if self.eager:
                self.raw.flush()
        except OSError as exc:  # a full disk, a closed pipe: one line, exit code 2 (linter.cli)
            raise StdoutError(exc) from None

    def flush(self) -> None:
        try:
            (self.stream if self.raw is None else self.raw).flush()
        except OSError as exc:
            raise StdoutError(exc) from None
