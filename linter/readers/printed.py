"""The text as printed, for what the reader read folded.

Mirror sites repost tables in traditional characters (績效指標, 項目名稱, 計量單位), and tables
print brackets, colons and figures full-width or not (（万元）, ：, １００％). The reader decides what
each cell is on its folded form (``layout.Cell``, ``values.parser.fold_cell``: one character for
one), so that every label, heading and prefix the vocabulary knows is known however it is printed.
What the model keeps of a cell — a name, a value, a table's name — is then put back as printed:
folding keeps every character's place, so the printed text is the same stretch of the printed
line.

    printed = PrintedLines()
    printed.note(row)            # each row read, as printed
    printed.restore(document)    # names, values, labels and header texts as printed
"""

from __future__ import annotations

import itertools

from linter import regexes
from linter.model import Document, Indicator, Money
from linter.readers.indicators import parse_bounded
from linter.readers.layout import SPACE_SEPARATOR, Row, clean
from linter.values.parser import fold_cell

_LONGEST_JOINED = 200  # characters of a text put back part by part: joined cells are short
# A text joined from cells has them within three lines of its own (a name broken over lines; one
# cell a line: the unit, the comparator and the figure of a value)
_JOINED_LINES = 3
_PIECES = 200  # rows cut from one line searched for their texts (a run-on paragraph of more: not put back)
_SCANNED = 2_000  # rows searched for a text with no line of its own that is no whole cell
_CUTS = regexes.compile(rf"\t|\||{SPACE_SEPARATOR.pattern}")  # where a printed row's cells end (layout)


class PrintedLines:
    """The printed lines of a document, by number, each with its folded form."""

    def __init__(self) -> None:
        self._lines: dict[int, list[tuple[str, str]]] = {}  # line → [(printed, folded)]
        self._elsewhere: dict[str, str] = {}  # texts not on their own line, as printed
        self._cells: dict[str, str] | None = None  # each cell of every line, folded → printed
        self._rows: list[str] = []  # each row's text as printed, not cleaned: cut at its separators
        self._folded = False  # nothing to put back until a character is folded

    def note(self, row: Row) -> None:
        """Keep the row's printed text (and whether any character in the document was folded)."""
        printed = clean(row.text)  # as the cells were cleaned: the same places
        folded = fold_cell(printed)
        self._folded = self._folded or folded != printed
        self._lines.setdefault(row.line, []).append((printed, folded))
        self._rows.append(row.text)

    def text(self, read: str, line: int | None = None) -> str:
        """``read`` as printed: the stretch of a printed line (``line`` first) that folds to it;
        where it was joined from several cells of nearby lines (``28.8万元`` and ``%``), each part
        so. What no printed line holds stays as read. The work is bounded: a line cut into more
        than _PIECES rows (a paragraph of hundreds of run-on rows) is not searched, and a text with
        no line is looked up among whole cells, then in the first _SCANNED rows only."""
        if not read:
            return read
        if line is not None:
            numbers = (line, *range(line - _JOINED_LINES, line), *range(line + 1, line + _JOINED_LINES + 1))
            near = [
                pair
                for n in numbers
                if len(self._lines.get(n, ())) <= _PIECES
                for pair in self._lines.get(n, ())
            ]
            for printed, folded in near:
                at = folded.find(read)  # (nearly always: the text is one cell of its own line)
                if at >= 0:
                    return printed[at : at + len(read)]
            return _in_parts(read, near)
        known = self._elsewhere.get(read)  # a label carried down from a row above: asked again and again
        if known is None:
            known = self._elsewhere[read] = self._cell(read)
        return known

    def _cell(self, read: str) -> str:
        if self._cells is None:
            self._cells = {}
            for text in self._rows:  # (cut before cleaning: cleaning makes a tab one space)
                for cell in _CUTS.split(text):
                    self._cells.setdefault(clean(fold_cell(cell)), clean(cell))
        if read in self._cells:
            return self._cells[read]
        for printed, folded in itertools.islice((p for ps in self._lines.values() for p in ps), _SCANNED):
            at = folded.find(read)
            if at >= 0:
                return printed[at : at + len(read)]
        return read

    def restore(self, doc: Document) -> None:
        """Every text the reader kept of the document's cells, as printed."""
        if not self._folded:
            return
        doc.title = self.text(doc.title)
        doc.department = self.text(doc.department)
        for problem in doc.problems:  # (a row that fits nowhere names its table as the table is named)
            problem.table = problem.table and self.text(problem.table)
        for table in doc.tables:
            for field in ("name", "department", "implementing_unit", "project_period", "period_goal", "goal"):
                setattr(table, field, self.text(getattr(table, field)))  # (a title, a label's row: no line)
            for money in (
                table.funding.total,
                table.funding.fiscal,
                table.funding.other,
                *table.budget.values(),
            ):
                self._money(money)
            for task in table.tasks:
                task.name, task.content = self.text(task.name), self.text(task.content)
            for ind in table.indicators:
                self._indicator(ind)

    def _money(self, money: Money | None) -> None:
        if money is not None:
            money.text = self.text(money.text, money.location.line if money.location else None)

    def _indicator(self, ind: Indicator) -> None:
        line = ind.location.line
        ind.name = self.text(ind.name, line)
        value_line = ind.value_location.line if ind.value_location else line
        printed = self.text(ind.value_text, value_line)
        if printed != ind.value_text:  # the value read again from its printed text, as a reader makes it
            ind.value_text, ind.value = printed, parse_bounded(printed)
        if ind.period_value_text:
            printed = self.text(ind.period_value_text, line)
            if printed != ind.period_value_text:
                ind.period_value_text, ind.period_value = printed, parse_bounded(printed)
        ind.level1_printed = self.text(ind.level1_printed)  # (printed on a row above, as often as not:
        # no line)
        ind.level2_printed = self.text(ind.level2_printed)
        ind.remarks = {label: self.text(text, line) for label, text in ind.remarks.items()}


def _in_parts(read: str, lines: list[tuple[str, str]]) -> str:
    """``read`` put back part by part, each the longest stretch from there that one of ``lines``
    holds folded; a character none holds stays as read."""
    if len(read) > _LONGEST_JOINED or not lines:
        return read
    out, pos = [], 0
    while pos < len(read):
        printed, length = max((_longest_at(read, pos, pair) for pair in lines), key=lambda x: x[1])
        out.append(printed if length else read[pos])
        pos += length or 1
    return "".join(out)


def _longest_at(read: str, pos: int, line: tuple[str, str]) -> tuple[str, int]:
    """(printed stretch, its length) of the longest part of ``read`` from ``pos`` that the printed
    line holds, folded; ("", 0) for none. (A stretch found has every shorter one found too:
    its length is searched by halves.)"""
    printed, plain = line
    low, high, found = 0, len(read) - pos, ("", 0)
    while low < high:
        mid = (low + high + 1) // 2
        at = plain.find(read[pos : pos + mid])
        if at >= 0:
            low, found = mid, (printed[at : at + mid], mid)
        else:
            high = mid - 1
    return found
