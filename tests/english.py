"""Finding English words where a clerk reads Chinese (``--lang zh``): the text output, the ``serve``
page, the annotated files.

Allowed: rule codes (IL201) and slugs (missing-unit), which are names; the names of the formats a
clerk knows her file by (Excel, Word, Office, PDF, YAML, zip, OCR, and extensions such as .xlsx) and
MB; the tool's
own name; cell references (D12, R5C3); and whatever came from the input itself (file and sheet names,
passed as ``theirs``), which is the clerk's text, not ours.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

TOKEN = re.compile(r"(?<![.A-Za-z0-9_-])[A-Za-z][A-Za-z0-9_-]*")  # (an extension, .xlsx, is not a word)
NAMES = frozenset({"Excel", "Word", "Office", "PDF", "YAML", "zip", "OCR", "MB", "indicator-lint"})
CELL = re.compile(r"^(?:[A-Z]{1,3}\d+|R\d+C\d+)$")  # D12; R5C3, a cell of a Word table (row 5, column 3)


@lru_cache(maxsize=1)
def rule_names() -> frozenset[str]:
    from linter.rulebook import load_rule_dirs

    return frozenset(name for rule in load_rule_dirs([]) for name in (rule.code, rule.slug))


def english_words(text: str, theirs=()) -> list[str]:
    """The English words in ``text`` that are not allowed (see above). ``theirs``: the input's own
    words (allowed as words) and names (file names, paths: taken out of the text first)."""
    words = {name for name in theirs if TOKEN.fullmatch(name)}
    for name in sorted(set(theirs) - words, key=len, reverse=True):
        if name:
            text = text.replace(name, " ")
    allowed = rule_names() | NAMES | words
    return [word for word in TOKEN.findall(text) if word not in allowed and not CELL.match(word)]


class _Visible(HTMLParser):
    """The text a page shows: its text outside style and script, and the labels read out to people."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._hidden += 1
        for key, value in attrs:
            if key in ("aria-label", "title", "placeholder", "alt") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.parts)
