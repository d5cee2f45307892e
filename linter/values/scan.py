"""Find values inside longer text: quantities in goal text, a value run onto its name.

    find_quantities("新购2辆，并支付上年一辆车尾款") → [Quantity 2 辆, Quantity 1 辆]
    split_name_value("业务工作经费1万元")          → ("业务工作经费", "1万元")

Candidates are found with a regular expression built from the grammar's own unit table and
then parsed by the grammar, so what counts as a quantity is decided in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter import regexes
from linter.textcache import short_text_cache
from linter.values import types as t
from linter.values.transform import comparator_pattern
from linter.values.units import IDIOM_PRONE, UNITS

_UNIT_ALT = regexes.alternation(u for u in UNITS if u != "月")
_CMP = rf"(?:{comparator_pattern(2)})"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NOT_A_GROUP = r"(?!(?<=\d,)\d{3}(?!\d))"
_CN_DIGIT = "一二两三四五六七八九十百千万"
_CN = rf"[{_CN_DIGIT}]+"
# A Chinese numeral is read from the start of its run only (the lookbehinds): tried from every
# character of a long run (万万万…) the match would rescan the rest of the run each time.
# Likewise a number does not start on a thousands group (the 000 of 1,000,000; 10,20人 still
# gives 20人), and the white space around
# 万/余 is one run unless a character stands between (two \s* side by side split a run every way).
_QUANTITY = regexes.compile(
    rf"(?<![\d.第]){_NOT_A_GROUP}(?:约|近)?(?:{_CMP}\s*)?(?:{_NUM}|(?<![\u4e00-\u9fff]){_CN}"
    rf"|(?<=[\u4e00-\u9fff，,、])(?<![{_CN_DIGIT}]){_CN})"
    rf"\s*(?:(?:万|亿|千)(?:余|多)?\s*|(?:余|多)\s*)?(?:{_UNIT_ALT})(?:/每?(?:{_UNIT_ALT}|月)(?:[·•・/](?:{_UNIT_ALT}|月))?)?(?:以上|以内|以下|左右)?"
)
_SPACES = regexes.compile(r"\s+")
_DIGIT = regexes.compile(r"\d")  # 一把手, 一对一: an idiom, not a count (units.IDIOM_PRONE)
# A value run onto the end of its name: 业务工作经费1万元, 法制培训全年三次2万元。 Not the day or
# the month of a date (完成时间2023年12月31日: 31日 is no value of its own).
_TRAILING_VALUE = (  # compiled when first needed (_trailing_value): most files never need it
    rf"(?:{_CMP}\s*)?(?<![\d.])(?<!\d年)(?<!\d月){_NOT_A_GROUP}(?:{_NUM})\s*(?:(?:万|亿|千)\s*)?(?:{_UNIT_ALT})(?:/每?(?:{_UNIT_ALT}|月))?"
    r"(?:以上|以内|以下)?[\s。；、，,;.]*$"
)


@lru_cache(maxsize=1)
def _trailing_value() -> re.Pattern:
    return regexes.compile(_TRAILING_VALUE)


# Every quantity has a digit or a Chinese numeral (``_NUM``, ``_CN``): most names have neither,
# and this finds so at once where ``_QUANTITY`` would try each of their characters.
_NUMERAL = regexes.compile(rf"[\d{_CN_DIGIT}]")


@lru_cache(maxsize=8192)  # names and goals are scanned by several rules each; values are never changed
def find_quantities(text: str, offset: int = 0) -> tuple[t.Quantity, ...]:
    """Every quantity written inside ``text``, with spans shifted by ``offset``."""
    from linter.values.parser import parse_exact

    if _NUMERAL.search(text) is None:
        return ()
    found = []
    for m in _QUANTITY.finditer(text):
        value = parse_exact(m.group(0))
        if isinstance(value, t.Quantity) and not _idiom(value, m.group(0)):
            value.span = (offset + m.start(), offset + m.end())  # a new value, not yet shared
            found.append(value)
    return tuple(found)


def _idiom(value: t.Quantity, text: str) -> bool:
    """一把手, 一对一, 一段时间: a measure word prone to set phrases after a Chinese numeral."""
    return value.written_unit in IDIOM_PRONE and not _DIGIT.search(text)


@short_text_cache(8192)  # a sweep meets the same cells table after table, and each try parses
def split_name_value(cell: str) -> tuple[str, str]:
    """Split ``name value`` written in one cell; value is '' when none is found."""
    from linter.values.parser import MAX_VALUE_LENGTH, fold, parse_value

    text = cell.strip()
    if not text:
        return "", ""
    folded = fold(text)
    # A space-separated value: the leftmost split whose right side is a real value. No value is
    # longer than the parser reads: parsing every longer remainder would make a long prose cell
    # with many spaces cost the square of its length.
    for m in _SPACES.finditer(folded):
        if len(folded) - m.end() > MAX_VALUE_LENGTH:
            continue
        name, value = text[: m.start()].strip(), text[m.end() :].strip()
        if not name:
            continue
        parsed = parse_value(value)
        if not isinstance(parsed, t.Text) or parsed.baseline:
            return name, value
    # A value with no space before it; only a number with a unit, so 培训项目2 stays whole.
    tail = _trailing_value().search(folded)
    if tail and tail.start() > 0:
        return text[: tail.start()].strip(), text[tail.start() :].strip()
    return text, ""
