"""A whole indicator tree inside one cell, as HTML or numbered text.

Web-published tables (门源县 2023) print a project's goals and all its indicators in one cell::

    <p>一、产出指标</p> <p>(一) 数量指标:</p> <ol> 1. 企业安全检查 50次 2. 第三方专家咨询和检查 ≥2次 …

The cell is cut into items at tags and at numbering (``一、`` ``(一)`` ``（一）`` ``1.`` ``2、``);
each item is a heading or an indicator whose name and value are separated by a space or by
nothing (``业务工作经费1万元``: ``split_name_value``). Real cells are sloppy, so headings are
recognised by their words, not their numbering: ``2. 社会效益指标 地震安全知识知晓率 ≥95%`` is a
heading followed by an indicator, ``1. 服务对象满意度指标`` with no value is a heading, and a
heading stays in effect until the next one. The numbering only breaks a tie: ``三、满意度指标``
is a 一级 heading, ``(四) 满意度指标`` a 二级 one (whose printed 一级 stays the one in effect).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter import regexes
from linter.glossary import HTML_TAG, is_category_label
from linter.model import Indicator
from linter.readers.indicators import Categories, make_indicator
from linter.readers.layout import clean
from linter.values import split_name_value

_BLOCK_TAG = regexes.compile(
    r"</?(?:p|li|ol|ul|div|br|tr|td|h\d)\b[^<>]*>", re.IGNORECASE
)  # [^<>]: see HTML_TAG
# An item's numbering where a chunk or a line starts: 一、 (l1), （一） (l2), 1. (item).
ITEM_MARKER = regexes.compile(
    r"(?:^|(?<=[\s;；。]))(?:(?P<l1>[一二三四五六七八九十]+\s*[、.．])"
    r"|(?P<l2>[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）])"
    r"|(?P<item>\d{1,2}\s*[.、．](?!\d)))\s*"
)
# The head is a category label (short): at most 80 characters tried, or every colon of a long
# run would be a split point with the rest of the line scanned from it.
_HEAD_SPLIT = regexes.compile(r"^(\S{1,80}?)(?:\s*[:：]\s*|\s+)(\S.*)$")


@dataclass
class Item:
    """A numbered item of a cell's text (一、… 1. …) and the level its numbering marks."""

    text: str  # without its numbering
    marker: str  # "l1", "l2", "item" or ""
    column: int  # 1-based column of ``text`` in the line


def looks_like_tree(raw: str) -> bool:
    """Does this cell hold an indicator tree (several category headings)?"""
    text = clean(raw)
    return sum(w in text for w in ("产出", "效益", "满意度", "数量指标", "质量指标")) >= 2


def items(raw: str, column: int) -> list[Item]:
    """The cell cut into items; ``column`` is where the cell's raw text starts in the line."""
    out: list[Item] = []
    pos = 0
    for m in list(HTML_TAG.finditer(raw)) + [None]:
        end = m.start() if m else len(raw)
        _cut_chunk(raw[pos:end], column + pos, out)
        pos = m.end() if m else len(raw)
    return out


def _cut_chunk(chunk: str, column: int, out: list[Item]) -> None:
    starts = [(m.start(), m.end(), m.lastgroup or "") for m in ITEM_MARKER.finditer(chunk)]
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, 0, ""))
    for i, (_start, text_start, marker) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(chunk)
        piece = chunk[text_start:end]
        text = piece.strip()
        if text:
            lead = len(piece) - len(piece.lstrip())
            out.append(Item(text, marker, column + text_start + lead))


def read_tree(raw: str, line: int, column: int, path: str, cats: Categories | None = None) -> list[Indicator]:
    """Every indicator of a tree cell, in order, with its 一级/二级 as the headings say."""
    cats = cats or Categories()
    found: list[Indicator] = []
    for item in items(raw, column):
        text = item.text.rstrip("：:").strip()
        if not text:
            continue
        if is_category_label(text):
            cats.heading(text, prefer_level1=_prefers_level1(item.marker))
            continue
        offset = 0
        inline = None
        head = _HEAD_SPLIT.match(text)
        while head and is_category_label(head.group(1)):
            if item.marker == "item" and inline is None:
                inline = (head.group(1), cats.level2_printed or cats.level2)
            # 社会效益指标 地震安全知识知晓率 ≥95%: a heading printed in front of an indicator.
            cats.heading(head.group(1), prefer_level1=_prefers_level1(item.marker) if not offset else False)
            offset += head.start(2)
            text = head.group(2)
            head = _HEAD_SPLIT.match(text)
        name, value = split_name_value(text)
        value_column = None
        if value:
            at = text.rfind(value)
            value_column = item.column + offset + (at if at >= 0 else 0)
        ind = make_indicator(cats, name, value, path, line, item.column + offset, value_column)
        ind.inline_heading = inline
        found.append(ind)
    return found


def _prefers_level1(marker: str) -> bool | None:
    return {"l1": True, "l2": False, "item": False}.get(marker)


def paragraphs(raw: str) -> str:
    """The text of an HTML cell, one line per paragraph (for goals)."""
    text = _BLOCK_TAG.sub("\n", raw)
    lines = (clean(part) for part in text.split("\n"))
    return "\n".join(part for part in lines if part)
