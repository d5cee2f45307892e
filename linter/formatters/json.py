"""Findings as JSON for machines:

    {"version": 1, "findings": [...], "files": [...], "summary": {...}}

Each finding has path, line, column, code, rule, severity, message, table, indicator, level1,
level2 and value (null where not known), plus sheet and cell when the location has them.
"""

from __future__ import annotations

import json
from collections import Counter

from linter.formatters.stream import Writer, write_all
from linter.model import Finding
from linter.results import FileEntry
from linter.safetext import unicode_safe_json

VERSION = 1


def finding_dict(f: Finding) -> dict:
    """One finding as JSON: where, which rule, the message, the table and indicator."""
    loc = f.location
    out = {
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "table": f.table,
        "indicator": f.indicator,
        "level1": f.level1,
        "level2": f.level2,
        "value": f.value,
    }
    if loc.sheet:
        out["sheet"] = loc.sheet
    if loc.cell:
        out["cell"] = loc.cell
    if loc.page:
        out["page"] = loc.page
    return out


def summary_dict(counts: Counter, files: list[FileEntry]) -> dict:
    """The summary of a run as JSON: counts by severity and of the files checked."""
    return {
        "errors": counts["error"],
        "warnings": counts["warning"],
        "info": counts["info"],
        "findings": counts.total(),
        "files": len(files),
        "unreadable_files": sum(1 for f in files if f.error),
    }


def _dumps(value, indent: int) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it when nested ``indent`` levels deep."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * indent)


def _flat_object(d: dict, indent: int) -> str:
    """``_dumps`` for a mapping of plain values (a finding), several times faster: ``json.dumps``
    with ``indent`` runs the pure-Python encoder, while each scalar here goes through the C one."""
    pad = "  " * (indent + 1)
    items = ",\n".join(f"{pad}{_scalar(k)}: {_scalar(v)}" for k, v in d.items())
    return f"{{\n{items}\n{'  ' * indent}}}"


def _finding_json(f: Finding) -> str:
    """``_flat_object(finding_dict(f), 2)``, written out for the common case (a finding in a text or
    YAML file): a sweep writes a finding per table row or so, and this is most of the JSON."""
    loc = f.location
    if loc.sheet or loc.cell or loc.page:
        return _flat_object(finding_dict(f), 2)
    return (
        f'{{\n      "path": {_encode_text(loc.path)},\n      "line": {loc.line},\n      "column": {loc.column},'
        f'\n      "code": {_encode_text(f.code)},\n      "rule": {_encode_text(f.rule)},'
        f'\n      "severity": {_encode_text(f.severity)},\n      "message": {_encode_text(f.message)},'
        f'\n      "table": {_text_or_null(f.table)},\n      "indicator": {_text_or_null(f.indicator)},'
        f'\n      "level1": {_text_or_null(f.level1)},\n      "level2": {_text_or_null(f.level2)},'
        f'\n      "value": {_text_or_null(f.value)}\n    }}'
    )


def _text_or_null(value: str | None) -> str:
    return "null" if value is None else _encode_text(value)


def _scalar(value) -> str:
    kind = value.__class__
    if kind is str:
        return _encode_text(value)
    if kind is int:  # not bool, which json writes as true/false
        return str(value)
    return "null" if value is None else json.dumps(value)


_encode_text = getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring


class JsonWriter(Writer):
    """Writes ``{"version": 1, "findings": [...], "files": [...], "summary": {...}}`` a file at a time,
    byte for byte as ``json.dumps(..., indent=2)`` of the whole would: the findings of a sweep
    are never all held in memory."""

    def start(self) -> str:
        return f'{{\n  "version": {VERSION},\n  "findings": ['

    # A lone surrogate (a byte of a file name that is not UTF-8) would be written as it is, and the
    # output would be no UTF-8 (or fail to be written): escaped, in one scan of each piece.

    def render(self, findings: list[Finding]) -> str:
        return unicode_safe_json(",\n    ".join(_finding_json(f) for f in findings))

    def add(self, severities: Counter, rendered: bool) -> str:
        first = not self.counts.total()
        super().add(severities, rendered)
        return ("\n    " if first else ",\n    ") if rendered else ""

    def finish(self, files: list[FileEntry]) -> str:
        n_findings = self.counts.total()
        close = "\n  ]" if n_findings else "]"
        summary = summary_dict(self.counts, files)
        listed = ",\n    ".join(_flat_object(entry.as_dict(), 2) for entry in files)
        listed = f"[\n    {listed}\n  ]" if files else "[]"
        return unicode_safe_json(f'{close},\n  "files": {listed},\n  "summary": {_dumps(summary, 1)}\n}}\n')


def format_json(findings: list[Finding], files: list[FileEntry], colour: bool = False) -> str:
    """The whole run as JSON text (the streamed writer's output, at once)."""
    return write_all(JsonWriter(), findings, files)
