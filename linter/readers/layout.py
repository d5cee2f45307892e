"""Lines of extracted text → rows of cells, whatever separated the cells.

Text pulled out of PDFs and web pages separates table cells with tabs, with pipes (``a | b |``,
``||||`` for merged cells) or with runs of spaces; a row may also be one cell per line. This
module only cuts lines into cells and remembers where each cell starts, so that everything the
reader finds can point at ``file:line:column``. It knows nothing about target tables.

    split_line("产出指标\\t数量指标\\t培训次数\\t≥2次", 12)  → 4 cells on line 12
    clean("<b>项目名称</b>")  → "项目名称";  compact("其中： 财政拨款") → "其中:财政拨款"
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from linter import regexes
from linter.glossary import HTML_TAG, is_category_label, normalise_level2, simplified
from linter.textcache import short_text_cache
from linter.values.parser import fold_cell

_SPACE = regexes.compile(r"\s+")
_EMPHASIS = regexes.compile(r"\*\*(?=[^*\s])([^*]+?)(?<=[^*\s])\*\*")
# 績效目標(biāo): mirror sites print the pinyin of a character after it (toned letters only, so
# that ``(a)`` or ``(万元)`` stay)
_PINYIN_GLOSS = regexes.compile(r"(?<=[\u4e00-\u9fff])[(（][a-z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
_LEADING_TAGS = regexes.compile(rf"(?:\s*{HTML_TAG.pattern})*\s*")  # <b> and the like before a cell's text
# markdown |---|---|; no two \s* side by side (across an optional |): they split a run of spaces every way
_PIPE_RULE = regexes.compile(r"^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*(?:\|\s*)?$")
SPACE_SEPARATOR = regexes.compile(r"[ \u3000\xa0]{2,}|\u3000")
_TAB, _PIPE, _WORD = regexes.compile(r"\t"), regexes.compile(r"\|"), regexes.compile(r"\S+")
_HEADING = regexes.compile(r"^\s*#{1,6}\s+")
_FULLWIDTH = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "　": " "})


@dataclass
class Cell:
    """One cell: its raw text (tags kept, ends stripped), index in the row and 1-based column."""

    raw: str
    index: int
    column: int
    line: int = 0
    text: str = field(init=False, repr=False)  # clean(raw): asked for again and again by the row logic

    def __post_init__(self) -> None:
        # Folded, one character for one (績效指標 is 绩效指标, （万元） is (万元), １００％ is 100%):
        # the reader decides what a cell is by the vocabulary, in either script and width; what
        # it keeps is put back as printed (readers/printed.py).
        self.raw = fold_cell(self.raw)
        self.text = clean(self.raw)  # (cells are never changed once split from their line)

    @property
    def empty(self) -> bool:
        return not self.text


@dataclass
class Row:
    """The cells of one line; ``line`` is 1-based. ``single`` marks a line that was not split."""

    line: int
    cells: list[Cell]
    text: str  # the whole line, for messages

    @cached_property
    def filled(self) -> list[Cell]:
        return [c for c in self.cells if not c.empty]

    def at(self, index: int) -> Cell | None:
        return self.cells[index] if 0 <= index < len(self.cells) else None


def clean(text: str) -> str:
    """Text without HTML tags, entities, markdown emphasis, pinyin glosses or surplus white space."""
    if "<" in text:
        text = HTML_TAG.sub(" ", text)
    text = without_glosses(text)
    if "&" in text:
        text = html.unescape(text)
    if "**" in text:  # markdown emphasis, in pairs; a lone ** is a template's blank (≥**人): kept
        text = _EMPHASIS.sub(r"\1", text)
    return _SPACE.sub(" ", text).strip()


def without_glosses(text: str) -> str:
    """``text`` without the pinyin a mirror site prints after characters (績(jī)效 → 績效)."""
    return _PINYIN_GLOSS.sub("", text) if "(" in text or "（" in text else text


@short_text_cache(4096)  # each cell is compared as a label many times over (header, block, column)
def compact(text: str) -> str:
    """A form for comparing labels: clean, no white space, ASCII brackets/colons, no end colon."""
    text = _SPACE.sub("", simplified(clean(text).translate(_FULLWIDTH)))
    return text.rstrip(":")


_PIPE_CLOSED = regexes.compile(r"\|\s*$")
_ONLY_PIPES = regexes.compile(r"^[\s|]*$")
_LABEL_END = regexes.compile(r"^指\s*标$")
_FRAGMENT_END = ("。", ":", "：", ";", "；", "!", "！")


def joined_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(line number, text) of the lines to split, 1-based.

    In a dump of an HTML table one cell per line, each cell closed by its pipe (``项目名称 |``), a
    cell broken over lines has its pipe on the last line only (``项目资金`` / ``(万元) |``,
    ``绩`` / ``效`` / ``指`` / ``标 |``): those lines are one cell again, numbered by its first line.
    Elsewhere the lines are as they are."""
    closed = sum(1 for line in lines if _PIPE_CLOSED.search(line) and not _ONLY_PIPES.match(line))
    if closed < 8 or closed * 4 < sum(1 for line in lines if line.strip()):
        yield from _label_ends_joined(lines)
        return
    fragments: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if _PIPE_CLOSED.search(text) and not _ONLY_PIPES.match(text) and fragments and "|" not in text[:-1]:
            yield fragments[0][0], "".join(f for _, f in fragments) + text
            fragments = []
            continue
        if (
            text
            and not _PIPE_CLOSED.search(text)
            and "|" not in text
            and len(text) <= 16
            and not text.endswith(_FRAGMENT_END)
            and "绩效" not in fold_cell(text)  # (績效 too)
        ):
            fragments.append((number, text))
            continue
        yield from fragments
        fragments = []
        yield number, line
    yield from fragments


def _completes_label(before: str, text: str) -> bool:
    """``满意度指标 服务对象`` / ``满意度指标``: the line ends with the first words of a label the next
    line finishes (服务对象 + 满意度指标), neither half a label of its own."""
    words = fold_cell(before).split()  # (服務對象 / 滿意度指標 too)
    text = fold_cell(text)
    if not words or len(text) > 10 or " " in text or is_category_label(words[-1]):
        return False
    return normalise_level2(words[-1] + text) is not None and not words[-1].endswith("指标")


def _label_ends_joined(lines: list[str]) -> Iterator[tuple[int, str]]:
    """A category label broken before its last word (``项目完成`` / ``指标``, ``经济效益`` / blank /
    ``指标``): the lone ``指标`` goes back onto the line before, across blank lines."""
    held: tuple[int, str] | None = None  # the last non-blank line, not yet given out
    blanks: list[tuple[int, str]] = []  # blank lines after it
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if held is not None and (_LABEL_END.match(fold_cell(text)) or _completes_label(held[1], text)):
            held = (held[0], held[1].rstrip() + text)
        elif not text and held is not None:
            blanks.append((number, line))
        else:
            if held is not None:
                yield held
                yield from blanks
            held, blanks = ((number, line), []) if text else (None, [])
            if not text:
                yield number, line
    if held is not None:
        yield held
        yield from blanks


_FULL_WIDTH_BAR = "\uff5c"


def ascii_pipes(text: str) -> str:
    """``text`` with its full-width vertical bars (U+FF5C) as ``|``: a cell's end either way (one
    character for one, so every place in the text stays where it was)."""
    return text.replace(_FULL_WIDTH_BAR, "|") if _FULL_WIDTH_BAR in text else text


def separator_of(line: str) -> str:
    """What cuts this line into cells: ``tab``, else ``pipe`` (``a | b``, ``| a |``, and ``项目名称 |``:
    an HTML row dumped one cell per line, each cell closed by its pipe), else ``space`` (runs of two
    or more)."""
    if "\t" in line:
        return "tab"
    if line.count("|") >= 2 or line.strip().startswith("|") or line.rstrip().endswith(" |"):
        return "pipe"
    return "space"


def split_line(line: str, number: int) -> Row:
    """Cut one line into cells, at its separator (``separator_of``)."""
    body = line.rstrip("\r\n")
    heading = _HEADING.match(body)  # markdown heading: ## 部门项目支出预算绩效目标表
    start = heading.end() if heading else 0
    separator = separator_of(body)
    if separator == "tab":
        pieces = _split_keep_offsets(body, _TAB, start)
    elif separator == "pipe":
        if _PIPE_RULE.match(body):
            return Row(number, [], body)
        pieces = _split_keep_offsets(body, _PIPE, start)
        # A border (``| a | b |``, indented or not), unless one space stands before it: cells joined
        # by `` | `` from an empty one (`` | a | b |``, the 一级 and 二级 merged above)
        joined_from_empty = body.startswith(" |")
        if body.lstrip().startswith("|") and not joined_from_empty and pieces and not pieces[0][1].strip():
            pieces = pieces[1:]
        if body.strip().endswith("|") and pieces and not pieces[-1][1].strip():
            pieces = pieces[:-1]
    else:
        pieces = _split_keep_offsets(body, SPACE_SEPARATOR, start)
        pieces = [p for p in pieces if p[1].strip()] or pieces[:1]
    cells = []
    for index, (offset, raw) in enumerate(pieces):
        lead = len(raw) - len(raw.lstrip())
        cells.append(Cell(raw.strip(), index, offset + lead + 1, number))
    return Row(number, cells, body)


def _split_keep_offsets(text: str, separator: re.Pattern, start: int) -> list[tuple[int, str]]:
    out, pos = [], start
    for m in separator.finditer(text, start):
        out.append((pos, text[pos : m.start()]))
        pos = m.end()
    out.append((pos, text[pos:]))
    return out


def split_words(cell: Cell) -> list[Cell]:
    """A single-space separated cell cut into words (for ``产出指标 数量指标 培训次数 ≥2次`` rows)."""
    out: list[Cell] = []
    for m in _WORD.finditer(cell.raw):
        out.append(Cell(m.group(0), cell.index + len(out), cell.column + m.start(), cell.line))
    return out


def first_text_column(cell: Cell) -> int:
    """The column of the first visible character, skipping leading tags such as ``<b>``."""
    m = _LEADING_TAGS.match(cell.raw)
    return cell.column + (m.end() if m else 0)
