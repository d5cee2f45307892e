"""Findings as text for people: one line per finding, then where in the table it is.

    examples/000.txt:30:1: IL204 [错误] “安全生产事故率”是比率指标，指标值却是“降低”…
                           安全生产监管第三方服务经费 › 社会效益指标 › 安全生产事故率 = 降低

Locations are padded to one display width per file so the codes line up; Chinese characters are
two columns wide on a terminal (``unicodedata.east_asian_width``), so padding counts columns, not
characters. Colour only when asked (the command asks when stdout is a terminal).
"""

from __future__ import annotations

import unicodedata

from linter.formatters.stream import Writer, findings_by_path, write_all
from linter.i18n import location_text, severity_word, summary_line
from linter.model import Finding
from linter.results import FileEntry
from linter.safetext import shown, unsafe_lines

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def display_width(text: str) -> int:
    """Columns the text takes on a terminal: wide and full-width characters count two."""
    if text.isascii():
        return len(text)  # a location, nearly always
    return sum(
        2 if unicodedata.east_asian_width(ch) in ("W", "F") else 0 if unicodedata.combining(ch) else 1
        for ch in text
    )


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` columns of the terminal (a Chinese character takes two)."""
    return text + " " * max(0, width - display_width(text))


def context_line(f: Finding) -> str:
    """``table › level2 › indicator = value`` (the parts that are known)."""
    parts = [p for p in (f.table, f.level2 or f.level1, f.indicator) if p]
    line = " › ".join(parts)
    if f.value:
        line += f" = {f.value}"
    return line


class TextWriter(Writer):
    """Findings for people, a file at a time; ``format_text`` is the whole of it. Severities and
    the summary line in ``lang`` (``[错误]`` under zh, ``[error]`` under en: ``linter.i18n``)."""

    def __init__(self, colour: bool = False, lang: str = "zh"):
        super().__init__(colour)
        self.lang = lang

    def _style(self, text: str, **kw) -> str:
        if not self.colour:
            return text
        import click

        return click.style(text, **kw)

    def render(self, findings: list[Finding]) -> str:
        """The lines of one file's findings, locations padded to one width per path (a file's
        suppression sidecar, named by unused-noqa findings, is a path of its own)."""
        return "".join(self._render_path(group) for group in findings_by_path(findings).values())

    def _render_path(self, findings: list[Finding]) -> str:
        # Cell text and file names are the table's, not ours: whatever they hold is shown escaped
        # (an escape sequence, a bidi override, a line break, a byte that is not UTF-8), so that
        # no table can recolour the terminal, reorder a line or forge one. Most hold nothing of the
        # kind: they are written as they are, once one scan of the lines has found nothing to escape.
        if not self.colour:
            text = self._lines(findings, str)
            if not unsafe_lines(text):
                return text
        return self._lines(findings, shown)

    def _lines(self, findings: list[Finding], escape) -> str:
        style = self._style
        wheres = [escape(f"{location_text(f.location, self.lang)}:") for f in findings]
        width = max(map(display_width, wheres))
        out = []
        for f, where in zip(findings, wheres, strict=True):
            out.append(
                f"{style(pad(where, width), bold=True)} {style(f.code, bold=True)} "
                f"{style('[' + severity_word(f.severity, self.lang) + ']', fg=SEVERITY_COLOURS.get(f.severity))} {escape(f.message)}\n"
            )
            ctx = context_line(f)
            if ctx:
                out.append(" " * (width + 1) + style(escape(ctx), dim=True) + "\n")
        return "".join(out)

    def finish(self, files: list[FileEntry]) -> str:
        return summary_line(self.counts, files, self.lang) + "\n"


def format_text(
    findings: list[Finding], files: list[FileEntry], colour: bool = False, lang: str = "zh"
) -> str:
    """The whole run as text (the streamed writer's output, at once)."""
    return write_all(TextWriter(colour, lang), findings, files)
