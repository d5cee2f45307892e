"""The text as printed, for what the reader read in simplified characters.

Mirror sites repost tables in traditional characters (績效指標, 項目名稱, 計量單位). The reader
decides what each cell is on its simplified form (``layout.Cell``: the form's characters only,
one for one, ``glossary.simplified``), so that every label, heading and prefix the vocabulary
knows is known in either script. What the model keeps of a cell — a name, a value, a table's
name — is then put back as printed: simplification keeps every character's place, so the
printed text is the same stretch of the printed line.

    printed = PrintedLines()
    printed.note(row)            # each row read, as printed (only those with traditional characters)
    printed.restore(document)    # names, values, labels and header texts as printed
"""

from __future__ import annotations

from linter.glossary import has_simplified_form, has_traditional, simplified
from linter.model import Document, Indicator, Money
from linter.readers.layout import Row, clean


class PrintedLines:
    """The printed lines of a document that hold traditional characters, by line number."""

    def __init__(self) -> None:
        self._lines: dict[int, list[tuple[str, str]]] = {}  # line → [(printed, simplified)]

    def note(self, row: Row) -> None:
        """Keep the row's printed text when it has characters the reader saw simplified."""
        if has_traditional(row.text):
            printed = clean(row.text)  # as the cells were cleaned: the same places
            self._lines.setdefault(row.line, []).append((printed, simplified(printed)))

    def text(self, read: str, line: int | None = None) -> str:
        """``read`` as printed: the stretch of a printed line (``line`` first) that simplifies to
        it; where it was joined from several cells (``28.8万元`` and ``%``), each part so. What no
        printed line holds stays as read."""
        if not read or not has_simplified_form(read):
            return read
        lines = [
            *(self._lines.get(line, []) if line is not None else []),
            *(p for n, ps in self._lines.items() if n != line for p in ps),
        ]
        out, pos = [], 0
        while pos < len(read):
            printed, length = max(
                (_longest_at(read, pos, pair) for pair in lines), key=lambda x: x[1], default=("", 0)
            )
            if not length:
                out.append(read[pos])
                pos += 1
            else:
                out.append(printed)
                pos += length
        return "".join(out)

    def restore(self, doc: Document) -> None:
        """Every text the reader kept of the document's cells, as printed."""
        if not self._lines:
            return
        doc.title = self.text(doc.title)
        doc.department = self.text(doc.department)
        for problem in doc.problems:  # (a row that fits nowhere names its table as the table is named)
            problem.table = self.text(problem.table) if problem.table else problem.table
        for table in doc.tables:
            line = table.location.line if table.location else None
            for field in ("name", "department", "implementing_unit", "project_period", "period_goal", "goal"):
                setattr(table, field, self.text(getattr(table, field), line))
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
        ind.value_text = self.text(ind.value_text, value_line)
        if ind.period_value_text:
            ind.period_value_text = self.text(ind.period_value_text, line)
        ind.level1_printed = self.text(ind.level1_printed, line)
        ind.level2_printed = self.text(ind.level2_printed, line)
        ind.remarks = {label: self.text(text, line) for label, text in ind.remarks.items()}


def _longest_at(read: str, pos: int, line: tuple[str, str]) -> tuple[str, int]:
    """(printed stretch, its length) of the longest part of ``read`` from ``pos`` that the printed
    line holds, simplified; ("", 0) for none. (A stretch found has every shorter one found too:
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
