"""The shipped rule files' data, kept between runs: part of a cold ``check``'s start-up (issue 24).

Reading the rule files with libyaml costs about 30 ms of the 200 ms a cold ``check`` of one file
takes (and the import of PyYAML where nothing else needs it); their data as JSON loads in 1–2 ms.
It is kept in the user's cache folder (``linter.usercache``) under a name made of every rule
file's name, size and modification time: an edited, added or removed file gives another name, so a
stale entry is never read. The data is validated as the file's would be
(``rulebook.rule_from_mapping``), and data that does not validate is read again from the files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linter import __version__, usercache

Files = tuple[tuple[Path, tuple[int, int]], ...]  # each rule file, its (mtime_ns, size) before it was read


def stamp(path: Path) -> tuple[int, int]:
    """(modification time, size) of a rule file; (0, 0) when it cannot be read (its reader says so)."""
    try:
        info = path.stat()
        return (info.st_mtime_ns, info.st_size)  # the size too: a rewrite within one clock tick
    except OSError:
        return (0, 0)


def stamped(paths: list[Path]) -> Files:
    """Each rule file with its stamp, taken now (before it is read)."""
    return tuple((path, stamp(path)) for path in paths)


def _entry(files: Files) -> str:
    return usercache.entry(
        "rules", "\n".join([__version__, *(f"{p}\0{size}\0{mtime}" for p, (mtime, size) in files)])
    )


def load(files: Files) -> dict[str, Any] | None:
    """The rule files' data by file name, as kept for exactly these files; None when not kept."""
    data = usercache.read(_entry(files))
    if not isinstance(data, dict) or sorted(data) != sorted(path.name for path, _ in files):
        return None
    return data


def store(files: Files, data: dict[str, Any]) -> None:
    """Keep the rule files' data (by file name) for the next run, when no file changed while it was
    read (its stamps are those taken before)."""
    if stamped([path for path, _ in files]) != files:
        return  # rewritten while read: the data may be the old file's or the new one's
    usercache.write(_entry(files), data)
