"""Findings as GitHub Actions workflow commands: each line becomes an annotation on the pull request.

    ::error file=tables/a.yaml,line=12,col=9,title=IL212 vague-value::“应急处突能力提升”的指标值…

``info`` findings are ``notice`` annotations. Data and property values are escaped as the runner
expects (``%``, CR and LF everywhere; ``:`` and ``,`` inside properties too).
"""

from __future__ import annotations

from linter.formatters.stream import Writer, write_all
from linter.model import Finding
from linter.results import FileEntry
from linter.safetext import shown

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The runner's escapes, after the terminal's: a log shows escape sequences and bidi controls
    as a terminal does (``linter.safetext.shown``, which also keeps it one line)."""
    return shown(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A text as a property of a GitHub workflow command (``:`` and ``,`` escaped too)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    """One finding as a GitHub workflow command (``::error file=…,line=…::message``)."""
    loc = f.location
    props = [f"file={escape_property(loc.path)}"]
    if loc.line > 0:
        props.append(f"line={loc.line}")
        if loc.column > 0:
            props.append(f"col={loc.column}")
    props.append(f"title={escape_property(f'{f.code} {f.rule}')}")
    where = f" ({f.table} › {f.indicator})" if f.table and f.indicator else ""
    return f"::{COMMANDS.get(f.severity, 'warning')} {','.join(props)}::{escape_data(f.message + where)}"


class GithubWriter(Writer):
    """One annotation per finding, written a file at a time; unreadable files at the end."""

    def render(self, findings: list[Finding]) -> str:
        return "".join(annotation(f) + "\n" for f in findings)

    def finish(self, files: list[FileEntry]) -> str:
        return "".join(
            f"::error file={escape_property(f.path)},title=unreadable::{escape_data(f.error)}\n"
            for f in files
            if f.error
        )


def format_github(findings: list[Finding], files: list[FileEntry], colour: bool = False) -> str:
    """The findings as GitHub workflow commands, then the summary."""
    return write_all(GithubWriter(), findings, files)
