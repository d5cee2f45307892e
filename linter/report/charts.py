"""Horizontal bar charts as inline SVG, drawn here in Python so that they show without JavaScript and print.

    bar_chart("chart-rules", "各规则的问题数", [Bar("IL212 vague-value", 31, "error"), …])

Each bar is a ``<rect class="bar">`` with a ``<title>`` (the tooltip); labels too long for the
label column are cut with an ellipsis, the whole label staying in the tooltip. A bar with a
``filter`` is a ``<g class="pick" data-filter="…">`` the page's script makes clickable: it filters
the findings list (by rule, department, file or severity).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from html import escape

FILLS = {
    "error": "#c62828",
    "warning": "#e09100",
    "info": "#1f6fbf",
    "plain": "#5c6b7a",
    "others": "#9aa5b1",
    "clean": "#2e7d32",
}
ROW, BAR, FONT = 22, 14, 12
LABEL_MAX, WIDTH, VALUE_ROOM = 260, 600, 40


@dataclass(frozen=True)
class Bar:
    """One bar of a chart, and what a click on it filters."""

    label: str
    value: int
    kind: str = "plain"  # a FILLS key
    tip: str = ""  # the full label, when the label is shortened
    filter: str = (
        ""  # what a click on the bar filters the findings list by (``rule:IL204``, ``dept:…``, ``file:…``)
    )


def char_width(ch: str) -> float:
    """Pixels a character takes at FONT px: CJK and full-width characters are square, others about half."""
    return FONT if unicodedata.east_asian_width(ch) in ("W", "F") else FONT * 0.6


def text_width(text: str) -> float:
    """A label's width in pixels, as the chart's font draws it."""
    return sum(char_width(ch) for ch in text)


def _fit(text: str, room: int) -> str:
    """The label cut (with …) to fit ``room`` pixels; one pass, however long the label."""
    if text_width(text) <= room:
        return text
    return _cut(text, room - char_width("…"))


def _cut(text: str, room: float) -> str:
    used = 0.0
    for i, ch in enumerate(text):
        used += char_width(ch)
        if used > room:
            return text[:i] + "…"
    return text + "…"


def top_bars(counts: list[tuple[str, int]], n: int, others_label: str) -> list[Bar]:
    """The n largest (ties by label), and one bar for all the rest when there are more."""
    ordered = sorted(counts, key=lambda item: (-item[1], item[0]))
    bars = [Bar(label, value) for label, value in ordered[:n]]
    rest = ordered[n:]
    if rest:
        bars.append(Bar(f"{others_label} ({len(rest)})", sum(v for _, v in rest), "others"))
    return bars


def bar_chart(chart_id: str, title: str, bars: list[Bar]) -> str:
    """A horizontal bar chart as inline SVG."""
    label_room = min(LABEL_MAX, math.ceil(max((text_width(b.label) for b in bars), default=0)) + 8)
    scale_room = WIDTH - label_room - VALUE_ROOM
    top = max((b.value for b in bars), default=0) or 1
    height = ROW * len(bars) + 8
    out = [
        f'<figure class="chart"><figcaption>{escape(title)}</figcaption>',
        f'<svg id="{escape(chart_id)}" class="bars" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" style="max-width:{WIDTH}px" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>',
    ]
    for n, bar in enumerate(bars):
        y = 4 + n * ROW
        length = max(1, round(bar.value / top * scale_room))
        label = _fit(bar.label, label_room - 6)
        tip = f"{bar.tip or bar.label}: {bar.value}"
        length = length if bar.value else 0
        pick = (
            f'<g class="pick" data-filter="{escape(bar.filter)}" tabindex="0" role="button">'
            if bar.filter
            else "<g>"
        )
        out.append(
            f'{pick}<text x="{label_room - 6}" y="{y + BAR - 2}" text-anchor="end" font-size="{FONT}">'
            f"{escape(label)}<title>{escape(tip)}</title></text>"
            f'<rect class="bar" x="{label_room}" y="{y}" width="{length}" height="{BAR}" '
            f'fill="{FILLS.get(bar.kind, FILLS["plain"])}"><title>{escape(tip)}</title></rect>'
            f'<text x="{label_room + length + 4}" y="{y + BAR - 2}" font-size="{FONT}">{bar.value}</text></g>'
        )
    out.append("</svg></figure>")
    return "\n".join(out)
