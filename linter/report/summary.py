"""What the report keeps of one file: its rendered section, its rows of the findings list, counts.

``summarise_file`` is the ``summarise`` hook of ``lintrun.check_files``: it runs in the process that
read the document (a worker with ``--jobs``) and returns a small picklable FileSummary, so that no
Document and no Finding outlives its file. The page needs nothing else.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from html import escape

from linter.model import Document, Finding
from linter.report.cells import place_findings
from linter.report.labels import labels
from linter.report.sections import cell_anchor, render_file
from linter.rulebook import SEVERITY_RANK


@dataclass
class FileSummary:
    path: str
    section_html: str  # the file's tables (sections.py)
    rows_html: str  # its rows of the findings list
    tables: int = 0
    indicators: int = 0
    by_rule: Counter = field(default_factory=Counter)  # (code, slug, severity) → findings
    by_department: Counter = field(default_factory=Counter)  # 主管部门 ('' unknown) → findings

    @property
    def findings(self) -> int:
        return self.by_rule.total()


def file_id(path: str) -> str:
    """A stable anchor for a file, the same in any process and for any --jobs."""
    return "f" + hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def summarise_file(doc: Document, findings: list[Finding], lang: str = "zh") -> FileSummary:
    fid = file_id(doc.path)
    spots = place_findings(doc, findings)
    departments = [t.department or doc.department for t in doc.tables]
    summary = FileSummary(
        path=doc.path,
        section_html=render_file(doc, findings, spots, fid, lang),
        rows_html="".join(finding_row(f, cell_anchor(fid, spot, i), lang)
                          for i, (f, spot) in enumerate(zip(findings, spots, strict=True))),
        tables=len(doc.tables),
        indicators=sum(len(t.indicators) for t in doc.tables),
    )
    for f, spot in zip(findings, spots, strict=True):
        summary.by_rule[(f.code, f.rule, f.severity)] += 1
        summary.by_department[departments[spot.table] if spot.table is not None else doc.department] += 1
    return summary


def _sort_key(f: Finding) -> str:
    """``engine.finding_sort_key``'s position as one text, numbers padded (line 9 before line 10),
    for the page's script to sort by."""
    loc = f.location
    return f"{loc.path}|{loc.sheet or ''}|{loc.line:08d}|{loc.column:06d}|{loc.cell or ''}"


def finding_row(f: Finding, anchor: str, lang: str) -> str:
    words = labels(lang)
    sev = escape(f.severity)
    return (f'<tr data-sev="{sev}"><td data-key="{SEVERITY_RANK.get(f.severity, 0)}">'
            f'<span class="badge sev-{sev}">{escape(words.get(f.severity, f.severity))}</span></td>'
            f"<td>{escape(f.code)}</td><td>{escape(f.rule)}</td>"
            f'<td data-key="{escape(_sort_key(f))}"><a href="#{escape(anchor)}">{escape(str(f.location))}</a></td>'
            f"<td>{escape(f.table or '')}</td><td>{escape(f.indicator or '')}</td><td>{escape(f.value or '')}</td>"
            f"<td>{escape(f.message)}</td></tr>\n")
