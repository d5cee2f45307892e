"""No input takes the machine down (issue 25): each hostile case is built here, small, at test time
(bombs capped: each inflates well past its limit, not to gigabytes), and checked in a subprocess
of its own under an address-space limit, so that a regression fails here instead of swapping.
Each asserts the exit code, what is printed (one line per bad file, the other files still
checked), the time taken and the peak memory. Every limit is in linter/limits.py and docs/limits.md.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from findings_of import totals_of
from office_templates import EXAMPLES, NAMES, xlsx_of

from linter import limits

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = EXAMPLES / f"{NAMES['000']}.txt"
_OWN = totals_of("000")  # its findings by severity, from the hand-written table (findings_of)


def counted(copies: int = 1, files: int = 1, unreadable: int = 0, extra_errors: int = 0) -> str:
    """The English summary line of a run over ``copies`` copies of example 000 and nothing else to find."""
    line = (
        f"{_OWN['error'] * copies + extra_errors} errors, {_OWN['warning'] * copies} warnings, "
        f"{_OWN['info'] * copies} info in {files} file{'s' if files != 1 else ''}"
    )
    if unreadable:
        line += f"; {unreadable} file{'s' if unreadable != 1 else ''} could not be read"
    return line


ADDRESS_SPACE = 1536 * 1024 * 1024  # RLIMIT_AS of each run: a regression fails (MemoryError) rather than swap
SECONDS, PEAK_MB = 10, 1024  # what each case must stay under


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # maximum resident set size, of the process or of any of its workers

    @property
    def lines(self) -> list[str]:
        return _English(self.stderr.splitlines())

    def bounded(self) -> None:
        assert self.seconds < SECONDS, f"took {self.seconds:.1f} s"
        assert self.peak_mb < PEAK_MB, f"peak {self.peak_mb:.0f} MB"
        assert "Traceback" not in self.stderr and "internal error" not in self.stderr, self.stderr[-2000:]


class _English(list):
    """stderr lines of a run under --lang en (``run_bounded`` asks for it), compared with lines written as
    the messages are made, ``中文 / English``: each expected line stands for its English half."""

    def __eq__(self, other) -> bool:
        from linter.i18n import pick

        return list(self) == [pick(line, "en") for line in other]

    __hash__ = None


def run_bounded(*args, stdin: bytes | None = None, open_files: int | None = None, timeout: float = 40) -> Run:
    """``indicator-lint ARGS`` in a subprocess under ADDRESS_SPACE (and ``ulimit -n open_files``)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
        if open_files:
            resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as into:
        if stdin is not None:
            into.write(stdin)
            into.seek(0)
        started = time.perf_counter()
        args = _in_english(list(map(str, args)))
        process = subprocess.Popen(
            [sys.executable, "-m", "linter", *args],
            stdin=into,
            stdout=out,
            stderr=err,
            preexec_fn=limit,
            env=env,
            cwd=ROOT,
        )
        killer = threading.Timer(timeout, process.kill)  # a hang fails the test, after ``timeout``
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)  # (the rusage of the process and its workers)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        run = Run(
            process.returncode, out.read().decode(), err.read().decode(), seconds, usage.ru_maxrss / 1024
        )
    if os.environ.get("HOSTILE_LOG"):  # the figures, for a person to read
        with open(os.environ["HOSTILE_LOG"], "a", encoding="utf-8") as log:
            print(
                f"{os.environ.get('PYTEST_CURRENT_TEST', '').split(' ')[0]}\t{run.code}\t{run.seconds:.2f} s\t"
                f"{run.peak_mb:.0f} MB",
                file=log,
            )
    return run


def _in_english(args: list[str]) -> list[str]:
    """These cases assert the English summary and the English half of each error (--lang en)."""
    if args and args[0] in ("check", "report", "baseline", "convert") and "--lang" not in args:
        return [args[0], "--lang", "en", *args[1:]]
    return args


def summary(run: Run) -> str:
    return run.stdout.strip().splitlines()[-1]


# --------------------------------------------------------------------------- workbooks


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    """Example 000 as a workbook (8.5 KB): 6 errors and 3 warnings, as its text."""
    return xlsx_of("000", tmp_path_factory.mktemp("book") / "base.xlsx")


def rewrite_sheet(source: Path, out: Path, rows: str = "", merges: str = "", change=None) -> Path:
    """``source`` with ``rows`` added at the end of its first sheet's data, ``merges`` added to its
    merged ranges, or the sheet's XML passed through ``change``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode().replace("</sheetData>", rows + "</sheetData>")
                if merges:
                    xml = (
                        xml.replace("</mergeCells>", merges + "</mergeCells>")
                        if "<mergeCells" in xml
                        else xml.replace("</sheetData>", f"</sheetData><mergeCells>{merges}</mergeCells>")
                    )
                data = (change(xml) if change else xml).encode()
            new.writestr(info.filename, data)
    return out


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_the_workbook_checks_as_its_text(book):
    run = run_bounded("check", book)
    assert run.code == 1 and summary(run) == counted()
    run.bounded()


@pytest.mark.parametrize("ref", ["CV200000", "Z100000"])
def test_a_stray_cell_far_away_is_read_in_bounded_memory(tmp_path, book, ref):
    # 5.9 GB (MemoryError) and 1.2 GB / 18 s: openpyxl made a cell object for every cell of the
    # range up to the stray one, and the grid a cell for each of them too.
    row = re.sub(r"\D", "", ref)
    far = rewrite_sheet(
        book,
        tmp_path / "far.xlsx",
        rows=f'<row r="{row}">{inline(ref, "x")}</row>',
        change=lambda xml: re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{ref}"/>', xml),
    )
    run = run_bounded("check", far)
    assert run.code == 1 and run.stderr == ""
    assert f"绩效目标表!{ref}: IL102" in run.stdout  # the stray cell is read, as a one-cell row
    assert summary(run) == counted(extra_errors=1)
    run.bounded()


def test_a_merge_over_the_rest_of_the_sheet_is_clipped_to_the_used_range(tmp_path, book):
    # 5.9 GB: openpyxl made a MergedCell for each of the 17 billion cells it covers.
    merged = rewrite_sheet(book, tmp_path / "merged.xlsx", merges='<mergeCell ref="A200:XFD1048576"/>')
    run = run_bounded("check", merged, book)
    assert run.code == 1 and run.stderr == ""
    assert summary(run) == counted(2, files=2)
    run.bounded()


@pytest.mark.slow
def test_a_merge_with_a_value_carried_down_a_million_rows_stays_in_the_used_range(tmp_path, book):
    merged = rewrite_sheet(
        book,
        tmp_path / "merged.xlsx",
        rows=f'<row r="300">{inline("K300", "≥95%")}</row>',
        merges='<mergeCell ref="K300:K1048576"/>',
    )
    run = run_bounded("check", merged)
    assert run.code == 1 and run.stderr == "" and "K301" not in run.stdout
    run.bounded()


def _sheet(body: str) -> bytes:
    return (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{body}</sheetData></worksheet>"
    ).encode()


def _same_cell(size: int) -> bytes:
    """``size`` bytes of the one cell over and over: it compresses some 400 times."""
    cell = '<c r="A1" t="inlineStr"><is><t>1</t></is></c>'
    return _sheet('<row r="1">' + cell * ((size - 200) // len(cell)) + "</row>")


def _numbers(cells: int) -> bytes:
    """``cells`` cells of different numbers, ten to a row: it compresses as real sheets do."""
    rows = (
        f'<row r="{r}">'
        + "".join(f'<c r="{c}{r}"><v>{r * 37 + i}</v></c>' for i, c in enumerate("ABCDEFGHIJ"))
        + "</row>"
        for r in range(1, cells // 10 + 1)
    )
    return _sheet("".join(rows))


def _sheets(out: Path, sheets: list[bytes]) -> Path:
    """A workbook of these sheets (no styles, no shared strings: nothing else)."""
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0"?><workbook xmlns="{main_ns}" xmlns:r="{rel_ns}"><sheets>'
            + "".join(f'<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, len(sheets) + 1))
            + "</sheets></workbook>",
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{sheet_type}" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(sheets) + 1)
            )
            + "</Relationships>",
        )
        for i, sheet in enumerate(sheets, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", sheet)
    return out


@pytest.mark.slow
def test_nineteen_sheets_of_ten_megabytes_are_refused_and_the_next_file_is_checked(tmp_path, book):
    # They passed the zip-bomb check (no member over 10 MiB); 842 KB took 165 s and ended in a
    # MemoryError traceback, and the next file was never reported.
    big = _sheets(tmp_path / "big.xlsx", [_same_cell(10 * 1024 * 1024)] * 19)
    run = run_bounded("check", big, book)
    assert run.code == 2
    assert (
        len(run.lines) == 1
        and run.lines[0].startswith(f"{big}: unpacks too large (190 MB")
        and "zip bomb?" in run.lines[0]
    )
    assert summary(run) == counted(unreadable=1)
    run.bounded()


@pytest.mark.slow
def test_a_workbook_of_too_many_cells_is_refused_once_counted(tmp_path, book):
    # Under the size limits (a 9 MB sheet of 330,000 cells, 700,000 elements) but too many elements:
    # refused once counted.
    big = _sheets(tmp_path / "cells.xlsx", [_numbers(330_000)])
    run = run_bounded("check", big, book)
    assert run.code == 2
    assert run.lines == [
        f"{big}: 工作簿内容过多（超过 500,000 个行、单元格等元素） / too much in the workbook "
        "(over 500,000 rows, cells and other elements)"
    ]
    assert summary(run) == counted(unreadable=1)
    run.bounded()


@pytest.mark.slow
def test_a_workbook_of_too_many_value_cells_is_refused(tmp_path):
    # Under the element count (230,000 cells, 483,000 elements) but more cells than a file may have.
    big = _sheets(tmp_path / "cells.xlsx", [_numbers(230_000)])
    run = run_bounded("check", big)
    assert run.code == 2
    assert run.lines == [f"{big}: 单元格过多（超过 200,000 个） / too many cells (over 200,000)"]
    run.bounded()


def _without_results(xml: str) -> str:
    """Every number of column F as a formula saved without its result (what a program writes)."""
    return re.sub(
        r'<c r="(F\d+)"((?: s="\d+")?)(?: t="n")?><v>[^<]*</v></c>', r'<c r="\1"\2><f>1+1</f></c>', xml
    )


@pytest.mark.slow
def test_formula_cells_without_results_are_named_in_one_problem(tmp_path, book):
    # They read as empty, silently: 26 empty-value errors and no word of why.
    formulas = rewrite_sheet(book, tmp_path / "formulas.xlsx", change=_without_results)
    run = run_bounded("check", "--statistics", formulas)
    assert run.code == 1 and run.stderr == ""
    assert "1  IL001  unreadable-row" in run.stdout
    run = run_bounded("check", formulas)
    [problem] = [line for line in run.stdout.splitlines() if "IL001" in line]
    assert problem.startswith(f"{formulas}:绩效目标表!F14:")
    assert (
        "formula cells 绩效目标表!F14, 绩效目标表!F15, 绩效目标表!F20" in problem and "and 26 more" in problem
    )
    assert "were saved without their results" in problem
    run.bounded()
    # and nothing is judged from them: no empty-value where the workbook itself says nothing
    before = [line for line in run_bounded("check", book).stdout.splitlines() if "IL102" in line]
    assert [line for line in run.stdout.splitlines() if "IL102" in line] == [
        line.replace(str(book), str(formulas)) for line in before
    ]


@pytest.mark.slow
def test_a_word_document_of_too_many_paragraphs_is_refused_before_it_is_built(tmp_path):
    from office_templates import docx_of

    good = docx_of("000", tmp_path / "good.docx")
    many = tmp_path / "many.docx"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if (
                info.filename == "word/document.xml"
            ):  # 600,000 empty paragraphs (each its own, to compress as text does)
                data = data.replace(
                    b"</w:body>", b"".join(b'<w:p w:rsidR="%d"/>' % n for n in range(600_000)) + b"</w:body>"
                )
            new.writestr(info.filename, data)
    run = run_bounded("check", many, good)
    assert run.code == 2
    assert len(run.lines) == 1 and run.lines[0].startswith(
        f"{many}: too much in the document (600,"
    )  # (and the example's own)
    assert run.lines[0].endswith("paragraphs, table rows and cells, limit 500,000)")
    assert summary(run) == counted(unreadable=1)
    run.bounded()


# --------------------------------------------------------------------------- PDF


def pdf_bomb(out: Path, inflated: int) -> Path:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes (of spaces)."""
    deflate = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    stream = b"".join([deflate.compress(chunk) for _ in range(inflated // len(chunk))] + [deflate.flush()])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(
        b"%010d 00000 n \n" % o for o in offsets
    )
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    out.write_bytes(bytes(pdf))
    return out


@pytest.mark.slow
def test_a_pdf_inflating_four_times_past_the_limit_is_refused_once_past_it(tmp_path):
    # A 256 KB PDF inflating to 256 MB (a 2 MB one inflated to 4.1 GB): decoding stops at MAX_PDF_INFLATED.
    bomb = pdf_bomb(tmp_path / "bomb.pdf", 4 * limits.MAX_PDF_INFLATED)
    assert bomb.stat().st_size < 512 * 1024
    run = run_bounded("check", bomb, EXAMPLE)
    assert run.code == 2
    assert run.lines == [
        f"{bomb}: PDF 解压后过大（超过 64.0 MB），疑似压缩炸弹 / the PDF inflates too large "
        "(over 64.0 MB): zip bomb?"
    ]
    assert summary(run) == counted(unreadable=1)
    run.bounded()


@pytest.mark.slow
def test_a_pdf_under_the_limit_still_reads(tmp_path):
    from pdf_templates import pdf_of

    run = run_bounded("check", pdf_of("000", tmp_path / "t.pdf"))
    assert run.code == 1 and run.stderr == ""
    run.bounded()


# --------------------------------------------------------------------------- text files, devices, FIFOs


def test_dev_zero_is_refused_before_it_is_opened():
    # 7.4 GB: read to its (never coming) end.
    run = run_bounded("check", "/dev/zero", EXAMPLE)
    assert run.code == 2
    assert run.lines == [
        "/dev/zero: 不是普通文件（字符设备），未读取 / not a regular file (a character device): not read"
    ]
    assert summary(run) == counted(unreadable=1)
    run.bounded()


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    # open() waited for a writer for ever.
    fifo = tmp_path / "table.txt"
    os.mkfifo(fifo)
    run = run_bounded("check", tmp_path, timeout=20)  # in a swept folder too
    assert run.code == 2
    assert run.lines == [f"{fifo}: 不是普通文件（命名管道），未读取 / not a regular file (a FIFO): not read"]
    run.bounded()


def test_standard_input_is_read_for_a_dash():
    run = run_bounded("check", "-", stdin=EXAMPLE.read_bytes())
    assert run.code == 1 and run.stderr == "" and summary(run) == counted()
    assert "-:97:21: IL204" in run.stdout
    run.bounded()


def test_standard_input_is_bounded_too(monkeypatch):
    import io

    import linter.readers

    monkeypatch.setattr(linter.readers, "MAX_BYTES", 100)

    class Stdin:
        buffer = io.BytesIO(b"x" * 1000)

    monkeypatch.setattr(sys, "stdin", Stdin)
    with pytest.raises(
        linter.readers.InputError,
        match=r"^-: 文件过大（超过 100 bytes） / file too large \(over 100 bytes\)$",
    ):
        linter.readers.read_path("-")


@pytest.mark.slow
def test_a_twenty_megabyte_line_of_tabs_is_refused(tmp_path):
    # 6.2 GB: some 300 bytes for each of its twenty million cells.
    tabs = tmp_path / "tabs.txt"
    table = EXAMPLE.read_bytes().rstrip(b"\n") + b"\n"
    tabs.write_bytes(table + b"\t" * (20 * 1024 * 1024) + b"\n")
    run = run_bounded("check", tabs, EXAMPLE)
    assert run.code == 2
    line = table.count(b"\n") + 1
    assert run.lines == [
        f"{tabs}:{line}: 一行中的单元格过多（20,971,521 个，上限 10,000） / too many cells in one line "
        "(20,971,521, limit 10,000)"
    ]
    assert summary(run) == counted(unreadable=1)
    run.bounded()


def test_too_many_cells_or_lines_are_refused(tmp_path):
    cells = tmp_path / "cells.txt"
    cells.write_text(EXAMPLE.read_text(encoding="utf-8") + "a\tb\tc\n" * 200_000, encoding="utf-8")
    lines = tmp_path / "lines.txt"
    lines.write_text(EXAMPLE.read_text(encoding="utf-8").rstrip("\n") + "\n" * 1_000_000, encoding="utf-8")
    run = run_bounded("check", cells, lines)
    assert run.code == 2
    assert run.lines == [
        f"{cells}: 单元格过多（超过 200,000 个） / too many cells (over 200,000)",
        f"{lines}: 行数过多（1,000,098 行，上限 1,000,000） / too many lines (1,000,098, limit 1,000,000)",
    ]
    run.bounded()


@pytest.mark.slow
def test_csv_web_pages_and_plain_text_doc_files_are_bounded_as_text_is(tmp_path):
    # Each went past 1.5 GB (MemoryError after 15 s) or took 40 s before it was bounded: the
    # formats of issue 21 went round the text file's limits.
    commas = tmp_path / "commas.csv"
    commas.write_text("一级指标,二级指标,三级指标,指标值\n" + "," * 5_000_000 + "\n", encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text("一级指标,二级指标,三级指标,指标值\n" + "a,b,c\n" * 70_000, encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<table><tr>" + "<td>a</td>" * 2_000_000 + "</tr></table>", encoding="utf-8")
    prose = tmp_path / "prose.html"  # text outside any table, cut as a text file's lines
    prose.write_text("<html><body><p>" + "|" * 6_000_000 + "</p></body></html>", encoding="utf-8")
    paragraphs = tmp_path / "paragraphs.html"
    paragraphs.write_text("<html><body>" + "<p>a | b | c</p>" * 100_000 + "</body></html>", encoding="utf-8")
    tabs = tmp_path / "tabs.doc"  # a web system's "Word" export that is plain text
    tabs.write_text("一级指标\t二级指标\t三级指标\t指标值\n" + "\t" * 5_000_000 + "\n", encoding="utf-8")
    lines = tmp_path / "lines.csv"
    lines.write_text("\n" * 1_000_001 + "a", encoding="utf-8")
    run = run_bounded("check", commas, rows, page, prose, paragraphs, tabs, lines, EXAMPLE)
    assert run.code == 2
    assert run.lines == [
        f"{commas}:2:1: 一行中的单元格过多（5,000,001 个，上限 10,000） / too many cells in one row (5,000,001, limit 10,000)",
        f"{rows}: 单元格过多（超过 200,000 个） / too many cells (over 200,000)",
        f"{page}: 单元格过多（超过 200,000 个） / too many cells (over 200,000)",
        f"{prose}:1: 一行中的单元格过多（6,000,001 个，上限 10,000） / too many cells in one line (6,000,001, limit 10,000)",
        f"{paragraphs}: 单元格过多（超过 200,000 个） / too many cells (over 200,000)",
        f"{tabs}:2: 一行中的单元格过多（5,000,001 个，上限 10,000） / too many cells in one line (5,000,001, limit 10,000)",
        f"{lines}: 行数过多（1,000,002 行，上限 1,000,000） / too many lines (1,000,002, limit 1,000,000)",
    ]
    assert summary(run) == counted(unreadable=7)  # and the example is checked
    run.bounded()


@pytest.mark.slow
def test_a_five_megabyte_value_cell_is_read_in_bounded_time(tmp_path):
    # 70 s: every quantity-like run of the text (``1人``) was parsed by the value grammar.
    text = EXAMPLE.read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(
        text.replace("\t1人\n", "\t" + "1人 " * (5 * 1024 * 1024 // 5) + "\n", 1), encoding="utf-8"
    )
    assert big.stat().st_size > 5 * 1024 * 1024
    run = run_bounded("check", big)
    assert run.code == 1 and run.stderr == ""
    run.bounded()


@pytest.mark.slow
def test_tables_of_hundreds_of_rows_in_traditional_characters_are_judged_in_bounded_time(tmp_path):
    # 100 tables of 300 rows: each finding's quotes were sought through every text of the document
    # (checks/printing.py), then through every row of its table (15 s); now a row's finding
    # searches its own row's and table's texts, 3.6 s (1.9 s printed in simplified characters)
    rows = "".join(
        f"產出指標\t數量指標\t上門服務老人數{i}\t≥{i}人\n滿意度指標\t服務對象滿意度指標\t服務對象滿意度{i}\t滿意\n"
        for i in range(150)
    )
    form = "项目名称\t社區養老服務{n}\n年度资金总额(萬元)\t50\n年度目標\t為轄區老人提供上門服務\n一级指标\t二级指标\t三级指标\t指标值\n"
    big = tmp_path / "big.txt"
    big.write_text("".join(form.format(n=n) + rows for n in range(100)), encoding="utf-8")
    run = run_bounded("check", big)
    assert run.code == 1 and run.stderr == ""
    run.bounded()


def test_a_long_value_keeps_the_quantities_and_comparator_of_its_start():
    from linter.readers.indicators import parse_bounded
    from linter.values.types import Text

    value = parse_bounded("不低于" + "3次，" * 2000)
    assert isinstance(value, Text) and value.raw == "不低于" + "3次，" * 2000
    assert value.comparator == "≥" and 0 < len(value.quantities) < limits.MAX_VALUE_SCAN
    assert parse_bounded("≥95%").kind == "quantity"


# --------------------------------------------------------------------------- sweeps


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "tables"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_bytes(EXAMPLE.read_bytes())
    return folder


def test_a_quoted_double_star_glob_does_not_follow_a_link_to_an_ancestor(tmp_path):
    # Python's glob followed it: the same file 41 times (or for ever, with two such links).
    folder = _folder(tmp_path)
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "sub" / "up2").symlink_to(folder, target_is_directory=True)
    run = run_bounded("check", f"{folder}/**/*.txt")
    assert run.code == 1 and summary(run) == counted()
    run.bounded()
    run = run_bounded("check", "--follow-links", f"{folder}/**/*.txt", folder)  # followed: each folder once
    assert run.code == 1 and summary(run) == counted()
    run.bounded()


def test_linked_folders_are_entered_only_when_asked(tmp_path):
    folder = _folder(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "link").symlink_to(elsewhere, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "b.txt").symlink_to(elsewhere / "b.txt")  # a link to a file is a file
    assert summary(run_bounded("check", folder)).endswith("in 2 files")
    assert summary(run_bounded("check", "--follow-links", folder)).endswith("in 3 files")
    assert summary(run_bounded("check", folder / "link")).endswith("in 1 file")  # named: entered


def test_a_link_to_itself_in_a_swept_folder_is_one_line_and_the_rest_is_checked(tmp_path):
    folder = _folder(tmp_path)
    (folder / "self.txt").symlink_to(folder / "self.txt")  # ELOOP
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    run = run_bounded("check", folder)
    assert run.code == 2
    assert run.lines == [
        f"{folder / 'gone.txt'}: 符号链接指向的文件不存在 / broken symbolic link (its target does not exist)",
        f"{folder / 'self.txt'}: 无法读取文件（Too many levels of symbolic links） / cannot read file (Too many levels "
        "of symbolic links)",
    ]
    assert summary(run) == counted(unreadable=2)
    run.bounded()


def test_an_unreadable_folder_is_reported_never_skipped(cli, tmp_path, monkeypatch):
    # The tests run as root, for whom every folder is readable: os.scandir is made to refuse one.
    folder = _folder(tmp_path)
    (folder / "locked").mkdir()
    (folder / "locked" / "c.txt").write_bytes(EXAMPLE.read_bytes())
    real = os.scandir

    def scandir(path="."):
        if os.path.basename(str(path)) == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli("check", "--lang", "en", folder, folder / "locked")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"{folder / 'locked'}: cannot read folder (Permission denied)"]
    assert result.stdout.strip().splitlines()[-1] == counted(unreadable=1)
    result = cli("check", f"{folder}/**/*.txt")  # a glob meets it too
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("name", ["a" * 300 + ".txt", "bad\0name.txt"])
def test_any_os_error_on_a_path_is_one_line(cli, tmp_path, name):
    result = cli("check", "--lang", "en", tmp_path / name, EXAMPLE)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, result.output
    assert "Traceback" not in result.output and result.stderr.startswith(str(tmp_path))
    assert result.stdout.strip().splitlines()[-1] == counted(unreadable=1)


def test_a_hundred_jobs_under_128_open_files_check_everything(tmp_path):
    # Each worker holds pipes: --jobs 100 ran out of file descriptors and ended in a traceback.
    for n in range(40):
        (tmp_path / f"t{n:02d}.txt").write_bytes(EXAMPLE.read_bytes())
    run = run_bounded("check", "--jobs", "100", tmp_path, open_files=128, timeout=60)
    assert run.code == 1 and run.stderr == ""
    assert summary(run) == counted(40, files=40)
    assert run.peak_mb < PEAK_MB and "Traceback" not in run.stderr


def test_jobs_are_capped_by_cores_and_open_files(monkeypatch):
    import linter.runners

    monkeypatch.setattr(linter.runners, "default_jobs", lambda: 2)
    assert linter.runners.max_jobs() <= 2 * limits.MAX_JOBS_PER_CORE
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    in_use = len(os.listdir("/proc/self/fd"))
    resource.setrlimit(resource.RLIMIT_NOFILE, (in_use + 10, hard))
    try:
        assert linter.runners.max_jobs() == 2
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_discovery_lives_in_its_own_module_and_the_old_names_still_import():
    import linter.discovery
    import linter.readers

    for name in ("iter_input_files", "SIDECAR_SUFFIX", "TABLE_EXTENSIONS", "YAML_EXTENSIONS"):
        assert getattr(linter.readers, name) is getattr(linter.discovery, name)


# --------------------------------------------------------------------------- documentation


def test_every_limit_is_documented_with_its_number():
    doc = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    assert "docs/limits.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    for name, value in vars(limits).items():
        if name.isupper():
            assert f"`{name}`" in doc, name
            shown = f"{value // 2**20} MiB" if value >= 2**20 and value % 2**20 == 0 else limits.count(value)
            assert f"`{name}` | {shown} |" in doc, (name, shown)


def test_a_password_protected_pdf_says_so_not_damaged(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    locked = tmp_path / "locked.pdf"
    page = canvas.Canvas(str(locked), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    page.drawString(100, 750, "项目名称")
    page.save()
    run = run_bounded("check", locked)
    assert run.code == 2
    assert run.lines == [f"{locked}: PDF 受密码保护，请先取消密码 / the PDF is password-protected"]


def test_annotating_a_workbook_with_a_huge_merge_is_one_line_not_gigabytes(tmp_path, book):
    # The reader clips the merge to the used range; openpyxl, loading the workbook to copy it for
    # --annotate, would make an object for each of the 17 billion cells it covers.
    merged = rewrite_sheet(book, tmp_path / "merged.xlsx", merges='<mergeCell ref="A200:XFD1048576"/>')
    run = run_bounded("check", merged, "--annotate", tmp_path / "marked.xlsx")
    assert run.code == 2
    assert run.lines == [
        f"indicator-lint: {merged}: 合并区域 A200:XFD1048576 过大，无法写出标注副本 / the merged "
        "range A200:XFD1048576 is too large to copy the workbook"
    ]
    assert not (tmp_path / "marked.xlsx").exists()
    run.bounded()
