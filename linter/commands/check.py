"""``indicator-lint check PATH…``: read target tables, run the rules, report the findings.

Exit codes (ruff/yamllint): 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a
usage error, a broken rule file or a file that could not be read (the other files are still
checked and reported).
"""

from __future__ import annotations

import contextlib
import functools
import sys

import click

from linter.commands.options import each_result, open_run, refuse_to_overwrite, run_options, setup_errors
from linter.outputs import echo
from linter.rulebook import fails


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "junit", "gitlab"]),
              default=None,
              help="text for people (default; github when GITHUB_ACTIONS is set), json for machines, sarif for "
                   "code scanning, github for workflow annotations, junit for CI test reports, gitlab for "
                   "GitLab Code Quality.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output: auto colours on a terminal unless NO_COLOR is set.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (input errors still exit 2).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the messages.")
@run_options("output")
@click.option("--show-config", is_flag=True, help="Print the effective configuration for the first path and exit.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule produced instead of the findings.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
              help="Report only findings that this baseline (indicator-lint baseline) does not accept.")
@click.option("--report-unused-noqa", is_flag=True, help="Report suppressions that silenced nothing (IL000).")
@click.option("--annotate", "annotate_out", type=click.Path(dir_okay=False), default=None, metavar="OUT.xlsx",
              help="Also write a copy of the (one) checked file as a workbook with the flagged cells marked.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to canonical YAML files, in place; then check them.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply fixes that change the meaning too.")
@click.option("--diff", is_flag=True, help="Show the fixes as a unified diff instead of writing them (exit 1 if any).")
@click.option("-o", "--output", "fix_out", type=click.Path(dir_okay=False), default=None, metavar="OUT.xlsx",
              help="With --fix on one workbook: write its fixed copy here (a workbook is never fixed in place).")
def check_command(paths, fmt, color, fail_on, exit_zero, lang, select, ignore, rules_dirs, verbose,
                  config_file, show_config, statistics, baseline_file, report_unused_noqa, jobs=None,
                  annotate_out=None, fix=False, unsafe_fixes=False, diff=False, fix_out=None):
    """Check target tables (files, folders or globs) and report every defect found."""
    from linter.lintrun import check_files

    run, inputs = open_run(paths, config_file, rules_dirs, select, ignore, lang, report_unused_noqa)
    baseline = _load_baseline(baseline_file)
    if annotate_out:  # before any output: the workbook must not replace a table, a config or the baseline
        refuse_to_overwrite(annotate_out, run, inputs, *([baseline_file] if baseline_file else []))
    if show_config:
        with setup_errors():
            _print_config(run, paths[0])
        return
    if fix_out:  # the fixed copy of one workbook: never an input, a configuration or the baseline
        refuse_to_overwrite(fix_out, run, inputs, *([baseline_file] if baseline_file else []))
        if not fix or len(inputs) != 1:
            click.echo("indicator-lint: -o 只用于 --fix 一个工作簿 / -o takes --fix and one workbook", err=True)
            sys.exit(2)
    if fix or diff:  # linter/fixes.py; the files are checked again below, as fixed
        from linter.fixes import fix_paths

        changed = fix_paths(run, inputs, unsafe_fixes, diff, lambda t: echo(t, nl=False),
                            lambda t: click.echo(t, err=True), fix_out)
        if diff:
            sys.exit(1 if changed else 0)
        if fix_out:
            from pathlib import Path

            inputs = [Path(fix_out)]  # the fixed copy is what is checked again

    from linter.formatters.choose import STREAMED, choose_format, render, wants_colour, writer_for
    from linter.formatters.stream import Output, render_file
    from linter.progress import Progress, wants_progress

    fmt = choose_format(fmt)
    colour = fmt == "text" and wants_colour(color, sys.stdout)
    # Text, JSON and GitHub output is rendered a file at a time, beside the checking (in the worker
    # processes, with --jobs), and written as it comes: a sweep's findings are never all held.
    # Statistics, a baseline, SARIF and JUnit need the whole run first.
    writer = writer_for(fmt, colour) if fmt in STREAMED and not statistics and baseline is None else None
    findings, files, input_error = [], [], False
    docs = {}  # path → Document, for --annotate only (kept otherwise, memory would grow with the files)
    # Written straight to the stream, flushed at the end: click.echo flushes (and scans for colour
    # codes) on every call, which on a sweep of thousands of files costs more than the writing.
    out = Output(sys.stdout) if writer else None
    results = check_files(run, inputs, jobs, verbose, keep_doc=bool(annotate_out),
                          summarise=functools.partial(render_file, fmt, colour, out.encoding) if writer else None,
                          keep_findings=not writer or bool(annotate_out))
    # Closed on the way out, however that comes (Ctrl-C, a broken rule): the sweep stops its worker
    # processes then, not whenever the interpreter gets round to it. -v notes go straight to stderr
    # from the reader: no bar to run them over.
    with contextlib.closing(results), Progress(len(inputs), wants_progress(len(inputs), fmt) and not verbose) as bar:
        if writer:
            out.write(writer.start())
        for result in each_result(results, bar):
            input_error = input_error or result.failed
            files.append(result.entry)
            if writer:
                before = writer.add(result.severities, bool(result.summary))
                if result.summary:
                    bar.clear()
                    out.write(before)
                    out.write(result.summary)
                    if bar.enabled:
                        out.flush()  # this file's lines before the bar is drawn again
            findings.extend(result.findings)  # none when streamed, but for --annotate's one file
            if result.doc is not None:
                docs[result.path] = result.doc

    if writer:
        out.write(writer.finish(files))
        out.flush()
        severities = writer.counts.elements()
    else:
        if baseline is not None:
            findings = _apply_baseline(baseline, findings, files)
        echo(render(fmt, findings, files, rules=list(run.rules_seen.values()), lang=lang,
                    statistics=statistics, colour=colour), nl=False)
        severities = (f.severity for f in findings)

    if annotate_out and not _annotate(annotate_out, docs, files, findings):
        sys.exit(2)
    if input_error:
        sys.exit(2)
    sys.exit(1 if fails(severities, fail_on) and not exit_zero else 0)


def _annotate(out, docs, files, findings) -> bool:
    """Write the annotated workbook of the one file checked; False (message printed) when it cannot."""
    from linter.annotate import AnnotateError, write_annotated

    if len(files) != 1:
        click.echo(f"indicator-lint: --annotate 只能用于一个文件（本次 {len(files)} 个） / "
                   f"--annotate takes exactly one input file ({len(files)} given)", err=True)
        return False
    path = files[0]["path"]
    if path not in docs:
        return False  # the file could not be read: its error is already printed
    try:
        write_annotated(path, docs[path], [f for f in findings if f.location.path == path], out)
    except AnnotateError as exc:
        click.echo(str(exc), err=True)
        return False
    return True


def _load_baseline(baseline_file):
    if baseline_file is None:
        return None
    from linter.baseline import Baseline, BaselineError
    from linter.safetext import shown

    try:
        return Baseline.load(baseline_file)
    except BaselineError as exc:  # one line, as a broken configuration is, not click's usage block
        click.echo(f"indicator-lint: {shown(str(exc))}", err=True)
        sys.exit(2)


def _apply_baseline(baseline, findings, files):
    """The findings the baseline does not accept; stale entries (fixed since) are listed on stderr."""
    new = baseline.new_findings(findings)
    stale = baseline.stale([f["path"] for f in files if not f.get("error")])
    if stale:
        click.echo(f"indicator-lint: 基线中有 {len(stale)} 条已修复的条目（重写基线即可删除） / {len(stale)} baseline "
                   f"entr{'y is' if len(stale) == 1 else 'ies are'} stale (fixed since; rewrite the baseline to drop "
                   f"them):", err=True)
        from linter.safetext import shown

        for entry in stale:
            click.echo(f"  {shown(str(entry))}", err=True)
    return new


def _print_config(run, path):
    from linter.config import show_config

    config, rules = run.settings.for_folder(path)
    echo(show_config(config, rules), nl=False)
