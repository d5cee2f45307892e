"""The user's cache folder: data kept between runs so that a cold start is quicker (issue 24).

``$XDG_CACHE_HOME/indicator-lint``, or ``~/.cache/indicator-lint``; ``INDICATOR_LINT_CACHE_DIR``
names another, and an empty value turns the cache off. An entry is one JSON file, read and
written whole: JSON, not pickle, as a file in a writable folder must not run code when it is read.
Whoever keeps an entry names it so that a stale one is never read (the rule files' stamps, the
Python's version), and validates what it reads. A cache that cannot be read or written is passed
over without a word: it is a shortcut, never a source of errors. An entry unused for a week is
removed when another of its family is written (another install's, beside this one, is in use).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
import zlib
from pathlib import Path
from typing import Any

_VARIABLE = "INDICATOR_LINT_CACHE_DIR"
_KEPT_DAYS = 7  # another install's entry (a pipx one beside a venv's) is left alone this long
_LARGEST = 16 * 1024 * 1024  # an entry is read whole: a larger file is passed over


def folder() -> Path | None:
    """Where the cache is kept; None when it is turned off (or no home folder is known: a
    relative place would be a folder named ``~`` wherever the linter runs)."""
    chosen = os.environ.get(_VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen else None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = (
        xdg if os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    )  # (XDG: a relative one is ignored)
    return Path(base) / "indicator-lint" if os.path.isabs(base) else None


def entry(family: str, key: str) -> str:
    """The name of ``family``'s entry for ``key`` (the stamps of what it was made from): another
    key, another entry, so that a stale one is never read."""
    data = key.encode("utf-8", "surrogatepass")
    # two checksums, 64 bits (hashlib's import alone would cost a tenth of what the cache saves)
    return f"{family}-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.json"


_ENTRY = re.compile(r"(?P<family>[a-z]+)-[0-9a-f]{16}\.json")


def read(name: str) -> Any | None:
    """The data kept under ``name``; None when there is none, or it cannot be read."""
    where = folder()
    if where is None:
        return None
    entry = where / name
    try:
        if entry.stat().st_size > _LARGEST:
            return None  # (not one of ours: ours are a few hundred kilobytes)
        data = json.loads(entry.read_bytes())  # (UTF-8, a lone surrogate of a pattern passed as written)
    except (OSError, ValueError, RecursionError):
        return None
    _used(entry)
    return data


def _used(entry: Path) -> None:
    """Mark the entry used (its modification time, once a day at most): pruning goes by it."""
    with contextlib.suppress(OSError):
        if entry.stat().st_mtime < time.time() - 86_400:
            os.utime(entry)


def write(name: str, data: Any) -> None:
    """Keep ``data`` under ``name`` (an ``entry``) when JSON holds it unchanged, and remove the
    entries of its family unused for a week."""
    where = folder()
    if where is None:
        return
    entry = where / name
    partial = None
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) != data:
            return  # (a value JSON cannot hold as it is: a date, a tuple, a key that is not text)
        where.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        partial.write_bytes(text.encode("utf-8", "surrogatepass"))
        os.replace(partial, entry)  # whole or not at all, whoever reads it meanwhile
        _prune(entry)
    except (OSError, ValueError, TypeError):
        pass
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)  # (gone already once it replaced the entry)


def _prune(entry: Path) -> None:
    """Remove the family's other entries unused for a week: this folder's files so named only."""
    named = _ENTRY.fullmatch(entry.name)
    if named is None:
        return
    stale = time.time() - _KEPT_DAYS * 86_400
    for old in entry.parent.iterdir():
        other = _ENTRY.fullmatch(old.name)
        same_family = other is not None and other["family"] == named["family"]
        if old != entry and same_family and old.stat().st_mtime < stale:
            old.unlink(missing_ok=True)
