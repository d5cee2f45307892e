"""A fast reader for canonical YAML: the subset ``canonical.to_yaml`` writes, nothing more.

    data = load_canonical(text)
    if data is DECLINED:
        data = <the full loader>        # yaml_reader.load_yaml: PyYAML's C loader

On every text it accepts, ``load_canonical`` gives exactly what ``yaml_reader.load_yaml`` gives:
the same LineDict/list/str/int/Decimal/bool/None tree, the same key order, the same
``.line``/``.column`` of each mapping and the same ``.line``/``.column`` of every key's and value's
mark. Anything outside the subset, and anything the full loader would refuse (broken YAML, a
duplicate key), is ``DECLINED``, so the full loader then reports it.

The subset, line by line (no tabs, CR, BOM, control characters, trailing spaces anywhere):

* blank lines and whole-line comments ``# …``;
* block mappings ``key: value`` / ``key:`` with a nested block (or null) below;
* block sequences ``- item``, ``- key: value`` (a mapping opening on the dash line) and
  yaml.dump's sequences at their key's indentation (``key:`` then ``- a`` in the same column);
* scalars on one line: plain (not starting with an indicator, no ``: ``, `` #``, no ``:`` at the
  end), single-quoted (``''`` is ``'``), double-quoted without backslashes; literal blocks ``|``
  and ``|-`` (content indented more than their key or dash).

Declined: flow collections, anchors, aliases, tags, directives, document markers, folded and
``|+`` blocks, multi-line plain or quoted scalars, complex keys, comments after content, empty
documents and a top level that is not a mapping.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from linter import regexes
from linter.readers.yaml_common import LineDict, new_mapping, resolve_plain, scalar_value

__all__ = ["DECLINED", "load_canonical"]


class _Declined:
    __slots__ = ()

    def __repr__(self):
        return "DECLINED"

    def __bool__(self):
        return False


DECLINED = _Declined()  # load_canonical's answer for text outside the subset: use the full loader


class Mark(NamedTuple):
    """A position, 0-based like PyYAML's marks (of which only ``line`` and ``column`` are kept)."""

    line: int
    column: int


# Characters libyaml reads differently from this parser, or refuses, wherever they stand (each line
# is checked when first parsed, and a literal block's lines): all but LF and the printable ones (so no tab, CR, NEL, LS, PS, BOM, control character or surrogate).
_REFUSED = regexes.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_QUOTED_KEY = regexes.compile(r"""('(?:[^']|'')*'|"[^"\\]*"):(?: +|$)""")
_SINGLE = regexes.compile(r"'((?:[^']|'')*)'")
_DOUBLE = regexes.compile(r'"([^"\\]*)"')
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`\\")
_MAX_KEY = 1000  # libyaml refuses a simple key longer than 1024 characters
_MAX_DEPTH = 100  # deeper nesting is left to the full loader (whose walk is recursive)

# What a line says, whatever surrounds it (``_line``): a tuple whose first item, the slot, is
# indent * 8 + one of these codes, so that one comparison finds the commonest line, a
# "key: value" in the open mapping.
_KEY_PLAIN, _KEY, _DASH, _DASH_KEY, _DASH_VALUE, _SKIP = range(6)
# How a key's or item's value is given: a one-line scalar; below (or null); "|"; "|-".
_PLAIN, _NESTED, _LITERAL_CLIP, _LITERAL_STRIP = range(4)

# Tables repeat the same lines, keys and values endlessly: each is parsed once. The caches hold
# immutable things only (str, int, Decimal, bool, None, tuples, Marks), so documents may share
# them; each is emptied when full.
_CACHE_LIMIT = 50_000
_BLANK = (_SKIP,)
_LINES: dict = {"": _BLANK}  # line → its _line tuple
_VALUES: dict = {}  # scalar token as written → its value
_MARKS: dict = {}  # line << 20 | column → Mark
_PAIRS: dict = {}  # line << 40 | key column << 20 | value column → (key Mark, value Mark)


def _token_value(token: str):
    """The value of a one-line scalar token as written, or DECLINED."""
    first = token[0]
    if first == "'":
        m = _SINGLE.fullmatch(token)
        return DECLINED if m is None else m.group(1).replace("''", "'")
    if first == '"':
        m = _DOUBLE.fullmatch(token)
        return DECLINED if m is None else m.group(1)
    if first in _INDICATORS and not (first == "-" and len(token) > 1 and token[1] != " "):
        return DECLINED
    if ": " in token or " #" in token or token[-1] in ": ":
        return DECLINED  # a mapping value or a comment inside: libyaml reads it otherwise or refuses
    return scalar_value(resolve_plain(token), token)


def _value(token: str):
    value = _VALUES.get(token, _VALUES)
    if value is _VALUES:
        value = _token_value(token)
        if value is not DECLINED:
            if len(_VALUES) >= _CACHE_LIMIT:
                _VALUES.clear()
            _VALUES[token] = value
    return value


def _entry(t: str, column: int):
    """``key: value`` at ``column``: (key, value, columns, how, null column, column), None if ``t``
    is no key line, DECLINED if it is one outside the subset. ``columns`` is the key's column << 20
    | the value's."""
    if t[0] == "'" or t[0] == '"':
        m = _QUOTED_KEY.match(t)
        if m is None:
            return None
        token, v = m.group(1), t[m.end() :]
    else:
        p = t.find(": ")
        if p >= 0:
            token, v = t[:p], t[p + 2 :].lstrip(" ")
        elif t[-1] == ":":
            token, v = t[:-1], ""
        else:
            return None
    if not token or len(token) > _MAX_KEY:
        return DECLINED
    key = _value(token)
    if key is DECLINED:
        return DECLINED
    if key is None:
        key = ""
    null_column = column + len(token) + 1  # just after the colon
    columns = column << 20 | (column + len(t) - len(v))
    if not v:
        return key, None, columns, _NESTED, null_column, column
    if v[0] == "|":
        if v == "|":
            return key, None, columns, _LITERAL_CLIP, null_column, column
        if v == "|-":
            return key, None, columns, _LITERAL_STRIP, null_column, column
        return DECLINED
    value = _value(v)
    if value is DECLINED:
        return DECLINED
    return key, value, columns, _PLAIN, null_column, column


def _line(line: str):
    """What a non-empty line says, or DECLINED outside the subset:
    (slot,) for a comment or "-" alone, (slot, *_entry) for "key: …" and "- key: …",
    (slot, how, value) for "- value"."""
    if line[-1] == " " or _REFUSED.search(line) is not None:
        return DECLINED  # a trailing space (it may matter), or a character to leave to libyaml
    s = line.lstrip(" ")
    first = s[0]
    if first == "#":
        return _BLANK
    indent = len(line) - len(s)
    if indent == 0 and s[:3] in ("---", "..."):
        return DECLINED  # document markers
    if first == "-" and (len(s) == 1 or s[1] == " "):
        if len(s) == 1:
            return (indent << 3 | _DASH,)
        t = s[2:].lstrip(" ")
        if t[0] == "-" and (len(t) == 1 or t[1] == " "):
            return DECLINED  # "- - a"
        entry = _entry(t, indent + len(s) - len(t))
        if entry is DECLINED:
            return DECLINED
        if entry is not None:
            return (indent << 3 | _DASH_KEY,) + entry
        if t == "|":
            return (indent << 3 | _DASH_VALUE, _LITERAL_CLIP, None)
        if t == "|-":
            return (indent << 3 | _DASH_VALUE, _LITERAL_STRIP, None)
        value = _value(t)
        return DECLINED if value is DECLINED else (indent << 3 | _DASH_VALUE, _PLAIN, value)
    entry = _entry(s, indent)
    if entry is None or entry is DECLINED:
        return DECLINED  # a lone scalar: a continuation line, or a top level that is no mapping
    return (indent << 3 | (_KEY_PLAIN if entry[3] == _PLAIN else _KEY),) + entry


def _mark(line: int, column: int) -> Mark:
    mark = Mark(line, column)
    if len(_MARKS) >= _CACHE_LIMIT:
        _MARKS.clear()
    _MARKS[line << 20 | column] = mark
    return mark


def _pair(line: int, columns: int):
    """(key Mark, value Mark) on ``line`` at ``columns`` (key column << 20 | value column)."""
    pair = (Mark(line, columns >> 20), Mark(line, columns & 0xFFFFF))
    if len(_PAIRS) >= _CACHE_LIMIT:
        _PAIRS.clear()
    _PAIRS[line << 40 | columns] = pair
    return pair


def _literal(lines: list, start: int, owner: int, clip: bool):
    """A literal block scalar whose content starts at ``lines[start]``: (text, next line index), or
    None to decline. ``owner`` is the column of its key or dash: the content must be indented more."""
    n = len(lines)
    j = start
    while j < n and not lines[j]:
        j += 1
    if j == n:
        return None
    first = lines[j]
    indent = len(first) - len(first.lstrip(" "))
    if indent <= owner:
        return None  # an empty block: left to the full loader
    leading = j - start
    prefix = " " * indent
    last = j
    while j < n:
        line = lines[j]
        if line:
            if not line.startswith(prefix):
                break
            last = j
        j += 1
    block = lines[start + leading : last + 1]
    text = "\n".join(block)
    if text[-1] == " " or " \n" in text or _REFUSED.search(text) is not None:
        return None  # (as in _line)
    text = "\n" * leading + "\n".join([line[indent:] for line in block])
    if clip and last < n - 1:
        text += "\n"  # "|" keeps the last line break, when there is one
    return text, last + 1


def load_canonical(text: str):  # noqa: C901 — one loop, its state in locals: split, it would cost a call per line
    """The data ``yaml_reader.load_yaml(text, …)`` gives, or DECLINED outside the canonical subset."""
    if len(text) >= 1 << 20:
        return DECLINED  # columns must fit the mark caches' 20 bits (and no table is that long)
    lines = text.split("\n")
    lines_get, pairs_get, marks_get = _LINES.get, _PAIRS.get, _MARKS.get
    root: LineDict | list | None = None
    stack: list = []  # the enclosing collections: (container, column, is_mapping, indentless)
    # The innermost open collection, a LineDict or a list, and its marks. Which one it is, is told by
    # top_map (a flag, not isinstance, for speed), which the type checker cannot follow: hence Any.
    top: Any = None
    marks: Any = None
    top_col, top_map, top_indentless = -1, False, False
    # A key or dash whose value is on the lines below (or null): 0 none, 1 key, 2 item, 3 the root.
    pend, pend_owner, pend_key, pend_kmark, pend_line, pend_col = 3, -1, None, None, 0, 0
    want = -1  # the slot of "key: value" in the open mapping, when nothing is pending
    rows = enumerate(lines)
    for ln, line in rows:
        info = lines_get(line)
        if info is None:
            info = _line(line)
            if info is DECLINED:
                return DECLINED
            if len(_LINES) >= _CACHE_LIMIT:
                _LINES.clear()
                _LINES[""] = _BLANK
            _LINES[line] = info
        slot = info[0]
        if slot == want:  # the commonest line, done quickly
            key = info[1]
            if key in top:
                return DECLINED  # a duplicate key: the full loader says so
            top[key] = info[2]
            marks[key] = pairs_get(ln << 40 | info[3]) or _pair(ln, info[3])
            continue
        code = slot & 7
        if code == _SKIP:
            continue
        ind = slot >> 3

        if pend:
            if ind > pend_owner or (ind == pend_owner and pend == 1 and code >= _DASH):
                # The pending value is the collection that opens on this line.
                if code >= _DASH:
                    if pend == 3:
                        return DECLINED  # a top level that is no mapping
                    new: list | LineDict = []
                else:
                    new = new_mapping(ln + 1, ind + 1)
                if pend == 1:
                    top[pend_key] = new
                    marks[pend_key] = (pend_kmark, marks_get(ln << 20 | ind) or _mark(ln, ind))
                elif pend == 2:
                    top.append(new)
                else:
                    root = new
                if top is not None:
                    stack.append((top, top_col, top_map, top_indentless))
                    if len(stack) > _MAX_DEPTH:
                        return DECLINED
                top_indentless = ind == pend_owner
                top, top_col, top_map = new, ind, code < _DASH
            else:
                if pend == 1:
                    top[pend_key] = None
                    marks[pend_key] = (
                        pend_kmark,
                        marks_get(pend_line << 20 | pend_col) or _mark(pend_line, pend_col),
                    )
                elif pend == 2:
                    top.append(None)
                else:
                    return DECLINED
            pend = 0

        while ind < top_col:
            if not stack:
                return DECLINED  # content after the top-level mapping
            top, top_col, top_map, top_indentless = stack.pop()
        if ind != top_col:
            return DECLINED  # a continuation line, or a misaligned one

        how = _PLAIN
        if code <= _KEY:
            if not top_map:
                if not top_indentless:
                    return DECLINED  # a key among the items of a sequence
                top, top_col, top_map, top_indentless = stack.pop()  # the key's mapping goes on
            if info[1] in top:
                return DECLINED  # a duplicate key: the full loader says so
            how = info[4]
        elif top_map:
            return DECLINED  # an item among the keys of a mapping
        elif code == _DASH_KEY:  # "- key: …": a mapping opens after the dash
            new = new_mapping(ln + 1, info[6] + 1)
            top.append(new)
            stack.append((top, top_col, top_map, top_indentless))
            if len(stack) > _MAX_DEPTH:
                return DECLINED
            top, top_col, top_map, top_indentless = new, info[6], True, False
            how = info[4]
        elif code == _DASH:
            pend, pend_owner, pend_line, pend_col = 2, ind, ln, ind + 1
            how = -1
        else:  # "- value"
            if info[1] == _PLAIN:
                top.append(info[2])
            else:
                got = _literal(lines, ln + 1, ind, info[1] == _LITERAL_CLIP)
                if got is None:
                    return DECLINED
                top.append(got[0])
                for _ in range(got[1] - ln - 1):
                    next(rows)
            how = -1

        if top_map:
            marks = top.marks
            if how == _PLAIN:
                key = info[1]
                top[key] = info[2]
                marks[key] = pairs_get(ln << 40 | info[3]) or _pair(ln, info[3])
            elif how == _NESTED:
                pend, pend_owner, pend_key, pend_line, pend_col = 1, info[6], info[1], ln, info[5]
                pend_kmark = marks_get(ln << 20 | info[6]) or _mark(ln, info[6])
            elif how >= 0:  # a literal block
                got = _literal(lines, ln + 1, info[6], how == _LITERAL_CLIP)
                if got is None:
                    return DECLINED
                top[info[1]] = got[0]
                marks[info[1]] = pairs_get(ln << 40 | info[3]) or _pair(ln, info[3])
                for _ in range(got[1] - ln - 1):
                    next(rows)
        want = top_col << 3 if top_map and not pend else -1

    if pend == 1:
        top[pend_key] = None
        marks[pend_key] = (pend_kmark, marks_get(pend_line << 20 | pend_col) or _mark(pend_line, pend_col))
    elif pend == 2:
        top.append(None)
    return DECLINED if root is None else root
