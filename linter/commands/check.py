"""``indicator-lint check PATH…``: read target tables, run the rules, report the findings.

Exit codes (ruff/yamllint): 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a
usage error, a broken rule file or a file that could not be read (the other files are still
checked and reported).
"""

from __future__ import annotations

import sys

import click

from linter.commands.options import (
    lang_option,
    open_run,
    refuse_to_overwrite,
    run_into,
    run_options,
    setup_errors,
)
from linter.i18n import pick
from linter.outputs import echo
from linter.rulebook import fails


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "github", "junit", "gitlab", "xlsx"]),
    default=None,
    help="text for people (default; github when GITHUB_ACTIONS is set), json for machines, sarif for "
    "code scanning, github for workflow annotations, junit for CI test reports, gitlab for "
    "GitLab Code Quality, xlsx for a spreadsheet of findings to answer (with -o).",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="OUT.xlsx",
    help="With --format xlsx: the workbook of findings to write; with --fix on one workbook: its fixed "
    "copy (a workbook is never fixed in place). Never one of the inputs.",
)
@click.option(
    "--color",
    "color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output: auto colours on a terminal unless NO_COLOR is set.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default="error",
    show_default=True,
    help="Lowest severity that makes the exit code 1.",
)
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when there are findings (input errors still exit 2)."
)
@lang_option()
@run_options("output")
@click.option(
    "--show-config", is_flag=True, help="Print the effective configuration for the first path and exit."
)
@click.option(
    "--statistics", is_flag=True, help="Print how many findings each rule produced instead of the findings."
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Report only findings that this baseline (indicator-lint baseline) does not accept.",
)
@click.option("--report-unused-noqa", is_flag=True, help="Report suppressions that silenced nothing (IL000).")
@click.option(
    "--annotate",
    "annotate_out",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="OUT.xlsx|OUT.docx",
    help="Also write a copy of the (one) checked file with the flagged cells marked: a .docx as a Word "
    "document with comments, anything else as a workbook.",
)
@click.option(
    "--fix", is_flag=True, help="Apply the safe fixes to canonical YAML files, in place; then check them."
)
@click.option(
    "--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply fixes that change the meaning too."
)
@click.option(
    "--diff", is_flag=True, help="Show the fixes as a unified diff instead of writing them (exit 1 if any)."
)
def check_command(
    paths,
    fmt,
    output,
    color,
    fail_on,
    exit_zero,
    lang,
    select,
    ignore,
    rules_dirs,
    verbose,
    config_file,
    show_config,
    statistics,
    baseline_file,
    report_unused_noqa,
    jobs=None,
    annotate_out=None,
    fix=False,
    unsafe_fixes=False,
    diff=False,
):
    """Check target tables (files, folders or globs) and report every defect found."""
    fix_out = output if fix and fmt != "xlsx" else None  # -o: the fixed copy of a workbook, with --fix
    xlsx_out = None if fix_out else output
    leave_out = _spreadsheet_output(fmt, xlsx_out, paths, statistics)
    run, inputs = open_run(
        paths, config_file, rules_dirs, select, ignore, lang, report_unused_noqa, leave_out=leave_out
    )
    baseline = _load_baseline(baseline_file)
    # Before any output: no output may replace a table, a configuration or the baseline.
    read_too = [baseline_file] if baseline_file else []
    for out in (xlsx_out, annotate_out):
        if out:
            refuse_to_overwrite(out, run, inputs, *read_too, lang=lang)
    if annotate_out:
        _annotate_usage(annotate_out, inputs, lang)
    if show_config:
        with setup_errors():
            _print_config(run, paths[0])
        return
    if fix_out:  # the fixed copy of one workbook: never an input, a configuration or the baseline
        if (
            len(inputs) != 1
            or inputs[0].suffix.lower() not in (".xlsx", ".xlsm")
            or fmt not in (None, "text")
        ):
            click.echo(
                pick(
                    "indicator-lint: -o 与 --fix 同用时只用于一个工作簿（.xlsx）的修复副本 / -o with --fix "
                    "names the fixed copy of one workbook (.xlsx)",
                    lang,
                ),
                err=True,
            )
            sys.exit(2)
        refuse_to_overwrite(fix_out, run, inputs, *read_too, lang=lang)
    if fix or diff:  # linter/fixes.py; the files are checked again below, as fixed
        from linter.fixes import fix_paths

        changed = fix_paths(
            run,
            inputs,
            unsafe_fixes,
            diff,
            lambda t: echo(t, nl=False),
            lambda t: click.echo(t, err=True),
            fix_out,
        )
        if diff:
            sys.exit(1 if changed else 0)
        if fix_out:
            from pathlib import Path

            inputs = [Path(fix_out)]  # the fixed copy is what is checked again

    from linter.formatters.choose import choose_format, wants_colour
    from linter.outputs import OutputError
    from linter.sinks.choose import check_sink

    fmt = choose_format(fmt)
    sink = check_sink(
        fmt,
        lang=lang,
        colour=fmt == "text" and wants_colour(color, sys.stdout),
        statistics=statistics,
        baseline=baseline,
        output=xlsx_out,
        annotate_out=annotate_out,
        rules_seen=lambda: run.rules_seen,
    )
    try:
        reported, input_error = run_into(sink, run, inputs, jobs, verbose, lang, keep_doc=bool(annotate_out))
    except OutputError as exc:
        click.echo(exc.text(lang), err=True)
        sys.exit(2)
    if input_error:
        sys.exit(2)
    sys.exit(1 if fails(reported.elements(), fail_on) and not exit_zero else 0)


def _spreadsheet_output(fmt, output, paths, statistics):
    """Check -o against --format; the test that leaves the workbook out of a folder it is written
    into (it is no table to read next time). Named on the command line, it is an input
    (``refuse_to_overwrite`` says so)."""
    if fmt != "xlsx":
        if output:
            raise click.UsageError(
                "-o/--output 只用于 --format xlsx 或 --fix / -o/--output goes with --format xlsx or --fix"
            )
        return None
    if not output:
        raise click.UsageError("--format xlsx 需要 -o 文件名.xlsx / --format xlsx needs -o OUT.xlsx")
    if statistics:
        raise click.UsageError(
            "--statistics 不能与 --format xlsx 同用 / --statistics does not go with --format xlsx"
        )
    import os
    from pathlib import Path

    out = Path(output).resolve()
    named = {os.path.abspath(p) for p in paths}
    return lambda p: p.name == out.name and p.resolve() == out and os.path.abspath(p) not in named


def _annotate_usage(out, inputs, lang: str) -> None:
    """--annotate takes one file and writes a copy of its own kind: a Word document for a .docx,
    a workbook for anything else. Anything else is a usage error (one line, exit code 2), before
    the run."""
    from linter.annotate import annotated_kind
    from linter.i18n import pick
    from linter.safetext import shown

    problem = None
    if len(inputs) != 1:
        problem = (
            f"indicator-lint: --annotate 只能用于一个文件（本次 {len(inputs)} 个） / "
            f"--annotate takes exactly one input file ({len(inputs)} given)"
        )
    else:
        wanted = annotated_kind(inputs[0])
        if not str(out).lower().endswith(wanted):
            what = ("Word 文档", "a Word document") if wanted == ".docx" else ("工作簿", "a workbook")
            problem = (
                f"indicator-lint: {shown(str(out))}: 标注副本应为 {wanted} 文件（{shown(inputs[0].name)} 的副本是"
                f"{what[0]}） / the annotated copy of {shown(inputs[0].name)} is {what[1]}: name it *{wanted}"
            )
    if problem:
        click.echo(pick(problem, lang), err=True)
        sys.exit(2)


def _load_baseline(baseline_file):
    if baseline_file is None:
        return None
    from linter.baseline import Baseline, BaselineError

    try:
        return Baseline.load(baseline_file)
    except BaselineError as exc:  # one line, as a broken configuration is, not click's usage block
        click.echo(exc.text(), err=True)
        sys.exit(2)


def _print_config(run, path):
    from linter.config import show_config

    config, rules = run.settings.for_folder(path)
    echo(show_config(config, rules), nl=False)
