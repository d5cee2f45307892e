"""Parse one 指标值: fold to half-width, trim, run the LALR grammar, fall back to Text.

The parser runs from tables generated from grammar/value.lark ahead of time and shipped in the
package (``lalr_tables.py``, run by ``lalr.py``): a process never builds it, never imports Lark
and never writes a cache. Only when grammar/value.lark no longer matches the tables (it was edited
and ``python -m linter.values.lalr_build`` not run yet) does Lark build the parser from the file,
as before (its cache in the temporary folder keeps the LALR tables between runs).
"""

from __future__ import annotations

import re

from linter import regexes
from linter.glossary import TRADITIONAL
from linter.values import types as t
from linter.values.transform import comparator_of, comparator_pattern

# Full-width ASCII (！ to ～) and the ideographic space fold to their half-width forms; a few
# dashes and tildes fold to - and ~. Each maps one character to one, so spans stay true.
_FOLD: dict[int, int | str] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update(
    {
        0x3000: " ",
        0x2014: "-",
        0x2013: "-",
        0x2015: "-",
        0x2212: "-",
        0x301C: "~",
        0xFE6A: "%",
        0x00A0: " ",
        # comparison signs from other blocks: ═ (a box-drawing line printed for =), ⩾ ⩽, and the
        # small forms ﹤ ﹥ ﹦
        0x2550: "=",
        0x2A7E: "≥",
        0x2A7D: "≤",
        0xFE64: "<",
        0xFE65: ">",
        0xFE66: "=",
    }
)

# Traditional characters (mirror sites print 28.8萬元, 不低於95%) read as their simplified forms.
_FOLD.update(TRADITIONAL)

_FOLDABLE = regexes.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]")

_TRAILING = " \t\r\n\u3000。；、，,;.:：!！?？"
_EMPTY_MARKS = {"", "/", "-", "--", "—", "——", "\\", "N/A", "n/a", "NA", "/ /"}
_EMPTY_RUN = regexes.compile(r"[-/\\_~\s]+|不适用|暂无")  # ———, / /, -/-
_CMP_PREFIX = regexes.compile(rf"^({comparator_pattern(2)})\s*")
# Far beyond any real cell: longer input is Text at once, so parsing time stays bounded.
MAX_VALUE_LENGTH = 400

_parser = None
_first_token: re.Pattern[str] | None = None  # what a value's first token can match (``_can_start``)
_fast = None  # the common shapes' reader (``fast.FastPath.read``), while the shipped tables are in use


def _get_parser():
    """The parser (``.parse(text)`` → a value, raising on what the grammar refuses), built once."""
    global _parser, _first_token, _fast
    if _parser is None:
        from linter.resources import data_dir
        from linter.values import lalr_tables
        from linter.values.lalr import grammar_crc
        from linter.values.transform import ValueTransformer

        grammar = data_dir("grammar") / "value.lark"
        transformer = ValueTransformer()
        if grammar_crc(grammar.read_bytes()) == lalr_tables.GRAMMAR_CRC:
            from linter.values.fast import FastPath
            from linter.values.lalr import TableParser

            parser = TableParser(lalr_tables, transformer)
            first_token = parser.first_token()
            fast = FastPath(transformer, lalr_tables.WORDS).read
        else:  # the grammar changed since the tables were written: Lark reads it (and says what is wrong)
            from linter.values.lalr_build import lark_parser

            parser = lark_parser(grammar, transformer, cache=True)
            first_token, fast = _can_start(parser), None
        _parser, _first_token, _fast = parser, first_token, fast
    return _parser


def _can_start(parser) -> re.Pattern:
    """A pattern matching wherever the grammar's first token can: the union of the terminals the
    parser accepts at the start (Lark's parser; the tables' is their start state's lexer pattern).
    A text it does not match at position 0 is no value, which the
    lexer would find too, but at fifty times the cost: a sweep parses every indicator name to find
    the quantities in it, and nearly all of them fail at their first character. The grammar's
    ``%ignore`` (whitespace) need not be among them: the text comes from ``_trim``, which has
    already stripped the whitespace it could start with."""
    first = parser.parse_interactive("").accepts() - {"$END"}
    return regexes.compile(
        "|".join(f"(?:{parser.get_terminal(name).pattern.to_regexp()})" for name in sorted(first))
    )


_CELL_FOLD = {c: to for c, to in _FOLD.items() if to not in ("<", ">", ord("<"), ord(">"))}


def fold_cell(text: str) -> str:
    """``fold`` for a table cell's text, but for the signs it would make < and > (＜ ＞, and the
    small ﹤ ﹥): folded, they would open and close an HTML tag (＜100人，＞50人) that the cell's
    cleaning takes away."""
    return text.translate(_CELL_FOLD) if _FOLDABLE.search(text) else text


def fold(text: str) -> str:
    """Full-width to half-width, one character for one."""
    # (translate looks every character up: when none is to fold, one search finds so faster)
    return text.translate(_FOLD) if _FOLDABLE.search(text) else text


def folding_into(targets: str) -> str:
    """The characters ``fold`` turns into one of ``targets`` (``＞`` and ``﹥`` for ``>``): for the
    checks that look for a sign however it was printed."""
    return "".join(
        sorted(chr(c) for c, to in _FOLD.items() if (chr(to) if isinstance(to, int) else to) in targets)
    )


def parse_value(raw: str) -> t.Value:
    """The typed value of ``raw``. Never raises."""
    core, start = _trim(raw)
    if core in _EMPTY_MARKS or _EMPTY_RUN.fullmatch(core):
        return t.Empty(raw, (0, len(raw)))
    value = _parse_core(raw, core, start)
    return value if value is not None else _as_text(raw, core, start)


def parse_exact(raw: str) -> t.Value | None:
    """The typed value of ``raw`` if the grammar reads all of it, else None (no Text fallback)."""
    core, start = _trim(raw)
    return _parse_core(raw, core, start)


def _trim(raw: str) -> tuple[str, int]:
    stripped = fold(raw).rstrip(_TRAILING)
    start = len(stripped) - len(stripped.lstrip())
    return stripped[start:], start


def _parse_core(raw: str, core: str, start: int) -> t.Value | None:
    if not core or len(core) > MAX_VALUE_LENGTH:
        return None
    parser = _get_parser()  # outside the try: a broken grammar must fail loudly, not read as Text
    value = None
    if _fast is not None:
        try:
            value = _fast(core)
        except Exception:  # noqa: BLE001 — the meaning rejects it (month 13): the grammar says what it is
            value = None
    if value is None:
        assert _first_token is not None  # set with _parser
        if _first_token.match(core) is None:
            return None
        try:
            value = parser.parse(core)
        except Exception:  # noqa: BLE001 — any rejection (lexer, parser or meaning) means "not a value"
            return None
    value.raw = raw  # the transformer cannot know these; the value is not shared yet
    value.span = (start, start + len(core))
    return value


def _as_text(raw: str, core: str, offset: int) -> t.Text:
    from linter.values.scan import find_quantities

    comparator = baseline = None
    m = _CMP_PREFIX.match(core)
    if m:
        # ≥上年水平, 不低于去年同期: a comparator against a named baseline
        comparator = comparator_of(m.group(1))
        baseline = core[m.end() :] or None
    return t.Text(
        raw,
        (offset, offset + len(core)),
        quantities=find_quantities(core, offset),
        comparator=comparator,
        baseline=baseline,
    )
