"""A comparison sign or a number written otherwise than the canonical way: ``≧95%``, ``>=5次``,
``＞＝3次``, ``９５％``. The value reads the same, but tables are compared, searched and summed
by their text: ``≥``, ``≤`` and half-width digits and ``%`` are what the forms print. The
suggestion is the value written so (``check --fix`` writes it in: the meaning does not change).
"""

from __future__ import annotations

import re

from linter.checks import RowView, row_check

PARAMS: dict = {}
ARGS = ("suggestion",)

# the longer spellings first: ＞＝ before ＞
_SIGNS = [
    (">=", "≥"),
    ("＞＝", "≥"),
    (">＝", "≥"),
    ("＞=", "≥"),
    ("≧", "≥"),
    ("≥=", "≥"),
    ("<=", "≤"),
    ("＜＝", "≤"),
    ("<＝", "≤"),
    ("＜=", "≤"),
    ("≦", "≤"),
    ("≤=", "≤"),
]
_SIGN = re.compile("|".join(re.escape(a) for a, _ in _SIGNS))
_FULL = re.compile("[０-９％]|(?<=[0-9０-９])．(?=[0-9０-９])")
_FULL_MAP = {**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": "."}


def normalised(text: str) -> str:
    """``≧９５％`` → ``≥95%``: comparison signs and full-width digits, percent and decimal point."""
    signs = dict(_SIGNS)
    text = _SIGN.sub(lambda m: signs[m.group(0)], text)
    return _FULL.sub(lambda m: _FULL_MAP[m.group(0)], text)


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the value writes a sign or a number otherwise than canonically, else None."""
    text = ind.value_text
    if not text or not (_SIGN.search(text) or _FULL.search(text)):
        return None
    fixed = normalised(text)
    return {"suggestion": fixed} if fixed != text else None


check = row_check(check_row, at="value")
