"""Output written a file at a time, so that a sweep's findings are never all held in memory.

A writer renders one file's findings to text with ``render`` (which needs nothing but the
findings, so worker processes do it beside the checking and send back only text) and strings
the pieces together in the main process with ``add``, which also counts them for the summary
that ``finish`` writes::

    writer.start() + writer.add(writer.render(findings), severities) + … + writer.finish(files)
"""

from __future__ import annotations

from collections import Counter


class Writer:
    def __init__(self, colour: bool = False):
        self.colour = colour
        self.counts: Counter = Counter()  # findings by severity, over the files added so far

    def start(self) -> str:
        return ""

    def render(self, findings: list) -> str:
        raise NotImplementedError

    def add(self, rendered: str, severities: Counter) -> str:
        """The text to write for one file's rendered findings."""
        self.counts.update(severities)
        return rendered

    def file(self, findings: list) -> str:
        return self.add(self.render(findings), Counter(f.severity for f in findings))

    def finish(self, files: list[dict]) -> str:
        return ""


def write_all(writer: Writer, findings: list, files: list[dict]) -> str:
    """The whole report at once."""
    return writer.start() + writer.file(findings) + writer.finish(files)


def findings_by_path(findings: list) -> dict[str, list]:
    """Findings grouped by the path they point at, paths in order of appearance."""
    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.location.path, []).append(f)
    return by_path


def render_file(fmt: str, colour: bool, doc, findings: list) -> str:
    """One file's findings as text of ``fmt`` (the ``summarise`` hook of ``check_files``)."""
    from linter.formatters.choose import writer_for

    return writer_for(fmt, colour).render(findings)
