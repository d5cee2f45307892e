"""CSV files (.csv) in any common dialect → Document: read as a grid, the way a spreadsheet is.

The bytes are decoded as every text file is (UTF-8 with or without BOM, GBK/GB18030, UTF-16), the
dialect is sniffed (``csv.Sniffer`` over the first lines, among comma, semicolon, tab and the
vertical bar; quoted cells with their doubled quotes and line breaks), and each record becomes a
row of cells for the text reader's row logic (``grid``), as a sheet's rows do. Where the sniffer
cannot tell, the delimiter found most often and in the same number on most lines wins.

Locations: ``table.csv:7:12``, the line of the file the cell starts on and the column of its
first character in that line, as a text editor counts them.
"""

from __future__ import annotations

import csv
import io

from linter import regexes
from linter.limits import MAX_CELLS
from linter.model import Document, Location
from linter.readers.errors import too_many_cells
from linter.readers.grid import CellBudget, GridBlock, GridCell, read_grid

DELIMITERS = ",;\t|"
_LINE_END = regexes.compile(r"\r\n|\r|\n")
MAX_FIELD = 1_000_000  # csv's default limit is 131,072 characters; a 50 MB file may hold one long cell
_SNIFFED = 2_000  # characters of a line the dialect is guessed from
MAX_PADDING = 2_000_000  # delimiters in all with no filled cell after them: past this, a record spans lines
MAX_RECORD = 20_000  # delimiters in one line, empty cells included: an export padded to column XFD has 16,383


def sniff(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The dialect of ``text``: the sniffer's, or the most regular delimiter's."""
    # (each line cut short: the sniffer's patterns take quadratic time on a line of many delimiters)
    sample = "\n".join(line[:_SNIFFED] for line in text[:65536].splitlines()[:200])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
        if dialect.delimiter in DELIMITERS:
            dialect.doublequote = True  # the sniffer guesses this from little; every writer doubles
            return dialect
    except csv.Error:
        pass
    return _by_count(sample)


def _by_count(sample: str):
    lines = [line for line in sample.splitlines() if line.strip()]
    best, score = ",", -1.0
    for delimiter in DELIMITERS:
        counts = [line.count(delimiter) for line in lines]
        used = [n for n in counts if n]
        if not used:
            continue
        mode = max(set(used), key=used.count)
        regular = used.count(mode) / len(lines)
        if regular + len(used) / len(lines) > score:
            best, score = delimiter, regular + len(used) / len(lines)

    class Dialect(csv.excel):
        delimiter = best

    return Dialect


def read_csv(text: str, path: str) -> Document:
    """A CSV file (its dialect sniffed) read as one grid, each cell at its line and column."""
    dialect = sniff(text)
    _count_cells(text, path, dialect.delimiter)
    lines = text.splitlines(keepends=True)
    rows: list[list[GridCell]] = []
    block = GridBlock(rows, name="csv")
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, MAX_FIELD))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        start = 1
        for record in reader:
            end = reader.line_num
            while record and not record[-1].strip():
                record.pop()  # (the empty cells an export of a formatted range pads a row with)
            columns = _field_columns(lines[start - 1] if start - 1 < len(lines) else "", dialect, len(record))
            rows.append(
                [GridCell(value, Location(path, start, columns[i])) for i, value in enumerate(record)]
            )
            start = end + 1
    except csv.Error:
        block = _plain_split(text, path, dialect.delimiter)
    finally:
        csv.field_size_limit(old)
    return read_grid(path, [block], "csv")


def _count_cells(text: str, path: str, delimiter: str) -> None:
    """The file's cells counted against its CellBudget before any record is made: each line's up
    to its last filled one (a spreadsheet's export of a formatted range pads rows with empty ones,
    and they are dropped as read), a delimiter ending a cell (one inside quotes is counted too: an
    upper bound). A line of more than MAX_RECORD delimiters is refused whatever it holds: the
    record would be made whole. At str.count's speed where the whole text holds fewer delimiters
    than the limit."""
    if text.count(delimiter) + text.count("\n") + text.count("\r") < MAX_CELLS:
        return
    budget = CellBudget(path)
    padding, padded = delimiter + ' \t"', 0
    for number, line in enumerate(_LINE_END.split(text), 1):  # (\r\n, \r or \n, as the csv module ends them)
        where = lambda i, number=number: Location(path, number, 1)  # noqa: E731 — one per line, named once
        delimiters = line.count(delimiter)
        if delimiters > MAX_RECORD:
            budget.take(delimiters + 1, where)  # past MAX_ROW_CELLS: refused, naming the line
        filled = line.rstrip(padding)
        if filled:
            budget.take(filled.count(delimiter) + 1, where)
        padded += delimiters - filled.count(delimiter)
        if padded > MAX_PADDING:  # (lines of quoted delimiters make one record the reader would build whole)
            raise too_many_cells(path)


def _field_columns(line: str, dialect, n: int) -> list[int]:
    """The 1-based column each of ``n`` fields starts at in its first line (quotes skipped over)."""
    out, quoted, i = [1], False, 0
    delimiter, quote = dialect.delimiter, dialect.quotechar or '"'
    while i < len(line) and len(out) < n:
        ch = line[i]
        if ch == quote:
            quoted = not quoted
        elif ch == delimiter and not quoted:
            out.append(i + 2)
        i += 1
    last = out[-1]
    return out + [last] * (n - len(out))


def _plain_split(text: str, path: str, delimiter: str) -> GridBlock:
    """A file the csv module refuses (a stray quote in strict mode): each line cut at the delimiter."""
    rows: list[list[GridCell]] = []
    for number, line in enumerate(text.splitlines(), 1):
        column = 1
        cells = []
        for value in line.split(delimiter):
            cells.append(GridCell(value.strip().strip('"'), Location(path, number, column)))
            column += len(value) + 1
        rows.append(cells)
    return GridBlock(rows, name="csv")
