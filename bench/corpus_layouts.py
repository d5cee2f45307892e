"""The readers on the corpus rows laid out anew: one family at a time, the same rows every time.

    python bench/corpus_layouts.py              # a line per layout: rows exact / wrong / missed / invented
    python bench/corpus_layouts.py --show fused # every row read wrongly in that layout

The 36 corpus documents are each in one layout; documents never seen come in the others. This
bench takes the rows a person read from each document (``tests/corpus/*.expected.yaml``: real
names and values, as printed) and prints every table again in each layout family the readers
must know: cells apart by pipes, tabs or runs of spaces; one cell per line closed by a pipe;
one cell per paragraph; a row run together with no separator; a merged 一级/二级 printed on
the first row of its group only. A layout that reads worse than the others is a family the
reader has learnt from one document, not in general.

Prints figures; nothing here is a test (``tests/test_corpus_layouts.py`` holds a floor for each
layout, ``tests/test_corpus.py`` the one for the documents as published).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.corpus_rows import CORPUS, Row, Score, documents, key, pair
from linter.readers import InputError
from linter.readers.text import read_text

HEADING = ("一级指标", "二级指标", "三级指标", "指标值")
Cells = list[str]


def _table_rows(table: dict) -> tuple[list[Cells], list[Row]]:
    """The printed cells of each indicator row (一级, 二级, name, value) and the rows expected."""
    cells, rows = [], []
    for i in table.get("indicators") or []:
        level2 = i.get("level2_printed") or i.get("level2") or ""
        cells.append([i.get("level1") or "", level2, i.get("name") or "", i.get("value") or ""])
        rows.append(Row(key(i.get("name")), key(i.get("value")), key(i.get("level2"))))
    return cells, rows


def _merged(rows: list[Cells]) -> list[Cells]:
    """一级 and 二级 printed on the first row of their group only (merged cells, as dumped)."""
    out, last = [], ("", "")
    for level1, level2, name, value in rows:
        shown = ("" if level1 == last[0] else level1, "" if (level1, level2) == last else level2)
        out.append([*shown, name, value])
        last = (level1, level2)
    return out


def _lines(header: list[Cells], rows: list[Cells], join: Callable[[Cells], str]) -> list[str]:
    return [join(r) for r in header + rows]


def pipes(header, rows):
    return _lines(header, _merged(rows), lambda r: " | ".join(r) + " |")


def tabs(header, rows):
    return _lines(header, rows, "\t".join)


def spaces(header, rows):  # an empty cell leaves no trace between runs of spaces
    return _lines(header, _merged(rows), lambda r: "  ".join(c for c in r if c))


def cell_per_line(header, rows):
    return [f"{c} |" if c else "|" for r in header + _merged(rows) for c in r]


def cell_per_paragraph(header, rows):
    return [line for r in header + rows for c in r if c for line in (c, "")]


def fused(header, rows):
    return _lines(header, _merged(rows), "".join)


_SPLIT = re.compile(r"^(>=|<=|[≥≤><=≧≦＞＜＝])?(\d+(?:\.\d+)?)([^\d]{0,4})$")


def split_columns(header, rows):
    """计算符号 | 指标值 | 计量单位 apart, as the 一体化 system's export prints them."""
    out = [header[0], ["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位"]]
    for level1, level2, name, value in _merged(rows):
        m = _SPLIT.match(value)
        parts = [m.group(1) or "", m.group(2), m.group(3)] if m else ["", value, ""]
        out.append([level1, level2, name, *parts])
    return [" | ".join(r) + " |" for r in out]


def narrative(header, rows):
    """一、产出指标 / (一)数量指标：名称≥值；名称≥值。 — a notice stating the targets in sentences."""
    lines, last1, last2 = ["".join(header[0])], None, None
    for level1, level2, name, value in rows:
        if level1 != last1:
            lines.append(f"{level1}")
            last1 = level1
        if level2 != last2 or not lines[-1].startswith(level2 or "\0"):
            lines.append(f"{level2}：" if level2 else "")
            last2 = level2
        lines[-1] += f"{name}{value}；"
    return [line.rstrip("；") + "。" if line.endswith("；") else line for line in lines if line]


def brackets(header, rows):
    """【产出指标-数量指标】 over 指标1:名称(值) lines."""
    lines, last, n = ["".join(header[0])], None, 0
    for level1, level2, name, value in rows:
        if (level1, level2) != last:
            lines.append(f"【{'-'.join(x for x in (level1, level2) if x)}】")
            last, n = (level1, level2), 0
        n += 1
        lines.append(f"指标{n}:{name}({value})" if value else f"指标{n}:{name}")
    return lines


LAYOUTS: dict[str, Callable[[list[Cells], list[Cells]], list[str]]] = {
    "pipes": pipes,
    "tabs": tabs,
    "spaces": spaces,
    "cell-per-line": cell_per_line,
    "cell-per-paragraph": cell_per_paragraph,
    "fused": fused,
    "split-columns": split_columns,
    "narrative": narrative,
    "brackets": brackets,
}


def score_layout(layout: str) -> Score:
    render = LAYOUTS[layout]
    total = Score(layout)
    for name in documents():
        expected = yaml.safe_load((CORPUS / f"{name}.expected.yaml").read_text(encoding="utf-8"))
        for table in expected.get("tables") or []:
            cells, want = _table_rows(table)
            if not cells:
                continue
            header = [["项目名称", table.get("name") or "某项目"], list(HEADING)]
            text = "\n".join(render(header, cells)) + "\n"
            try:
                doc = read_text(text, f"{name}.{layout}.txt")
            except InputError:
                got = []
            else:
                got = [
                    Row(key(i.name), key(i.value_text), key(i.level2))
                    for t in doc.tables
                    for i in t.indicators
                ]
            total.expected += len(want)
            total.tables += 1
            for e, r in pair(want, got):
                verdict = (
                    "missed"
                    if r is None
                    else "invented"
                    if e is None
                    else "exact"
                    if (e.name, e.value, e.level2) == (r.name, r.value, r.level2)
                    else "wrong"
                )
                setattr(total, verdict, getattr(total, verdict) + 1)
                if verdict != "exact":
                    total.pairs.append((e, r, f"{verdict} {name[:3]}"))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", metavar="LAYOUT", help="print the rows not read exactly in that layout")
    args = parser.parse_args()
    print(f"{'layout':20} {'expected':>8} {'exact':>6} {'wrong':>6} {'missed':>6} {'invented':>8}")
    for layout in LAYOUTS:
        s = score_layout(layout)
        share = f"{100 * s.exact / s.expected:.1f}%" if s.expected else "-"
        print(f"{layout:20} {s.expected:8} {s.exact:6} {s.wrong:6} {s.missed:6} {s.invented:8}  {share}")
        if args.show == layout:
            for e, r, verdict in s.pairs:
                print(f"    {verdict:12} want {e.shown() if e else '—'}")
                print(f"    {'':12} read {r.shown() if r else '—'}")


if __name__ == "__main__":
    main()
