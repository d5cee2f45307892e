"""Findings as JSON for machines:

    {"version": 1, "findings": [...], "files": [...], "summary": {...}}

Each finding has path, line, column, code, rule, severity, message, table, indicator, level1,
level2 and value (null where not known), plus sheet and cell when the location has them.
"""

from __future__ import annotations

import json
from collections import Counter

from linter.model import Finding

VERSION = 1


def finding_dict(f: Finding) -> dict:
    loc = f.location
    out = {"path": loc.path, "line": loc.line, "column": loc.column, "code": f.code, "rule": f.rule,
           "severity": f.severity, "message": f.message, "table": f.table, "indicator": f.indicator,
           "level1": f.level1, "level2": f.level2, "value": f.value}
    if loc.sheet:
        out["sheet"] = loc.sheet
    if loc.cell:
        out["cell"] = loc.cell
    if loc.page:
        out["page"] = loc.page
    return out


def report_dict(findings: list[Finding], files: list[dict]) -> dict:
    counts = Counter(f.severity for f in findings)
    return {
        "version": VERSION,
        "findings": [finding_dict(f) for f in findings],
        "files": files,
        "summary": {"errors": counts["error"], "warnings": counts["warning"], "info": counts["info"],
                    "findings": len(findings), "files": len(files),
                    "unreadable_files": sum(1 for f in files if f.get("error"))},
    }


def format_json(findings: list[Finding], files: list[dict], colour: bool = False) -> str:
    return json.dumps(report_dict(findings, files), ensure_ascii=False, indent=2) + "\n"
