"""The value grammar's LALR parser, run from tables generated ahead of time (``lalr_tables.py``).

Building the parser with Lark costs a process importing Lark (hashlib, tempfile, logging …),
loading its cached tables and compiling the contextual lexer's patterns: about a third of a
second's start-up of ``indicator-lint check``. The tables are plain data instead: the parse table,
the rules and what each does with its children, the lexer patterns of each parser state. This
module is the small driver that runs them, the same algorithm as Lark's LALR parser and contextual
lexer (``lark/parsers/lalr_parser_state.py``, ``lark/lexer.py``), with the values built by the same
transformer. ``lalr_build.py`` writes the tables from grammar/value.lark with Lark itself;
``tests/test_values_fast.py`` fails when they are stale and compares this parser with Lark's on
every value the tests know.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Any

from linter import regexes


def grammar_crc(grammar: bytes) -> int:
    """What the tables record of the grammar they were made from (line ends aside)."""
    return zlib.crc32(grammar.replace(b"\r\n", b"\n"))


class Token(str):
    """A terminal as the transformer sees it: its text, and its type in ``type`` (as Lark's)."""

    type: str

    def __new__(cls, type_: str, value: str):
        token = str.__new__(cls, value)
        token.type = type_
        return token

    @property
    def value(self) -> str:
        return str(self)


class Rejected(Exception):
    """The text is not in the grammar's language (a lexer or parser error)."""


class _Inline(list):
    """The children of an inlined rule (``_date_body``), spliced into the rule that uses it."""

    children = property(lambda self: self)


class TableParser:
    """``parse(text)`` → the transformer's value; raises ``Rejected`` (or the transformer's own
    ValueError) when the grammar does not read ``text``."""

    def __init__(self, tables, transformer):
        self._states = tables.STATES
        self._state_lexer = tables.STATE_LEXER
        self._lexer_specs = tables.LEXERS
        self._lexers: list = [None] * len(tables.LEXERS)  # compiled when a state first needs one
        self._start, self._end = tables.START_STATE, tables.END_STATE
        self._ignore = frozenset(tables.IGNORE)
        self._rules = [self._callback(rule, transformer) for rule in tables.RULES]

    @staticmethod
    def _callback(rule, transformer):
        origin, size, name, how, include = rule
        build: Callable[[list], Any]
        if how == "inline":
            build = _Inline
        elif how == "expand1":  # ?start: one child, always (lalr_build checks)

            def build(children):
                return children[0]
        else:
            build = getattr(transformer, name)
        if include is not None:
            inner = build

            def build(children, _include=include, _inner=inner):
                kept = []
                for i, expand in _include:
                    if expand:
                        kept += children[i]
                    else:
                        kept.append(children[i])
                return _inner(kept)

        return origin, size, build

    def _lexer(self, state: int):
        index = self._state_lexer[state]
        lexer = self._lexers[index]
        if lexer is None:
            lexer = self._lexers[index] = [regexes.compile(p) for p in self._lexer_specs[index]]
        return lexer

    def first_token(self):
        """The start state's lexer pattern: it matches at 0 exactly when some terminal can start
        a value there (``parser._first_token``)."""
        pattern, *more = self._lexer(self._start)
        assert not more
        return pattern

    def parse(self, text: str):
        states, rules, ignore = self._states, self._rules, self._ignore
        state_stack = [self._start]
        value_stack: list = []
        pos, end = 0, len(text)
        while True:
            if pos < end:
                for pattern in self._lexer(state_stack[-1]):
                    m = pattern.match(text, pos)
                    if m:
                        break
                else:
                    raise Rejected(f"no token at {pos}")
                kind, pos = m.lastgroup, m.end()
                if kind in ignore:
                    continue
                token = Token(kind, m.group())
            else:
                kind, token = "$END", None
            while True:
                action = states[state_stack[-1]].get(kind)
                if action is None:
                    raise Rejected(f"unexpected {kind}")
                if action >= 0:  # shift
                    if token is None:
                        raise Rejected("shift at the end")
                    state_stack.append(action)
                    value_stack.append(token)
                    break
                origin, size, build = rules[~action]  # reduce
                if size:
                    children = value_stack[-size:]
                    del state_stack[-size:]
                    del value_stack[-size:]
                else:
                    children = []
                value_stack.append(build(children))
                state_stack.append(states[state_stack[-1]][origin])
                if token is None and state_stack[-1] == self._end:
                    return value_stack[-1]
