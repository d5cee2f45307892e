"""What indicator-lint refuses to write over, and the one-line errors of writing.

Nothing the user gave is overwritten: no command writes to a file it reads (a table, a
configuration, a baseline), whether the output names it, a symbolic link to it or a hard link to
it. Files are compared by device and inode, the only test that sees all three::

    reads = ReadFiles(inputs)       # the files the run reads (statted only when needed)
    reads.refuse(out)               # OutputError when ``out`` is one of them

An output that cannot be written is one line on stderr and exit code 2 (``cannot_write`` says
it, ``reason`` says why), and so is standard output that cannot take what is written to it (a full disk, a closed pipe:
``StdoutError``, turned into its line by ``linter.cli``).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

from linter.errors import LintError
from linter.safetext import shown


class OutputError(LintError):
    """An output that must not be written: ``OutputError(out, zh, en)``, one line (exit code 2)."""

    ends_run = True


class ReadOnlyOutput(PermissionError):
    """The output exists and has no write permission: it is the user's to keep, not replaced."""

    def __init__(self, path: Path | str):
        super().__init__(13, "the file is read-only", str(path))


class StdoutError(LintError):
    """Standard output could not be written (``exc``: the OSError): one line, exit code 2."""

    ends_run = True

    def __init__(self, exc: OSError):
        self.exc = exc
        zh, en = reason(exc)
        super().__init__(None, f"无法写入标准输出（{zh}）", f"cannot write to standard output: {en}")


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):  # missing, a dangling link, a name the system refuses
        return None
    return info.st_dev, info.st_ino


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether ``a`` and ``b`` are one existing file (through links, hard or symbolic)."""
    first = _identity(a)
    return first is not None and first == _identity(b)


class ReadFiles:
    """The files a run reads, to be told apart from its outputs."""

    def __init__(self, paths: Iterable[Path | str] = ()):
        self.paths: list[Path | str] = list(paths)

    def add(self, paths: Iterable[Path | str]) -> None:
        self.paths.extend(paths)

    def which(self, out: Path | str) -> Path | str | None:
        """The file read that ``out`` is (itself, through a symbolic or a hard link), or None.
        Only an existing output is compared: a new file is none of them, and costs one stat."""
        target = _identity(out)
        if target is None:
            return None
        return next((p for p in self.paths if _identity(p) == target), None)

    def refuse(self, out: Path | str) -> None:
        hit = self.which(out)
        if hit is None:
            return
        if os.path.abspath(hit) == os.path.abspath(out):
            raise OutputError(out, "不能覆盖正在读取的文件", "will not overwrite a file being read")
        raise OutputError(
            out,
            f"不能覆盖正在读取的文件（即 {hit}）",
            f"will not overwrite a file being read (it is {hit})",
        )


def refuse_read_only(out: Path | str) -> None:
    """OutputError when ``out`` exists without write permission (the mode bits: root may write
    anything), said before a run rather than after it (``replaced_atomically`` checks again)."""
    import stat

    try:
        mode = os.stat(out).st_mode
    except (OSError, ValueError):
        return
    if stat.S_ISREG(mode) and not mode & 0o222:
        raise OutputError(out, *cannot_write(ReadOnlyOutput(out)))


def refuse_existing(out: Path) -> None:
    """A file a folder conversion would write exists already (it did not write it: each name is
    written once in a run): OutputError, unless the user said ``--force``."""
    if os.path.lexists(out):
        raise OutputError(
            out,
            "文件已存在，未覆盖（--force 可覆盖）",
            "exists already, not overwritten (--force replaces it)",
        )


_IN_CHINESE = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EPIPE: "读取端已关闭",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "文件系统只读",
    errno.ENOENT: "文件夹不存在",
    errno.EISDIR: "是一个文件夹",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.EIO: "输入输出错误",
    errno.EFBIG: "文件过大",
}


def reason(exc: OSError) -> tuple[str, str]:
    """Why ``exc`` stopped a write, in Chinese and English, for the one line that says so."""
    if isinstance(exc, ReadOnlyOutput):
        return "文件为只读", "the file is read-only"
    en = shown(exc.strerror or str(exc))
    return (_IN_CHINESE.get(exc.errno, en) if exc.errno is not None else en), en


def cannot_write(exc: OSError, what: tuple[str, str] = ("", "")) -> tuple[str, str]:
    """What to say, in Chinese and English, of an output that could not be written and why (the
    error that carries it names the file), ``what`` naming the output: ``("报告", "report")`` →
    ``无法写入报告（没有权限）``, ``cannot write the report (Permission denied)``."""
    zh, en = reason(exc)
    named = f" the {what[1]}" if what[1] else ""
    return f"无法写入{what[0]}（{zh}）", f"cannot write{named} ({en})"


def echo(text: str, nl: bool = True) -> None:
    """``click.echo`` to standard output; StdoutError when it cannot take the text."""
    import click

    try:
        click.echo(text, nl=nl)
    except OSError as exc:
        raise StdoutError(exc) from None
