"""Shared helpers for the indicator check types: walking indicators by category, and reading an
indicator's name the way a reviewer does (without ``（%）`` notes, numbering or punctuation).

Not a check type itself (it has no ``check``), so no rule file can name it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from linter import regexes
from linter.glossary import HTML_TAG, LEVEL1_NAMES, LEVEL2_NAMES
from linter.model import Document, Indicator, Table
from linter.values.types import Empty

if TYPE_CHECKING:  # for annotations only
    from linter.checks import RowView

_UNIT_NOTE = regexes.compile(r"[（(](?:%|％|百分比|个|次|人|元|万元|家|户)[）)]$")
_PUNCT = regexes.compile(r"[\s,，、;；:：。.!！?？“”\"'‘’()（）《》<>【】\-—~～·]+")


class Scope:
    """The rows a check looks at: those in one of ``categories`` (empty: all) and in none of
    ``exclude``.

    A 二级 name (``成本指标``, ``时效指标``) is matched against the row's 二级, a 一级 name
    (``满意度指标``) against its 一级; a name that is neither (a label the glossary does not know)
    against both. ``成本指标`` is also a 一级 in some provinces' forms, but as a category name it
    means the 二级: otherwise ``[成本指标]`` would take in every 社会成本 and 生态环境成本 row.
    """

    __slots__ = ("level1", "level2", "not_level1", "not_level2")

    def __init__(self, categories: Iterable[str] = (), exclude: Iterable[str] = ()):
        self.level1, self.level2 = _split_levels(categories)
        self.not_level1, self.not_level2 = _split_levels(exclude)

    def __contains__(self, ind: Indicator | RowView) -> bool:
        if (self.level1 or self.level2) and ind.level2 not in self.level2 and ind.level1 not in self.level1:
            return False
        return ind.level2 not in self.not_level2 and ind.level1 not in self.not_level1


def _split_levels(names) -> tuple[frozenset[str], frozenset[str]]:
    """(names to match against the 一级, names to match against the 二级)."""
    names = frozenset(names)
    return (
        frozenset(n for n in names if n not in LEVEL2_NAMES),
        frozenset(n for n in names if n not in LEVEL1_NAMES or n in LEVEL2_NAMES),
    )


def scope_of(categories=(), exclude=()) -> Scope:
    """The Scope of these category lists, made once per distinct pair (checks ask per row)."""
    return _scope(tuple(categories), tuple(exclude))


@lru_cache(maxsize=256)
def _scope(categories: tuple[str, ...], exclude: tuple[str, ...]) -> Scope:
    return Scope(categories, exclude)


def in_scope(ind: Indicator | RowView, categories: Iterable[str], exclude: Iterable[str] = ()) -> bool:
    """Whether the indicator falls under ``categories`` and not under ``exclude``."""
    return ind in scope_of(categories, exclude)


# Names that say "nothing here": a category deliberately left unused (生态效益指标 | 无 | 无).
NOTHING_MARKERS = frozenset({"", "无", "暂无", "不适用", "无此项", "/", "-", "—", "——", "--", "－"})


def is_blank_row(ind: Indicator) -> bool:
    """A row with no indicator in it: no name (or 无, 不适用 …), and an empty value or a marker too."""
    name = ind.name.strip()
    if name not in NOTHING_MARKERS:
        return False
    return isinstance(ind.value, Empty) or ind.value_text.strip() in NOTHING_MARKERS


def unjudged(ind: Indicator) -> bool:
    """A row no check judges: blank, or its value unknown (cut off by the end of the text, a formula
    with no saved result; the row checks are skipped for it in the engine)."""
    return ind.value_unknown or is_blank_row(ind)


def indicators(
    doc: Document, categories: Iterable[str] = (), exclude: Iterable[str] = (), skip_blank: bool = True
) -> Iterator[tuple[Table, Indicator]]:
    """The (table, indicator) pairs in scope, in document order (without the rows nobody can judge)."""
    scope = scope_of(categories, exclude)
    for table in doc.tables:
        for ind in table.indicators:
            if not (unjudged(ind) if skip_blank else ind.value_unknown) and ind in scope:
                yield table, ind


# Notes in brackets ending a name are sought in its last characters only: a search ending in $
# retries from every bracket, and a hostile name of many brackets would cost the square of its length.
_NOTES_TAIL = 120


def closing_notes(name: str, notes: re.Pattern) -> re.Match | None:
    """Where ``notes`` (a pattern of bracketed notes anchored at the end) matches the end of ``name``."""
    return notes.search(name, max(0, len(name) - _NOTES_TAIL))


@lru_cache(maxsize=16384)  # a name is read by a dozen rules; names repeat across a sweep
def core_name(name: str) -> str:
    """The name without tags, a trailing unit note (``满意度（%）``) or a trailing ``情况``."""
    name = HTML_TAG.sub("", name).strip()
    name = _UNIT_NOTE.sub("", name).strip()
    return name.removesuffix("情况").strip() or name


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """A name for comparing: punctuation and spaces removed (``规范化，标准化`` = ``规范化、标准化``)."""
    return _PUNCT.sub("", core_name(name))


def ends_with_any(name: str, suffixes: list[str]) -> bool:
    """Whether ``name`` ends with one of ``suffixes``."""
    return name.endswith(tuple(suffixes))


def contains_any(text: str, words: list[str]) -> bool:
    """Whether ``text`` contains one of ``words``."""
    return bool(words) and _alternation(words).search(text) is not None


_ALTERNATIONS: dict[int, tuple[list[str], re.Pattern]] = {}


def _alternation(words: list[str]) -> re.Pattern:
    """One compiled pattern per word list: a rule's parameter lists live as long as the run, and
    one regular-expression search beats thirty ``in`` tests on every name."""
    entry = _ALTERNATIONS.get(id(words))
    if entry is None or entry[0] is not words:  # the list itself is kept, so its id is not reused
        if len(_ALTERNATIONS) > 1000:
            _ALTERNATIONS.clear()  # parameter dicts made by the thousand (tests): stay small
        pattern = regexes.compile(regexes.alternation(words))
        entry = _ALTERNATIONS[id(words)] = (words, pattern)
    return entry[1]
