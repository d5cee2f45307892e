"""A document printed in traditional characters, judged as its simplified twin would be.

Mirror sites repost tables in traditional characters (績效目標表, 滿意度, 自評報告), and the checks'
words are simplified (满意度, 及时率, 自评报告). ``in_simplified(doc)`` is a copy of the document in
simplified characters (``glossary.simplified``: one character for one, so every text keeps its
length and each position its place) for the checks to read; its ``Printing`` takes what they
report back to the document: the table and the indicator as printed, and what a check quotes of
the document's texts as printed there. Words of the check's own (a category it misses, an
example) stay as the check wrote them, in simplified characters; where they hold one of the
hit's texts (a name it proposes: the row's name with 率 after it), that text is as printed. A
proposal made from part of a text stays simplified: a word half in one script and half in the
other would be neither.

Not a check type itself (it has no ``check``), so no rule file can name it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from linter.checks import Hit
from linter.glossary import has_traditional, simplified
from linter.model import Document, Indicator, Table, Task


@dataclass
class Printing:
    """The way back from the simplified copy to the document as printed."""

    tables: dict[int, Table]  # id of the copy's table → the table as printed
    indicators: dict[int, Indicator]
    texts: dict[str, str]  # a text of the document simplified → as printed (those that differ)
    title: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (simplified, printed)

    def table(self, table: Table | None) -> Table | None:
        return None if table is None else self.tables.get(id(table), table)

    def indicator(self, ind: Indicator | None) -> Indicator | None:
        return None if ind is None else self.indicators.get(id(ind), ind)

    def hit(self, hit: Hit) -> Hit:
        """The hit on the document as printed."""
        table, ind = self.table(hit.table), self.indicator(hit.indicator)
        # the hit's own row and table first: a row printed in simplified characters in a document
        # that prints others in traditional ones is quoted as it is printed
        own = [*_texts_of(hit.indicator, ind), *_texts_of(hit.table, table), *self.title]
        if hit.indicator is None and hit.table is not None and table is not None:
            # a finding on the whole table quotes its rows (weight-sum: 发放人数 20、…); a row's
            # finding finds another row's whole text by the document-wide lookup
            for twin, printed in zip(hit.table.indicators, table.indicators, strict=True):
                own += _texts_of(twin, printed)
            for task, printed_task in zip(hit.table.tasks, table.tasks, strict=True):
                own += _texts_of(task, printed_task)
        return dataclasses.replace(hit, table=table, indicator=ind, args=self._args(hit.args, own))

    def _args(self, args: dict[str, Any], own: list[tuple[str, str]]) -> dict[str, Any]:
        """``args`` with what they quote of the document as printed there: a part of one of the
        hit's own texts (``own``: its row's, its table's, the title; its table's rows for a
        finding on the whole table), or the whole of any other text of the document (the other
        row a duplicate names); and such a quote (of three characters or more: shorter ones are
        as likely the check's own words, 满意 in 才算满意) or one of the hit's own texts inside the
        check's words (名称中的“社区养老”…, a name with 率 after it). Only the hit's own texts are
        searched through: the work per finding does not grow with the document."""

        def part(text: str) -> str | None:
            for simple, printed in own if text else ():
                at = simple.find(text)
                if at >= 0:
                    return printed[at : at + len(text)]
            return self.texts.get(text)

        quotes = {}
        for text in _leaves(args):
            printed = part(text)
            if printed is not None and len(text) >= _INSIDE:
                quotes[text] = printed
        quotes |= {simple: printed for simple, printed in own if len(simple) >= _INSIDE}  # (they win)
        inside = sorted(quotes, key=len, reverse=True)  # (a name before a part of it)

        def as_printed(text: str) -> str:
            printed = part(text)
            if printed is not None:
                return printed
            for simple in inside:
                if simple in text:
                    text = text.replace(simple, quotes[simple])
            return text

        return _mapped(args, as_printed)


# The texts a row, a table and a task print (not the category names the reader gave a row: 满意度指标)
_PRINTED = {
    Indicator: ("name", "value_text", "level1_printed", "level2_printed", "period_value_text"),
    Table: ("name", "goal", "department", "implementing_unit", "project_period", "period_goal"),
    Task: ("name", "content", "goal"),
}


def _texts_of(copy: Any, printed: Any) -> list[tuple[str, str]]:
    """(the copy's text, the printed one) for each text a row or a table prints."""
    if copy is None or printed is None or copy is printed:
        return []
    pairs = ((getattr(copy, name), getattr(printed, name)) for name in _PRINTED[type(copy)])
    return [(simple, text) for simple, text in pairs if simple and text]


_INSIDE = 3  # the shortest quote put back as printed inside a check's own words


def _leaves(args: Any) -> Iterator[str]:
    """The texts in ``args`` (a clause per language is a mapping, a list of figures a list)."""
    if isinstance(args, str):
        yield args
    elif isinstance(args, dict):
        for value in args.values():
            yield from _leaves(value)
    elif isinstance(args, list | tuple):
        for value in args:
            yield from _leaves(value)


def _mapped(args: Any, change: Callable[[str], str]) -> Any:
    if isinstance(args, str):
        return change(args)
    if isinstance(args, dict):
        return {key: _mapped(value, change) for key, value in args.items()}
    if isinstance(args, list | tuple):
        return type(args)(_mapped(value, change) for value in args)
    return args


def in_simplified(doc: Document) -> tuple[Document, Printing] | None:
    """The document in simplified characters and the way back; None when it prints none of the
    traditional ones (the usual case: told by one search of its text where the reader kept it,
    else by looking at each of its texts)."""
    if doc.source_text and not has_traditional(doc.source_text):
        return None
    back = Printing({}, {}, {})
    copy = _simplified(doc, back)
    back.title = [(copy.title, doc.title)] if doc.title else []
    copy.tables = []
    for table in doc.tables:
        twin = _simplified(table, back)
        twin.indicators = []
        for ind in table.indicators:
            ind_twin = _simplified(ind, back)
            twin.indicators.append(ind_twin)
            back.indicators[id(ind_twin)] = ind
        twin.tasks = [_simplified(task, back) for task in table.tasks]
        copy.tables.append(twin)
        back.tables[id(twin)] = table
    # a problem names its table as the copy does (unreadable-row finds the table by it)
    copy.problems = [dataclasses.replace(p, table=p.table and _noted(p.table, back)) for p in doc.problems]
    return (copy, back) if back.texts else None


_KEPT = frozenset({"path"})  # (a file's name is where it is, not what it says)


def _simplified(item: Document | Table | Indicator | Task, back: Printing) -> Any:
    """A shallow copy of ``item`` with its texts simplified (and the texts of its mappings and
    tuples: remarks, a budget's labels, a heading printed inline), noted in ``back``."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if f.name in _KEPT:
            continue
        changed = _texts_simplified(value, back)
        if changed is not value:
            changes[f.name] = changed
    return dataclasses.replace(item, **changes)


def _texts_simplified(value: Any, back: Printing) -> Any:
    """``value`` itself when it holds no text to simplify, else its simplified copy."""
    if isinstance(value, str):
        changed = _noted(value, back)
        return value if changed == value else changed
    if isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
        copy = {_noted(k, back): _noted(v, back) if isinstance(v, str) else v for k, v in value.items()}
        return value if copy == value else copy
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        simple = tuple(_noted(v, back) for v in value)
        return value if simple == value else simple
    return value


def _noted(text: str, back: Printing) -> str:
    changed = simplified(text)
    if changed != text:
        back.texts.setdefault(changed, text)
    return changed
