"""Finding English words where a clerk reads Chinese (``--lang zh``): the text output, the ``serve``
page, the annotated files.

Allowed: rule codes (IL201) and slugs (missing-unit), which are names; the names of the formats a
clerk knows her file by (Excel, Word, Office, PDF, YAML, zip, OCR, and extensions such as .xlsx) and
MB; the tool's
own name; cell references (D12); and whatever came from the input itself (file and sheet names,
passed as ``theirs``), which is the clerk's text, not ours.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

TOKEN = re.compile(r"(?<![.A-Za-z0-9_-])[A-Za-z][A-Za-z0-9_-]*")  # (an extension, .xlsx, is not a word)
NAMES = frozenset({"Excel", "Word", "Office", "PDF", "YAML", "zip", "OCR", "MB", "indicator-lint"})
CELL = re.compile(r"^[A-Z]{1,3}\d+$")


@lru_cache(maxsize=1)
def rule_names() -> frozenset[str]:
    from linter.rulebook import load_rule_dirs

    return frozenset(name for rule in load_rule_dirs([]) for name in (rule.code, rule.slug))


def english_words(text: str, theirs=()) -> list[str]:
    """The English words in ``text`` that are not allowed (see above)."""
    for name in sorted(theirs, key=len, reverse=True):
        if name:
            text = text.replace(name, " ")
    allowed = rule_names() | NAMES
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
