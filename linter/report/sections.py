"""One file's tables as HTML, as they read, with the flagged cells marked and the messages beside them,
drawn on the server for the ``serve`` page (the report draws the same tables from JSON in the
browser, report.js, so that a thousand files open at once).

Every table is a ``<details>`` (open when it has findings, so that a sweep of thousands of clean
tables stays short): the header block (项目名称, 主管部门, 实施单位, 项目期, 资金, 目标 — what
the table has) with a notes column, the 年度重点工作任务 of a department table, then the indicator
tree 一级 / 二级 / 三级 / 指标值 with rowspans for the categories, as printed, and a notes column.
Everything from the input is escaped: the input is untrusted.

Anchors: the file is ``{fid}``, a cell ``{fid}-t{table}-{cell key}`` (see cells.py), a finding's
note ``{fid}-n{index}``; the findings list links to them.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from linter.model import Document, Finding, Table
from linter.report.cells import Spot
from linter.report.labels import labels
from linter.report.summary import money_text
from linter.rulebook import SEVERITIES, worst_severity


def cell_anchor(fid: str, spot: Spot, index: int) -> str:
    """The id a finding links to: its cell, or its own note when it flags no cell."""
    if spot.cell is not None:
        return f"{fid}-t{spot.table}-{spot.cell}"
    return f"{fid}-n{index}"


def note_html(f: Finding, note_id: str | None = None) -> str:
    """A finding as the note beside its cell."""
    ident = f' id="{escape(note_id)}"' if note_id else ""
    return (
        f'<div class="note sev-{escape(f.severity)}"{ident}><span class="badge sev-{escape(f.severity)}">'
        f"{escape(f.code)}</span> {escape(f.message)}</div>"
    )


def severity_badges(findings: list[Finding], lang: str) -> str:
    """Badges counting the findings of each severity."""
    counts = Counter(f.severity for f in findings)
    words = labels(lang)
    return "".join(
        f' <span class="badge sev-{s}">{counts[s]} {escape(words[s])}</span>' for s in SEVERITIES if counts[s]
    )


class _TableFindings:
    """The findings of one table, by cell, in the findings' order."""

    def __init__(self):
        self.by_cell: dict[str, list[tuple[int, Finding]]] = {}
        self.unplaced: list[tuple[int, Finding]] = []
        self.all: list[Finding] = []

    def add(self, index: int, f: Finding, cell: str | None) -> None:
        self.all.append(f)
        if cell is None:
            self.unplaced.append((index, f))
        else:
            self.by_cell.setdefault(cell, []).append((index, f))

    def cell_attrs(self, anchor: str, key: str, css: str = "") -> str:
        """id and class of a cell: flagged in the colour of its worst finding."""
        found = [f for _, f in self.by_cell.get(key, [])]
        if found:
            worst = worst_severity(f.severity for f in found)
            css = f"{css} flag sev-{escape(worst or '')}".strip()
        return f' id="{escape(anchor)}"' + (f' class="{css}"' if css else "")

    def notes(self, *keys: str) -> str:
        return "".join(note_html(f) for k in keys for _, f in self.by_cell.get(k, []))


def render_file(doc: Document, findings: list[Finding], spots: list[Spot], fid: str, lang: str) -> str:
    """One file's section of the report: its findings and its tables, the flagged cells marked."""
    words = labels(lang)
    per_table = [_TableFindings() for _ in doc.tables]
    file_level: list[tuple[int, Finding]] = []
    for index, (f, spot) in enumerate(zip(findings, spots, strict=True)):
        if spot.table is None:
            file_level.append((index, f))
        else:
            per_table[spot.table].add(index, f, spot.cell)

    title = doc.title or ""
    if doc.budget_year:
        title = f"{title}（{doc.budget_year}）" if title else str(doc.budget_year)
    out = [
        f'<section class="file" id="{escape(fid)}">',
        f'<h3 class="file-path">{escape(doc.path)}{severity_badges(findings, lang)}</h3>',
    ]
    if title:
        out.append(f'<p class="doc-title">{escape(title)}</p>')
    if file_level:
        out.append(f'<div class="unplaced"><h4>{escape(words["file_findings"])}</h4>')
        out += [note_html(f, f"{fid}-n{i}") for i, f in file_level]
        out.append("</div>")
    for ti, table in enumerate(doc.tables):
        out.append(_render_table(doc, table, per_table[ti], f"{fid}-t{ti}", fid, lang))
    out.append("</section>\n")
    return "\n".join(out)


def _render_table(doc: Document, table: Table, tf: _TableFindings, tid: str, fid: str, lang: str) -> str:
    words = labels(lang)
    department = table.department or doc.department
    out = [
        f'<details class="tbl" id="{escape(tid)}"{" open" if tf.all else ""}>',
        f'<summary><span class="tname">{escape(table.name)}</span>'
        f'<span class="dept">{escape(department)}</span>{severity_badges(tf.all, lang)}</summary>',
        _header_block(doc, table, tf, tid),
    ]
    if table.tasks:
        out.append(_tasks(table, tf, tid, words))
    out.append(_indicator_tree(table, tf, tid, words))
    if tf.unplaced:
        out.append(f'<div class="unplaced"><h4>{escape(words["not_placed"])}</h4>')
        out += [note_html(f, f"{fid}-n{i}") for i, f in tf.unplaced]
        out.append("</div>")
    out.append("</details>")
    return "\n".join(out)


def _header_block(doc: Document, table: Table, tf: _TableFindings, tid: str) -> str:
    unit = doc.currency_unit
    money_label = f"资金（{unit}）" if unit else "资金"
    department_table = table.kind == "department"
    rows = [
        ("部门名称" if department_table else "项目名称", table.name, "name"),
        ("主管部门", table.department, None),
        ("实施单位", table.implementing_unit, None),
        ("项目期", table.project_period, None),
    ]
    annual, period = money_text(table.funding), money_text(table.period_funding)
    funding = (
        f"年度 {annual}" + (f"　实施期 {period}" if period else "") if period and annual else annual or period
    )
    rows.append((money_label, funding, "funding"))
    if table.budget:
        rows.append(
            (
                f"预算（{unit}）" if unit else "预算",
                "；".join(f"{k} {m.text}" for k, m in table.budget.items()),
                "budget",
            )
        )
    rows.append(("实施期目标", table.period_goal, None))
    rows.append(("总体目标" if department_table else "年度目标", table.goal, "goal"))

    out = ['<table class="header-block">']
    for label, value, key in rows:
        if not value and not (key and key in tf.by_cell):
            continue  # a field the table does not have
        attrs = tf.cell_attrs(f"{tid}-{key}", key) if key else ""
        notes = tf.notes(key) if key else ""
        out.append(
            f'<tr><th scope="row">{escape(label)}</th><td{attrs}>{escape(value)}</td>'
            f'<td class="notes">{notes}</td></tr>'
        )
    out.append("</table>")
    return "\n".join(out)


def _tasks(table: Table, tf: _TableFindings, tid: str, words: dict) -> str:
    out = [
        f'<table class="tasks"><caption>{escape(words["tasks"])}</caption>',
        "<thead><tr><th>名称</th><th>主要实施内容</th><th>拟投入的资金</th><th>期望达到的目标</th>"
        f'<th class="notes">{escape(words["notes"])}</th></tr></thead><tbody>',
    ]
    for k, task in enumerate(table.tasks):
        key = f"k{k}"
        amount = task.amount.text if task.amount else ""
        out.append(
            f"<tr><td{tf.cell_attrs(f'{tid}-{key}', key)}>{escape(task.name)}</td>"
            f'<td>{escape(task.content)}</td><td class="num">{escape(amount)}</td>'
            f'<td>{escape(task.goal)}</td><td class="notes">{tf.notes(key)}</td></tr>'
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _runs(labels_: list[str]) -> list[int]:
    """For each row, the rowspan of the run of equal labels it starts (0 inside a run)."""
    spans = [0] * len(labels_)
    start = 0
    for i in range(1, len(labels_) + 1):
        if i == len(labels_) or labels_[i] != labels_[start]:
            spans[start] = i - start
            start = i
    return spans


def _indicator_tree(table: Table, tf: _TableFindings, tid: str, words: dict) -> str:
    inds = table.indicators
    with_period = any(i.period_value_text for i in inds)
    with_remarks = any(i.remarks for i in inds)
    head = (
        ["一级指标", "二级指标", "三级指标"]
        + (["实施期指标值"] if with_period else [])
        + ["年度指标值" if with_period else "指标值"]
    )
    head += ["备注"] if with_remarks else []
    out = [
        f'<table class="indicators"><caption>{escape(words["indicator_tree"])}</caption><thead><tr>'
        + "".join(f"<th>{escape(h)}</th>" for h in head)
        + f'<th class="notes">{escape(words["notes"])}</th></tr></thead><tbody>'
    ]
    level1 = [i.level1_printed or i.level1 for i in inds]
    # a 二级 run never crosses a 一级 boundary
    level2 = [f"{a}\x00{i.level2_printed or i.level2}" for a, i in zip(level1, inds, strict=True)]
    span1, span2 = _runs(level1), _runs(level2)
    for n, ind in enumerate(inds):
        name_key, value_key = f"i{n}n", f"i{n}v"
        cells = []
        if span1[n]:
            cells.append(f'<td class="l1" rowspan="{span1[n]}">{escape(level1[n])}</td>')
        if span2[n]:
            cells.append(
                f'<td class="l2" rowspan="{span2[n]}">{escape(ind.level2_printed or ind.level2)}</td>'
            )
        cells.append(f"<td{tf.cell_attrs(f'{tid}-{name_key}', name_key)}>{escape(ind.name)}</td>")
        if with_period:
            cells.append(f"<td>{escape(ind.period_value_text or '')}</td>")
        cells.append(
            f"<td{tf.cell_attrs(f'{tid}-{value_key}', value_key, 'val')}>{escape(ind.value_text)}</td>"
        )
        if with_remarks:
            cells.append(f"<td>{escape('；'.join(f'{k}: {v}' for k, v in ind.remarks.items()))}</td>")
        cells.append(f'<td class="notes">{tf.notes(name_key, value_key)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    if not inds:
        out.append(f'<tr><td colspan="{len(head) + 1}">{escape(words["none"])}</td></tr>')
    out.append("</tbody></table>")
    return "\n".join(out)
