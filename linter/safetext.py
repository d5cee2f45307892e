"""Text that is safe to write wherever indicator-lint writes it, whatever a cell or a file name holds.

A table is someone else's text: a cell may hold an escape sequence that recolours the terminal or
moves its cursor, a bidi override that shows a line in another order than it reads, a character
XML 1.0 cannot hold; a file name may not be UTF-8 at all (Python gives its bytes as lone
surrogates, ``\\udcff``, which no UTF-8 writer accepts). Each output escapes what it cannot show:

    shown(text)         for a terminal or a log (text and GitHub output, one-line errors on
                        stderr): control characters, bidi controls and line separators as
                        ``\\x1b``, ``\\u202e``, …; a byte of a file name that is not UTF-8 as ``\\xff``
    unicode_safe(text)  for JSON, SARIF, YAML and HTML, which show anything else: only the
                        surrogates, so that the output is UTF-8
    xml_safe(text)      for XML (JUnit, the annotated workbook): also what XML 1.0 forbids
    quoted(value)       a value named in an error message: a bounded repr (a YAML alias bomb is
                        not expanded), ``LIMIT`` characters at most; ``clipped(name)`` a name
"""

from __future__ import annotations

import codecs
import re
import reprlib

from linter import regexes

LIMIT = 80  # characters of a quoted value in an error message

_SURROGATE = "\ud800-\udfff"
# C0 and C1 controls, DEL; ALM, LRM, RLM; LS, PS; the bidi embeddings, overrides and isolates
_TERMINAL = regexes.compile(
    f"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069{_SURROGATE}]"
)
_SURROGATES = regexes.compile(f"[{_SURROGATE}]")
_ALL = regexes.compile(".", re.DOTALL)
_NOT_XML = regexes.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff{_SURROGATE}]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): the byte itself
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def shown(text: str) -> str:
    """``text`` for a terminal: nothing in it acts on the terminal or reorders the line."""
    return _TERMINAL.sub(_escape, text)


_UNSAFE_LINES = regexes.compile(_TERMINAL.pattern.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f"))


def unsafe_lines(text: str) -> bool:
    """Whether lines of text hold anything ``shown`` would escape (their line breaks apart): one
    scan, so that a formatter can write the common text as it is and escape only when needed."""
    return _UNSAFE_LINES.search(text) is not None


def unicode_safe(text: str) -> str:
    """``text`` with its lone surrogates escaped: encodable as UTF-8."""
    return _SURROGATES.sub(_escape, text)


def unicode_safe_json(text: str) -> str:
    """JSON text whose strings were encoded with their lone surrogates as they are (which only a
    string can hold): each replaced by its escape as a JSON string writes it (``\\\\xff``), as if
    ``unicode_safe`` had been applied to every string first. One scan of the whole text."""
    return _SURROGATES.sub(lambda m: _escape(m).replace("\\", "\\\\"), text)


def unicode_safe_data(value):
    """``value`` (JSON-like data) with every text in it ``unicode_safe``."""
    if isinstance(value, str):
        return unicode_safe(value)
    if isinstance(value, dict):
        return {unicode_safe_data(k): unicode_safe_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [unicode_safe_data(v) for v in value]
    return value


def _escape_unencodable(exc: UnicodeError):
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return _ALL.sub(_escape, exc.object[exc.start : exc.end]), exc.end


# ``open(…, errors=ESCAPE)``: what the codec cannot encode (a lone surrogate, for UTF-8) is
# written as its escape (``\xff``), where text is plain text (HTML, not JSON: \x is no JSON escape)
ESCAPE = "indicator-lint-escape"
codecs.register_error(ESCAPE, _escape_unencodable)


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold escaped (tab, line feed and return stay)."""
    return _NOT_XML.sub(_escape, text)


_repr = reprlib.Repr()
_repr.maxlevel = 2
_repr.maxlist = _repr.maxtuple = _repr.maxset = _repr.maxfrozenset = _repr.maxdeque = _repr.maxdict = 4
_repr.maxstring = _repr.maxother = _repr.maxlong = LIMIT


def clipped(text: str, limit: int = LIMIT) -> str:
    """``shown(text)``, cut to ``limit`` characters: a name (a key, a rule) in an error message."""
    text = shown(text[: limit + 1])
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(value, limit: int = LIMIT) -> str:
    """``repr(value)`` for an error message, one line of at most ``limit`` characters however big
    the value (nested lists are not walked past two levels)."""
    text = shown(_repr.repr(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"
