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
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of the messages.",
)
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
def check_command(  # noqa: C901 — branches on the writer kind: issue 23's one output path (sinks) replaces them
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
    from linter.lintrun import check_files

    fix_out = output if fix and fmt != "xlsx" else None  # -o: the fixed copy of a workbook, with --fix
    leave_out = _spreadsheet_output(fmt, None if fix_out else output, paths, statistics)
    run, inputs = open_run(
        paths, config_file, rules_dirs, select, ignore, lang, report_unused_noqa, leave_out=leave_out
    )
    baseline = _load_baseline(baseline_file)
    if annotate_out:  # before any output: the copy must not replace a table, a config or the baseline
        refuse_to_overwrite(annotate_out, run, inputs, *([baseline_file] if baseline_file else []), lang=lang)
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
        refuse_to_overwrite(fix_out, run, inputs, *([baseline_file] if baseline_file else []), lang=lang)
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

    from linter.formatters.choose import STREAMED, choose_format, render, wants_colour, writer_for
    from linter.formatters.stream import Output, render_file
    from linter.progress import Progress, wants_progress

    fmt = choose_format(fmt)
    colour = fmt == "text" and wants_colour(color, sys.stdout)
    # Text, JSON and GitHub output is rendered a file at a time, beside the checking (in the worker
    # processes, with --jobs), and written as it comes: a sweep's findings are never all held.
    # Statistics, a baseline, SARIF and JUnit need the whole run first.
    writer = (
        writer_for(fmt, colour, lang) if fmt in STREAMED and not statistics and baseline is None else None
    )
    findings, files, input_error = [], [], False
    docs = {}  # path → Document, for --annotate only (kept otherwise, memory would grow with the files)
    # Written straight to the stream, flushed at the end: click.echo flushes (and scans for colour
    # codes) on every call, which on a sweep of thousands of files costs more than the writing.
    out = Output(sys.stdout) if writer else None
    summarise = functools.partial(render_file, fmt, colour, out.encoding, lang=lang) if writer else None
    departments = {}  # path → table → 主管部门, for the spreadsheet's column
    if fmt == "xlsx":
        from linter.formatters.xlsx import departments_of as summarise
    results = check_files(
        run,
        inputs,
        jobs,
        verbose,
        keep_doc=bool(annotate_out),
        summarise=summarise,
        keep_findings=not writer or bool(annotate_out),
    )
    # Closed on the way out, however that comes (Ctrl-C, a broken rule): the sweep stops its worker
    # processes then, not whenever the interpreter gets round to it. -v notes go straight to stderr
    # from the reader: no bar to run them over.
    shown_as = "html" if fmt == "xlsx" else fmt  # a file written at the end: a bar meanwhile, as for a report
    with (
        contextlib.closing(results),
        Progress(len(inputs), wants_progress(len(inputs), shown_as) and not verbose, lang=lang) as bar,
    ):
        if writer:
            out.write(writer.start())
        for result in each_result(results, bar, lang):
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
            if fmt == "xlsx" and result.summary is not None:
                departments[result.path] = result.summary
            if result.doc is not None:
                docs[result.path] = result.doc

    if writer:
        out.write(writer.finish(files))
        out.flush()
        severities = writer.counts.elements()
    elif fmt == "xlsx":
        if baseline is not None:
            findings = _apply_baseline(baseline, findings, files)
        _write_spreadsheet(output, findings, departments, run, lang, len(files))
        severities = (f.severity for f in findings)
    else:
        if baseline is not None:
            findings = _apply_baseline(baseline, findings, files)
        echo(
            render(
                fmt,
                findings,
                files,
                rules=list(run.rules_seen.values()),
                lang=lang,
                statistics=statistics,
                colour=colour,
            ),
            nl=False,
        )
        severities = (f.severity for f in findings)

    if annotate_out and not _annotate(annotate_out, docs, files, findings, lang):
        sys.exit(2)
    if input_error:
        sys.exit(2)
    sys.exit(1 if fails(severities, fail_on) and not exit_zero else 0)


def _spreadsheet_output(fmt, output, paths, statistics):
    """Check -o against --format; the test that leaves the workbook out of a folder it is written
    into (it is no table to read next time). -o naming an input file is a usage error."""
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
    from pathlib import Path

    out = Path(output).resolve()
    for raw in paths:
        path = Path(raw)
        if path.is_file() and path.resolve() == out:
            raise click.UsageError(
                f"-o {output} 是输入文件之一，不会覆盖 / -o {output} is one of the input "
                "files: it is not overwritten"
            )
    return lambda p: p.name == out.name and p.resolve() == out


def _write_spreadsheet(output, findings, departments, run, lang, n_files) -> None:
    from linter.formatters.xlsx import finding_rows, write_findings_workbook

    try:
        n = write_findings_workbook(output, finding_rows(findings, departments), run.rules_seen, lang)
    except OSError as exc:
        click.echo(f"indicator-lint: {output}: 无法写入 / cannot write: {exc.strerror or exc}", err=True)
        sys.exit(2)
    click.echo(f"{output}: {n} 条问题（{n_files} 个文件） / {n} findings in {n_files} files")


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


def _annotate(out, docs, files, findings, lang: str = "zh") -> bool:
    """Write the annotated copy of the one file checked; False (message printed) when it cannot."""
    from linter.annotate import AnnotateError, write_annotated

    path = files[0]["path"]
    if path not in docs:
        return False  # the file could not be read: its error is already printed
    try:
        write_annotated(path, docs[path], [f for f in findings if f.location.path == path], out, lang=lang)
    except AnnotateError as exc:
        click.echo(exc.text(lang), err=True)
        return False
    return True


def _load_baseline(baseline_file):
    if baseline_file is None:
        return None
    from linter.baseline import Baseline, BaselineError

    try:
        return Baseline.load(baseline_file)
    except BaselineError as exc:  # one line, as a broken configuration is, not click's usage block
        click.echo(exc.text(), err=True)
        sys.exit(2)


def _apply_baseline(baseline, findings, files):
    """The findings the baseline does not accept; stale entries (fixed since) are listed on stderr."""
    new = baseline.new_findings(findings)
    stale = baseline.stale([f["path"] for f in files if not f.get("error")])
    if stale:
        click.echo(
            f"indicator-lint: 基线中有 {len(stale)} 条已修复的条目（重写基线即可删除） / {len(stale)} baseline "
            f"entr{'y is' if len(stale) == 1 else 'ies are'} stale (fixed since; rewrite the baseline to drop "
            f"them):",
            err=True,
        )
        from linter.safetext import shown

        for entry in stale:
            click.echo(f"  {shown(str(entry))}", err=True)
    return new


def _print_config(run, path):
    from linter.config import show_config

    config, rules = run.settings.for_folder(path)
    echo(show_config(config, rules), nl=False)
