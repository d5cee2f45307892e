"""Web pages (.html, .htm: saved pages, LibreOffice's HTML export) → Document, with lxml's HTML parser.

The page is read in document order, as a person reads it. Every ``<table>`` becomes rows of
cells on a grid, ``rowspan``/``colspan`` laid out as merged cells are in a workbook (``spans``);
the text outside tables — headings, paragraphs, ``<br>``-broken lines, ``<pre>`` blocks — becomes
lines read as the text reader reads a text file (``layout.split_line``: by tab, pipe or runs of
spaces). Both go through the text reader's row logic (``grid``), the same as every other format.
What a browser does not show as text is not read: ``<head>``, ``<style>``, ``<script>``, comments.

* A cell's paragraphs (``<p>``, ``<br>``, ``<li>``) stay apart (``<br>`` between them), so that an
  indicator tree printed in one cell is cut at them as in a dump of the page (``html_cells``).
* A table inside a cell (a page laid out with tables, a nested indicator table) is read right
  after the row holding it, the cell's own text as lines and tables in order; the cell reads empty.
* A ``<hr>`` after a table ends a part of the page: what follows is read on its own, as the next
  sheet of a workbook is (LibreOffice Calc's export prints each sheet so).
* Locations: ``page.html:表2!C7`` (the second table of the page, column C of its 7th grid row;
  a nested table ``表2.1``), with the line of the ``<td>`` in the file as the location's line (JSON,
  SARIF, annotations); text outside tables is ``page.html:12:5``, its line in the file.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from linter import regexes
from linter.model import Document, Location
from linter.readers import InputError, check_text_limits
from linter.readers.errors import too_many_cells
from linter.readers.grid import STRIDE, CellBudget, column_letter, relocate
from linter.readers.layout import Cell, Row, ascii_pipes, joined_lines, split_line
from linter.readers.spans import SpanGrid

if TYPE_CHECKING:  # lxml is imported when a web page is read
    from lxml.html import HtmlElement

# Elements whose content is no text a person reads on the page.
_SKIP = frozenset(
    {
        "head",
        "title",
        "style",
        "script",
        "template",
        "noscript",
        "select",
        "option",
        "button",
        "textarea",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "map",
        "audio",
        "video",
    }
)
# Elements that start and end a line of text.
_BLOCK = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "pre",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "address",
        "center",
        "form",
        "fieldset",
        "legend",
        "figure",
        "figcaption",
        "hr",
        "caption",
        "tr",
        "td",
        "th",
        "body",
        "html",
        "details",
        "summary",
        "table",
        "thead",
        "tbody",
        "tfoot",
    }
)
_SPACES = regexes.compile(r"[ \t\r\n\f]+")  # what HTML collapses (not the no-break space)
_XML_DECLARATION = regexes.compile(r"^\s*<\?xml[^>]*\?>")
MAX_DEPTH = 6  # tables nested deeper than any form are not read


def looks_like_html(text: str) -> bool:
    """Is this text a web page (a .doc that is really HTML, as web systems save Word files)?"""
    head = text[:4096].lstrip("\ufeff \t\r\n").lower()
    # (a page, or a bare table as some systems save their .xls: the one test readers.formats uses too)
    return (head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in head) or "<table" in head[
        :512
    ]


_CELL_TAG = regexes.compile(r"<t[dh][\s>/]", re.IGNORECASE)


def check_html_cells(text: str, path: str) -> None:
    """InputError when the page has more table cells than a file may (``MAX_CELLS``), counted by
    their tags before any is parsed: every cell costs the parser's objects and time."""
    from linter.limits import MAX_CELLS

    if len(text) <= 4 * MAX_CELLS:
        return  # (a cell takes four characters at least: <td>)
    beyond = next(itertools.islice(_CELL_TAG.finditer(text), MAX_CELLS, None), None)  # counted no further
    if beyond is not None:
        raise too_many_cells(path)


def read_html(text: str, path: str) -> Document:
    """A web page: each <table> read as a grid, the text around them as text."""
    import lxml.html
    from lxml import etree

    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        root = lxml.html.document_fromstring(
            text, parser=lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
        )
    except (etree.ParserError, ValueError) as e:
        raise InputError(
            path, f"无法解析网页（{type(e).__name__}）", f"cannot parse the web page ({type(e).__name__})"
        ) from None
    page = _Page(path)
    body = root.find("body")
    page.flow(body if body is not None else root, depth=0)
    page.next_block()
    from linter.readers.grid import merge_into
    from linter.readers.text import read_rows

    doc = Document(path=path, source_format="html")
    for rows, where in page.blocks:
        part = read_rows(rows, path, "html")
        relocate(part, where)
        if part.tables:
            merge_into(doc, part)
    return doc


class _Page:
    """The page's rows in reading order, and where each came from (``where``: row → cells or line)."""

    def __init__(self, path: str):
        self.path = path
        self.rows: list[Row] = []
        self.where: dict[int, list[Location] | int] = {}
        self.blocks: list[tuple[list[Row], dict]] = []  # read apart: a page cut by <hr> after a table
        self.block_has_table = False
        self.tables = 0  # tables read so far at this depth
        self.prefix = "表"  # their name's start: 表 at the top, 表2. inside a cell of 表2
        self.parts: list[str] = []  # the line of text being gathered
        self.has_text = False  # whether it has any yet
        self.line = 0  # its line in the file
        self.pending: list[tuple[str, int]] = []  # lines of text not yet cut into rows (a run between tables)
        self.text_cells = CellBudget(path)  # the cells of the page's text lines, bounded as a .txt's

    # ------------------------------------------------------------------ text outside tables

    def text(self, piece: str | None, line: int | None, pre: bool) -> None:
        if not piece:
            return
        if pre:  # lines as they are, blank ones too (a blank line ends a grid in a text table)
            lines = piece.split("\n")
            for i, part in enumerate(lines):
                if i:
                    self.end_line(keep_blank=True)
                self.add(part, (line or 0) + i)
            return
        self.add(_SPACES.sub(" ", piece), line)

    def add(self, piece: str, line: int | None) -> None:
        if not self.has_text:  # the line is where its first visible text is
            self.line = line or self.line
            self.has_text = bool(piece.strip())
        self.parts.append(piece)

    def end_line(self, keep_blank: bool = False) -> None:
        text = "".join(self.parts)
        if text.strip():
            self.pending.append((text.strip(" "), self.line))
        elif keep_blank:
            self.pending.append(("", self.line))
        self.parts, self.has_text = [], False

    def flush_text(self) -> None:
        """The lines gathered since the last table, as the text reader cuts them."""
        self.end_line()
        if not self.pending:
            return
        lines = [ascii_pipes(text) for text, _ in self.pending]  # (as read_text reads a text file)
        # (a <p> of six million pipes is refused before it is cut, not after: as a .txt line is)
        try:
            check_text_limits("\n".join(lines), self.path)
        except InputError as error:  # its line counted in this run of text: the page's line instead
            if error.line:
                error.line = self.pending[error.line - 1][1] or error.line
            raise
        for number, line in joined_lines(lines):
            n = len(self.rows) + 1
            row = split_line(line, n)
            self.text_cells.take(
                len(row.cells), lambda i, at=self.pending[number - 1][1]: Location(self.path, at, 1)
            )
            self.rows.append(row)
            self.where[n] = self.pending[number - 1][1]
        self.pending = []

    def next_block(self) -> None:
        """End the part being read: what follows is read on its own, as a workbook's next sheet is
        (LibreOffice Calc's export puts each sheet after an ``<hr>`` and a ``Sheet 2: 表2`` heading)."""
        self.flush_text()
        if self.rows:
            self.blocks.append((self.rows, self.where))
        self.rows, self.where, self.block_has_table = [], {}, False

    def flow(self, element, depth: int, pre: bool = False) -> None:
        """Read an element's content in order: text into lines, tables as grids."""
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP:
            return
        if tag == "table" and depth <= MAX_DEPTH:
            self.end_line()
            for caption in element:  # the table's title (部门项目支出预算绩效目标表): a line above it
                if isinstance(caption.tag, str) and caption.tag.lower() == "caption":
                    for part in cell_text(caption).replace("<br>", "\n").split("\n"):
                        self.add(part, caption.sourceline)
                        self.end_line()
            self.flush_text()
            self.tables += 1
            self.block_has_table = True
            self.table(element, f"{self.prefix}{self.tables}", depth)
            return
        if tag == "hr" and self.block_has_table and depth == 0:
            self.next_block()
            return
        block = tag in _BLOCK
        if block:
            self.end_line()
        if tag == "br":
            self.end_line()
        pre = pre or tag in ("pre", "textarea", "listing", "plaintext", "xmp")
        self.text(element.text, element.sourceline, pre)
        for child in element:
            self.flow(child, depth, pre)
            self.text(child.tail, _tail_line(child), pre)
        if block:
            self.end_line()

    # ------------------------------------------------------------------ tables

    def table(self, element, name: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        trs = list(_rows_of(element))
        grid: SpanGrid[HtmlElement] = SpanGrid(max_rows=len(trs))
        nested: dict[int, list] = {}  # grid row → cells holding tables, read after it
        for r, tr in enumerate(trs):
            for td in _cells_of(tr):
                inner = _tables_in(td)
                text = "" if inner else cell_text(td)
                grid.place(
                    r, text, _span(td.get("rowspan"), len(trs) - r), _span(td.get("colspan"), 1000), origin=td
                )
                if inner:
                    nested.setdefault(r, []).append(td)
        sub = 0
        for r, cells in enumerate(grid.rows()):
            line = len(self.rows) + 1
            locations = []
            row_cells, printed = [], []
            for i, (text, _row, c) in enumerate(cells):
                td = grid.origin.get((r, c))
                source_line = (td.sourceline if td is not None else None) or (trs[r].sourceline or 0)
                locations.append(
                    Location(self.path, source_line, c + 1, sheet=name, cell=f"{column_letter(c + 1)}{r + 1}")
                )
                row_cells.append(Cell(text.strip(), i, i * STRIDE + 1, line))
                printed.append(text.strip())  # (a Cell's own text is folded: the row's is as printed)
            while row_cells and not row_cells[-1].raw:
                row_cells.pop()
                locations.pop()
            self.rows.append(Row(line, row_cells, "\t".join(printed[: len(row_cells)])))
            self.where[line] = locations or [
                Location(self.path, trs[r].sourceline or 0, 1, sheet=name, cell=f"A{r + 1}")
            ]
            for td in nested.get(r, []):
                # the cell's own text as lines, its tables as tables: named 表2.1, 表2.2 …
                saved = self.prefix, self.tables
                self.prefix, self.tables = f"{name}.", sub
                self.end_line()
                self.flow(td, depth + 1)
                self.flush_text()
                sub = self.tables
                self.prefix, self.tables = saved


def _tail_line(child) -> int | None:
    return child.sourceline


def _span(value: str | None, most: int) -> int:
    try:
        n = int(str(value).strip().split(".")[0]) if value is not None else 1
    except ValueError:
        return 1
    if n == 0:  # rowspan="0": to the end of the table
        return most
    return max(1, min(n, most))


def _rows_of(table):
    """The table's own rows (in thead, tbody, tfoot or directly), not those of nested tables."""
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            for tr in child:
                if isinstance(tr.tag, str) and tr.tag.lower() == "tr":
                    yield tr


def _cells_of(tr):
    return [td for td in tr if isinstance(td.tag, str) and td.tag.lower() in ("td", "th")]


def _tables_in(td) -> list:
    return [t for t in td.iter("table") if t is not td]


def cell_text(td) -> str:
    """What a cell shows: its paragraphs apart (``<br>`` between them), white space as HTML collapses it."""
    lines: list[str] = []
    parts: list[str] = []

    def end() -> None:
        text = _SPACES.sub(" ", "".join(parts)).strip()
        if text:
            lines.append(text)
        parts.clear()

    def walk(element, top: bool) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            return
        block = not top and (tag in _BLOCK or tag == "br")
        if block:
            end()
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child, False)
            if child.tail:
                parts.append(child.tail)
        if block:
            end()

    walk(td, True)
    end()
    if len(lines) > 1 and not any("<" in line or ">" in line for line in lines):
        return "<br>".join(lines)
    return "\n".join(lines)
