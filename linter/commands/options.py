"""What ``check``, ``report`` and ``baseline`` share: the options choosing rules and processes, the
start of a run, the guard on its outputs, and the loop that feeds each file's result to the
command's output sink as it comes (``run_into``)."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click


def split_list(values: tuple[str, ...]) -> list[str]:
    """``--select IL1,IL2 --select vague-value`` → ['IL1', 'IL2', 'vague-value']."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def lang_option(help: str = "Language of the messages."):
    """``--lang zh|en``, Chinese by default: every command that writes words for people."""
    return click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help=help)


def run_options(what: str):
    """--select, --ignore, --rules-dir, --config, -j/--jobs and -v/--verbose; ``what`` the command
    writes ("output", "report"), for the help of --jobs."""
    options = [
        click.option(
            "--select",
            multiple=True,
            metavar="RULES",
            help="Only these rules: codes, code prefixes (IL2) or slugs, comma-separated.",
        ),
        click.option(
            "--ignore", multiple=True, metavar="RULES", help="Skip these rules (codes, prefixes or slugs)."
        ),
        click.option(
            "--rules-dir",
            "rules_dirs",
            multiple=True,
            type=click.Path(file_okay=False),
            help="Also load the rule files of this folder.",
        ),
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False),
            default=None,
            help="Use this configuration file instead of searching upward from each file.",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            default=None,
            help="Check files in this many processes (default: all cores when there are many files). "
            f"The {what} is the same whatever the number.",
        ),
        click.option(
            "-v", "--verbose", is_flag=True, help="Report each file's encoding and format on stderr."
        ),
        # Not passed to the command: open_run reads it from the context (commands need not know).
        click.option(
            "--follow-links",
            is_flag=True,
            expose_value=False,
            callback=_remember_follow_links,
            help="Enter symbolically linked folders in folders and ** globs (each folder once).",
        ),
    ]

    def decorate(command):
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _remember_follow_links(ctx, _param, value) -> None:
    ctx.meta["indicator-lint.follow_links"] = value


def _follow_links() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get("indicator-lint.follow_links"))


@contextmanager
def setup_errors(lang: str | None = None):
    """A broken configuration or rule folder: one line and exit code 2, before any output."""
    from linter.config import ConfigError
    from linter.engine import RuleError

    try:
        yield
    except (RuleError, ConfigError) as exc:
        click.echo(exc.text(lang), err=True)  # one line, whatever a path holds
        sys.exit(2)


def open_run(
    paths,
    config_file,
    rules_dirs,
    select,
    ignore,
    lang: str = "zh",
    report_unused_noqa: bool = False,
    leave_out=None,
):
    """The run and its input files (without those ``leave_out(path)`` is true of), every folder's
    configuration read already (``setup_errors``)."""
    from linter.lintrun import LintRun
    from linter.readers import iter_input_files

    with setup_errors(lang):
        run = LintRun(
            config_file, list(rules_dirs), split_list(select), split_list(ignore), lang, report_unused_noqa
        )
        inputs = [
            p for p in iter_input_files(paths, _follow_links()) if leave_out is None or not leave_out(p)
        ]
        run.check_configs(inputs)
        # A folder holding no table file stands for itself among the inputs (read_path reports it):
        # its own config is still read, so that a broken one is an error and not silence.
        named = {Path(p) for p in paths}
        for path in inputs:
            if path in named and os.path.isdir(path):
                run.settings.for_folder(path)
    return run, inputs


def refuse_to_overwrite(out, run, inputs, *more, lang: str | None = None) -> None:
    """Exit with code 2 and one line when ``out`` is a file the run reads (an input, a
    configuration or rule file of ``run`` when there is one, ``more``: a baseline; or a link to
    one of them) or a read-only file: before the run, not after it."""
    from linter.outputs import OutputError, ReadFiles, refuse_read_only

    try:
        ReadFiles([*inputs, *(run.settings.files_read() if run else ()), *more]).refuse(out)
        refuse_read_only(out)
    except OutputError as exc:
        click.echo(exc.text(lang), err=True)
        sys.exit(2)


def run_into(
    sink,
    run,
    inputs,
    jobs,
    verbose: bool,
    lang: str | None = None,
    keep_doc: bool = False,
    progress: bool = True,
):
    """Check ``inputs`` and feed each result to ``sink`` (``linter.sinks``), then finish it:
    ``(the findings reported by severity, whether a file could not be read)``. The bar shows on a
    terminal for a long sweep (``progress``); the worker processes stop on the way out, however
    that comes (Ctrl-C, a broken rule), not whenever the interpreter gets round to it. An output
    the sink cannot write is an OutputError (one line, exit code 2: the command says it)."""
    import contextlib

    from linter.lintrun import RunSpec
    from linter.progress import Progress, wants_progress
    from linter.runners import check_files

    spec = RunSpec(verbose, sink.digest, sink.keeps_findings, keep_doc)
    failed = False
    with contextlib.closing(sink):
        results = check_files(run, inputs, spec, jobs)
        # -v notes go straight to stderr from the reader: no bar to run them over.
        shown = progress and wants_progress(len(inputs), sink.progress_as) and not verbose
        bar = Progress(len(inputs), shown, lang=lang or "zh") if progress else None
        with contextlib.closing(results), bar or contextlib.nullcontext():
            sink.start(bar)
            for result in each_result(results, bar, lang):
                failed = failed or result.failed
                sink.add(result)
        return sink.finish(), failed


def each_result(results, bar=None, lang: str | None = None):
    """The FileResults in order, their messages printed (above the progress bar, which advances
    for each; in ``lang`` alone when given, ``linter.i18n.pick``); a fatal one (a broken rule or
    configuration) ends the run with exit code 2."""
    from linter.i18n import pick
    from linter.safetext import shown

    def said(message: str) -> str:  # (a file's name may hold anything: one line, escaped)
        return shown(pick(message, lang, result.path) if lang else message)

    for result in results:
        for message in result.messages:
            if bar is not None:
                bar.note(said(message))
            else:
                click.echo(said(message), err=True)
        if result.fatal:
            if bar is not None:
                bar.close()
            click.echo(said(result.fatal), err=True)
            sys.exit(2)
        yield result
        if bar is not None:
            bar.advance()
