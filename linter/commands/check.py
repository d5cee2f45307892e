"""``indicator-lint check PATH…``: read target tables, run the rules, report the findings.

Exit codes (ruff/yamllint): 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a
usage error, a broken rule file or a file that could not be read (the other files are still
checked and reported).
"""

from __future__ import annotations

import sys

import click

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _split(values: tuple[str, ...]) -> list[str]:
    """``--select IL1,IL2 --select vague-value`` → ['IL1', 'IL2', 'vague-value']."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for machines.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (input errors still exit 2).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the messages.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules: codes, code prefixes (IL2) or slugs, comma-separated.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (codes, prefixes or slugs).")
@click.option("--rules-dir", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Also load the rule files of this folder.")
@click.option("-v", "--verbose", is_flag=True, help="Report each file's encoding and format on stderr.")
def check_command(paths, fmt, fail_on, exit_zero, lang, select, ignore, rules_dirs, verbose):
    """Check target tables (files or folders) and report every defect found."""
    from linter.engine import CheckFailed, Engine, RuleError, select_rules
    from linter.readers import InputError, iter_input_files, read_path
    from linter.rulebook import load_rule_dirs

    try:
        rules = select_rules(load_rule_dirs(list(rules_dirs)), _split(select), _split(ignore))
        engine = Engine(rules)
    except RuleError as exc:
        click.echo(f"indicator-lint: {exc}", err=True)
        sys.exit(2)

    findings, files, input_error = [], [], False
    for path in iter_input_files(paths):
        try:
            doc = read_path(path, verbose=verbose)
        except InputError as exc:
            click.echo(str(exc), err=True)
            files.append({"path": str(path), "error": str(exc), "tables": 0, "findings": 0})
            input_error = True
            continue
        try:
            found = engine.run(doc, lang=lang)
        except CheckFailed as exc:
            click.echo(str(exc), err=True)
            files.append({"path": str(path), "error": str(exc), "tables": len(doc.tables), "findings": 0})
            input_error = True
            continue
        findings.extend(found)
        files.append({"path": str(path), "error": None, "tables": len(doc.tables), "findings": len(found)})

    if fmt == "json":
        from linter.formatters.json import format_json as formatter
    else:
        from linter.formatters.text import format_text as formatter
    click.echo(formatter(findings, files, colour=fmt == "text" and sys.stdout.isatty()), nl=False)

    if input_error:
        sys.exit(2)
    failing = [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on]]
    sys.exit(1 if failing and not exit_zero else 0)
