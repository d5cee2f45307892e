"""Values: the grammar-backed parser that turns a 指标值 into a typed value.

    parse("≥95%")            → Quantity(comparator="≥", number=95, unit="%", unit_kind="percent")
    parse("3.2 万户")         → Quantity(number=32000, unit="户", written_unit="万户")
    split_name_value("业务工作经费1万元") → ("业务工作经费", "1万元")

``parse`` never raises: what the grammar cannot read becomes a ``Text`` value with the
quantities found inside it.
"""

from __future__ import annotations

from functools import lru_cache

from linter.values.types import Value


def parse_uncached(text: str) -> Value:
    """The value of ``text``, parsed again (``parse`` without its cache)."""
    from linter.values.parser import parse_value

    return parse_value(text)


def prepare() -> None:
    """Build the parser now: worker processes forked afterwards share it instead of each
    loading the grammar again."""
    from linter.values.parser import _get_parser

    _get_parser()


@lru_cache(maxsize=65536)
def parse(text: str) -> Value:
    """Parse one 指标值 (cached: real tables repeat ``100%`` and ``≥95%`` endlessly)."""
    return parse_uncached(text)


def split_name_value(cell: str) -> tuple[str, str]:
    """Split a cell holding name and value together into (name, value text); value may be ''."""
    from linter.values.scan import split_name_value as _split

    return _split(cell)
