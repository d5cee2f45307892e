"""Required fields of the form printed with nothing in them: ``项目名称:`` at the end of its line with
the next label below it, ``| 专项立项 依据 | | | |`` with only empty cells after it.

The model cannot tell a field printed blank from one the form never had (a one-row-per-project
list prints no 实施单位), so this check reads the document's text (``Document.source_text``: text files, and the CSV and
web pages whose text the readers keep; canonical YAML, with English keys, and office files are not
judged) and only in two unambiguous shapes:

- a label with its colon ending a line (or followed straight by another label with its colon) when
  the next line starts with a label too: ``项目名称:`` / ``主管部门: …``;
- a table row dumped with pipes (``| label | | |``) in which every cell after the label is empty.

A label alone in its cell (``项目名称 |`` then the value on the next line, one cell a line) or
followed by empty tab-separated cells (the name may be printed before its label) is never taken
for blank. The 年度目标 is missing-goal's (IL106). Nothing is reported on the last line of the text
(it may be cut there) nor in a table whose text stops in its header (``Table.truncated`` with no
indicator read). One finding per table, naming every blank field.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from linter import regexes
from linter.checks import Hit, Param
from linter.model import Document, Location, Table
from linter.values.parser import fold

PARAMS = {
    "labels": Param(
        list,
        [
            r"(?:二级)?项目名称",
            r"专项(?:资金)?名称",
            r"(?:业务)?主管部门(?:及代码|名称)?",
            r"(?:项目)?实施单位(?:名称)?",
            r"(?:专项|项目)?立项依据",
            r"(?:年度)?资金总额",
            r"年度(?:预算)?金额",
            r"预算执行率权重",
        ],
        "the required labels (regular expressions over the label without spaces, colon or "
        "a bracketed note such as (%) or (万元))",
    ),
}
ARGS = ("fields", "count", "which_zh", "which_en")

_NOTE = regexes.compile(r"\((?:%|万元|元|单位:?万元)\)$")
_LABEL_START = regexes.compile(r"^\s*\|?\s*[\u4e00-\u9fff][\u4e00-\u9fff()（）%]{1,14}\s*[:：]")


@lru_cache(maxsize=64)
def _labels(labels: tuple[str, ...]) -> re.Pattern:
    return regexes.compile("|".join(f"(?:{p})" for p in labels))


def _key(text: str) -> str:
    key = re.sub(r"\s+", "", fold(text)).replace("：", ":").rstrip(":")
    return _NOTE.sub("", key)


def _next_filled(lines: list[str], start: int) -> str:
    """The first line from ``start`` on that is not blank ("" when none is)."""
    return next((t for t in lines[start:] if t.strip()), "")


def _colon_blanks(line: str, pattern: re.Pattern, next_line: Callable[[], str]) -> list[tuple[int, str]]:
    """(column, label) of the labels ending this line with their colon, or followed by another
    label's colon, when the next line (``next_line()``, looked up only then) starts with a label."""
    found = []
    for colon in _COLON.finditer(line):
        rest = line[colon.end() :].strip()
        if rest and not _NEXT_LABEL.match(rest):
            continue  # a value follows: the field is filled
        head = _HEAD.search(line[max(0, colon.start() - 24) : colon.start()].rstrip())
        if head is None:
            continue  # no label before the colon
        label = _required_label(head.group(0), pattern)
        if label is None:
            continue
        found.append((colon.start() - len(head.group(0)) + 1 + label[0], label[1]))
    return found if found and _LABEL_START.match(next_line()) else []


@lru_cache(maxsize=4096)  # the words before a colon repeat from table to table (指标名称, 产出指标, tables)
def _required_label(head: str, pattern: re.Pattern) -> tuple[int, str] | None:
    """(where in ``head`` it starts, the label) when ``head`` ends in a required label, else None."""
    key = _key(head)
    label = pattern.search(key) if key else None
    if label is None or label.end() != len(key):
        return None
    return label.start(), key[label.start() :]


_COLON = regexes.compile(r"[:：]")
_NEXT_LABEL = regexes.compile(r"[^\s:：|]{2,16}\s*[:：]")
_HEAD = regexes.compile(r"[^\s:：|]{2,16}(?:[(（](?:%|万元|元)[)）])?$")
# A colon _colon_blanks does not pass over: nothing after it, or another label's colon next.
_BLANK_COLON = regexes.compile(r"[:：]\s*(?:$|[^\s:：|]{2,16}\s*[:：])")


def _pipe_blanks(line: str, pattern: re.Pattern) -> list[tuple[int, str]]:
    """(column, label) of a label in a pipe-dumped row whose later cells are all empty."""
    if not line.lstrip().startswith("|") or line.count("|") < 3:
        return []
    cells = line.split("|")
    offset = 0
    for i, cell in enumerate(cells):
        key = _key(cell)
        if key and pattern.fullmatch(key):
            if all(not c.strip() for c in cells[i + 1 :]):
                return [(offset + len(cell) - len(cell.lstrip()) + 1, key)]
            return []
        if key:
            return []  # a value or another label first: a row of headings, not a label's row
        offset += len(cell) + 1
    return []


def _table_finder(doc: Document) -> Callable[[int], Table | None]:
    """line → the table whose header it is in: the last one starting at or before it (the first
    for a line above every table)."""
    starts = sorted(
        ((t.location.line, i) for i, t in enumerate(doc.tables) if t.location and t.location.path == doc.path)
    )
    lines = [line for line, _ in starts]

    def table_at(line: int) -> Table | None:
        if not starts:
            return doc.tables[0] if doc.tables else None
        at = bisect.bisect_right(lines, line) - 1
        return doc.tables[starts[max(at, 0)][1]]

    return table_at


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of the form's required fields printed empty in ``doc``'s text."""
    if not doc.source_text or not doc.tables or doc.source_format == "yaml":
        return  # (canonical YAML names its fields by English keys: a blank one is an empty value)
    pattern = _labels(tuple(params["labels"]))
    lines = doc.source_text.splitlines()
    last = max((i for i, text in enumerate(lines) if text.strip()), default=-1)
    blanks: dict[int, tuple[Table, list[tuple[int, int, str]]]] = {}
    table_at = _table_finder(doc)
    for i, text in enumerate(lines[:last]):
        start = text.lstrip()[:1]
        if start == "|":
            found = _pipe_blanks(text, pattern)
        elif start and start != "#" and _BLANK_COLON.search(text):
            # (a line whose every colon has a value after it, nearly every line, has no blank field)
            found = _colon_blanks(text, pattern, functools.partial(_next_filled, lines, i + 1))
        else:
            continue
        if not found:
            continue
        table = table_at(i + 1)
        if table is None or (table.truncated and not table.indicators):
            continue
        entry = blanks.setdefault(id(table), (table, []))
        entry[1].extend((i + 1, column, label) for column, label in found)
    for table, fields in blanks.values():
        line, column, _ = fields[0]
        labels = list(dict.fromkeys(label for _, _, label in fields))
        yield Hit(
            location=Location(doc.path, line, column),
            table=table,
            args={
                "fields": "、".join(labels),
                "count": len(labels),
                "which_zh": f"“{table.name}”表" if table.name else "本表",
                "which_en": f"'{table.name}'" if table.name else "this table",
            },
        )
