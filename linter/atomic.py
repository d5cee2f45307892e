"""Writing an output file so that it is never seen half-written: a temporary file beside it,
renamed over it at the end. Used for everything indicator-lint writes (converted YAML, baselines,
annotated workbooks, HTML reports); input files are never written to.

    with replaced_atomically(out) as tmp:
        book.save(tmp)

    write_text_atomically(out, text)
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replaced_atomically(path: Path | str) -> Iterator[Path]:
    """A temporary path in ``path``'s folder to write to; when the block ends without an error it
    replaces ``path`` (with the permissions a plain open() would give), otherwise it is removed.
    OSError when the folder cannot take it."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes it private; the output is an ordinary file
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_text_atomically(path: Path | str, text: str) -> None:
    with replaced_atomically(path) as tmp:
        tmp.write_text(text, encoding="utf-8", errors="replace", newline="\n")
