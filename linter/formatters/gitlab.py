"""Findings as a GitLab Code Quality report (``artifacts: reports: codequality``): a JSON array of

    {"description", "check_name", "fingerprint", "severity", "location": {"path", "lines": {"begin"}}}

Severity: error → major, warning → minor, info → info; a file that could not be read is one
``critical`` entry (check_name ``input-error``). A finding with no line (a spreadsheet cell, a
whole file) is placed on line 1, the cell named in the description. The fingerprint is stable when
rows move: it hashes the path, rule, table, indicator, value and message (not the line), and the
n-th repeat of the same finding in a file gets its number in the hash.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from linter.model import Finding
from linter.results import FileEntry
from linter.safetext import unicode_safe_data

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def fingerprint(parts: tuple, seen: Counter) -> str:
    """A stable fingerprint of a finding's parts, told apart from its twins by a count."""
    seen[parts] += 1
    text = "\x1f".join(str(p or "") for p in (*parts, seen[parts]))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def issue(f: Finding, seen: Counter) -> dict:
    """One finding as a GitLab Code Quality issue."""
    loc = f.location
    where = "".join(f"{k}{v} " for k, v in (("", loc.sheet and f"{loc.sheet}!"), ("", loc.cell)) if v).strip()
    description = f"{f.code} {f.message}" + (f" ({where})" if where else "")
    return {
        "description": description,
        "check_name": f.rule,
        "fingerprint": fingerprint((loc.path, f.code, f.table, f.indicator, f.value, f.message), seen),
        "severity": SEVERITIES.get(f.severity, "minor"),
        "location": {"path": loc.path, "lines": {"begin": max(loc.line, 1)}},
    }


def gitlab_report(findings: list[Finding], files: list[FileEntry]) -> list[dict]:
    """The GitLab Code Quality report: the findings, and a file that could not be read as a critical issue."""
    seen: Counter = Counter()
    out = [issue(f, seen) for f in findings]
    for entry in files:
        if entry.error:
            out.append(
                {
                    "description": entry.error,
                    "check_name": "input-error",
                    "fingerprint": fingerprint((entry.path, "input-error"), seen),
                    "severity": "critical",
                    "location": {"path": entry.path, "lines": {"begin": 1}},
                }
            )
    return out


def format_gitlab(findings: list[Finding], files: list[FileEntry]) -> str:
    """The GitLab Code Quality report as JSON text."""
    return json.dumps(unicode_safe_data(gitlab_report(findings, files)), ensure_ascii=False, indent=2) + "\n"
