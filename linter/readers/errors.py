"""The one error a reader raises: a file that cannot be read, said in one line.

Every reader raises ``InputError`` for a file it cannot read (damaged, encrypted, too large, not a
table); ``check`` prints its line and goes on with the other files (exit code 2). Nothing else may
leave a reader: ``readers._reader_errors`` turns any other exception into one.
"""

from __future__ import annotations

from linter.errors import LintError
from linter.safetext import clipped


class InputError(LintError):
    """A file that cannot be read: ``InputError(path, zh, en, line=None)``; ``str(error)`` is the
    one line of it, file, Chinese, English (``linter.errors``)."""


def shown(text: str, limit: int = 40) -> str:
    """``text`` as a message quotes it: cut to ``limit`` characters, so that one line stays short
    (and made safe to print, as every quoted text is: ``safetext.clipped``)."""
    return clipped(text, limit)


def too_many_cells(path: str) -> InputError:
    """The error of a file past ``MAX_CELLS`` (linter.limits), whatever its format."""
    from linter.limits import MAX_CELLS, count

    return InputError(
        path, f"单元格过多（超过 {count(MAX_CELLS)} 个）", f"too many cells (over {count(MAX_CELLS)})"
    )
