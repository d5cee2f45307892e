"""The ``indicator-lint`` command. Thin: parse options, call the library, pick a formatter.

Each sub-command lives in ``linter/commands/<name>.py`` and imports what it needs inside its
function, so ``indicator-lint parse 12次`` does not pay for readers, rules or formatters.

However a run ends, it ends in one line on stderr and a known exit code, never a traceback:
Ctrl-C (130) and SIGTERM (143) unwind it as an exception does, so that its worker processes are
stopped and the temporary file of an output being written is removed; standard output that
cannot take the output (a full disk, a closed pipe) is 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
from typing import ClassVar

import click

from linter import __version__, regexes

# Exit codes, as in ruff and yamllint; Ctrl-C and SIGTERM as a shell reports a process they ended
# (128 + the signal's number).
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143


class Terminated(BaseException):
    """SIGTERM, raised in the main thread wherever it is, as Ctrl-C raises KeyboardInterrupt (and,
    like it, past every ``except Exception``)."""


def _terminate(signum, frame):
    raise Terminated


class _LazyGroup(click.Group):
    """Loads a sub-command's module only when that sub-command runs (keeps start-up light)."""

    _commands: ClassVar[dict[str, tuple[str, str]]] = {
        "parse": ("linter.commands.parse", "parse_command"),
        "convert": ("linter.commands.convert", "convert_command"),
        "check": ("linter.commands.check", "check_command"),
        "rules": ("linter.commands.rules", "rules_command"),
        "rule": ("linter.commands.rules", "rule_command"),
        "baseline": ("linter.commands.baseline", "baseline_command"),
        "report": ("linter.commands.report", "report_command"),
        "serve": ("linter.commands.serve", "serve_command"),
        "lsp": ("linter.commands.lsp", "lsp_command"),
    }

    def list_commands(self, ctx):
        return sorted(self._commands)

    def get_command(self, ctx, name):
        if name not in self._commands:
            return None
        import importlib

        from linter.helptext import localised

        module_name, attr = self._commands[name]
        return localised(getattr(importlib.import_module(module_name), attr))  # (--help in Chinese)

    def main(self, *args, **kwargs):
        from linter.helptext import localised
        from linter.outputs import StdoutError

        localised(self)

        previous = _on_sigterm(_terminate)
        try:
            try:
                return super().main(*args, **kwargs)
            finally:  # (click ends with SystemExit) what is still buffered must go out now, or fail here
                _flush_stdout()
                regexes.keep()  # the patterns compiled anew, for the next run's start-up
        except StdoutError as exc:
            _stdout_failed(exc)
        except OSError as exc:  # click writing --help or --version itself to a full disk or a closed pipe
            if exc.errno not in (errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EBADF):
                raise
            _stdout_failed(StdoutError(exc))
        except Terminated:  # outside a sub-command (parsing its options, flushing): as inside one
            _say("indicator-lint: 已终止 / terminated")
            sys.exit(EXIT_TERMINATED)
        finally:
            _on_sigterm(previous)

    def invoke(self, ctx):
        # Ctrl-C: one line and 130, not click's "Aborted!" and 1, which a script could not tell
        # from findings; SIGTERM the same, with 143. (Worker processes ignore Ctrl-C and die of
        # SIGTERM; the sweep stops them as it unwinds.)
        from linter.outputs import StdoutError

        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _say("\nindicator-lint: 已中断 / interrupted")
            sys.exit(EXIT_INTERRUPTED)
        except Terminated:
            _say("indicator-lint: 已终止 / terminated")
            sys.exit(EXIT_TERMINATED)
        except BrokenPipeError as exc:  # stdout's reader went away (click would exit 1, silently)
            raise StdoutError(exc) from None


def _on_sigterm(handler):
    """Install ``handler`` for SIGTERM; the one it replaces (None where signals cannot be set:
    not the main thread)."""
    if handler is None:
        return None
    try:
        return signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError):
        return None


def _say(line: str) -> None:
    """A line on stderr, unless stderr itself is gone."""
    with contextlib.suppress(OSError, ValueError):
        click.echo(line, err=True)


def _flush_stdout() -> None:
    from linter.outputs import StdoutError

    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as exc:
        raise StdoutError(exc) from None
    except ValueError:  # closed
        pass


def _stdout_failed(error) -> None:
    """Standard output could not take what was written (``error``: a StdoutError): one line, in
    both languages (the --lang of a command not parsed yet is not known), exit code 2."""
    _say(error.text())
    # What is still buffered would fail again when the interpreter flushes it on the way out,
    # with a message of its own: it goes nowhere instead.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    sys.exit(EXIT_ERROR)


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
