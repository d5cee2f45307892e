"""The one place where ``check``'s output options become a sink.

--format text|json|github          StreamedSink (written a file at a time)
--format sarif|junit|gitlab        BufferedSink (the whole document at the end)
--statistics, or --baseline        BufferedSink: the counts need the whole run, and the
                                   baseline's filtering comes before any rendering
--format xlsx -o OUT.xlsx          WorkbookSink
--annotate OUT                     and AnnotatedCopy beside the output (Both)
--baseline FILE                    all of it behind Baselined
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from linter.sinks import Both, Sink


def check_sink(
    fmt: str,
    *,
    lang: str = "zh",
    colour: bool = False,
    statistics: bool = False,
    baseline=None,
    output: str | Path | None = None,
    annotate_out: str | Path | None = None,
    rules_seen: Callable[[], dict] = dict,
) -> Sink:
    """The sink of ``check``'s output options (usage errors among them are said before the run);
    ``rules_seen()``, called at the end, gives the rules of the whole run."""
    from linter.formatters.choose import STREAMED

    sink: Sink
    if fmt == "xlsx":
        import click

        from linter.sinks.workbook import WorkbookSink

        assert output is not None  # (a usage error without -o, said before the run)
        sink = WorkbookSink(output, rules_seen, lang, tell=click.echo)
    elif fmt in STREAMED and not statistics and baseline is None:
        from linter.sinks.streamed import StreamedSink

        sink = StreamedSink(fmt, colour, lang)
    else:
        from linter.sinks.buffered import BufferedSink

        render = functools.partial(_render, fmt, lang, statistics, colour, rules_seen)
        sink = BufferedSink(render, progress_as=fmt)
    if annotate_out:
        from linter.sinks.annotated import AnnotatedCopy

        sink = Both(sink, AnnotatedCopy(annotate_out, lang))
    if baseline is not None:
        from linter.sinks.baselined import Baselined

        sink = Baselined(sink, baseline)
    return sink


def _render(fmt: str, lang: str, statistics: bool, colour: bool, rules_seen, findings, files) -> str:
    """The whole output of a BufferedSink; the rules listed (SARIF) are those of the whole run."""
    from linter.formatters.choose import render

    rules = list(rules_seen().values())
    return render(fmt, findings, files, rules=rules, lang=lang, statistics=statistics, colour=colour)
