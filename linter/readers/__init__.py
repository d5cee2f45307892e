"""The reader registry: file → Document, whatever the file is.

``read_path`` chooses a reader by extension and content, decodes the bytes (UTF-8 with or without
BOM, UTF-16/32 with BOM, GB18030/GBK) and turns every way a file can be unusable — missing, empty,
binary, too large, broken YAML, no table in it — into one ``InputError`` whose message is the one
line the command prints (exit code 2). Nothing else escapes: no input gives a traceback.

    doc = read_path("examples/000_8b9eba17efc00524.txt")   # Document, doc.encoding == "utf-8"
    for path in iter_input_files(["examples", "new.yaml"]): ...
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path

from linter import regexes
from linter.discovery import (  # noqa: F401 — file discovery lived here; its names are still imported from here
    EXCEL_EXTENSIONS,
    NOT_YET_EXTENSIONS,
    OTHER_EXTENSIONS,
    PDF_EXTENSIONS,
    SIDECAR_SUFFIX,
    STDIN,
    TABLE_EXTENSIONS,
    TEXT_EXTENSIONS,
    WORD_EXTENSIONS,
    YAML_EXTENSIONS,
    iter_input_files,
)
from linter.discovery import is_pattern as _is_pattern
from linter.limits import MAX_BYTES, MAX_CELLS, MAX_LINES, MAX_ROW_CELLS, count, megabytes
from linter.model import Document
from linter.readers.errors import InputError, shown, too_many_cells  # noqa: F401 — imported from here by every reader
from linter.readers.layout import SPACE_SEPARATOR, ascii_pipes, separator_of
from linter.readers.sniff import PDF_MAGIC, is_office_or_pdf, zip_kind


def read_path(path: str | Path, verbose: bool = False) -> Document:
    """Read one file into a Document, or raise InputError (and nothing else)."""
    name = str(path)
    suffix = os.path.splitext(name)[1].lower()
    data = _read_bytes(name)
    from linter.readers import formats

    if formats.handles(suffix, data):
        return formats.read_path_of(data, name, suffix, verbose)
    office = _office_kind(suffix, data)
    if office:
        doc = _read_office(data, name, office, verbose)
        if not doc.tables:
            raise InputError(name, "未找到绩效目标表", "no target table found")
        return doc
    if suffix in NOT_YET_EXTENSIONS or is_office_or_pdf(data):
        kind = suffix or "this"
        raise InputError(name, f"暂不支持 {kind} 文件", f"{kind} files are not supported yet")
    if not data.strip():
        raise InputError(name, "空文件", "empty file")
    text, encoding = decode(data, name)
    del data  # (up to MAX_BYTES: not held twice while the text is read)
    if not text.strip():
        raise InputError(name, "空文件", "empty file")

    fmt = _format_of(suffix, text)
    check_text_limits(text, name, cells=fmt == "text")
    doc = _read_text_as(text, name, fmt)
    doc.encoding = encoding
    if verbose:
        print(f"{name}: {encoding}, {doc.source_format}, {len(doc.tables)} table(s)", file=sys.stderr)
    if not doc.tables:
        raise _no_table(name, text)
    return doc


_CATEGORY_WORD = regexes.compile(r"(?:产出|效益|满意度|数量|质量|时效|成本)指标|三级指标|指标值")


def _no_table(name: str, text: str) -> InputError:
    """No table read: say so, and where the text looked like one, say what was found (a layout
    the reader does not know is not a clean file)."""
    found = [
        (number, m.group())
        for number, line in enumerate(text.splitlines()[:20_000], 1)
        for m in [_CATEGORY_WORD.search(line)]
        if m
    ]
    if not found:
        return InputError(name, "未找到绩效目标表", "no target table found")
    line, word = found[0]
    return InputError(
        name,
        f"未找到绩效目标表，但有 {len(found)} 行像指标内容（如第 {line} 行的“{word}”），其版式未能识别",
        f"no target table found, yet {len(found)} lines look like indicators (such as "
        f"'{word}' on line {line}): a layout not recognised",
        line,
    )


_FILE_KINDS = (
    (stat.S_ISFIFO, "命名管道", "a FIFO"),
    (stat.S_ISCHR, "字符设备", "a character device"),
    (stat.S_ISBLK, "块设备", "a block device"),
    (stat.S_ISSOCK, "套接字", "a socket"),
)


def _read_bytes(name: str) -> bytes:
    """The file's bytes, at most MAX_BYTES of them. Only a regular file is opened (or standard
    input, ``-``): a FIFO would block for ever and ``/dev/zero`` never end, so they are refused
    from a stat, before any open. Two system calls more than a bare read, no more: a sweep reads
    thousands of files."""
    if name == STDIN:
        return _bounded_read(sys.stdin.buffer, name)
    try:
        mode = os.stat(name).st_mode
    except (OSError, ValueError):
        mode = None  # open says what is wrong, below
    if mode is not None and not stat.S_ISREG(mode):
        raise _not_a_file(name, mode)
    try:
        with open(name, "rb", opener=_without_blocking) as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):  # replaced since the stat
                raise _not_a_file(name, info.st_mode)
            if info.st_size > MAX_BYTES:
                raise _too_large(name, info.st_size)
            return _bounded_read(f, name)
    except FileNotFoundError:
        if _is_pattern(name):
            raise InputError(
                name, "没有目标表文件与此模式匹配", "no table file matches this pattern"
            ) from None
        if os.path.islink(name):
            raise InputError(
                name, "符号链接指向的文件不存在", "broken symbolic link (its target does not exist)"
            ) from None
        raise InputError(name, "文件不存在", "no such file") from None
    except OSError as e:
        # A folder: IsADirectoryError, but PermissionError on Windows — ask only once open has failed.
        if isinstance(e, IsADirectoryError) or os.path.isdir(name):
            raise _folder_error(name) from None
        raise InputError(name, f"无法读取文件（{e.strerror}）", f"cannot read file ({e.strerror})") from None
    except ValueError:  # a NUL in the name
        raise InputError(name, "文件名无效", "invalid file name") from None


def _without_blocking(path, flags):
    # O_NONBLOCK: should a FIFO take the file's place between the stat and the open, the open does
    # not wait for a writer (and the fstat refuses it). It changes nothing for a regular file.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _bounded_read(f, name: str) -> bytes:
    data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # standard input, or a file that grew (or whose size said nothing)
        raise InputError(
            name, f"文件过大（超过 {megabytes(MAX_BYTES)}）", f"file too large (over {megabytes(MAX_BYTES)})"
        )
    return data


def _too_large(name: str, size: int) -> InputError:
    return InputError(
        name,
        f"文件过大（{megabytes(size)}，上限 {megabytes(MAX_BYTES)}）",
        f"file too large ({megabytes(size)}, limit {megabytes(MAX_BYTES)})",
    )


def _not_a_file(name: str, mode: int) -> InputError:
    if stat.S_ISDIR(mode):
        return _folder_error(name)
    zh, en = next(((zh, en) for test, zh, en in _FILE_KINDS if test(mode)), ("特殊文件", "a special file"))
    return InputError(name, f"不是普通文件（{zh}），未读取", f"not a regular file ({en}): not read")


def _folder_error(name: str) -> InputError:
    """A folder among the inputs: one holding no table file, or one that cannot be listed."""
    try:
        with os.scandir(name) as entries:
            next(entries, None)
    except OSError as e:
        return InputError(name, f"无法读取文件夹（{e.strerror}）", f"cannot read folder ({e.strerror})")
    return InputError(name, "文件夹中没有目标表文件", "no table files in this folder")


# ---------------------------------------------------------------------- bounds on a text file's rows and cells

_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines ends a line at
# Lines long enough to break a bound: more cells than MAX_ROW_CELLS needs that many characters.
_PARTS = regexes.compile(f"[^{_BREAKS}]+")


def check_text_limits(text: str, name: str, cells: bool = True) -> None:
    """InputError when the text has more lines than MAX_LINES or, read as a table (``cells``), a
    line of more than MAX_ROW_CELLS cells or more than MAX_CELLS cells in all. Counted before any line is cut into cells (a line of twenty
    million tabs would take gigabytes as cells), at the speed of str.count for files of ordinary
    size."""
    if cells:
        text = ascii_pipes(text)  # (full-width bars end cells as | does: read_text reads them so)
    if len(text) >= MAX_LINES:  # (fewer characters cannot make more lines)
        lines = _line_count(text)
        if lines > MAX_LINES:
            raise InputError(
                name,
                f"行数过多（{count(lines)} 行，上限 {count(MAX_LINES)}）",
                f"too many lines ({count(lines)}, limit {count(MAX_LINES)})",
            )
    if not cells:
        return
    for start, end in _long_lines(text, MAX_ROW_CELLS):
        _check_line(text[start:end], name, lambda start=start: _line_number(text, start))
    if len(text) < MAX_CELLS:
        return  # (each cell but a line's first takes a separator: a character at least)
    # Each run of spaces that separates cells holds one of these pairs, or a U+3000 (str.count, not
    # the regular expression, which takes a second over 50 MB).
    spaces = sum(text.count(pair) for pair in ("  ", " \xa0", "\xa0 ", "\xa0\xa0", "\u3000"))
    bound = text.count("\t") + text.count("|") + _line_count(text) + spaces
    if bound <= MAX_CELLS:
        return
    total = 0
    for line in text.splitlines():
        total += _cells_in(line)
        if total > MAX_CELLS:
            raise too_many_cells(name)


def _long_lines(text: str, length: int):
    """(start, end) of each line of ``length`` characters or more. Lines are looked for by "\\n"
    (str.find is ten times faster than a regular expression, which is tried at every position),
    then each long one cut at the other line ends of str.splitlines."""
    if len(text) < length:
        return
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start >= length:
            for m in _PARTS.finditer(text, start, end):
                if m.end() - m.start() >= length:
                    yield m.start(), m.end()
        start = end + 1


def _check_line(line: str, name: str, number) -> None:
    n = _cells_in(line)
    if n > MAX_ROW_CELLS:
        raise InputError(
            name,
            f"一行中的单元格过多（{count(n)} 个，上限 {count(MAX_ROW_CELLS)}）",
            f"too many cells in one line ({count(n)}, limit {count(MAX_ROW_CELLS)})",
            line=number(),
        )


def _cells_in(line: str) -> int:
    """How many cells layout.split_line cuts the line into at most (a blank line: none), without
    cutting it."""
    separator = separator_of(line)
    if separator == "tab":
        return line.count("\t") + 1
    if separator == "pipe":
        return line.count("|") + 1
    if not line.strip():
        return 0
    return SPACE_SEPARATOR.subn("", line)[1] + 1 if len(line) > 2 else 1


def _line_count(text: str) -> int:
    """len(text.splitlines()), without making the lines."""
    if not text:
        return 0
    breaks = sum(text.count(c) for c in _BREAKS) - text.count("\r\n")
    return breaks + (0 if text[-1] in _BREAKS else 1)


def _line_number(text: str, start: int) -> int:
    """The number of the line that starts at ``start``."""
    return 1 + _line_count(text[:start]) if start else 1


def _read_text_as(text: str, name: str, fmt: str) -> Document:
    with _reader_errors(name):
        if fmt == "yaml":
            from linter.readers.yaml_reader import read_yaml

            doc = read_yaml(text, name)
        else:
            from linter.readers.text import read_text

            doc = read_text(text, name)
    if not doc.source_format:
        doc.source_format = fmt
    doc.source_text = text
    return doc


# [^\S\n] (white space but a newline), not \s: with \s a run of blank lines can be cut into
# lines in exponentially many ways, and a file of 30 newlines took 40 s to be told apart.
_YAML_START = regexes.compile(
    r"^(?:---[^\S\n]*\n)?(?:#[^\n]*\n|[^\S\n]*\n)*"
    r"(?:tables|表|项目|title|标题|budget_year|预算年度)\s*:"
)


def _format_of(suffix: str, text: str) -> str:
    """``yaml`` or ``text``: by extension, and for unknown extensions by the first key."""
    if suffix in YAML_EXTENSIONS:
        return "yaml"
    if suffix in TEXT_EXTENSIONS:
        return "text"
    return "yaml" if _YAML_START.match(text) else "text"


def _office_kind(suffix: str, data: bytes) -> str:
    """``excel``, ``word``, ``pdf`` or '' — by extension, and for other names by the content."""
    if suffix in PDF_EXTENSIONS or data.startswith(PDF_MAGIC):
        return "pdf"
    if suffix in EXCEL_EXTENSIONS:
        return "excel"
    if suffix in WORD_EXTENSIONS:
        return "word"
    return "" if suffix in NOT_YET_EXTENSIONS else zip_kind(data)


@contextmanager
def _reader_errors(name: str):
    """Any failure inside a reader becomes an InputError: one line naming the file, never a traceback."""
    try:
        yield
    except InputError:
        raise
    except RecursionError:
        raise InputError(name, "结构嵌套过深，无法读取", "nesting too deep to read") from None
    except Exception as e:  # noqa: BLE001 — a reader bug must still not end in a traceback; name it plainly
        from linter.crash import describe

        raise InputError(
            name, f"读取失败（内部错误 {describe(e)}）", f"could not be read (internal error {describe(e)})"
        ) from None


def _read_office(data: bytes, name: str, kind: str, verbose: bool) -> Document:
    if not data:
        raise InputError(name, "空文件", "empty file")
    notes: list[str] = []  # read_excel's, shown with --verbose
    with _reader_errors(name):
        if kind == "word":
            from linter.readers.docx import read_docx

            doc = read_docx(data, name)
        elif kind == "pdf":
            from linter.readers.pdf import read_pdf

            doc = read_pdf(data, name)
        else:
            from linter.readers.excel import read_excel

            doc, notes = read_excel(data, name)
    if verbose:
        print(f"{name}: {doc.source_format}, {len(doc.tables)} table(s)", file=sys.stderr)
        for note in notes:
            print(f"{name}: {note}", file=sys.stderr)
    return doc


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: same start
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = regexes.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, name: str = "") -> tuple[str, str]:
    """(text, encoding name) for the bytes of a text file; InputError for a binary one."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                raise _binary(name) from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        try:
            text = data.decode(utf16) if utf16 else ""
        except UnicodeDecodeError:
            text = ""
        if not utf16 or not text or _CONTROL.search(text):
            raise _binary(name)
        return text, utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = []
    for codec in ("gbk", "big5", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
            continue  # decodes, but as control characters: binary data, not Chinese text
        share = _common_share(text)
        if share >= 0.85:
            return text, codec
        decoded.append(codec)
    if decoded:  # it decodes, but as rare characters: Shift-JIS, Korean, or the wrong one of these
        raise InputError(
            name,
            "无法识别文字编码（不是 UTF-8、GBK 或 Big5 编码的中文）",
            "cannot tell the text encoding (not Chinese in UTF-8, GBK or Big5)",
        )
    raise _binary(name)


_HANZI = regexes.compile(r"[\u4e00-\u9fff]")


def _common_share(text: str) -> float:
    """The share of Chinese characters that are common ones — in GB2312's first level (lead byte
    B0–D7) or Big5's (A4–C6). Text decoded with its own code is nearly all common (0.98–1.0 on the
    corpus); Big5 or Shift-JIS bytes decoded as GBK give 0.1–0.8. 1.0 for text with few characters."""
    sample = _HANZI.findall(text[:20_000])[:2000]
    if len(sample) < 20:
        return 1.0
    common = sum(
        1
        for ch in sample
        if 0xB0 <= ch.encode("gb2312", "replace")[0] <= 0xD7
        or 0xA4 <= ch.encode("big5", "replace")[0] <= 0xC6
    )
    return common / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    # UTF-16 text of CJK and ASCII without a BOM: the NULs of ASCII characters fall on one side.
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    # CJK characters put a NUL on the other side only now and then (U+4E00 is 00 4E).
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 8 and even * 4 <= odd:
        return "utf-16-le"
    if even > len(sample) // 8 and odd * 4 <= even:
        return "utf-16-be"
    return None


def _binary(name: str) -> InputError:
    return InputError(
        name,
        "不是文本文件（二进制内容或无法识别的编码）",
        "not a text file (binary content or unknown encoding)",
    )
