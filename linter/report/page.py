"""The report page: run summary, totals, charts, the findings list, then every file's tables.

Files are added one at a time as the run produces them; their sections and findings-list rows
are spooled to temporary files and streamed into the page at the end, so memory stays flat
however many files a sweep has. Only counters are kept.

    with ReportBuilder(title, lang) as report:
        for summary in summaries: report.add(summary)
        report.add_unreadable(path, error)
        report.write("report.html", rules)       # atomically: temp file beside it, then os.replace

The page is deterministic (no timestamp, no temp names): the same inputs give the same bytes for
any ``--jobs``.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from html import escape
from importlib import resources
from pathlib import Path

from linter.report.charts import Bar, bar_chart, top_bars
from linter.report.labels import labels
from linter.report.summary import FileSummary
from linter.rulebook import SEVERITIES, SEVERITY_RANK
from linter.safetext import ESCAPE

TOP_N = 12  # bars per file/department chart; the rest make one "others" bar


GENERATOR = '<meta name="generator" content="indicator-lint">'


def is_report(path: str | Path) -> bool:
    """Whether the file at ``path`` is a report this command wrote (``report`` replaces only that
    in a folder it sweeps): the generator named in its head, or, written before that was, the
    footer that ends the page before its script."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
            handle.seek(0, 2)
            handle.seek(max(0, handle.tell() - 16384))
            tail = handle.read()
    except OSError:
        return False
    return head.startswith(b"<!DOCTYPE html>") and (GENERATOR.encode() in head or re.search(
        rb"<footer>[^<]*indicator-lint [^<]*</footer>\n<script>", tail) is not None)


def _asset(name: str) -> str:
    return resources.files("linter.report").joinpath(name).read_text(encoding="utf-8")


class ReportBuilder:
    def __init__(self, title: str | None, lang: str = "zh"):
        self.lang, self.words = lang, labels(lang)
        self.title = title or self.words["default_title"]
        # A file name that is not valid UTF-8 (surrogate escapes) must not crash the report: its
        # bytes are written as \xff (safetext.ESCAPE)
        self._sections = tempfile.TemporaryFile("w+", encoding="utf-8", errors=ESCAPE)
        self._rows = tempfile.TemporaryFile("w+", encoding="utf-8", errors=ESCAPE)
        self.files = self.tables = self.indicators = 0
        self.by_rule: Counter = Counter()
        self.by_department: Counter = Counter()
        self.by_file: Counter = Counter()
        self.unreadable: list[tuple[str, str]] = []

    @property
    def findings(self) -> int:
        return self.by_rule.total()

    def add(self, summary: FileSummary) -> None:
        self.files += 1
        self.tables += summary.tables
        self.indicators += summary.indicators
        self.by_rule.update(summary.by_rule)
        self.by_department.update(summary.by_department)
        if summary.findings:
            self.by_file[summary.path] += summary.findings
        self._sections.write(summary.section_html)
        self._rows.write(summary.rows_html)

    def add_unreadable(self, path: str, error: str) -> None:
        self.files += 1
        self.unreadable.append((path, error))

    # ------------------------------------------------------------------ writing

    def write(self, out_path: str | Path, rules: dict) -> None:
        """Write the page to ``out_path`` atomically; OSError when the folder cannot take it."""
        from linter.atomic import replaced_atomically

        with replaced_atomically(out_path) as tmp, \
                open(tmp, "w", encoding="utf-8", errors=ESCAPE, newline="\n") as handle:
            self._write_page(handle, rules)

    def _write_page(self, out, rules: dict) -> None:
        w = self.words
        out.write(f'<!DOCTYPE html>\n<html lang="{"en" if self.lang == "en" else "zh-CN"}">\n<head>\n'
                  '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                  f'{GENERATOR}\n'
                  f"<title>{escape(self.title)}</title>\n<style>\n{_asset('report.css')}</style>\n</head>\n<body>\n")
        out.write(f"<header><h1>{escape(self.title)}</h1>\n{self._stats()}</header>\n<main>\n")
        out.write('<div class="overview">' + self._totals(rules) + self._charts() + "</div>\n")
        if self.unreadable:
            out.write(f'<section id="unreadable"><h2>{escape(w["unreadable"])}</h2><ul>')
            out.write("".join(f'<li><code>{escape(p)}</code>: {escape(e)}</li>' for p, e in self.unreadable))
            out.write("</ul></section>\n")
        self._write_findings_list(out)
        out.write(f'<section id="tables"><h2>{escape(w["tables_heading"])}</h2>\n')
        self._sections.seek(0)
        shutil.copyfileobj(self._sections, out)
        from linter import __version__

        out.write(f"</section>\n</main>\n<footer>{escape(w['generated_by'])} {escape(__version__)}</footer>\n"
                  f"<script>\n{_asset('report.js')}</script>\n</body>\n</html>\n")

    def _severity_counts(self) -> Counter:
        counts: Counter = Counter()
        for (_, _, severity), n in self.by_rule.items():
            counts[severity] += n
        return counts

    def _stats(self) -> str:
        w = self.words
        counts = self._severity_counts()
        items = [("files", self.files, ""), ("tables", self.tables, ""), ("indicators", self.indicators, ""),
                 ("findings", self.findings, "")] + [(s, counts[s], f"sev-{s}") for s in SEVERITIES]
        if self.unreadable:
            items.append(("unreadable", len(self.unreadable), "sev-error"))
        return ('<dl class="stats">' + "".join(f'<div class="{cls}"><dt>{escape(w[key])}</dt>'
                                               f'<dd id="n-{key}">{n}</dd></div>' for key, n, cls in items)
                + "</dl>\n")

    def _rule_rows(self) -> list[tuple]:
        return sorted(((code, slug, sev, n) for (code, slug, sev), n in self.by_rule.items()),
                      key=lambda row: (-row[3], row[0]))

    def _totals(self, rules: dict) -> str:
        w = self.words
        rows = self._rule_rows()
        out = [f'<section id="totals"><h2>{escape(w["by_rule"])}</h2>']
        if not rows:
            return out[0] + f"<p>{escape(w['no_findings'])}</p></section>\n"
        out.append('<table class="sortable-table" id="rules-table"><thead><tr>'
                   f'<th data-sort="text">{escape(w["code"])}</th><th data-sort="text">{escape(w["rule"])}</th>'
                   f'<th data-sort="number">{escape(w["severity"])}</th><th data-sort="number">{escape(w["count"])}</th>'
                   f'<th data-sort="text">{escape(w["title"])}</th></tr></thead><tbody>')
        rank = SEVERITY_RANK
        for code, slug, sev, n in rows:
            rule = rules.get(code)
            title = rule.title[self.lang] if rule is not None else ""
            out.append(f"<tr><td>{escape(code)}</td><td>{escape(slug)}</td>"
                       f'<td data-key="{rank.get(sev, 0)}"><span class="badge sev-{escape(sev)}">'
                       f"{escape(w.get(sev, sev))}</span></td><td class=\"count\">{n}</td><td>{escape(title)}</td></tr>")
        out.append("</tbody></table></section>\n")
        return "\n".join(out)

    def _charts(self) -> str:
        if not self.findings:
            return ""
        w = self.words
        rules = [Bar(f"{code} {slug}", n, sev) for code, slug, sev, n in self._rule_rows()]
        departments = top_bars([(d or w["no_department"], n) for d, n in self.by_department.items()], TOP_N,
                               w["others"])
        files = [Bar(Path(b.label).name, b.value, b.kind, tip=b.label) if b.kind != "others" else b
                 for b in top_bars(list(self.by_file.items()), TOP_N, w["others"])]
        return ('<section id="charts" class="charts">'
                + bar_chart("chart-rules", w["chart_rules"], rules)
                + bar_chart("chart-departments", w["chart_departments"], departments)
                + bar_chart("chart-files", w["chart_files"], files)
                + "</section>\n")

    def _write_findings_list(self, out) -> None:
        w = self.words
        columns = [("severity", "number"), ("code", "text"), ("rule", "text"), ("location", "text"),
                   ("table", "text"), ("indicator", "text"), ("value", "text"), ("message", "text")]
        options = "".join(f'<option value="{s}">{escape(w[s])}</option>' for s in SEVERITIES)
        out.write(f'<section id="findings"><h2>{escape(w["findings_list"])}</h2>\n'
                  f'<div class="controls"><label>{escape(w["severity"])} <select id="sev-filter">'
                  f'<option value="">{escape(w["all"])}</option>{options}</select></label>'
                  f'<label>{escape(w["filter"])} <input id="text-filter" type="search"></label>'
                  f'<span>{escape(w["shown"])} <span id="shown-count">{self.findings}</span> / {self.findings}</span>'
                  '</div>\n<div class="scroll"><table class="sortable-table" id="findings-table"><thead><tr>'
                  + "".join(f'<th data-sort="{kind}">{escape(w[key])}</th>' for key, kind in columns)
                  + "</tr></thead>\n<tbody>\n")
        self._rows.seek(0)
        shutil.copyfileobj(self._rows, out)
        out.write("</tbody></table></div></section>\n")

    # ------------------------------------------------------------------ spool files

    def close(self) -> None:
        self._sections.close()
        self._rows.close()

    def __enter__(self) -> ReportBuilder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
