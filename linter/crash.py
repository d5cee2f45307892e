"""How a bug of ours met on some input is named in the one-line error that replaces a traceback."""

from __future__ import annotations


def describe(exc: BaseException) -> str:
    """``ValueError: the first line of its message``: one line, whatever the exception says."""
    return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"
