"""Cells that span rows and columns (HTML ``rowspan``/``colspan``, an OpenDocument sheet's
``number-rows-spanned``) laid out on a grid, the way ``excel`` lays out merged ranges.

A spanning cell keeps its text in its first grid position; the positions it covers read empty, as
a merged cell does in a workbook or in extracted text, so the text reader carries 一级/二级 labels
down as a person does. A value spanning rows (``≥95%`` shared by two indicators) is repeated on
each row it covers (``grid.carries_down``), since each indicator has that value.

    grid = SpanGrid(max_rows=len(trs))
    grid.place(row=0, text="一级指标", rowspan=3, colspan=1)   # the next free column of row 0
    rows = grid.rows()                                          # [[(text, row, column), …], …]
"""

from __future__ import annotations

from typing import Generic, TypeVar

from linter.readers.grid import carries_down

Origin = TypeVar("Origin")  # what a caller keeps of each cell (an HTML <td>)

MAX_SPAN = 1000  # HTML caps colspan at 1000; nothing in a form comes near it
MAX_COLUMNS = 512  # a row wider than this is no target table: the rest is cut


class SpanGrid(Generic[Origin]):
    """Cells placed row by row (rows in order), each in the first grid position its row leaves
    free (0-based). What is taken is kept per column (the last row a span covers), so that a
    hostile ``rowspan``/``colspan`` costs no memory."""

    def __init__(self, max_columns: int = MAX_COLUMNS, max_rows: int = 1 << 30):
        self.max_columns, self.max_rows = max_columns, max_rows
        self.texts: dict[tuple[int, int], str] = {}
        self.busy: dict[int, int] = {}  # column → last row taken in it
        self.origin: dict[tuple[int, int], Origin | None] = {}  # grid position → what the caller placed there
        self.n_rows = self.n_cols = 0

    def place(
        self,
        row: int,
        text: str,
        rowspan: int = 1,
        colspan: int = 1,
        origin: Origin | None = None,
        column: int | None = None,
    ) -> int | None:
        """Put a cell in row ``row`` at its next free column (or at ``column``); the column used,
        None when the row is full."""
        c = column if column is not None else 0
        while self.busy.get(c, -1) >= row:
            c += 1
        if c >= self.max_columns:
            return None
        rowspan = max(1, min(rowspan, MAX_SPAN, self.max_rows - row))
        colspan = max(1, min(colspan, MAX_SPAN, self.max_columns - c))
        self.texts[(row, c)] = text
        self.origin[(row, c)] = origin
        for k in range(c, c + colspan):
            self.busy[k] = max(self.busy.get(k, -1), row + rowspan - 1)
        if rowspan > 1 and carries_down(text):
            for r in range(row + 1, row + rowspan):
                self.texts[(r, c)] = text
                self.origin[(r, c)] = origin
        self.n_rows = max(self.n_rows, row + 1)
        self.n_cols = max(self.n_cols, c + colspan)
        return c

    def clip(self, n_rows: int) -> None:
        """Spans past the last row (``rowspan="9"`` on the last but one) cover nothing."""
        self.n_rows = n_rows
        self.texts = {k: v for k, v in self.texts.items() if k[0] < n_rows}

    def rows(self) -> list[list[tuple[str, int, int]]]:
        """Each row as (text, row, column) for every column up to its last filled one."""
        width: dict[int, int] = {}
        for (r, c), text in self.texts.items():
            if text:
                width[r] = max(width.get(r, 0), c + 1)
        return [
            [(self.texts.get((r, c), ""), r, c) for c in range(width.get(r, 0))] for r in range(self.n_rows)
        ]
