"""The shipped rule files' data, kept between runs: part of a cold ``check``'s start-up (issue 24).

Reading the rule files with libyaml costs about 30 ms of the 200 ms a cold ``check`` of one file
takes (and the import of PyYAML where nothing else needs it); their data as JSON loads in 1–2 ms.
It is kept in the user's cache folder (``$XDG_CACHE_HOME/indicator-lint``, or
``~/.cache/indicator-lint``; ``INDICATOR_LINT_CACHE_DIR`` names another, an empty value turns the
cache off), under a name made of every rule file's name, size and modification time: an edited,
added or removed file gives another name, so a stale entry is never read. JSON, not pickle: a
file in a writable folder must not run code when it is read. The data is validated as the file's
would be (``rulebook.rule_from_mapping``). A cache that cannot be read or written is passed over
without a word: it is a shortcut, never a source of errors.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from linter import __version__

_VARIABLE = "INDICATOR_LINT_CACHE_DIR"


def folder() -> Path | None:
    """Where the cache is kept; None when it is turned off."""
    chosen = os.environ.get(_VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "indicator-lint"


def _entry(paths: list[Path]) -> Path | None:
    where = folder()
    if where is None:
        return None
    stamps = [__version__]
    for path in paths:
        info = path.stat()
        stamps.append(f"{path}\0{info.st_size}\0{info.st_mtime_ns}")
    key = "\n".join(stamps).encode()
    # two checksums, 64 bits (hashlib's import alone would cost a tenth of what the cache saves)
    return where / f"rules-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.json"


def load(paths: list[Path]) -> dict[str, Any] | None:
    """The rule files' data by file name, as kept for exactly these files; None when not kept."""
    try:
        entry = _entry(paths)
        if entry is None:
            return None
        data = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or sorted(data) != sorted(p.name for p in paths):
        return None
    return data


def store(paths: list[Path], data: dict[str, Any]) -> None:
    """Keep the rule files' data (by file name) for the next run, when JSON holds it unchanged."""
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) != data:
            return  # (a value JSON cannot hold as it is: a date, a key that is not text)
        entry = _entry(paths)
        if entry is None:
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, entry)  # whole or not at all, whoever reads it meanwhile
        for old in entry.parent.glob("rules-*.json"):
            if old != entry:
                old.unlink(missing_ok=True)  # the data of rule files as they were before
    except (OSError, ValueError, TypeError):
        pass
