"""Findings as SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps) read.

One run; the tool's driver lists every rule that was loaded (id = code, name = slug, the title as
short description, the rationale as full description, rationale and basis as help). Each result
points at its file with all four region fields: a finding knows only where it starts, so the
region runs to the end of that line, read from the file (the line a reader reported). Columns are
counted in Unicode code points, as the readers count them, and the run says so (``columnKind``).
A finding with no line (a spreadsheet cell, a whole file) gets no region: SARIF lines start at 1.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from linter import __version__
from linter.model import Finding
from linter.results import FileEntry
from linter.safetext import unicode_safe_data

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# Each shipped rule's page, docs/rules/<slug>.md, in the repository: SARIF wants helpUri absolute
# (§3.49.12), and code-scanning pages link it. INDICATOR_LINT_DOCS_URL names another base (a fork,
# an intranet mirror). Rules of an extra-rules folder have no page there: no helpUri.
DOCS_URL = "https://github.com/indicator-lint/indicator-lint/blob/main/docs/rules/"


def help_uri(rule) -> str | None:
    """The link to a rule's page (docs/rules/<slug>.md) in the repository, or None."""
    import os

    from linter.resources import data_dir

    if Path(rule.path).parent.resolve() != data_dir("rules").resolve():
        return None
    base = os.environ.get("INDICATOR_LINT_DOCS_URL") or DOCS_URL
    return f"{base.rstrip('/')}/{quote(rule.slug)}.md"


LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative, with characters percent-encoded."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/", errors="surrogateescape")  # a name's bytes that are not UTF-8: %FF


def rule_descriptor(rule, lang: str = "zh") -> dict:
    """A rule as a SARIF reportingDescriptor: its names, messages, rationale and link."""
    other = "en" if lang == "zh" else "zh"
    help_text = f"{rule.rationale[lang]}\n\n{rule.rationale[other]}\n\n依据 / Basis: {rule.basis}"
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.title[lang]},
        "fullDescription": {"text": rule.rationale[lang]},
        "help": {"text": help_text},
        **({"helpUri": uri} if (uri := help_uri(rule)) else {}),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"title_en": rule.title["en"], "title_zh": rule.title["zh"]},
    }


def region(f: Finding) -> dict | None:
    """A finding's SARIF region (line and columns, with the line's text), None for a cell or a page."""
    loc = f.location
    if loc.line < 1 or loc.cell or loc.sheet or loc.page:
        return None  # a cell or a page is not a line of text; sheet and cell are in the properties
    start_col = max(loc.column, 1)
    text = f.line_text  # carried by the finding: a formatter never opens the input again
    end_col = len(text) + 1 if text is not None else start_col + 1
    out: dict[str, object] = {
        "startLine": loc.line,
        "startColumn": start_col,
        "endLine": loc.line,
        "endColumn": max(end_col, start_col + 1),
    }
    if text is not None:  # the code snippet viewers show (Microsoft's validator asks for it)
        out["snippet"] = {"text": text[start_col - 1 :]}
    return out


def result(f: Finding, rule_index: dict[str, int]) -> dict:
    """One finding as a SARIF result."""
    physical: dict = {"artifactLocation": {"uri": artifact_uri(f.location.path)}}
    reg = region(f)
    if reg:
        physical["region"] = reg
        if f.line_text is not None:
            physical["contextRegion"] = {"startLine": reg["startLine"], "snippet": {"text": f.line_text}}
    out: dict[str, object] = {
        "ruleId": f.code,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": physical}],
    }
    if f.code in rule_index:
        out["ruleIndex"] = rule_index[f.code]
    props = {
        k: v
        for k, v in (
            ("rule", f.rule),
            ("table", f.table),
            ("indicator", f.indicator),
            ("level1", f.level1),
            ("level2", f.level2),
            ("value", f.value),
            ("sheet", f.location.sheet),
            ("cell", f.location.cell),
        )
        if v
    }
    if props:
        out["properties"] = props
    return out


def sarif_log(findings: list[Finding], files: list[FileEntry], rules=(), lang: str = "zh") -> dict:
    """The run as a SARIF 2.1.0 log: the rules, the results, the files that could not be read."""
    rules = sorted(rules, key=lambda r: r.code)
    rule_index = {r.code: i for i, r in enumerate(rules)}
    notifications = [
        {
            "level": "error",
            "message": {"text": f.error},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(f.path)}}}],
        }
        for f in files
        if f.error
    ]
    invocation: dict[str, object] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "indicator-lint",
                        "fullName": f"indicator-lint {__version__}",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/indicator-lint/",
                        "rules": [rule_descriptor(r, lang) for r in rules],
                    }
                },
                "automationDetails": {"id": "indicator-lint/"},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": [result(f, rule_index) for f in findings],
            }
        ],
    }


def format_sarif(
    findings: list[Finding], files: list[FileEntry], colour: bool = False, rules=(), lang: str = "zh"
) -> str:
    """The SARIF log as JSON text."""
    return (
        json.dumps(unicode_safe_data(sarif_log(findings, files, rules, lang)), ensure_ascii=False, indent=2)
        + "\n"
    )
