"""Building Indicators: the 一级/二级 in effect, and one indicator from its printed parts.

Every layout (columns, one cell per line, an HTML tree in one cell) walks its rows with a
``Categories`` that carries the last 一级/二级 heading down, the way merged cells do on paper.
A 二级 heading decides the 一级 (``parent_of``): a 满意度 heading numbered under 效益 is still
满意度; the printed 一级 is kept as printed so a rule can say it was misplaced.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter import glossary, regexes
from linter.limits import MAX_VALUE_SCAN
from linter.model import Indicator, Location
from linter.values import parse
from linter.values.types import Text, Value


@dataclass
class Categories:
    """The 一级 and 二级 in force while rows are read, normalised and as printed."""

    level1: str = ""
    level1_printed: str = ""
    level2: str = ""
    level2_printed: str = ""

    def heading(self, text: str, prefer_level1: bool | None = None) -> bool:
        """Apply ``text`` if it is a category heading; False when it is not one.

        ``prefer_level1`` settles a label that names both levels (``满意度指标``) by where it
        was printed; None lets the 一级 reading win."""
        l1, l2 = glossary.normalise_level1(text), glossary.normalise_level2(text)
        if l1 == glossary.COST_L1 and l2 and self.level1 == glossary.OUTPUT:
            prefer_level1 = False  # 成本指标 after 产出 items is the 产出 二级, wherever it is printed
        printed_as_level1 = prefer_level1 is True
        if prefer_level1 is None:
            prefer_level1 = True
        if l1 and (prefer_level1 or not l2):
            self.set_level1(l1, text)
        elif l2:
            self.set_level2(l2, text)
            if printed_as_level1:  # 三、服务对象满意度指标: a 二级 name printed where the 一级 goes
                self.level1_printed = text
        else:
            return False
        return True

    def set_level1(self, level1: str, printed: str) -> None:
        self.level1, self.level1_printed = level1, printed
        # 满意度 has one 二级 only; other 一级 wait for their 二级 heading.
        if level1 == glossary.SATISFACTION:
            self.level2, self.level2_printed = "服务对象满意度指标", ""
        else:
            self.level2, self.level2_printed = "", ""

    def set_level2(self, level2: str, printed: str) -> None:
        self.level2, self.level2_printed = level2, printed
        self.level1 = glossary.level1_for(level2, self.level1)


# ``指标1:`` / ``指标2：`` numbering printed before a 三级 name, and a stray cell pipe after it
_NAME_NUMBER = regexes.compile(r"^\s*指标\s*\d{1,2}\s*[:：.、]\s*")


def printed_name(name: str) -> str:
    """The 三级 name without the template's numbering and marks (``指标1:新建保鲜库数量|`` → 新建保鲜库数量,
    ``★★★农村低保发放人数`` → 农村低保发放人数: the stars mark core indicators)."""
    return _NAME_NUMBER.sub("", name.lstrip("★☆ ")).strip().rstrip("|").strip()


def make_indicator(
    cats: Categories,
    name: str,
    value_text: str,
    path: str,
    line: int,
    column: int,
    value_column: int | None = None,
    period_value_text: str | None = None,
    remarks: dict[str, str] | None = None,
) -> Indicator:
    """An Indicator of the current categories, its value parsed and its cells located."""
    value_text = value_text.strip()
    period = period_value_text.strip() if period_value_text is not None else None
    return Indicator(
        level1=cats.level1,
        level2=cats.level2,
        name=printed_name(name),
        value_text=value_text,
        value=parse_bounded(value_text),
        location=Location(path, line, column),
        level1_printed=cats.level1_printed,
        level2_printed=cats.level2_printed,
        period_value_text=period,
        period_value=parse_bounded(period) if period is not None else None,
        remarks=dict(remarks or {}),
        value_location=Location(path, line, value_column) if value_column else None,
    )


def parse_bounded(text: str) -> Value:
    """``values.parse``, in time bounded whatever the length of the text. No value is longer than
    the grammar reads (400 characters): a text past MAX_VALUE_SCAN characters is read as text, with
    the quantities and comparator of its first MAX_VALUE_SCAN. (Looking for quantities all along
    it took 22 s for a cell of 5 MB.)"""
    if len(text) <= MAX_VALUE_SCAN:
        return parse(text)
    head = parse(text[:MAX_VALUE_SCAN])  # (cached and shared: not changed, a new Text is made)
    if not isinstance(head, Text):  # (cannot be: the grammar reads no text that long)
        return Text(text, (0, len(text)))
    baseline = head.baseline + text[MAX_VALUE_SCAN:] if head.baseline else None
    return Text(
        text,
        (head.span[0], len(text.rstrip())),
        quantities=head.quantities,
        comparator=head.comparator,
        baseline=baseline,
    )
