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
import re
import sys
from contextlib import contextmanager
from pathlib import Path

from linter.model import Document

MAX_BYTES = 50 * 1024 * 1024  # larger files are refused: no real target table comes near this

YAML_EXTENSIONS = frozenset({".yaml", ".yml"})
TEXT_EXTENSIONS = frozenset({".txt", ".md", ".tsv", ".text"})
EXCEL_EXTENSIONS = frozenset({".xlsx", ".xlsm", ".xls"})
WORD_EXTENSIONS = frozenset({".docx"})
PDF_EXTENSIONS = frozenset({".pdf"})
NOT_YET_EXTENSIONS = frozenset()  # later issues
# web pages, CSV, .ods, and .doc/.wps/.et through LibreOffice: linter.readers.formats
OTHER_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".mht", ".mhtml", ".csv", ".ods", ".doc", ".wps", ".et"})
TABLE_EXTENSIONS = YAML_EXTENSIONS | TEXT_EXTENSIONS | EXCEL_EXTENSIONS | WORD_EXTENSIONS | PDF_EXTENSIONS \
    | NOT_YET_EXTENSIONS | OTHER_EXTENSIONS


class InputError(Exception):
    """A file that cannot be read. ``str(error)`` is the one line to print: file, Chinese, English."""

    def __init__(self, path: str, zh: str, en: str, line: int | None = None):
        self.path, self.zh, self.en, self.line = str(path), zh, en, line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {zh} / {en}")


def shown(text: str, limit: int = 40) -> str:
    """``text`` as a message quotes it: cut to ``limit`` characters, so that one line stays short."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def iter_input_files(paths) -> list[Path]:
    """The files to read for the given files, folders and globs, in a stable order, each once.

    A folder contributes its table files (known extensions, recursively, hidden ones and
    README files skipped — a README beside the tables describes them — sorted). A glob
    (``tables/**/*.pdf``, quoted so that the shell leaves it alone, and the only way on Windows)
    contributes the folders and table files it matches (those a folder search would take), sorted. A file named on the
    command line is kept whatever its extension or existence, so that ``read_path`` reports what is
    wrong with it; so is a folder holding no table file and a glob matching nothing. The one
    exception: a ``*.noqa.yaml`` suppression file (``SIDECAR_SUFFIX``) is never a table and is
    skipped wherever it comes from, named too — a pre-commit hook passes every changed file.
    """
    out: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        if p not in seen and not p.name.endswith(SIDECAR_SUFFIX):  # a table's noqa file is not a table
            seen.add(p)
            out.append(p)

    for raw in paths:
        path = Path(raw)
        matches = _glob(path)
        if matches is None:  # a plain path: kept, whatever it is
            matches = [path]
        elif not matches:  # a pattern matching no table file: read_path says so
            add(path)
        for match in matches:
            if not match.is_dir():
                add(match)
                continue
            for p in _table_files(match) or [match]:
                add(p)
    return out


_GLOB_CHARS = frozenset("*?[")

SIDECAR_SUFFIX = ".noqa.yaml"  # ``table.xlsx.noqa.yaml``: suppressions written beside a table (linter.suppress)


def _glob(path: Path) -> list[Path] | None:
    """What a glob pattern matches: folders, and files a folder search would take (so that
    ``'tables/*'`` skips READMEs and Office lock files as ``tables`` does), sorted. None when
    ``path`` is no pattern, or exists as written (a file named ``a[1].txt``)."""
    text = str(path)
    if path.exists() or not _GLOB_CHARS & set(text):
        return None
    import glob

    found = (Path(p) for p in sorted(glob.glob(text, recursive=True), key=_path_order))
    return [p for p in found if p.is_dir() or _is_table_name(p.name)]


def _table_files(folder: Path) -> list[Path]:
    # os.scandir, not Path.rglob + is_file: the directory listing already says which entries are
    # regular files (a stat only for symbolic links), and hidden folders are pruned, not walked.
    found: list[str] = []
    pending = [str(folder)]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue  # an unreadable subfolder: as rglob, skipped
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            elif entry.is_file() and _is_table_name(entry.name):
                found.append(entry.path)
    return [Path(p) for p in sorted(found, key=_path_order)]


def _path_order(path: str) -> list[str]:
    """Paths ordered as pathlib orders them (folder by folder: ``a/b`` before ``a-c``), from the
    string: sorting ten thousand Path objects costs a quarter of a second, their strings a tenth of that."""
    return os.path.normcase(path).split(os.sep)


def _is_table_name(name: str) -> bool:
    return (os.path.splitext(name)[1].lower() in TABLE_EXTENSIONS
            and not name.startswith("~$")  # the lock file Office keeps beside an open document
            and not name.upper().startswith("README"))


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
    if suffix in NOT_YET_EXTENSIONS or _office_or_pdf(data):
        kind = suffix or "this"
        raise InputError(name, f"暂不支持 {kind} 文件", f"{kind} files are not supported yet")
    if not data.strip():
        raise InputError(name, "空文件", "empty file")
    text, encoding = decode(data, name)
    if not text.strip():
        raise InputError(name, "空文件", "empty file")

    doc = _read_text_as(text, name, _format_of(suffix, text))
    doc.encoding = encoding
    if verbose:
        print(f"{name}: {encoding}, {doc.source_format}, {len(doc.tables)} table(s)", file=sys.stderr)
    if not doc.tables:
        raise _no_table(name, text)
    return doc


_CATEGORY_WORD = re.compile(r"(?:产出|效益|满意度|数量|质量|时效|成本)指标|三级指标|指标值")


def _no_table(name: str, text: str) -> InputError:
    """No table read: say so, and where the text looked like one, say what was found (a layout
    the reader does not know is not a clean file)."""
    found = [(number, m.group()) for number, line in enumerate(text.splitlines()[:20_000], 1)
             for m in [_CATEGORY_WORD.search(line)] if m]
    if not found:
        return InputError(name, "未找到绩效目标表", "no target table found")
    line, word = found[0]
    return InputError(name, f"未找到绩效目标表，但有 {len(found)} 行像指标内容（如第 {line} 行的“{word}”），"
                            f"其版式未能识别",
                      f"no target table found, yet {len(found)} lines look like indicators (such as "
                      f"'{word}' on line {line}): a layout not recognised", line)


def _read_bytes(name: str) -> bytes:
    """The file's bytes. One open and one fstat: a sweep reads thousands of files, and asking
    first whether each exists and is a folder would cost as much again in system calls."""
    try:
        with open(name, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_BYTES:
                raise InputError(name, f"文件过大（{_megabytes(size)}，上限 {_megabytes(MAX_BYTES)}）",
                                 f"file too large ({_megabytes(size)}, limit {_megabytes(MAX_BYTES)})")
            return f.read()
    except FileNotFoundError:
        if _GLOB_CHARS & set(name):
            raise InputError(name, "没有目标表文件与此模式匹配", "no table file matches this pattern") from None
        raise InputError(name, "文件不存在", "no such file") from None
    except OSError as e:
        # A folder: IsADirectoryError, but PermissionError on Windows — ask only once open has failed.
        if isinstance(e, IsADirectoryError) or os.path.isdir(name):
            raise InputError(name, "文件夹中没有目标表文件", "no table files in this folder") from None
        raise InputError(name, f"无法读取文件（{e.strerror}）", f"cannot read file ({e.strerror})") from None


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
_YAML_START = re.compile(r"^(?:---[^\S\n]*\n)?(?:#[^\n]*\n|[^\S\n]*\n)*"
                         r"(?:tables|表|项目|title|标题|budget_year|预算年度)\s*:")


def _format_of(suffix: str, text: str) -> str:
    """``yaml`` or ``text``: by extension, and for unknown extensions by the first key."""
    if suffix in YAML_EXTENSIONS:
        return "yaml"
    if suffix in TEXT_EXTENSIONS:
        return "text"
    return "yaml" if _YAML_START.match(text) else "text"


def _office_kind(suffix: str, data: bytes) -> str:
    """``excel``, ``word``, ``pdf`` or '' — by extension, and for other names by the content."""
    if suffix in PDF_EXTENSIONS or data.startswith(b"%PDF-"):
        return "pdf"
    if suffix in EXCEL_EXTENSIONS:
        return "excel"
    if suffix in WORD_EXTENSIONS:
        return "word"
    if suffix in NOT_YET_EXTENSIONS or not data.startswith(b"PK\x03\x04"):
        return ""
    head = data[:65536]  # the zip's first local headers name its parts
    return "word" if b"word/" in head else "excel" if b"xl/" in head else ""


@contextmanager
def _reader_errors(name: str):
    """Any failure inside a reader becomes an InputError: one line naming the file, never a traceback."""
    try:
        yield
    except InputError:
        raise
    except RecursionError:
        raise InputError(name, "结构嵌套过深，无法读取", "nesting too deep to read") from None
    except Exception as e:  # a reader bug must still not end in a traceback; name it plainly
        from linter.crash import describe

        raise InputError(name, f"读取失败（内部错误 {describe(e)}）", f"could not be read (internal error {describe(e)})") from None


def _read_office(data: bytes, name: str, kind: str, verbose: bool) -> Document:
    if not data:
        raise InputError(name, "空文件", "empty file")
    with _reader_errors(name):
        if kind == "word":
            from linter.readers.docx import read_docx

            doc, notes = read_docx(data, name), []
        elif kind == "pdf":
            from linter.readers.pdf import read_pdf

            doc, notes = read_pdf(data, name), []
        else:
            from linter.readers.excel import read_excel

            doc, notes = read_excel(data, name)
    if verbose:
        print(f"{name}: {doc.source_format}, {len(doc.tables)} table(s)", file=sys.stderr)
        for note in notes:
            print(f"{name}: {note}", file=sys.stderr)
    return doc


def _office_or_pdf(data: bytes) -> bool:
    # Office files are zip archives (PK) or OLE compound files; PDFs start with %PDF.
    return data.startswith((b"PK\x03\x04", b"%PDF-", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: same start
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, name: str = "") -> tuple[str, str]:
    """(text, encoding name) for the bytes of a text file; InputError for a binary one."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                raise _binary(name) from None
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        try:
            text = data.decode(codec) if codec else ""
        except UnicodeDecodeError:
            text = ""
        if not text or _CONTROL.search(text):
            raise _binary(name)
        return text, codec
    for codec in ("utf-8", "gbk", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec != "utf-8" and len(_CONTROL.findall(text)) > max(2, len(text) // 100):
            break  # decodes, but as control characters: binary data, not Chinese text
        return text, codec
    raise _binary(name)


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
    return InputError(name, "不是文本文件（二进制内容或无法识别的编码）",
                      "not a text file (binary content or unknown encoding)")


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"
