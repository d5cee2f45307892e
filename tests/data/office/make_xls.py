"""How 000_template.xls was made (run once from the repository root; needs ``pip install xlwt``):

    python tests/data/office/make_xls.py

It writes example 000 as a legacy .xls with the same layout ``tests/office_templates.py`` gives the
.xlsx version: grid from B2, 符号 / 年度指标值 / 度量单位 columns, percentages stored as 0.95 with the
format 0%, labels merged down, a hidden row (the blank row after the first table's year line) and a
hidden second sheet holding a note. xlwt is only needed to remake the file, not to run the tests.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import xlwt  # noqa: E402
from office_templates import example_text, grid_of, merges, split_values  # noqa: E402

_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def main() -> None:
    rows = split_values(grid_of(example_text("000")))
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("绩效目标表")
    percent = xlwt.easyxf(num_format_str="0%")
    top, left = 1, 1
    merged = merges(rows)
    covered = {(r, c) for r1, c1, r2, c2 in merged for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    starts = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in merged}

    def value(text: str):
        if _PERCENT.match(text):
            return float(_PERCENT.match(text).group(1)) / 100, percent
        if _NUMBER.match(text):
            return (float(text) if "." in text else int(text)), None
        return text, None

    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) in starts:
                r2, c2 = starts[(r, c)]
                v, style = value(text.strip())
                ws.write_merge(top + r, top + r2, left + c, left + c2, v, style or xlwt.Style.default_style)
            elif text.strip() and (r, c) not in covered:
                v, style = value(text.strip())
                ws.write(top + r, left + c, v, style) if style else ws.write(top + r, left + c, v)
    ws.row(top + 5).hidden = True  # a blank row: hidden rows are read and noted
    notes = book.add_sheet("说明")
    notes.write(0, 0, "本工作簿由 make_xls.py 生成")
    notes.visibility = 1
    out = Path(__file__).with_name("000_template.xls")
    book.save(str(out))
    print(out, out.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
