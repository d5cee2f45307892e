"""The text reader: target tables as extracted from published PDFs and web pages → Document.

The lines are cut into cells (``layout.split_line``: tabs, pipes or runs of spaces; a cell broken
over lines before its closing pipe joined again by ``layout.joined_lines``) and the rows go to the
form reader (``form``), which every format shares. A whole table run into one paragraph (a notice
reposted as one line) is cut into its parts first (``runon.split_paragraph``).

    doc = read_text(Path("examples/000_8b9eba17efc00524.txt").read_text(), "000.txt")
    doc.tables[0].indicators[0].name  → "按岗位需求派驻的劳务派遣人数"
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import regexes
from linter.model import Document
from linter.readers.form import read_rows
from linter.readers.layout import Row, ascii_pipes, joined_lines, split_line
from linter.readers.runon import split_paragraph

_PARAGRAPH = 300  # characters: a line this long with no separator may be a whole table
_SEPARATED = regexes.compile(r"\t|\||  ")


def read_text(text: str, path: str) -> Document:
    """Read every table of a text file into a Document (problems recorded, never raised)."""
    return read_rows(_rows(ascii_pipes(text)), path)


def _rows(text: str) -> Iterator[Row]:
    for number, line in joined_lines(text.splitlines()):
        pieces = split_paragraph(line) if len(line) > _PARAGRAPH and not _SEPARATED.search(line) else None
        if pieces is None:
            yield split_line(line, number)
        else:  # a whole table run into one paragraph: its parts as lines of their own
            yield from (split_line(piece, number) for piece in pieces)
