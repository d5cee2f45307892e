"""Write ``lalr_tables.py``, the value grammar's parser as data, from grammar/value.lark with Lark.

    python -m linter.values.lalr_build      # after any change to grammar/value.lark

Lark builds the parser (``lark_parser``); what ``lalr.TableParser`` needs is read off it: the
parse table, for each rule what becomes of its children (filtered, inlined, passed to the
transformer method of the rule's name or alias), and for each parser state the patterns its
contextual lexer tries, exactly as Lark compiles them (priorities first, words longest first).
``tests/test_values_fast.py`` fails when the file is not what this writes from the current
grammar, and compares the parser run from it with Lark's.

Lark is needed here and in the tests, and at run time only when the grammar no longer matches
the tables (``parser._get_parser``); the package's normal start never imports it.
"""

from __future__ import annotations

import pprint
import sys
from pathlib import Path

from linter.values.lalr import grammar_crc

TABLES = Path(__file__).with_name("lalr_tables.py")
WORD_TERMINALS = ("GRADE_WORD", "ADVERB", "DIR_UP", "DIR_DOWN", "DIR_STEADY")


def grammar_path() -> Path:
    """grammar/value.lark, where the package has it."""
    from linter.resources import data_dir

    return data_dir("grammar") / "value.lark"


def lark_parser(path: Path | None = None, transformer=None, cache: bool = False):
    """Lark's own LALR parser of the value grammar: the authority the tables are taken from."""
    from lark import Lark

    return Lark.open(
        str(path or grammar_path()),
        parser="lalr",
        lexer="contextual",
        transformer=transformer,
        cache=cache,
        maybe_placeholders=False,
    )


def tables_source(grammar: bytes | None = None) -> str:
    """The text of ``lalr_tables.py`` for the grammar (its bytes; default: the shipped file)."""
    from lark.parsers.lalr_analysis import Shift

    path = grammar_path()
    if grammar is None:
        grammar = path.read_bytes()
    parser = lark_parser(path)
    frontend = parser.parser
    table = frontend.parser.parser.parse_table
    assert list(table.start_states) == ["start"], table.start_states

    rules = list(parser.rules)
    rule_index = {rule: i for i, rule in enumerate(rules)}
    rule_rows = []
    for rule in rules:
        if rule.options.keep_all_tokens or rule.options.template_source:
            raise SystemExit(f"{rule}: keep_all_tokens and templates are not supported by lalr.py")
        include = [
            (i, not sym.is_term and sym.name.startswith("_"))
            for i, sym in enumerate(rule.expansion)
            if not (sym.is_term and sym.filter_out)
        ]
        filtered = len(include) < len(rule.expansion) or any(expand for _, expand in include)
        origin = str(rule.origin.name)
        name = str(rule.alias or origin)
        if rule.options.expand1 and not rule.alias:
            if len(include) != 1:
                raise SystemExit(f"{rule}: a ?rule must always keep exactly one child here")
            how = "expand1"
        elif origin.startswith("_"):
            how = "inline"
        else:
            how = "call"
        rule_rows.append((origin, len(rule.expansion), name, how, tuple(include) if filtered else None))

    # Lark numbers its states in an order that varies with the string hash seed: renumber them
    # breadth-first from the start state, symbols in sorted order, so that the file is the same
    # from run to run.
    number = {table.start_states["start"]: 0}
    order = [table.start_states["start"]]
    for state in order:
        for symbol in sorted(table.states[state]):
            action, arg = table.states[state][symbol]
            if action is Shift and arg not in number:
                number[arg] = len(order)
                order.append(arg)
    assert len(order) == len(table.states)
    states = []
    for state in order:
        row = {}
        for symbol in sorted(table.states[state]):
            action, arg = table.states[state][symbol]
            row[str(symbol)] = number[arg] if action is Shift else ~rule_index[arg]
        states.append(row)

    # The contextual lexer: one basic lexer per set of acceptable terminals, shared between states.
    contextual = frontend.lexer
    lexers: list[tuple[str, ...]] = []
    lexer_of: dict[int, int] = {}
    state_lexer: list[int] = []
    for state in order:
        basic = contextual.lexers[state]
        if id(basic) not in lexer_of:
            scanner = basic._build_scanner()  # Lark's own: sorted, priorities first, words longest first
            if basic.callback:  # a string terminal a pattern swallows (Lark's "unless"): none here
                raise SystemExit(f"lexer callbacks {sorted(basic.callback)} are not supported by lalr.py")
            assert not basic.user_callbacks and not basic.g_regex_flags and not basic.use_bytes
            lexer_of[id(basic)] = len(lexers)
            lexers.append(tuple(m.pattern for m in scanner._mres))
        state_lexer.append(lexer_of[id(basic)])

    return "".join(
        [
            '"""The value grammar\'s LALR parser as data, for ``lalr.TableParser``. GENERATED from grammar/value.lark\n',
            "by ``python -m linter.values.lalr_build`` (with Lark): do not edit, regenerate (tests/test_values_fast.py).\n",
            '"""\n\n',
            "# fmt: off\n",
            f"GRAMMAR_CRC = {grammar_crc(grammar)}\n",
            "START_STATE = 0\n",
            f"END_STATE = {number[table.end_states['start']]}\n",
            f"IGNORE = {tuple(str(t) for t in parser.ignore_tokens)!r}\n",
            "# (origin, length, transformer method, how: call/inline/expand1, kept children (index, inlined) or None)\n",
            f"RULES = {_literal(tuple(rule_rows))}\n",
            "# per state: symbol → next state (shift, goto) or ~rule (reduce)\n",
            f"STATES: tuple[dict[str, int], ...] = {_literal(tuple(states))}\n",
            "# per lexer: the patterns it tries in order (one, unless it has over 100 terminals)\n",
            f"LEXERS = {_literal(tuple(lexers))}\n",
            f"STATE_LEXER = {_literal(tuple(state_lexer))}\n",
            "# the words of terminals that are lists of words, for the fast path (fast.py)\n",
            f"WORDS = {_literal({name: _terminal_words(grammar.decode('utf-8'), name) for name in WORD_TERMINALS})}\n",
        ]
    )


def _terminal_words(grammar: str, name: str) -> tuple[str, ...]:
    """The string alternatives of a terminal defined as nothing but strings."""
    import re

    found = re.search(rf"^{name}(?:\.\d+)?:(.*?)(?=^\S|\Z)", grammar, re.S | re.M)
    assert found is not None, f"no terminal {name} in the grammar"
    body = re.sub(r"//[^\n]*", "", found.group(1))
    words = re.findall(r'"((?:[^"\\]|\\.)*)"', body)
    assert re.fullmatch(r'\s*"[^"]*"(\s*\|\s*"[^"]*")*\s*', body), f"{name} is not a list of strings"
    return tuple(sorted(set(words)))


def _literal(value) -> str:
    return pprint.pformat(value, width=120, sort_dicts=False)


def main() -> None:
    """Write linter/values/lalr_tables.py from the grammar."""
    TABLES.write_text(tables_source(), encoding="utf-8")
    print(f"wrote {TABLES}", file=sys.stderr)


if __name__ == "__main__":
    main()
