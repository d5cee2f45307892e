"""The text reader: target tables as extracted from published PDFs and web pages → Document.

The lines are cut into cells (``layout.split_line``: tabs, pipes or runs of spaces; a cell broken
over lines before its closing pipe joined again by ``layout.joined_lines``) and the rows go to the
form reader (``form``), which every format shares.

    doc = read_text(Path("examples/000_8b9eba17efc00524.txt").read_text(), "000.txt")
    doc.tables[0].indicators[0].name  → "按岗位需求派驻的劳务派遣人数"
"""

from __future__ import annotations

from linter.model import Document
from linter.readers.form import read_rows
from linter.readers.layout import joined_lines, split_line


def read_text(text: str, path: str) -> Document:
    """Read every table of a text file into a Document (problems recorded, never raised)."""
    return read_rows((split_line(line, number) for number, line in joined_lines(text.splitlines())), path)
