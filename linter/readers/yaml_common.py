"""What both YAML loaders share: the ``LineDict`` they build and YAML 1.2 core scalar resolution.

``yaml_reader.load_yaml`` (PyYAML's C loader) and ``yaml_fast.load_canonical`` (a line parser for
the canonical subset) must give the very same data, so the tag rules and the tag → value
conversion live here, once, and neither loader imports the other.

    resolve_plain("13.50")                              → "tag:yaml.org,2002:float"
    scalar_value("tag:yaml.org,2002:float", "13.50")    → Decimal("13.50")
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from linter import regexes


class LineDict(dict):
    """A YAML mapping that remembers its position: ``line``/``column`` (1-based) of its start and
    ``marks[key] = (key_mark, value_mark)`` for each key: 0-based marks, PyYAML's or
    ``yaml_fast.Mark``, of which only ``line`` and ``column`` are read."""

    __slots__ = ("column", "line", "marks")
    line: int
    column: int
    marks: dict


STR_TAG = "tag:yaml.org,2002:str"

# YAML 1.2 core schema: (tag, pattern, first characters it can start with), in resolution order.
# Both loaders resolve plain scalars with ``resolve_plain`` (``yaml_reader.LineLoader.resolve``).
IMPLICIT_RESOLVERS = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?(?:0|[1-9][0-9_]*)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]+(?:[eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
)

_BY_FIRST: dict[str, list] = {}
for _tag, _pattern, _first in IMPLICIT_RESOLVERS:
    for _ch in _first:
        _BY_FIRST.setdefault(_ch, []).append((_tag, regexes.compile(_pattern)))


def resolve_plain(text: str) -> str:
    """The tag of a plain (unquoted) scalar: what PyYAML's resolver gives with our table."""
    for tag, regexp in _BY_FIRST.get(text[:1], ()):
        if regexp.match(text):
            return tag
    return STR_TAG


_TRUE = frozenset({"true", "True", "TRUE"})


def scalar_value(tag: str, text: str):
    """The value of a scalar with this tag, as written: str, int, Decimal, bool or None."""
    if tag == STR_TAG:
        return text
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(text.replace("_", ""))
        except ValueError:
            return text
    if tag == "tag:yaml.org,2002:float":
        try:
            return Decimal(text.replace("_", ""))
        except InvalidOperation:
            return text
    if tag == "tag:yaml.org,2002:bool":
        return text in _TRUE
    return text  # explicit tags (!!timestamp, !custom …): the text as written


def new_mapping(line: int, column: int) -> LineDict:
    """An empty LineDict starting at ``line``/``column`` (1-based), its marks still to come."""
    mapping = LineDict()
    mapping.line, mapping.column, mapping.marks = line, column, {}
    return mapping
