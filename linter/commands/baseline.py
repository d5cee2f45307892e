"""``indicator-lint baseline PATH… -o FILE``: accept today's findings, so ``check --baseline FILE``
reports only new ones. The same configuration and suppressions as ``check`` apply."""

from __future__ import annotations

import sys

import click

from linter.commands.options import each_result, open_run, refuse_to_overwrite, run_options


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
    import contextlib
    from pathlib import Path

    from linter.baseline import write_baseline
    from linter.lintrun import check_files
    from linter.outputs import reason
    from linter.safetext import shown

    run, inputs = open_run(paths, config_file, rules_dirs, select, ignore)
    refuse_to_overwrite(output, run, inputs)  # baseline b.yaml -o b.yaml: the table is not replaced
    findings, failed = [], False
    with contextlib.closing(check_files(run, inputs, jobs, verbose)) as results:  # (as in check)
        for result in each_result(results):  # no bar: scripts write baselines
            findings += result.findings
            failed = failed or result.failed
    try:
        data = write_baseline(findings, Path(output))
    except OSError as exc:
        zh, en = reason(exc)
        click.echo(
            f"indicator-lint: {shown(output)}: 无法写入基线（{zh}） / cannot write the baseline: {en}",
            err=True,
        )
        sys.exit(2)
    entries = len(data["findings"])
    click.echo(
        f"{shown(output)}: 已写入基线，{len(findings)} 个问题、{entries} 条 / {len(findings)} finding(s) accepted "
        f"in {entries} entr{'y' if entries == 1 else 'ies'}",
        err=True,
    )
    sys.exit(2 if failed else 0)
