"""A comparison sign or a number written otherwise than the canonical way: ``≧95%``, ``>=5次``,
``＞＝3次``, ``=>3次``, ``⩾95%``, ``═100%``, ``９５％``. The value reads the same, but tables are compared, searched and summed
by their text: ``≥``, ``≤`` and half-width digits and ``%`` are what the forms print. The
suggestion is the value written so (``check --fix`` writes it in: the meaning does not change).
"""

from __future__ import annotations

import re

from linter import regexes
from linter.checks import RowView, row_check
from linter.values.parser import fold, folding_into
from linter.values.transform import comparator_of, comparator_symbols

PARAMS: dict = {}
ARGS = ("suggestion",)

# One table of signs, the value grammar's: the parser's folding (＞＝ → >=, ⩾ → ≥, ═ → =) and the
# comparators its transformer reads (>= => ≧ ≮ → ≥ …). A run of sign characters is rewritten as
# the comparator the value is read with; a run the grammar does not read as one is left alone.
_SIGN_CHARS = "".join(sorted(set("".join(comparator_symbols()))))
_SIGN = regexes.compile("[" + re.escape(_SIGN_CHARS + folding_into(_SIGN_CHARS)) + "]+")
_FULL = regexes.compile("[" + re.escape(folding_into("0123456789%")) + "]|(?<=[0-9０-９])．(?=[0-9０-９])")


def _sign(run: str) -> str:
    folded = fold(run)
    canonical = comparator_of(folded)
    if canonical is None and folded.endswith("=") and comparator_of(folded[:-1]) in ("≥", "≤"):
        canonical = comparator_of(folded[:-1])  # ≥= : the sign written twice
    return canonical or run


def normalised(text: str) -> str:
    """``≧９５％`` → ``≥95%``: comparison signs and full-width digits, percent and decimal point."""
    text = _SIGN.sub(lambda m: _sign(m.group(0)), text)
    return _FULL.sub(lambda m: fold(m.group(0)), text)


def check_row(ind: RowView, params: dict) -> dict | None:
    """The args when the value writes a sign or a number otherwise than canonically, else None."""
    text = ind.value_text
    if not text:
        return None
    fixed = normalised(text)
    return {"suggestion": fixed} if fixed != text else None


check = row_check(check_row, at="value")
