"""The common shapes of a 指标值, read without the parser: ``≥95%``, ``12次``, ``≤10万元``, ``100%``,
``≥1年``, ``2025年12月底前``, ``优秀``.

Most values of real tables are a number with a comparator and a unit, a deadline, or a grade word.
For these a regular expression cuts the (folded, trimmed) text into the very tokens the grammar's
lexer would make of it: each token an atomic group, as the lexer never takes back a token it has
matched, its words longest first, as the lexer tries them. The tokens go to the transformer method
of the rule the parser would reduce them by, so the value is built by the same code as the
grammar's. Anything else, or a shape whose transformer call raises, goes to the grammar, which
stays the authority: ``tests/test_values_fast.py`` compares the two on every value of the corpus
and the examples, on every word of this module's vocabulary in every slot, and on generated text.

Only used while the parser runs from the shipped tables (``parser._get_parser``): with an edited
grammar, the grammar alone reads values.
"""

from __future__ import annotations

from decimal import Decimal

from linter import regexes
from linter.values import types as t
from linter.values.lalr import Token
from linter.values.transform import _APPROX, _CMP, _OPEN_ENDED, _SUFFIX_CMP, _dotted_month, _normal, measured
from linter.values.units import MAGNITUDES, UNITS

# The vocabulary of each slot. PREFIX, SUFFIX and UNIT words are the grammar's own (tests check
# that the transformer's and units' tables hold them); 年 and 月/日 are terminals of their own.
PREFIXES = frozenset(_CMP) | (_APPROX - {"左右"})
SUFFIXES = frozenset(_SUFFIX_CMP) | {"左右"}
UNIT_WORDS = frozenset(UNITS) - {"年", "月", "日"}
YEAR_WORDS = ("年度", "年")
DATE_PARTS_OF_YEAR = ("底", "末", "初", "年底", "年末", "上半年", "下半年")
DATE_PARTS_OF_MONTH = ("底", "末", "初", "上旬", "中旬", "下旬")
BEFORE_WORDS = ("前", "之前", "以前")

# The quantity shape is read by looking words up, not by a pattern of all the units and comparators:
# compiling one costs more (5 ms) than a short run reads values in.
_NUMBER = regexes.compile(r"(\d+(?:\.\d+)?)(?:\s*([万亿]))?\s*")  # the lexer's AMOUNT, less its rarer forms
_SPACE = regexes.compile(r"\s*")
_UNIT_TOKEN = {w: "UNIT" for w in UNIT_WORDS} | {w: "YEAR" for w in YEAR_WORDS}
_LONGEST_PREFIX = max(map(len, PREFIXES))
_LONGEST_UNIT = max(map(len, _UNIT_TOKEN))
_DATE = regexes.compile(
    r"(?P<year>(?>\d{4}))\s*年\s*"
    r"(?:(?:(?P<month>(?>\d{1,2}))\s*(?P<month_word>(?>月份|月))"
    r"(?:\s*(?P<day>(?>\d{1,2}))\s*(?P<day_word>(?>[日号])))?"
    rf"(?:\s*(?P<month_part>(?>{regexes.alternation(DATE_PARTS_OF_MONTH)})))?)"
    rf"|(?P<year_part>(?>{regexes.alternation(DATE_PARTS_OF_YEAR)})))?"
    rf"\s*(?P<before>(?>{regexes.alternation(BEFORE_WORDS)}))?"
)


class FastPath:
    """``read(core)``: the value of ``core`` (folded and trimmed) if it has one of the common
    shapes, else None. Like the parser's, the value's ``raw`` and span are left for the caller.
    ``words``: the word lists of the grammar's GRADE_WORD, ADVERB and DIR_* terminals
    (``lalr_tables.WORDS``)."""

    def __init__(self, transformer, words: dict[str, tuple[str, ...]]):
        self.transformer = transformer
        self.grades = frozenset(words["GRADE_WORD"])
        # 有效提高, 同比下降, 持续发挥, 明显: the direction rule's words one after another, without
        # spaces (a grade word before a space would be a GRADE token: 完善 提高 is no direction).
        # No word of one class begins a word of another (a test of the grammar checks it), so the
        # longest word that matches is the lexer's token, of the one class that has it.
        self.word_class = {
            w: kind for kind in ("ADVERB", "DIR_UP", "DIR_DOWN", "DIR_STEADY") for w in words[kind]
        }
        self._longest_word = max(map(len, self.word_class))
        # What every shape but a number begins with: most names begin with none of it.
        self._first = frozenset(w[0] for w in (*PREFIXES, *self.grades, *self.word_class))

    def read(self, core: str) -> t.Value | None:
        if core[0] not in self._first and not core[0].isdigit():
            return None
        value = self._quantity(core)
        if value is not None:
            return value
        if core in self.grades:
            return t.Grade("", (0, 0), grade=core)
        value = self._direction(core)
        if value is not None:
            return value
        return self._date(core)

    def _quantity(self, core: str) -> t.Value | None:
        """PREFIX? AMOUNT (UNIT | YEAR)? SUFFIX?, each token the longest word there, as the lexer takes it."""
        prefix = None
        pos = 0
        if not core[0].isdigit():
            prefix = _longest(core, 0, PREFIXES, _LONGEST_PREFIX)
            if prefix is None:
                return None
            pos = _SPACE.match(core, len(prefix)).end()  # type: ignore[union-attr]  # \s* always matches
        m = _NUMBER.match(core, pos)
        if m is None:
            return None
        number, magnitude = m.groups()
        pos = m.end()
        unit = _longest(core, pos, _UNIT_TOKEN, _LONGEST_UNIT)
        if unit is not None:
            pos = _SPACE.match(core, pos + len(unit)).end()  # type: ignore[union-attr]  # \s* always matches
        suffix = core[pos:] or None
        if suffix is not None and suffix not in SUFFIXES:
            return None
        if unit is None or _UNIT_TOKEN[unit] == "UNIT":
            return _quantity(prefix, number, magnitude, unit, suffix)
        children = [Token("PREFIX", prefix)] if prefix else []  # 2025年, ≥1年: the transformer's own
        children += [Token("AMOUNT", core[m.start() : m.end()].rstrip()), Token("YEAR", unit)]
        if suffix:
            children.append(Token("SUFFIX", suffix))
        return self.transformer.quantity(children)

    def _direction(self, core: str) -> t.Value | None:
        """(ADVERB ADVERB? ADVERB?)? DIR ADVERB?, or ADVERB ADVERB? ADVERB?: the direction rule."""
        tokens = []
        pos, end = 0, len(core)
        while pos < end:
            word = _longest(core, pos, self.word_class, self._longest_word)
            if word is None:
                return None
            tokens.append(Token(self.word_class[word], word))
            pos += len(word)
        verbs = [i for i, token in enumerate(tokens) if token.type != "ADVERB"]
        if verbs:
            if len(verbs) > 1 or verbs[0] > 3 or len(tokens) - verbs[0] > 2:
                return None
        elif len(tokens) > 3:
            return None
        return self.transformer.direction(tokens)

    def _date(self, core: str) -> t.Value | None:
        m = _DATE.fullmatch(core)
        if m is not None and (m.group("month") or m.group("year_part") or m.group("before")):
            children = [Token("AMOUNT", m.group("year")), Token("YEAR", "年")]
            if m.group("month"):
                month = [Token("AMOUNT", m.group("month")), Token("MONTH", m.group("month_word"))]
                if m.group("day"):
                    month += [Token("AMOUNT", m.group("day")), Token("DAY", m.group("day_word"))]
                children.append(self.transformer.month_day(month))
            part = m.group("month_part") or m.group("year_part")
            if part:
                children.append(Token("DATE_PART", part))
            if m.group("before"):
                children.append(Token("BEFORE", m.group("before")))
            return self.transformer.date(children)
        return None


def _longest(text: str, pos: int, words, longest: int) -> str | None:
    """The longest of ``words`` that ``text`` has at ``pos``."""
    for size in range(min(longest, len(text) - pos), 0, -1):
        word = text[pos : pos + size]
        if word in words:
            return word
    return None


_PREFIX = {word: (None, True) if word in _APPROX else (_CMP[word], False) for word in PREFIXES}
_ONE = Decimal(1)


def _quantity(prefix, number, magnitude, unit, suffix) -> t.Value:
    """``ValueTransformer.quantity`` for PREFIX? AMOUNT UNIT? SUFFIX? where the amount is digits
    with at most a 万 or 亿 (no 余, no commas, no Chinese numerals): what it computes, without
    the tokens."""
    comparator, approx = _PREFIX[prefix] if prefix else (None, False)
    open_ended = False
    if suffix:
        if suffix in _APPROX:
            approx = True
        else:  # a suffix decides the comparator unless a prefix did (控制在5%以内 stays ≤)
            suffix_cmp = _SUFFIX_CMP[suffix]
            if comparator is None or (comparator == "≤" and suffix_cmp == "≤"):
                comparator = suffix_cmp
            open_ended = suffix in _OPEN_ENDED
    written = Decimal(number)
    if unit is None:
        if magnitude:
            return t.BareNumber(
                "",
                (0, 0),
                comparator,
                _normal(written * MAGNITUDES[magnitude]),
                written,
                magnitude,
                approximate=approx,
                open_ended=open_ended,
            )
        if comparator is None:
            month = _dotted_month(written)
            if month is not None:
                return month  # 2025.12: December 2025, not a number
        return t.BareNumber(
            "", (0, 0), comparator, _normal(written), written, "", approximate=approx, open_ended=open_ended
        )
    kind, base, value = measured(written, magnitude or "", unit)
    return t.Quantity(
        "",
        (0, 0),
        comparator,
        value,
        base,
        kind,
        written,
        (magnitude or "") + unit,
        None,
        None,
        approx,
        open_ended,
    )
