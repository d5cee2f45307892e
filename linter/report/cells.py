"""Where each finding shows in the rendered table: the cell it flags, else its table, else its file.

A finding points at a Location (line/column of a text or YAML file, sheet/cell of a workbook, page
of a PDF) and names its table, indicator and value. Every cell the report draws is registered here
with the Location the reader gave it; a finding goes to the cell at its Location. Where several
cells share one (a workbook cell or a line holding a whole indicator list), the finding's identity — table name,
indicator name, value — picks among them; where no Location matches (a finding about the whole
table, or one a rule placed elsewhere), the identity alone is tried; what still matches nothing is
listed under its table (by name) or under the file.

Cell keys, unique within a table: ``name`` 项目名称, ``goal`` 年度目标, ``funding`` 资金,
``budget`` 预算, ``k3`` the fourth task, ``i5n`` / ``i5v`` the sixth indicator's name / value.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.model import Document, Finding, Location


@dataclass(frozen=True)
class Spot:
    """Where a finding is shown: table index (None: the file) and cell key (None: under the table)."""

    table: int | None
    cell: str | None


@dataclass(frozen=True)
class _Cell:
    table: int
    key: str
    table_name: str
    indicator: str | None = None
    value: str | None = None


def _cells(doc: Document) -> list[tuple[Location, _Cell]]:
    out: list[tuple[Location, _Cell]] = []

    def add(loc, cell):
        if loc is not None:
            out.append((loc, cell))

    for ti, table in enumerate(doc.tables):
        name = table.name
        add(table.location, _Cell(ti, "name", name))
        add(table.goal_location, _Cell(ti, "goal", name))
        for funding in (table.funding, table.period_funding):
            if funding is not None:
                for money in (funding.total, funding.fiscal, funding.other):
                    add(money and money.location, _Cell(ti, "funding", name))
        for money in table.budget.values():
            add(money.location, _Cell(ti, "budget", name))
        for k, task in enumerate(table.tasks):
            add(task.location, _Cell(ti, f"k{k}", name))
            add(task.amount and task.amount.location, _Cell(ti, f"k{k}", name))
        for i, ind in enumerate(table.indicators):
            add(ind.location, _Cell(ti, f"i{i}n", name, ind.name, ind.value_text))
            add(ind.value_location, _Cell(ti, f"i{i}v", name, ind.name, ind.value_text))
    return out


def _narrow(candidates: list[_Cell], f: Finding) -> list[_Cell]:
    """Keep the candidates that agree with the finding's identity, as far as any agree."""
    tests = (
        lambda c: c.table_name == f.table,
        lambda c: c.indicator is not None and c.indicator == f.indicator,
        lambda c: c.value is not None and c.value == f.value,
        # a finding that quotes a value is about the value cell, one that does not about the name
        lambda c: c.key.endswith("v") == bool(f.value),
    )
    for test in tests:
        kept = [c for c in candidates if test(c)]
        if kept:
            candidates = kept
    return candidates


def place_findings(doc: Document, findings: list[Finding]) -> list[Spot]:
    """One Spot per finding, in the findings' order."""
    cells = _cells(doc)
    by_location: dict[Location, list[_Cell]] = {}
    by_indicator: dict[str, list[_Cell]] = {}
    for loc, cell in cells:
        by_location.setdefault(loc, []).append(cell)
        if cell.indicator is not None:
            by_indicator.setdefault(cell.indicator, []).append(cell)
    table_index: dict[str | None, int] = {}
    for ti, table in enumerate(doc.tables):
        table_index.setdefault(table.name, ti)

    spots = []
    for f in findings:
        candidates = by_location.get(f.location, [])
        if not candidates and f.indicator:
            candidates = [
                c for c in by_indicator.get(f.indicator, []) if f.table is None or c.table_name == f.table
            ]
        if candidates:
            cell = _narrow(candidates, f)[0]
            spots.append(Spot(cell.table, cell.key))
        elif f.table in table_index:
            spots.append(Spot(table_index[f.table], None))
        else:
            spots.append(Spot(None, None))
    return spots
