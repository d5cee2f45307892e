"""``indicator-lint baseline PATH… -o FILE``: accept today's findings, so ``check --baseline FILE``
reports only new ones. The same configuration and suppressions as ``check`` apply."""

from __future__ import annotations

import sys

import click


@click.command("baseline")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The baseline file to write (JSON).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Use this configuration file instead of searching upward from each file.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules (codes, prefixes or slugs).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules.")
@click.option("--rules-dir", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Also load the rule files of this folder.")
def baseline_command(paths, output, config_file, select, ignore, rules_dirs):
    """Write the findings of PATHS to a baseline file (keyed by file, table, indicator and rule)."""
    from pathlib import Path

    from linter.baseline import write_baseline
    from linter.commands.options import split_list
    from linter.config import ConfigError
    from linter.engine import CheckFailed, RuleError
    from linter.lintrun import LintRun
    from linter.readers import InputError, read_path
    from linter.suppress import SuppressionError

    findings, failed = [], False
    try:
        run = LintRun(config_file, list(rules_dirs), split_list(select), split_list(ignore))
        for path in run.input_files(paths):
            try:
                findings += run.check(path, read_path(path))
            except (InputError, CheckFailed, SuppressionError) as exc:
                click.echo(str(exc), err=True)
                failed = True
    except (RuleError, ConfigError) as exc:
        click.echo(f"indicator-lint: {exc}", err=True)
        sys.exit(2)
    data = write_baseline(findings, Path(output))
    click.echo(f"{output}: {len(findings)} finding(s) accepted in {len(data['findings'])} entr"
               f"{'y' if len(data['findings']) == 1 else 'ies'} / 已写入基线", err=True)
    sys.exit(2 if failed else 0)
