"""One request's work: the uploaded files read, checked, rendered and marked, then forgotten.

Everything a request needs is made for it and dropped with it (no state between requests, so the
page scales by adding worker processes). The readers and the annotators take paths, so the files
are written to a private folder (``tempfile.mkdtemp``: mode 0700, under ``Settings.tmp_root``),
each under a name of ours (``1.xlsx``; the clerk's own name is only shown), and the folder is
removed when the request is answered, however that ends.

    outcomes = check_uploads([("表.xlsx", data)], settings, "zh")   # FileOutcome per upload
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import tempfile
import threading
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from linter.i18n import lang_of, pick

ALLOWED = (".xlsx", ".xlsm", ".xls", ".docx", ".pdf", ".txt", ".yaml", ".yml")
MB = 1024 * 1024

# One request checks at a time in a process: Python runs one thread at a time anyway, and the value
# parser and the check caches are shared by the process. More at once: more worker processes.
_CHECKING = threading.Lock()


@dataclass(frozen=True)
class Settings:
    """What a deployment chooses (``serve`` options, or the environment for ``uvicorn linter.serve:app``)."""

    lang: str = "zh"
    max_file_bytes: int = 20 * MB
    max_files: int = 20
    max_total_bytes: int = 50 * MB  # one upload, all its files together
    tmp_root: str | None = None  # where the private folders are made (None: the system's)
    config: str | None = None  # a configuration file (None: the built-in defaults, never one found upward)

    @property
    def max_request_bytes(self) -> int:
        """What a request's body may hold: the files (a file over its own limit is still received,
        to be refused by name) and the form's own bytes."""
        return max(self.max_total_bytes, self.max_file_bytes) + MB

    @classmethod
    def from_environment(cls, environ=None) -> Settings:
        """``INDICATOR_LINT_LANG``, ``INDICATOR_LINT_MAX_MB`` (per file), ``INDICATOR_LINT_MAX_TOTAL_MB``
        (per upload), ``INDICATOR_LINT_MAX_FILES``, ``INDICATOR_LINT_TMP``, ``INDICATOR_LINT_CONFIG``."""
        env = os.environ if environ is None else environ

        def number(key: str, default: int) -> int:
            try:
                value = int(env.get(key, default))
            except ValueError:
                return default
            return value if value > 0 else default

        return cls(
            lang=lang_of(env.get("INDICATOR_LINT_LANG")),
            max_file_bytes=number("INDICATOR_LINT_MAX_MB", 20) * MB,
            max_files=number("INDICATOR_LINT_MAX_FILES", 20),
            max_total_bytes=number("INDICATOR_LINT_MAX_TOTAL_MB", 50) * MB,
            tmp_root=env.get("INDICATOR_LINT_TMP") or None,
            config=env.get("INDICATOR_LINT_CONFIG") or None,
        )

    def config_file(self) -> str:
        if self.config:
            return self.config
        from importlib import resources

        return str(resources.files("linter.presets").joinpath("default.yaml"))


@dataclass
class Download:
    """A file offered for download with the results."""

    label_key: str  # a page word: annotated_xlsx, annotated_docx, findings_xlsx
    filename: str
    mime: str
    data: bytes


@dataclass
class FileOutcome:
    """What the page shows of one upload."""

    name: str  # as the clerk named it
    error: str | None = None  # one line, in the page's language
    findings: list = field(default_factory=list)  # Findings, located at ``name``
    spots: list = field(default_factory=list)  # where each shows in the tables (report.cells.Spot)
    section_html: str = ""  # the tables as they read, flagged cells marked (the HTML report's rendering)
    tables: int = 0
    indicators: int = 0
    downloads: list[Download] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(f.severity for f in self.findings)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def shown_name(raw: str | None) -> str:
    """The upload's file name as it may be shown: its last part (a browser may send a whole path),
    without control characters, at most 120 characters."""
    from linter.safetext import shown

    name = re.split(r"[\\/]", raw or "")[-1].strip()
    name = shown(name)[:120]
    return name or "未命名"


def check_uploads(uploads: list[tuple[str, bytes]], settings: Settings, lang: str) -> list[FileOutcome]:
    """Each upload (name, bytes) read, checked and rendered, in order; the private folder removed."""
    from linter.lintrun import LintRun

    with _CHECKING, private_folder(settings.tmp_root) as folder:
        run = LintRun(settings.config_file(), lang=lang)
        return [_one(run, folder, n, name, data, settings, lang) for n, (name, data) in enumerate(uploads, 1)]


@contextmanager
def private_folder(root: str | None):
    """A folder of this process's alone (mode 0700), removed with what is in it afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="indicator-lint-", dir=root))  # 0700: this process's alone
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _one(run, folder: Path, n: int, raw_name: str, data: bytes, settings: Settings, lang: str) -> FileOutcome:
    from linter.engine import CheckFailed
    from linter.readers import InputError, read_path

    name = shown_name(raw_name)
    out = FileOutcome(name)
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in ALLOWED:
        out.error = _say(
            lang,
            f"{name}: 不支持此类文件（可检查 {'、'.join(ALLOWED)}）",
            f"{name}: this kind of file is not supported (these are: {', '.join(ALLOWED)})",
        )
        return out
    if len(data) > settings.max_file_bytes:
        out.error = _say(
            lang,
            f"{name}: 文件过大（{len(data) / MB:.1f} MB，上限 {settings.max_file_bytes // MB} MB）",
            f"{name}: file too large ({len(data) / MB:.1f} MB, limit {settings.max_file_bytes // MB} MB)",
        )
        return out
    path = folder / f"{n}{suffix}"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    try:
        doc = read_path(path)
    except InputError as exc:
        out.error = pick(str(exc).replace(str(path), name), lang, name)
        return out
    try:
        findings = run.check(path, doc)
    except CheckFailed as exc:
        out.error = pick(str(exc).replace(str(path), name), lang, name)
        return out
    except Exception as exc:  # noqa: BLE001 — a bug of ours: one line on the page, never a traceback
        from linter.crash import describe

        out.error = _say(
            lang,
            f"{name}: 检查失败（内部错误 {describe(exc)}）",
            f"{name}: could not be checked (internal error {describe(exc)})",
        )
        return out
    _render(out, doc, findings, lang)
    out.downloads = [*_marked_copy(path, doc, findings, name, folder, lang), _findings(run, doc, out, lang)]
    return out


def _say(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _render(out: FileOutcome, doc, findings: list, lang: str) -> None:
    """The tables as the HTML report draws them; findings then moved to the clerk's file name."""
    from linter.report.cells import place_findings
    from linter.report.sections import render_file
    from linter.report.summary import file_id

    out.spots = place_findings(doc, findings)  # (by the locations the reader gave: before the renaming)
    out.findings = [
        dataclasses.replace(f, location=dataclasses.replace(f.location, path=out.name)) for f in findings
    ]
    path, doc.path = doc.path, out.name
    try:
        out.section_html = render_file(doc, out.findings, out.spots, file_id(out.name), lang)
    finally:
        doc.path = path
    out.tables = len(doc.tables)
    out.indicators = sum(len(t.indicators) for t in doc.tables)


def _marked_copy(path: Path, doc, findings: list, name: str, folder: Path, lang: str) -> list[Download]:
    """The upload with its findings marked; none when the copy cannot be made (the page still
    shows the findings)."""
    from linter.annotate import AnnotateError, annotated_kind, write_annotated

    stem = os.path.splitext(name)[0] or "目标表"
    kind = annotated_kind(path)
    tag = "已标注" if lang == "zh" else "marked"
    marked = folder / f"marked{kind}"
    try:
        write_annotated(path, doc, findings, marked, lang=lang, shown_path=name)
    except AnnotateError:
        return []
    label = "annotated_docx" if kind == ".docx" else "annotated_xlsx"
    return [Download(label, f"{stem}（{tag}）{kind}", DOCX if kind == ".docx" else XLSX, marked.read_bytes())]


def _findings(run, doc, out: FileOutcome, lang: str) -> Download:
    """The findings as ``check --format xlsx`` writes them (its sink), under the upload's name."""
    from linter.formatters.xlsx import departments_of
    from linter.results import FileEntry, FileResult
    from linter.sinks.workbook import WorkbookSink

    buffer = io.BytesIO()
    sink = WorkbookSink(buffer, lambda: run.rules_seen, lang)
    sink.add(FileResult(FileEntry(out.name), findings=out.findings, digest=departments_of(doc)))
    sink.finish()
    filename = f"{out.name}（{'检查结果' if lang == 'zh' else 'findings'}）.xlsx"
    return Download("findings_xlsx", filename, XLSX, buffer.getvalue())
