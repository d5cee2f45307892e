"""The ``indicator-lint`` command. Thin: parse options, call the library, pick a formatter.

Each sub-command lives in ``linter/commands/<name>.py`` and imports what it needs inside its
function, so ``indicator-lint parse 12次`` does not pay for readers, rules or formatters.
"""

from __future__ import annotations

import sys

import click

from linter import __version__

# Exit codes, as in ruff and yamllint; Ctrl-C as a shell reports a process it interrupted (128 + SIGINT).
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


class _LazyGroup(click.Group):
    """Loads a sub-command's module only when that sub-command runs (keeps start-up light)."""

    _commands = {
        "parse": ("linter.commands.parse", "parse_command"),
        "convert": ("linter.commands.convert", "convert_command"),
        "check": ("linter.commands.check", "check_command"),
        "rules": ("linter.commands.rules", "rules_command"),
        "rule": ("linter.commands.rules", "rule_command"),
        "baseline": ("linter.commands.baseline", "baseline_command"),
        "report": ("linter.commands.report", "report_command"),
    }

    def list_commands(self, ctx):
        return sorted(self._commands)

    def get_command(self, ctx, name):
        if name not in self._commands:
            return None
        import importlib

        module_name, attr = self._commands[name]
        return getattr(importlib.import_module(module_name), attr)

    def invoke(self, ctx):
        # Ctrl-C: one line and 130, not click's "Aborted!" and 1, which a script could not tell
        # from findings. (Worker processes ignore it; the sweep stops them as it unwinds.)
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\nindicator-lint: 已中断 / interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="indicator-lint")
def main():
    """Lint Chinese budget performance target tables (预算绩效目标表)."""
    _replace_unencodable()


def _replace_unencodable() -> None:
    """A character the console cannot show is written as ``?``: a GBK terminal has no ``›``, an
    ASCII one no Chinese, and output must not end in a traceback half-way."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
