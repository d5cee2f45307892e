"""Benchmark the HTML report of a sweep: written in how long, how large, and how fast a browser shows it.

    python bench/report.py                 # 1,000 files (the issue-21 target: < 30 s, < 20 MB, < 3 s)
    python bench/report.py --files 200 --jobs 1

The corpus: ``bench/corpus.py``'s generator — half the files one-table YAML (the example tables
varied: project names, place names, figures; one in ten a table with nothing to find), half text copies of the four example documents (one
to eight tables each, project names varied), so that the sweep mixes small and large files, clean
and faulty ones.

Prints: the time ``indicator-lint report`` takes (its own process, wall clock) and its peak memory,
the page's size, and headless Chromium's figures for the page: ``ready`` is ``performance.now()``
when the page's script has drawn the first screen (totals, charts, the first page of findings:
the ``data-ready-ms`` the report sets on <body>), ``first paint`` the browser's first-contentful-paint
where it has one by then, and the wall time of the whole Chromium run (start-up included; the same
for an empty page is printed beside it). Not a test; nothing is asserted.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A table with nothing to find (one file in ten of the sweep is one), so that clean files count too.
CLEAN = """\
budget_year: 2025
tables:
  - name: 安全生产标准化建设经费{n}
    department: {department}
    funding: {{total: 36万元, fiscal: 36万元}}
    goal: 推进企业安全生产标准化建设，完成现场指导服务12次，试点示范企业4家
    indicators:
      产出指标:
        数量指标:
          - 点评反馈会次数: 4次
          - 试点示范企业数量: 4家
        质量指标:
          - 考核要点和考试题库专家认可率: ≥95%
        时效指标:
          - 项目完成时限: 2025年11月底前
        成本指标:
          - 专家指导服务费: ≤36万元
      效益指标:
        社会效益指标:
          - 安全生产事故率: ≤1%
      满意度指标:
        服务对象满意度指标:
          - 试点企业满意度: ≥90%
"""
PROBE = """<script>window.addEventListener("load", function () {
  var paint = performance.getEntriesByType ? performance.getEntriesByType("paint") : [];
  paint.forEach(function (p) { document.body.setAttribute("data-" + p.name, String(Math.round(p.startTime))); });
  document.body.setAttribute("data-load-ms", String(Math.round(performance.now())));
});</script>
"""


def make_corpus(folder: Path, n_files: int) -> int:
    """``n_files`` files in ``folder``: half one-table YAML (one in ten of them a clean table), half
    text copies of the examples."""
    from corpus import generate

    half = n_files // 2
    generate(folder / "gen", max(half, 1))
    yaml_files = sorted((folder / "gen" / "yaml").glob("*.yaml"))[:half]
    text_files = sorted((folder / "gen" / "text").glob("*.txt"))
    sweep = folder / "sweep"
    sweep.mkdir()
    from corpus import PLACES

    for i, p in enumerate(yaml_files):
        if i % 10 == 9:
            department = f"{PLACES[i % len(PLACES)]}应急管理局"
            (sweep / p.name).write_text(CLEAN.format(n=i, department=department), encoding="utf-8")
        else:
            shutil.copy(p, sweep / p.name)
    copies = 0
    examples = sorted((ROOT / "examples").glob("*.txt"))
    while copies < n_files - half:
        source = text_files[copies] if copies < len(text_files) else examples[copies % len(examples)]
        text = source.read_text(encoding="utf-8")
        (sweep / f"doc{copies:05d}-{source.stem}.txt").write_text(text, encoding="utf-8")
        copies += 1
    return len(list(sweep.iterdir()))


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def browse(browser: str, url: str, profile: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return time.perf_counter() - start, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        folder = Path(tmp)
        n = make_corpus(folder, args.files)
        out = folder / "report.html"
        command = [sys.executable, "-m", "linter", "report", str(folder / "sweep"), "-o", str(out)]
        if args.jobs:
            command += ["--jobs", str(args.jobs)]
        from corpus import measure

        seconds, peak = measure(command)
        page = out.read_text(encoding="utf-8")
        stats = dict(re.findall(r'<dd id="n-([a-z_]+)">(\d+)</dd>', page))
        print(
            f"corpus: {n} files, {stats.get('tables')} tables, {stats.get('indicators')} indicators, "
            f"{stats.get('findings')} findings, {stats.get('clean_files')} files without findings"
        )
        print(f"report written in {seconds:.1f} s (target < 30 s), peak memory {peak:.0f} MB")
        size = out.stat().st_size
        embedded = "yes" if 'id="download-xlsx"' in page else "no (too large, a note instead)"
        print(f"page: {size / 2**20:.1f} MB (target < 20 MB); spreadsheet embedded: {embedded}")
        browser = chromium()
        if not browser:
            print("chromium not found: apt-get install chromium fonts-noto-cjk, for the browser figures")
            return
        probed = folder / "probed.html"
        probed.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
        empty = folder / "empty.html"
        empty.write_text("<!DOCTYPE html><html><body>x</body></html>", encoding="utf-8")
        runs = []
        for i in range(3):
            baseline, _ = browse(browser, empty.as_uri(), folder / f"p-empty{i}")
            wall, dom = browse(browser, probed.as_uri(), folder / f"p{i}")
            body = re.search(r"<body[^>]*>", dom)
            attrs = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', body.group(0))) if body else {}
            runs.append((wall, baseline, attrs))
        for wall, baseline, attrs in runs:
            ready = attrs.get("ready-ms")
            print(
                f"chromium: first screen drawn (script done) at {ready} ms (target < 3000), "
                f"first contentful paint {attrs.get('first-contentful-paint', 'n/a')} ms, load {attrs.get('load-ms')} ms; "
                f"whole run {wall:.2f} s (an empty page: {baseline:.2f} s)"
            )


if __name__ == "__main__":
    main()
