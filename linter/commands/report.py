"""``indicator-lint report PATH… -o report.html``: one self-contained HTML page for a sweep.

The options mirror ``check``. Exit codes: 0 the report is written (findings do not fail a report);
2 a file could not be read (the report is still written and lists it), or a usage, configuration
or rule error (nothing is written). Errors are one line; never a traceback.
"""

from __future__ import annotations

import os
import sys

import click

from linter.commands.options import lang_option, open_run, refuse_to_overwrite, run_into, run_options


class _OneLineUsageErrors(click.Command):
    """A usage error (missing -o, unknown --lang) prints one line, not the usage block."""

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            raise click.UsageError(f"indicator-lint report: {exc.format_message()}") from None


@click.command("report", cls=_OneLineUsageErrors)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    metavar="REPORT.html",
    help="Write the report to this file (replaced atomically).",
)
@click.option(
    "--title", default=None, help="The page's title (default: a fixed title, so that reruns compare equal)."
)
@lang_option("Language of the messages and of the page.")
@run_options("report")
def report_command(paths, output, title, lang, select, ignore, rules_dirs, config_file, jobs, verbose):
    """Write an HTML report of target tables (files, folders, globs): totals, charts, findings, tables."""
    from linter.outputs import OutputError, same_file
    from linter.report.page import is_report
    from linter.sinks.report import ReportSink

    run, files = open_run(paths, config_file, rules_dirs, select, ignore, lang)
    # An earlier report written into the swept folder is no table to read (.html is a text input),
    # and it is ours to replace; any other file the run reads is not (report r.yaml -o r.yaml).
    if os.path.exists(output) and is_report(output):
        files = [p for p in files if not same_file(p, output)]
    refuse_to_overwrite(output, run, files)
    sink = ReportSink(output, title, lang, lambda: run.rules_seen)
    try:
        _, input_error = run_into(sink, run, files, jobs, verbose, lang)
    except OutputError as exc:
        click.echo(exc.text(lang), err=True)
        sys.exit(2)
    sys.exit(2 if input_error else 0)
