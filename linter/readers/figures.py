"""Figures run together: a self-evaluation form's 分值 | 指标值 | 全年实际值 | 得分 printed with no
separator between them (run-on text keeps no cell boundaries).

    split_figures("2010010020", ["weight", "value", "actual", "score"]) → (["20", "100", "100", "20"], "")
    split_figures("1038.7536.29.342021", [...the same...]) → (["10", "38.75", "36.2", "9.34"], "2021")

Each figure is a number with at most two decimals and no leading zero; a weight is at most 100 and
a score at most its weight. Of the cuts that fit, the one whose actual value is nearest its target
wins (both columns measure the same thing), then the one leaving the fewest digits to the text
after it (the 未完成原因分析 that may begin with a year).
"""

from __future__ import annotations

from decimal import Decimal

from linter import regexes

_NUMBER = regexes.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")
_LONGEST_FIGURE = 8  # 10000.00
_LONGEST_RUN = 32  # a run of digits longer than this is no row's figures: bounded work
_MOST_KINDS = 4  # weight, value, actual, score: the cuts grow exponentially with the columns


def split_figures(run: str, kinds: list[str]) -> tuple[list[str], str] | None:
    """The figures a run of digits holds, one per kind, and the digits left after them; None
    when no cut fits."""
    if len(run) > _LONGEST_RUN or len(kinds) > _MOST_KINDS:
        return None
    best: tuple[tuple[Decimal, int], list[str], str] | None = None
    for figures, rest in _cuts(run, len(kinds), 0):
        if rest.startswith(".") or not _fits(figures, kinds):
            continue
        cost = (_distance(figures, kinds), len(rest))
        if best is None or cost < best[0]:
            best = (cost, figures, rest)
    return (best[1], best[2]) if best else None


def _cuts(run: str, count: int, start: int):
    if count == 0:
        yield [], run[start:]
        return
    for end in range(start + 1, min(len(run), start + _LONGEST_FIGURE) + 1):
        piece = run[start:end]
        if _NUMBER.fullmatch(piece) is None:
            continue
        for figures, rest in _cuts(run, count - 1, end):
            yield [piece, *figures], rest


def _fits(figures: list[str], kinds: list[str]) -> bool:
    by_kind = dict(zip(kinds, (Decimal(f) for f in figures), strict=True))
    weight, score = by_kind.get("weight"), by_kind.get("score")
    if weight is not None and not 0 < weight <= 100:
        return False
    return weight is None or score is None or score <= weight


def _distance(figures: list[str], kinds: list[str]) -> Decimal:
    by_kind = dict(zip(kinds, (Decimal(f) for f in figures), strict=True))
    value, actual = by_kind.get("value"), by_kind.get("actual")
    if value is None or actual is None:
        return Decimal(0)
    return abs(actual - value) / max(abs(value), Decimal(1))
