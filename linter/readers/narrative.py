"""Indicators written as prose: notices and lists that state the targets in sentences.

Not every published table is a table. Some print the indicator tree as headed lines:

    【产出指标-数量指标】           the categories in a bracket heading
    指标1:机柜数量(≥77台)          a numbered item, the value in its last brackets
    数量指标:商业段外立面改造(≥**平方米)大于等于10157.6平方米    a category, a name, a value
    (一)数量指标：培训人数≥100人；培训次数≥2次。                  several items in one sentence
    质量指标:学校的教育教学秩序良好,深受好评                       a statement with no value

``read_line`` says what one such line holds; the text reader applies it to its table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linter import glossary, regexes
from linter.readers.runon import figure_at_end
from linter.values import split_name_value

_BRACKET_HEADING = regexes.compile(r"^[【\[]\s*([^】\]]{2,30})\s*[】\]]\s*[:：]?\s*(.*)$")
_HEADING_PARTS = regexes.compile(r"\s*[-—–·/、]\s*")
_ITEM = regexes.compile(r"^指标\s*\d{1,2}\s*[:：]\s*(.+)$")
_LAST_BRACKETS = regexes.compile(r"^(.+?)[(（]([^()（）]+)[)）]\s*[。;；]?$")
# 数量指标：… — a category label, a colon, then what it holds
_LABELLED = regexes.compile(
    r"^((?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)?\s*[^:：，,。]{2,16}?)\s*[:：]\s*(.+)$"
)
_ITEM_SEPARATOR = regexes.compile(r"[;；]\s*")
_COMMA = regexes.compile(r"[,，]")


@dataclass
class NarrativeLine:
    """What one line of running text holds: category labels and (name, value) items."""

    labels: list[str] = field(default_factory=list)  # category labels, 一级 first
    items: list[tuple[str, str]] = field(default_factory=list)  # (name, value as printed)
    project_info: bool = False  # 【项目概况】: a new project's description begins


def read_line(text: str) -> NarrativeLine | None:
    """What a prose line holds, or None when it is not one of the forms above."""
    text = text.strip()
    m = _BRACKET_HEADING.match(text)
    if m:
        parts = [p for p in _HEADING_PARTS.split(m.group(1)) if p]
        if parts and all(glossary.is_category_label(p) for p in parts):
            line = NarrativeLine(labels=parts)
            if m.group(2):
                line.items = _items(m.group(2))
            return line
        return NarrativeLine(project_info=True) if "概况" in m.group(1) else None
    m = _ITEM.match(text)
    if m:
        return NarrativeLine(items=[_bracketed_item(m.group(1))])
    m = _LABELLED.match(text)
    if m and glossary.is_category_label(m.group(1)):
        return NarrativeLine(labels=[m.group(1)], items=_items(m.group(2)))
    return None


def _bracketed_item(text: str) -> tuple[str, str]:
    """机柜数量(≥77台) → (机柜数量, ≥77台); 为全市经济发展保驾护航(正面支撑) likewise."""
    m = _LAST_BRACKETS.match(text)
    return (m.group(1).strip(), m.group(2).strip()) if m else split_name_value(text)


def _items(text: str) -> list[tuple[str, str]]:
    """The statements after a label: ``名称≥值；名称≥值。`` or one sentence with no value."""
    pieces = [p.strip().rstrip("。") for p in _ITEM_SEPARATOR.split(text) if p.strip()]
    if len(pieces) <= 1:
        return _comma_items(text.strip())
    return [_name_value(p) for p in pieces]


def _name_value(text: str) -> tuple[str, str]:
    """``名称≥值`` apart; a date or a qualitative value ending the item too (完成时限2025年12月).
    The full stop ending the sentence is not part of a value; a statement keeps it."""
    core = text.rstrip("。")
    name, value = split_name_value(core)
    if value:
        return name, value
    start = figure_at_end(core)
    return (core[:start], core[start:]) if start is not None else (text, "")


def _comma_items(text: str) -> list[tuple[str, str]]:
    """``名称≥值,名称≥值``: items apart by commas when each has its value (the last may be cut
    short by the end of the text); otherwise the whole text is one statement, even when its last
    clause ends in a figure (秩序良好,深受好评,力争合格率达100%: the figure is not the row's value)."""
    name, value = _name_value(text)
    if value and not _COMMA.search(name):
        return [(name, value)]
    items = [split_name_value(p.strip()) for p in _COMMA.split(text) if p.strip()]
    if len(items) > 1 and all(v for _, v in items[:-1]) and (items[-1][1] or len(items[-1][0]) <= 2):
        return [(n, v) for n, v in items if v]  # (环: the next item cut short by the end of the text)
    return [(text, "")]
