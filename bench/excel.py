"""Benchmark the Excel path: a generated 5,000-row workbook read and checked.

    python bench/excel.py [ROWS]     # prints figures; not a test, nothing is asserted (target < 3 s)

The workbook repeats the four tables of example 000 (header block, 一级/二级 merged down, 符号 /
年度指标值 / 度量单位 columns, percentages stored as 0.95 formatted 0%) down one sheet until it has
ROWS rows (default 5,000), every indicator name numbered so no two are the same. Timed:

1. read: ``read_path`` (openpyxl load, merged cells, the text reader's row logic, value parsing);
2. check: the engine with every rule on the Document;
3. end to end: ``indicator-lint check FILE --format json`` in a fresh process (start-up included);
4. annotate: ``write_annotated`` of the findings (copy, fills, comments, summary sheet).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from office_templates import example_text, grid_of, place, split_values  # noqa: E402

from linter.annotate import write_annotated  # noqa: E402
from linter.engine import Engine  # noqa: E402
from linter.readers import read_path  # noqa: E402
from linter.rulebook import load_rule_dirs  # noqa: E402


def generate(path: Path, n_rows: int) -> int:
    import openpyxl

    base = split_values(grid_of(example_text("000")))
    rows: list[list[str]] = []
    copy = 0
    while len(rows) < n_rows:
        copy += 1
        for row in base:
            if len(row) == 6 and row[2] and row[2] != "三级指标":
                row = row[:2] + [f"{row[2]}{copy}"] + row[3:]
            elif row and row[0] == "项目名称":
                row = [row[0], f"{row[1]}{copy}"] + row[2:]
            rows.append(row)
    rows = rows[:n_rows]
    book = openpyxl.Workbook()
    place(book.active, rows)
    book.save(path)
    return len(rows)


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"{label:<42} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    n_rows = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.xlsx"
        timed(f"generate {n_rows} rows", lambda: generate(path, n_rows))
        print(f"workbook: {path.stat().st_size / 1024:.0f} KB")
        engine = Engine(load_rule_dirs())
        doc = timed("read (openpyxl + row logic + values)", lambda: read_path(path))
        indicators = sum(len(t.indicators) for t in doc.tables)
        print(f"tables: {len(doc.tables)}, indicators: {indicators}, problems: {len(doc.problems)}")
        findings = timed("check (all rules)", lambda: engine.run(doc))
        print(f"findings: {len(findings)}")
        cmd = [sys.executable, "-m", "linter", "check", "--format", "json", str(path)]
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
        print(
            f"{'end to end: indicator-lint check (new process)':<42} {time.perf_counter() - start:6.2f} s"
            f"   (target < 3 s)"
        )
        timed(
            "annotate (copy, marks, summary)",
            lambda: write_annotated(path, doc, findings, Path(folder) / "marked.xlsx"),
        )


if __name__ == "__main__":
    main()
