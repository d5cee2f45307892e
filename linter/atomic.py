"""Writing an output file so that it is never seen half-written: a temporary file beside it,
renamed over it at the end. Used for everything indicator-lint writes (converted YAML, baselines,
annotated workbooks, HTML reports); input files are never written to (``linter.outputs``).

    with replaced_atomically(out) as tmp:
        book.save(tmp)

    write_text_atomically(out, text)

A file replaced keeps its permissions (a private 600 file stays private) and, where allowed, its
owner; one without write permission is not replaced at all (``ReadOnlyOutput``). A device or a
pipe (``-o /dev/stdout``) is written to as it is, never replaced by a file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from linter.outputs import ReadOnlyOutput


@contextmanager
def replaced_atomically(path: Path | str) -> Iterator[Path]:
    """A temporary path in ``path``'s folder to write to; when the block ends without an error it
    replaces ``path`` (with its permissions, or those a plain open() would give a new file),
    otherwise (an error, Ctrl-C, SIGTERM) it is removed. OSError when the folder cannot take it,
    ReadOnlyOutput when ``path`` has no write permission."""
    path = Path(path)
    try:
        old = os.stat(path)
    except OSError:
        old = None  # a new file (or one the replace will fail on, with its own error)
    if old is not None and not stat.S_ISREG(old.st_mode) and not stat.S_ISDIR(old.st_mode):
        yield path  # /dev/stdout, /dev/null, a named pipe: written through, not replaced by a file
        return
    if old is not None and not old.st_mode & 0o222:  # the mode bits: root may write anything
        raise ReadOnlyOutput(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        if old is None:
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes it private; the output is an ordinary file
        else:
            with contextlib.suppress(OSError):  # only root may give a file away; others keep their own
                os.chown(tmp, old.st_uid, old.st_gid)
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_text_atomically(path: Path | str, text: str) -> None:
    """Write ``text`` (UTF-8, \\n line ends) to ``path`` as ``replaced_atomically`` does."""
    with replaced_atomically(path) as tmp:
        tmp.write_text(text, encoding="utf-8", errors="replace", newline="\n")
