"""PDF files (pdfplumber) → Document, through the same row logic as text, Excel and Word.

A published target table is a PDF printed from Word or Excel: ruled tables with the document's
title, ``（2025年度）`` and ``单位：万元`` printed above them. The pages are read top to bottom, as
a person reads them, into one stream of rows (``grid``):

* a line of text outside the tables is a one-cell row (so the title and year above a table are
  read as in a text file); page numbers (``第 3 页``, ``- 3 -``) are dropped;
* a ruled table (``page.find_tables``) gives one row per grid row, one cell per grid column. A
  merged cell keeps its text in its first grid cell and the cells it covers read empty, as in the
  Excel reader (a vertically merged value such as ``≥95%`` is repeated on each row it covers);
* a table that goes on over a page break is joined: when a page ends with a table and the next
  page starts with one of the same width, the second is the first's continuation. Both parts are
  laid on one set of columns (by their cells' left edges: the parts rarely have the same column
  lines), and a header row repeated at the top of the next page is dropped;
* a cell's text wrapped over several lines is joined (no space between Chinese characters).

Findings point at the page: ``file.pdf:page 3``; line/column keep the row in reading order and
the column, for sorting. A PDF without a text layer (a scan) or a damaged one is an InputError.

The streams pdfminer decodes (page contents, fonts, object and cross-reference streams) together
may inflate to MAX_PDF_INFLATED bytes (linter.limits); a PDF whose streams inflate beyond is an
InputError as soon as they do, however far they would have gone (a 2 MB PDF inflated to 4 GB).

    doc = read_pdf(Path("a.pdf").read_bytes(), "a.pdf")
    doc.tables[0].indicators[0].location  → Location(path="a.pdf", line=14, column=3, page=1)
"""

from __future__ import annotations

import contextlib
import io
import logging
import zlib
from dataclasses import dataclass, field
from types import SimpleNamespace

import pdfminer.pdftypes
import pdfplumber
from pdfminer.ccitt import CCITTFaxDecoder
from pdfminer.lzw import LZWDecoder
from pdfplumber.utils import extract_text

from linter import regexes
from linter.limits import MAX_PDF_INFLATED, megabytes
from linter.model import Document, Location
from linter.readers import InputError
from linter.readers.form import PAGE_NUMBER
from linter.readers.grid import GridBlock, GridCell, carries_down, read_grid
from linter.readers.html_cells import ITEM_MARKER, looks_like_tree

EDGE = 3.0  # points: two edges this close are the same line (cell borders are drawn with some slack)
_ASCII_WORD = regexes.compile(r"[A-Za-z0-9]")


@dataclass
class _Cell:
    text: str
    x0: float
    row: int  # within its fragment
    rows: int  # how many grid rows it covers


@dataclass
class _Fragment:
    """The part of a ruled table on one page."""

    page: int
    x0: float
    x1: float
    n_rows: int
    cells: list[_Cell] = field(default_factory=list)

    def first_row_texts(self) -> list[str]:
        return [c.text for c in self.cells if c.row == 0]


def read_pdf(data: bytes, path: str) -> Document:
    """A PDF with a text layer: ruled tables read as grids, the text between them as lines."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns about every odd object
    with _inflating(MAX_PDF_INFLATED) as budget:
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
        except Exception as e:  # noqa: BLE001 — pdfminer raises PDFSyntaxError, PSEOF, PDFPasswordIncorrect, …
            raise _open_error(path, e, budget) from None
        try:
            items, has_text = _page_items(list(pdf.pages))
        except Exception as e:  # noqa: BLE001 — a damaged page tree, or a page whose content stream is damaged
            raise _open_error(path, e, budget) from None
        finally:
            # Not ``with pdf``: pdfplumber's close() walks the pages again, and on a damaged page tree
            # fails again, which would replace the InputError just raised by a bare exception.
            with contextlib.suppress(Exception):
                pdf.close()
        if budget.exceeded:  # (pdfminer passed over the failure somewhere, and read on without the stream)
            raise _too_large(path)
    if not has_text:
        raise InputError(
            path,
            "PDF 没有文字层（可能是扫描件），请先做文字识别（OCR）或提供原始文件",
            "the PDF has no text layer (a scanned document?): run OCR or supply the original file",
        )
    return read_grid(path, [_block(path, items)], "pdf")


# ---------------------------------------------------------------------- bounded decoding


class _TooLarge(Exception):
    """The PDF's streams inflate beyond the budget."""


class _Budget:
    def __init__(self, size: int | None):
        self.left, self.exceeded = size, False

    def take(self, n: int) -> None:
        if self.left is None:
            return
        self.left -= n
        if self.left < 0:
            self.exceeded = True
            raise _TooLarge()

    def room(self) -> int:
        """How many more bytes one call may make (0: any number, as zlib's max_length takes it)."""
        return 0 if self.left is None else max(self.left, 0) + 1


_budget = _Budget(None)  # the PDF being read (read_pdf); unbounded outside it


@contextlib.contextmanager
def _inflating(size: int):
    global _budget
    outer, _budget = _budget, _Budget(size)
    try:
        yield _budget
    finally:
        _budget = outer


def _inflate(data: bytes) -> bytes:
    """zlib.decompress, making no more than the budget allows. A truncated stream gives what it
    holds (pdfminer would have salvaged that much byte by byte); bad data raises zlib.error."""
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, _budget.room())
    _budget.take(len(out) + (1 if inflater.unconsumed_tail else 0))
    return out


def _inflate_damaged(data: bytes) -> bytes:
    """pdfminer's decompress_corrupted (what inflates before the damage), in linear time and
    within the budget: it fed zlib a byte at a time and joined the output with ``+=``."""
    inflater = zlib.decompressobj()
    out = []
    try:
        for i in range(len(data)):
            piece = inflater.decompress(data[i : i + 1], _budget.room())
            _budget.take(len(piece) + (1 if inflater.unconsumed_tail else 0))
            out.append(piece)
    except zlib.error:
        if i < len(data) - 3:  # as pdfminer: an error before the checksum is an error
            raise
    return b"".join(out)


def _lzw(data: bytes) -> bytes:
    out = []
    for piece in LZWDecoder(io.BytesIO(data)).run():
        _budget.take(len(piece))
        out.append(piece)
    return b"".join(out)


def _run_length(data: bytes) -> bytes:
    """pdfminer's rldecode (PDF Reference 3.3.4), within the budget."""
    out = []
    i = 0
    while i < len(data) and data[i] != 128:
        length = data[i]
        if length < 128:
            piece = data[i + 1 : i + 2 + length]
            i += 2 + length
        else:
            piece = data[i + 1 : i + 2] * (257 - length)
            i += 2
        _budget.take(len(piece))
        out.append(piece)
    return b"".join(out)


class _BoundedFax(CCITTFaxDecoder):
    def output_line(self, y, bits) -> None:
        _budget.take((len(bits) + 7) // 8)
        super().output_line(y, bits)


def _fax(data: bytes, params) -> bytes:
    from pdfminer.ccitt import ccittfaxdecode

    if params.get("K") != -1:
        return ccittfaxdecode(data, params)  # (raises: only K=-1 is decoded)
    parser = _BoundedFax(
        params.get("Columns"), bytealign=params.get("EncodedByteAlign"), reversed=params.get("BlackIs1")
    )
    parser.feedbytes(data)
    return parser.close()


# pdfminer's stream decoder (PDFStream.decode) calls these by their names in its module.
pdfminer.pdftypes.zlib = SimpleNamespace(  # type: ignore[assignment]  # a stand-in for the module
    decompress=_inflate, decompressobj=zlib.decompressobj, error=zlib.error
)
pdfminer.pdftypes.decompress_corrupted = _inflate_damaged
pdfminer.pdftypes.lzwdecode = _lzw
pdfminer.pdftypes.rldecode = _run_length
pdfminer.pdftypes.ccittfaxdecode = _fax


def _too_large(path: str) -> InputError:
    return InputError(
        path,
        f"PDF 解压后过大（超过 {megabytes(MAX_PDF_INFLATED)}），疑似压缩炸弹",
        f"the PDF inflates too large (over {megabytes(MAX_PDF_INFLATED)}): zip bomb?",
    )


def _open_error(path: str, e: Exception, budget: _Budget):
    if budget.exceeded:
        return _too_large(path)
    name = type(e).__name__
    # pdfplumber wraps pdfminer's own error (PdfminerException(PDFPasswordIncorrect())): look inside
    inner = " ".join(type(a).__name__ for a in getattr(e, "args", ()) if isinstance(a, BaseException))
    if any(word in f"{name} {inner}" for word in ("Password", "Encrypt")):
        return InputError(path, "PDF 受密码保护，请先取消密码", "the PDF is password-protected")
    return InputError(
        path, f"PDF 文件已损坏，无法读取（{name}）", f"the PDF is damaged and cannot be read ({name})"
    )


def _page_items(pages) -> tuple[list[tuple[int, str, object]], bool]:
    """(page number, "line" | "table", text or fragment) in reading order; whether any text was found."""
    items: list[tuple[int, str, object]] = []
    has_text = False
    for number, page in enumerate(pages, 1):
        if not page.chars:
            continue
        has_text = True
        tables = page.find_tables()
        boxes = [t.bbox for t in tables]
        placed: list[tuple[float, str, object]] = [(t.bbox[1], "table", _fragment(t, number)) for t in tables]
        outside = page.filter(
            lambda obj, boxes=boxes: (
                obj.get("object_type") != "char" or not any(_inside(obj, b) for b in boxes)
            )
        )
        for line in outside.extract_text_lines():
            text = line["text"].strip()
            if text and not PAGE_NUMBER.match(text):
                placed.append((line["top"], "line", text))
        placed.sort(key=lambda p: p[0])
        items.extend((number, kind, payload) for _, kind, payload in placed)
        page.close()  # drop the page's parsed objects: memory stays flat in the number of pages
    return items, has_text


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _fragment(table, page: int) -> _Fragment:
    """The table's cells with their geometry: which grid rows each covers, where it starts and ends."""
    rows = table.rows
    tops = [r.bbox[1] for r in rows]
    chars = [c for c in table.page.chars if _inside(c, table.bbox)]
    out = _Fragment(page, table.bbox[0], table.bbox[2], len(rows))
    for r, row in enumerate(rows):
        row_chars = [c for c in chars if _inside(c, row.bbox)]  # the row's box spans its tall cells too
        for box in row.cells:
            if box is None:
                continue  # covered by a merged cell that starts above or to the left
            covered = sum(1 for top in tops[r:] if top < box[3] - EDGE)
            text = _cell_text([c for c in row_chars if _inside(c, box)])
            out.cells.append(_Cell(text, box[0], r, max(covered, 1)))
    return out


def _cell_text(chars: list[dict]) -> str:
    """A cell's lines as one text. A line that ends short of the cell's longest line by more than
    the next line's first word was broken on purpose (a new paragraph or item): a newline. Otherwise the text merely wrapped: Chinese
    joins directly, Latin words and numbers keep a space, and a space is put back before what
    cannot be part of a name (``≥95%``, an item number ``2.``) since wrapping ate the one printed."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if lines and abs(char["top"] - lines[-1][0]["top"]) <= EDGE:
            lines[-1].append(char)
        else:
            lines.append([char])
    if not lines:
        return ""
    right = max(c["x1"] for c in chars)
    out = ""
    for i, line in enumerate(lines):
        text = extract_text(line).strip()
        if not text:
            continue
        if out:
            previous = lines[i - 1]
            room = right - max(c["x1"] for c in previous)
            broken = room > _first_unit_width(line) + 0.5 * max(c["size"] for c in previous)
            out += "\n" if broken else " " if _needs_space(out, text) else ""
        out += text
    if "\n" in out and looks_like_tree(out):
        # A whole indicator tree printed in one cell (web-published tables): its lines are its items,
        # as the <p> tags of the HTML it was printed from were; html_cells cuts items at tags.
        out = out.replace("\n", "<br>")
    return out


def _first_unit_width(line: list[dict]) -> float:
    """The width of what the line begins with that wrapping cannot cut: a Chinese character (two
    when the second is punctuation, which may not begin a line), else a run of Latin or digits."""
    end = 0
    if _is_cjk(line[0]["text"]):
        if len(line) > 1 and line[1]["text"] in _NO_LINE_START:
            end = 1
    else:
        while end + 1 < len(line) and line[end + 1]["text"].strip() and not _is_cjk(line[end + 1]["text"]):
            end += 1
    return line[end]["x1"] - line[0]["x0"]


def _is_cjk(char: str) -> bool:
    return bool(char) and ord(char[0]) >= 0x2E80


_NO_LINE_START = set("，。、；：？！）》」』】,.;:?!)%")
_COMPARATOR = frozenset("≥≤<>＞＜≠")


def _needs_space(before: str, after: str) -> bool:
    return (
        bool(_ASCII_WORD.match(before[-1]) and _ASCII_WORD.match(after[0]))
        or after[0] in _COMPARATOR
        or bool(ITEM_MARKER.match(after))
    )


def _groups(items):
    """Items with each run of table fragments that continue over page breaks gathered in a list."""
    out: list = []
    for number, kind, payload in items:
        if kind == "table" and out and isinstance(out[-1], list) and _continues(out[-1], payload):
            out[-1].append(payload)
        elif kind == "table":
            out.append([payload])
        else:
            out.append((number, payload))
    return out


def _continues(group: list[_Fragment], frag: _Fragment) -> bool:
    """Does ``frag`` go on with ``group``? Called only when nothing was read between them, so the
    group ended its page and ``frag`` starts the next: then the same width makes it the same table."""
    last = group[-1]
    return frag.page == last.page + 1 and abs(frag.x0 - last.x0) <= EDGE and abs(frag.x1 - last.x1) <= EDGE


def _block(path: str, items) -> GridBlock:
    rows: list[list[GridCell]] = []
    line = 0
    for group in _groups(items):
        if isinstance(group, tuple):
            page, text = group
            line += 1
            rows.append([GridCell(text, Location(path, line, 1, page=page))])
            continue
        for page, cells in _grid_rows(group):
            line += 1
            rows.append(
                [GridCell(text, Location(path, line, c, page=page)) for c, text in enumerate(cells, 1)]
            )
    return GridBlock(rows, name="pdf")


def _grid_rows(group: list[_Fragment]) -> list[tuple[int, list[str]]]:
    """(page, cell texts) for every row of a table joined from its fragments, merges resolved."""
    lefts = _columns(x for frag in group for c in frag.cells for x in (c.x0,))
    header = group[0].first_row_texts()
    out: list[tuple[int, list[str]]] = []
    for i, frag in enumerate(group):
        skip = 1 if i and frag.n_rows > 1 and frag.first_row_texts() == header else 0  # repeated header
        grid = [[""] * len(lefts) for _ in range(frag.n_rows)]
        for cell in frag.cells:
            col = _column_of(lefts, cell.x0)
            grid[cell.row][col] = cell.text
            if cell.rows > 1 and carries_down(cell.text):
                for r in range(cell.row + 1, min(cell.row + cell.rows, frag.n_rows)):
                    grid[r][col] = cell.text  # each row the merged value covers has that value
        out.extend((frag.page, row) for row in grid[skip:])
    return out


def _columns(xs) -> list[float]:
    """The distinct left edges, edges closer than EDGE taken as one."""
    lefts: list[float] = []
    for x in sorted(xs):
        if not lefts or x - lefts[-1] > EDGE:
            lefts.append(x)
    return lefts


def _column_of(lefts: list[float], x: float) -> int:
    return min(range(len(lefts)), key=lambda i: abs(lefts[i] - x))


__all__ = ["read_pdf"]
