"""The report page: run summary, totals, charts, the findings list, the rules, then every file's tables.

One self-contained file that opens fast however many files a sweep has: what the first screen
shows (totals, the charts as SVG, the rule table) is HTML; the findings list is drawn by the page's
script from one JSON array, a page of rows at a time, filtered and sorted there; each file's
tables are JSON in a ``<script type="application/json">`` element of their own, parsed and drawn
only when the file is opened (or printed, or a link leads into it). A thousand files open in a
few seconds.

Files are added one at a time as the run produces them; their data is spooled to temporary files
and streamed into the page at the end, so memory stays flat however many files a sweep has.

    with ReportBuilder(title, lang) as report:
        for summary in summaries: report.add(summary)
        report.add_unreadable(path, error)
        report.write("report.html", rules)       # atomically: temp file beside it, then os.replace

The page is deterministic (no timestamp, no temp names): the same inputs give the same bytes for
any ``--jobs`` — the findings spreadsheet it embeds included.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import shutil
import tempfile
from collections import Counter
from html import escape
from importlib import resources
from pathlib import Path

from linter.report.charts import Bar, bar_chart, top_bars
from linter.report.labels import labels
from linter.report.summary import FileSummary, file_id, to_json
from linter.rulebook import SEVERITIES, SEVERITY_RANK
from linter.safetext import ESCAPE

TOP_N = 12  # bars per file/department chart; the rest make one "others" bar
MAX_DOWNLOAD = 6 * 1024 * 1024  # bytes of spreadsheet embedded as a data URI; larger ones are left out
NO_DEPARTMENT = "\u2205"  # the department filter's value for findings of no known 主管部门 (∅)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
    return head.startswith(b"<!DOCTYPE html>") and (
        GENERATOR.encode() in head
        or re.search(rb"<footer>[^<]*indicator-lint [^<]*</footer>\n<script>", tail) is not None
    )


def _asset(name: str) -> str:
    return resources.files("linter.report").joinpath(name).read_text(encoding="utf-8")


class ReportBuilder:
    """The HTML report, built a file at a time: each file's part is spooled to disk until ``write``."""

    def __init__(self, title: str | None, lang: str = "zh"):
        self.lang, self.words = lang, labels(lang)
        self.title = title or self.words["default_title"]
        # The spool files live as long as the builder: close() (or leaving its with block) removes them.
        self._spools = contextlib.ExitStack()
        self._tables = self._spool()  # per file: its JSON
        self._rows = self._spool()  # per finding: a JSON row
        self._files = self._spool()  # per file: its entry
        self.files = self.tables = self.indicators = self.findings = 0
        self.by_rule: Counter = Counter()
        self.by_department: Counter = Counter()
        self.by_file: Counter = Counter()
        self.by_status: Counter = Counter()  # files by their worst finding ("clean": none)
        self.unreadable: list[tuple[str, str]] = []
        self.departments: dict[
            str, int
        ] = {}  # 主管部门 → its index in the page's list (findings point at it)

    def add(self, summary: FileSummary) -> None:
        k = self.files - len(self.unreadable)  # the file's index among those read
        self.files += 1
        self.tables += summary.tables
        self.indicators += summary.indicators
        self.by_rule.update(summary.by_rule)
        self.by_department.update(summary.by_department)
        severities = Counter(row[2] for row in summary.findings)
        if summary.findings:
            self.by_file[summary.path] += len(summary.findings)
        self.by_status[next((s for s in SEVERITIES if severities[s]), "clean")] += 1
        start = self.findings
        for row in summary.findings:
            department = row[-1]
            index = self.departments.setdefault(department, len(self.departments))
            self._rows.write(("," if self.findings else "") + to_json([k, *row[:-1], index]) + "\n")
            self.findings += 1
        entry = [
            summary.path,
            file_id(summary.path),
            summary.tables,
            summary.indicators,
            start,
            self.findings,
            *(severities[s] for s in SEVERITIES),
            "、".join(summary.departments),
            summary.title,
        ]
        self._files.write(("," if k else "") + to_json(entry) + "\n")
        self._tables.write(f'<script type="application/json" id="d{k}">{summary.tables_json}</script>\n')

    def add_unreadable(self, path: str, error: str) -> None:
        self.files += 1
        self.unreadable.append((path, error))

    # ------------------------------------------------------------------ writing

    def write(self, out_path: str | Path, rules: dict) -> None:
        """Write the page to ``out_path`` atomically; OSError when the folder cannot take it."""
        from linter.atomic import replaced_atomically

        with (
            replaced_atomically(out_path) as tmp,
            open(tmp, "w", encoding="utf-8", errors=ESCAPE, newline="\n") as handle,
        ):
            self._write_page(handle, rules)

    def _write_page(self, out, rules: dict) -> None:
        w = self.words
        out.write(
            f'<!DOCTYPE html>\n<html lang="{"en" if self.lang == "en" else "zh-CN"}">\n<head>\n'
            '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"{GENERATOR}\n"
            f"<title>{escape(self.title)}</title>\n<style>\n{_asset('report.css')}</style>\n</head>\n<body>\n"
        )
        out.write(
            f"<header><h1>{escape(self.title)}</h1>\n{self._stats()}</header>\n<main>\n"
            f'<noscript><p class="noscript">{escape(w["noscript"])}</p></noscript>\n'
        )
        out.write('<div class="overview">' + self._totals(rules) + self._charts() + "</div>\n")
        if self.unreadable:
            out.write(f'<section id="unreadable"><h2>{escape(w["unreadable"])}</h2><ul>')
            out.write("".join(f"<li><code>{escape(p)}</code>: {escape(e)}</li>" for p, e in self.unreadable))
            out.write("</ul></section>\n")
        self._write_findings_list(out, rules)
        out.write(self._rules_section(rules))
        self._write_files(out)
        self._write_data(out, rules)
        self._tables.seek(0)
        shutil.copyfileobj(self._tables, out)
        from linter import __version__

        out.write(
            f"</main>\n<footer>{escape(w['generated_by'])} {escape(__version__)}</footer>\n"
            f"<script>\n{_asset('report.js')}</script>\n</body>\n</html>\n"
        )

    def _severity_counts(self) -> Counter:
        counts: Counter = Counter()
        for (_, _, severity), n in self.by_rule.items():
            counts[severity] += n
        return counts

    def _stats(self) -> str:
        w = self.words
        counts = self._severity_counts()
        items = [
            ("files", self.files, ""),
            ("tables", self.tables, ""),
            ("indicators", self.indicators, ""),
            ("findings", self.findings, ""),
        ] + [(s, counts[s], f"sev-{s}") for s in SEVERITIES]
        items.append(("clean_files", self.by_status["clean"], "clean"))
        if self.unreadable:
            items.append(("unreadable", len(self.unreadable), "sev-error"))
        return (
            '<dl class="stats">'
            + "".join(
                f'<div class="{cls}"><dt>{escape(w[key])}</dt><dd id="n-{key}">{n}</dd></div>'
                for key, n, cls in items
            )
            + "</dl>\n"
        )

    def _rule_rows(self) -> list[tuple]:
        return sorted(
            ((code, slug, sev, n) for (code, slug, sev), n in self.by_rule.items()),
            key=lambda row: (-row[3], row[0]),
        )

    def _totals(self, rules: dict) -> str:
        w = self.words
        rows = self._rule_rows()
        out = [f'<section id="totals"><h2>{escape(w["by_rule"])}</h2>']
        if not rows:
            return out[0] + f"<p>{escape(w['no_findings'])}</p></section>\n"
        out.append(
            '<table class="sortable-table" id="rules-table"><thead><tr>'
            f'<th data-sort="text">{escape(w["code"])}</th><th data-sort="text">{escape(w["rule"])}</th>'
            f'<th data-sort="number">{escape(w["severity"])}</th><th data-sort="number">{escape(w["count"])}</th>'
            f'<th data-sort="text">{escape(w["title"])}</th></tr></thead><tbody>'
        )
        rank = SEVERITY_RANK
        for code, slug, sev, n in rows:
            rule = rules.get(code)
            title = rule.title[self.lang] if rule is not None else ""
            out.append(
                f"<tr><td>{escape(code)}</td><td>{escape(slug)}</td>"
                f'<td data-key="{rank.get(sev, 0)}"><span class="badge sev-{escape(sev)}">'
                f'{escape(w.get(sev, sev))}</span></td><td class="count">{n}</td>'
                f'<td><a href="#rule-{escape(code)}">{escape(title)}</a></td></tr>'
            )
        out.append("</tbody></table></section>\n")
        return "\n".join(out)

    def _charts(self) -> str:
        w = self.words
        status = [
            Bar(
                w[f"status_{s}"],
                self.by_status[s],
                s if s in SEVERITIES else "clean",
                filter=f"sev:{s}" if s in SEVERITIES else "",
            )
            for s in (*SEVERITIES, "clean")
        ]
        out = ['<section id="charts" class="charts">', bar_chart("chart-status", w["chart_status"], status)]
        if self.findings:
            rules = [
                Bar(f"{code} {slug}", n, sev, filter=f"rule:{code}")
                for code, slug, sev, n in self._rule_rows()
            ]
            out.append(bar_chart("chart-rules", w["chart_rules"], rules))
        departments = top_bars(
            [(d or w["no_department"], n) for d, n in self.by_department.items()], TOP_N, w["others"]
        )
        departments = [
            Bar(
                b.label,
                b.value,
                b.kind,
                filter=f"dept:{NO_DEPARTMENT if b.label == w['no_department'] else b.label}",
            )
            if b.kind != "others"
            else b
            for b in departments
        ]
        if departments:
            out.append(bar_chart("chart-departments", w["chart_departments"], departments))
        if self.by_file:
            files = [
                Bar(Path(b.label).name, b.value, b.kind, tip=b.label, filter=f"file:{b.label}")
                if b.kind != "others"
                else b
                for b in top_bars(list(self.by_file.items()), TOP_N, w["others"])
            ]
            out.append(bar_chart("chart-files", w["chart_files"], files))
        out.append("</section>\n")
        return "".join(out)

    def _write_findings_list(self, out, rules: dict) -> None:
        w = self.words
        columns = [
            ("severity", "number"),
            ("code", "text"),
            ("rule", "text"),
            ("location", "text"),
            ("department", "text"),
            ("table", "text"),
            ("indicator", "text"),
            ("value", "text"),
            ("message", "text"),
        ]
        severity_options = "".join(f'<option value="{s}">{escape(w[s])}</option>' for s in SEVERITIES)
        rule_options = "".join(
            f'<option value="{escape(code)}">{escape(code)} {escape(slug)}</option>'
            for code, slug, _, _ in sorted(self._rule_rows())
        )
        departments = sorted(d for d in self.by_department if d)
        department_options = "".join(f'<option value="{escape(d)}">{escape(d)}</option>' for d in departments)
        if "" in self.by_department:
            department_options += f'<option value="{NO_DEPARTMENT}">{escape(w["no_department"])}</option>'
        out.write(
            f'<section id="findings"><h2>{escape(w["findings_list"])}</h2>\n'
            f'<div class="controls"><label>{escape(w["severity"])} <select id="sev-filter">'
            f'<option value="">{escape(w["all"])}</option>{severity_options}</select></label>'
            f'<label>{escape(w["rule"])} <select id="rule-filter"><option value="">{escape(w["all"])}</option>'
            f"{rule_options}</select></label>"
            f'<label>{escape(w["department"])} <select id="dept-filter"><option value="">'
            f"{escape(w['all'])}</option>{department_options}</select></label>"
            f'<label>{escape(w["filter"])} <input id="text-filter" type="search"></label>'
            f'<span id="file-filter" class="chip" hidden></span>'
            f'<span>{escape(w["shown"])} <span id="shown-count">{self.findings}</span> / {self.findings}</span>'
            f"{self._download(rules)}</div>\n"
            '<div class="scroll"><table class="sortable-table" id="findings-table"><thead><tr>'
            + "".join(
                f'<th data-sort="{kind}" data-col="{key}">{escape(w[key])}</th>' for key, kind in columns
            )
            + "</tr></thead>\n<tbody></tbody></table></div>"
            f'<p class="more"><button type="button" id="more-findings" hidden>{escape(w["more"])}</button></p>'
            "</section>\n"
        )

    def _download(self, rules: dict) -> str:
        """The findings spreadsheet as a link, or a note when it would make the page too large."""
        w = self.words
        if not self.findings:
            return ""
        from linter.formatters.xlsx import workbook_bytes

        name = "审核意见.xlsx" if self.lang == "zh" else "findings.xlsx"
        data = workbook_bytes(self._xlsx_rows(), rules, self.lang)
        if len(data) > MAX_DOWNLOAD:
            return (
                f'<span class="note-large">{escape(w["download_too_large"].format(mb=len(data) / 2**20))}'
                "</span>"
            )
        encoded = base64.b64encode(data).decode("ascii")
        return (
            f'<a id="download-xlsx" class="download" download="{escape(name)}" '
            f'href="data:{XLSX_TYPE};base64,{encoded}">{escape(w["download"])}</a>'
        )

    def _xlsx_rows(self):
        """The spreadsheet's rows, read back from the spooled findings."""
        departments = list(self.departments)
        slugs = {code: slug for code, slug, _ in self.by_rule}
        paths = []
        self._files.seek(0)
        for line in self._files:
            paths.append(json.loads(line.lstrip(","))[0])
        self._rows.seek(0)
        for line in self._rows:
            k, _ti, _cell, severity, code, where, table, indicator, value, message, department = json.loads(
                line.lstrip(",")
            )
            yield (
                paths[k],
                where[1:] if where.startswith(":") else where,
                table,
                departments[department],
                indicator,
                value,
                severity,
                code,
                slugs.get(code, ""),
                message,
            )

    def _rules_section(self, rules: dict) -> str:
        """Each rule with findings: its rationale and basis, where the findings link to."""
        w = self.words
        codes = sorted({code for code, _, _ in self.by_rule})
        if not codes:
            return ""
        out = [f'<section id="rules"><h2>{escape(w["rules_heading"])}</h2>']
        for code in codes:
            rule = rules.get(code)
            if rule is None:
                continue
            out.append(
                f'<details class="rule" id="rule-{escape(code)}"><summary><span class="badge sev-'
                f'{escape(rule.severity)}">{escape(code)}</span> {escape(rule.slug)} — '
                f"{escape(rule.title[self.lang])}</summary>"
                f"<p>{escape(rule.rationale[self.lang])}</p>"
                f"<p><b>{escape(w['basis'])}</b>{escape(rule.basis)}</p></details>"
            )
        out.append("</section>\n")
        return "\n".join(out)

    def _write_files(self, out) -> None:
        """A closed ``<details>`` per file: path, counts, department; its tables drawn when opened."""
        w = self.words
        out.write(f'<section id="tables"><h2>{escape(w["tables_heading"])}</h2>\n')
        self._files.seek(0)
        for k, line in enumerate(self._files):
            path, fid, tables, _inds, start, end, errors, warnings, infos, departments, _title = json.loads(
                line.lstrip(",")
            )
            badges = "".join(
                f' <span class="badge sev-{s}">{n} {escape(w[s])}</span>'
                for s, n in zip(SEVERITIES, (errors, warnings, infos), strict=True)
                if n
            )
            if end == start:
                badges = f' <span class="badge clean">{escape(w["no_findings"])}</span>'
            out.write(
                f'<details class="file" id="{fid}" data-k="{k}"><summary><span class="file-path">'
                f'{escape(path)}</span>{badges} <span class="dept">{escape(departments)}</span>'
                f' <span class="count-tables">{tables} {escape(w["tables"])}</span></summary>'
                f'<div class="file-body"></div></details>\n'
            )
        out.write("</section>\n")

    def _write_data(self, out, rules: dict) -> None:
        """The data the script draws from: files, findings, the rules' titles, the page's words."""
        titles = {code: [slug, severity, ""] for code, slug, severity in self.by_rule}
        titles.update({code: [r.slug, r.severity, r.title[self.lang]] for code, r in rules.items()})
        meta = to_json(
            {
                "words": self.words,
                "severities": list(SEVERITIES),
                "rules": dict(sorted(titles.items())),
                "departments": list(self.departments),
            }
        )
        out.write(
            '<script type="application/json" id="report-meta">' + meta + "</script>\n"
            '<script type="application/json" id="report-files">['
        )
        self._files.seek(0)
        shutil.copyfileobj(self._files, out)
        out.write(']</script>\n<script type="application/json" id="report-findings">[')
        self._rows.seek(0)
        shutil.copyfileobj(self._rows, out)
        out.write("]</script>\n")

    # ------------------------------------------------------------------ spool files

    def _spool(self):
        # A file name that is not valid UTF-8 (surrogate escapes) must not crash the report: its
        # bytes are written as \xff (safetext.ESCAPE)
        return self._spools.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8", errors=ESCAPE))

    def close(self) -> None:
        self._spools.close()

    def __enter__(self) -> ReportBuilder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
