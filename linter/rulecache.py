"""The shipped rule files' data, kept between runs: part of a cold ``check``'s start-up (issue 24).

Reading the rule files with libyaml costs about 30 ms of the 200 ms a cold ``check`` of one file
takes (and the import of PyYAML where nothing else needs it); their data as JSON loads in 1–2 ms.
It is kept in the user's cache folder (``$XDG_CACHE_HOME/indicator-lint``, or
``~/.cache/indicator-lint``; ``INDICATOR_LINT_CACHE_DIR`` names another, an empty value turns the
cache off), under a name made of every rule file's name, size and modification time: an edited,
added or removed file gives another name, so a stale entry is never read. JSON, not pickle: a
file in a writable folder must not run code when it is read. The data is validated as the file's
would be (``rulebook.rule_from_mapping``), and data that does not validate is read again from the
files. A cache that cannot be read or written is passed over without a word: it is a shortcut,
never a source of errors. Entries of rule files as they were before are removed a week after
their last use (another install's, beside this one, is in use).
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

from linter import __version__

_VARIABLE = "INDICATOR_LINT_CACHE_DIR"
_NAME = re.compile(r"rules-[0-9a-f]{16}\.json")
_KEPT_DAYS = 7  # another install's entry (a pipx one beside a venv's) is left alone this long

Files = tuple[tuple[Path, tuple[int, int]], ...]  # each rule file, its (mtime_ns, size) before it was read


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


def _entry(files: Files) -> Path | None:
    where = folder()
    if where is None:
        return None
    key = "\n".join([__version__, *(f"{path}\0{size}\0{mtime}" for path, (mtime, size) in files)]).encode()
    # two checksums, 64 bits (hashlib's import alone would cost a tenth of what the cache saves)
    return where / f"rules-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.json"


def load(files: Files) -> dict[str, Any] | None:
    """The rule files' data by file name, as kept for exactly these files; None when not kept."""
    try:
        entry = _entry(files)
        if entry is None:
            return None
        data = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or sorted(data) != sorted(path.name for path, _ in files):
        return None
    _used(entry)
    return data


def _used(entry: Path) -> None:
    """Mark the entry used (its modification time, once a day at most): pruning goes by it."""
    with contextlib.suppress(OSError):
        if entry.stat().st_mtime < time.time() - 86_400:
            os.utime(entry)


def store(files: Files, data: dict[str, Any]) -> None:
    """Keep the rule files' data (by file name) for the next run, when JSON holds it unchanged and
    no file changed while it was read (its stamps are those taken before)."""
    partial = None
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) != data:
            return  # (a value JSON cannot hold as it is: a date, a key that is not text)
        if any((path.stat().st_mtime_ns, path.stat().st_size) != stamp for path, stamp in files):
            return  # rewritten while read: the data may be the old file's or the new one's
        entry = _entry(files)
        if entry is None:
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, entry)  # whole or not at all, whoever reads it meanwhile
        _prune(entry)
    except (OSError, ValueError, TypeError):
        pass
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)  # (gone already once it replaced the entry)


def _prune(entry: Path) -> None:
    """Remove the entries of rule files as they were before, a week after their last use: this
    folder's files named as entries only."""
    stale = time.time() - _KEPT_DAYS * 86_400
    for old in entry.parent.iterdir():
        if old != entry and _NAME.fullmatch(old.name) and old.stat().st_mtime < stale:
            old.unlink(missing_ok=True)
