"""``indicator-lint baseline PATH… -o FILE``: accept today's findings, so ``check --baseline FILE``
reports only new ones. The same configuration and suppressions as ``check`` apply."""

from __future__ import annotations

import sys

import click

from linter.commands.options import open_run, refuse_to_overwrite, run_into, run_options


@click.command("baseline")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The baseline file to write (JSON).",
)
@run_options("baseline")
def baseline_command(paths, output, select, ignore, rules_dirs, config_file, jobs, verbose):
    """Write the findings of PATHS to a baseline file (keyed by file, table, indicator and rule)."""
    from linter.outputs import OutputError
    from linter.sinks.baseline_file import BaselineFile

    run, inputs = open_run(paths, config_file, rules_dirs, select, ignore)
    refuse_to_overwrite(output, run, inputs)  # baseline b.yaml -o b.yaml: the table is not replaced
    try:  # no bar: scripts write baselines
        _, failed = run_into(BaselineFile(output), run, inputs, jobs, verbose, progress=False)
    except OutputError as exc:
        click.echo(exc.text(), err=True)
        sys.exit(2)
    sys.exit(2 if failed else 0)
