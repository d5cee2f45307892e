"""File discovery: the files a command reads for the files, folders and globs it was given.

    for path in iter_input_files(["examples", "new.yaml", "'downloads/**/*.pdf'"]): ...

A sweep never hangs and never goes round in circles: folder walks and ``**`` globs do not enter
symbolically linked folders (``follow_links=True``, ``--follow-links``, does, and then enters each
folder once however many links lead to it: a link to an ancestor is a loop, not an endless
descent). A folder named on the command line is entered even when it is a link. Nothing met on the
way is dropped silently: a folder that cannot be listed, a table-named entry that cannot be
stat'ed (a dangling link, a link to itself) or is no regular file (a FIFO, a device) is returned
among the files, so that ``read_path`` reports it in one line and the other files are still read.
No system call here raises: every OS error on a path becomes such an entry.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path

YAML_EXTENSIONS = frozenset({".yaml", ".yml"})
TEXT_EXTENSIONS = frozenset({".txt", ".md", ".tsv", ".text"})
EXCEL_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xls"})
WORD_EXTENSIONS = frozenset({".docx"})
PDF_EXTENSIONS = frozenset({".pdf"})
NOT_YET_EXTENSIONS: frozenset[str] = frozenset()  # formats named but not read yet
# web pages, CSV, .ods, and .doc/.wps/.et through LibreOffice: read by linter.readers.formats
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
MHTML_EXTENSIONS = frozenset({".mht", ".mhtml"})  # a page saved with its parts in one MIME message
CSV_EXTENSIONS = frozenset({".csv"})
ODS_EXTENSIONS = frozenset({".ods"})
WORD_LIKE_EXTENSIONS = frozenset({".doc", ".wps"})
SHEET_LIKE_EXTENSIONS = frozenset({".et"})
OTHER_EXTENSIONS = (
    HTML_EXTENSIONS
    | MHTML_EXTENSIONS
    | CSV_EXTENSIONS
    | ODS_EXTENSIONS
    | WORD_LIKE_EXTENSIONS
    | SHEET_LIKE_EXTENSIONS
)
TABLE_EXTENSIONS = (
    YAML_EXTENSIONS
    | TEXT_EXTENSIONS
    | EXCEL_EXTENSIONS
    | WORD_EXTENSIONS
    | PDF_EXTENSIONS
    | NOT_YET_EXTENSIONS
    | OTHER_EXTENSIONS
)

SIDECAR_SUFFIX = (
    ".noqa.yaml"  # ``table.xlsx.noqa.yaml``: suppressions written beside a table (linter.suppress)
)
STDIN = "-"  # read standard input

_GLOB_CHARS = frozenset("*?[")


def iter_input_files(paths, follow_links: bool = False) -> list[Path]:
    """The files to read for the given files, folders and globs, in a stable order, each once.

    A folder contributes its table files (known extensions, recursively, hidden ones and
    README files skipped — a README beside the tables describes them — sorted). A glob
    (``tables/**/*.pdf``, quoted so that the shell leaves it alone, and the only way on Windows)
    contributes the folders and table files it matches (those a folder search would take), sorted. A file named on the
    command line is kept whatever its extension or existence, so that ``read_path`` reports what is
    wrong with it; so is a folder holding no table file and a glob matching nothing, and ``-``
    (standard input). The one exception: a ``*.noqa.yaml`` suppression file (``SIDECAR_SUFFIX``) is
    never a table and is skipped wherever it comes from, named too — a pre-commit hook passes every
    changed file. Symbolic links to folders met in a walk or a glob are not followed unless
    ``follow_links``.
    """
    out: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        if p not in seen and not p.name.endswith(SIDECAR_SUFFIX):  # a table's noqa file is not a table
            seen.add(p)
            out.append(p)

    for raw in paths:
        text = str(raw)
        if text == STDIN:
            add(Path(STDIN))
            continue
        matches = _glob(text, follow_links)
        if matches is None:  # a plain path: kept, whatever it is
            matches = [Path(text)]
        elif not matches:  # a pattern matching no table file: read_path says so
            add(Path(text))
        for match in matches:
            if not _is_dir(str(match)):
                add(match)
                continue
            for p in _table_files(str(match), follow_links) or [match]:
                add(p)
    return out


# --------------------------------------------------------------------------- folders


def _table_files(folder: str, follow_links: bool = False) -> list[Path]:
    """The table files under ``folder``, sorted; with the entries read_path must report (see the
    module's docstring). An unreadable ``folder`` itself gives ``[folder]``."""
    # os.scandir, not Path.rglob + is_file: the directory listing already says which entries are
    # folders (a stat only for symbolic links), and hidden folders are pruned, not walked.
    found: list[str] = []
    pending = [folder]
    visited = {_identity(folder)} if follow_links else set()
    while pending:
        current = pending.pop()
        entries = _listing(current)
        if entries is None:
            found.append(current)  # an unreadable folder: reported, never skipped silently
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            kind = _kind(entry, follow_links)
            if kind == "dir":
                if follow_links:
                    identity = _identity(entry.path)
                    if identity in visited:
                        continue  # reached again through a link: a loop, or a second way in
                    visited.add(identity)
                pending.append(entry.path)
            elif kind != "linked dir" and _is_table_name(entry.name):
                found.append(entry.path)  # a file, or something read_path will say is none
    return [Path(p) for p in sorted(found, key=_path_order)]


def _listing(folder: str) -> list[os.DirEntry] | None:
    try:
        with os.scandir(folder) as it:
            return list(it)
    except OSError:
        return None


def _kind(entry: os.DirEntry, follow_links: bool) -> str:
    """``dir`` (to walk), ``linked dir`` (a link to a folder, not followed) or ``other``."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return "dir"
        if entry.is_symlink() and entry.is_dir():  # (is_dir follows the link: a stat)
            return "dir" if follow_links else "linked dir"
    except OSError:  # a link to itself, a dangling one, a permission problem: read_path says which
        pass
    return "other"


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _is_dir(path: str) -> bool:
    """Whether ``path`` is a folder (following a link); False for any error (read_path reports it)."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):  # ValueError: an embedded NUL
        return False


def _exists(path: str) -> bool:
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def _path_order(path: str) -> list[str]:
    """Paths ordered as pathlib orders them (folder by folder: ``a/b`` before ``a-c``), from the
    string: sorting ten thousand Path objects costs a quarter of a second, their strings a tenth of that."""
    return os.path.normcase(path).split(os.sep)


def _is_table_name(name: str) -> bool:
    return (
        os.path.splitext(name)[1].lower() in TABLE_EXTENSIONS
        and not name.startswith("~$")  # the lock file Office keeps beside an open document
        and not name.upper().startswith("README")
    )


# --------------------------------------------------------------------------- globs


def is_pattern(text: str) -> bool:
    """Whether a command-line argument is a glob pattern (``*``, ``?``, ``[``) rather than a path."""
    return bool(_GLOB_CHARS & set(text))


def _glob(text: str, follow_links: bool = False) -> list[Path] | None:
    """What a glob pattern matches: folders, and files a folder search would take (so that
    ``'tables/*'`` skips READMEs and Office lock files as ``tables`` does), sorted. None when
    ``text`` is no pattern, or exists as written (a file named ``a[1].txt``).

    As ``glob.glob(recursive=True)`` (``**`` is any number of folders, ``*`` does not match a
    leading dot), except that no symbolically linked folder is entered or returned unless
    ``follow_links``: Python's glob follows them, and a link to an ancestor made it run forever."""
    if not is_pattern(text) or _exists(text):
        return None
    only_dirs = text.endswith(os.sep) or (os.altsep is not None and text.endswith(os.altsep))
    parts = [p for p in _split(text.rstrip(os.sep + (os.altsep or "")))]
    first = next(i for i, p in enumerate(parts) if is_pattern(p))
    base = os.path.join(*parts[:first]) if first else ""
    if first and parts[0] == "":
        base = os.sep + base  # an absolute pattern
    found: dict[str, None] = {}
    _match(base, parts[first:], follow_links, found, set())
    matches = []
    for p in sorted(found, key=_path_order):
        kind = _plain_kind(p, follow_links)
        if kind == "dir" or (kind == "file" and not only_dirs and _is_table_name(os.path.basename(p))):
            matches.append(Path(p))
    return matches


def _split(text: str) -> list[str]:
    if os.altsep:
        text = text.replace(os.altsep, os.sep)
    return text.split(os.sep)


def _match(base: str, parts: list[str], follow_links: bool, found: dict, visited: set) -> None:
    """Add to ``found`` the paths under ``base`` ('' for the current folder) that ``parts`` match."""
    part, rest = parts[0], parts[1:]
    folder = base or os.curdir
    if part == "**":
        _match_any_depth(base, parts, follow_links, found, visited)
        return
    if not is_pattern(part):
        path = os.path.join(base, part)
        if not rest:
            if _exists(path):
                found[path] = None
        elif _is_dir(path):
            _match(path, rest, follow_links, found, visited)
        return
    entries = _listing(folder)
    if entries is None:
        if _exists(folder):
            found[folder] = None
        return
    hidden_too = part.startswith(".")
    for entry in entries:
        if (hidden_too or not entry.name.startswith(".")) and fnmatch.fnmatchcase(entry.name, part):
            path = os.path.join(base, entry.name)
            if not rest:
                found[path] = None
            elif _kind(entry, follow_links) == "dir":
                _match(path, rest, follow_links, found, visited)


def _match_any_depth(base: str, parts: list[str], follow_links: bool, found: dict, visited: set) -> None:
    """``_match`` for ``parts`` that begin with ``**``: the rest here, then in every folder below."""
    rest = parts[1:]
    folder = base or os.curdir
    if rest:
        _match(base, rest, follow_links, found, visited)  # ** as no folder at all
    else:
        found[folder] = None  # 'tables/**': the folder, walked whole
        return
    if follow_links:
        identity = _identity(folder)
        if identity in visited:
            return  # entered before, through a link: a loop
        visited.add(identity)
    entries = _listing(folder)
    if entries is None:
        found[folder] = None  # unreadable: read_path reports it
        return
    for entry in sorted(entries, key=lambda e: e.name):
        if not entry.name.startswith(".") and _kind(entry, follow_links) == "dir":
            _match(os.path.join(base, entry.name), parts, follow_links, found, visited)


def _plain_kind(path: str, follow_links: bool) -> str:
    """``dir`` (a folder to walk), ``file`` (anything else read_path can report on) or ``skip``
    (a link to a folder, not followed)."""
    try:
        st = os.lstat(path)
    except (OSError, ValueError):
        return "skip"
    if stat.S_ISDIR(st.st_mode):
        return "dir"
    if stat.S_ISLNK(st.st_mode) and _is_dir(path):
        return "dir" if follow_links else "skip"
    return "file"
