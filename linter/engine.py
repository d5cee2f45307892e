"""The engine: runs the rules' check types on a Document and turns their Hits into Findings.

Rules come from ``linter.rulebook`` (loading and validation); the engine only applies parameter
overrides and selection, runs each check, fills the rule's message template and sorts.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from linter.checks import Hit
from linter.model import Document, Finding, Location
from linter.rulebook import Rule, RuleError, load_rule_dirs

__all__ = ["CheckFailed", "Engine", "RuleError", "finding_sort_key", "select_rules"]


class CheckFailed(Exception):
    """A check type crashed on a document: a bug of ours, reported in one line, never a traceback."""


class Engine:
    """A set of rules ready to run (parameters set by configuration come with the rules:
    ``Rule.with_params``, applied by ``linter.config``)."""

    def __init__(self, rules: list[Rule] | None = None, extra_dirs: Iterable[Path | str] = ()):
        self.rules = list(rules) if rules is not None else load_rule_dirs(list(extra_dirs))

    def run(self, doc: Document, lang: str = "zh") -> list[Finding]:
        findings: list[Finding] = []
        lines = None  # the source split into lines, once a finding needs its line
        for rule in self.rules:
            try:
                for hit in rule.module.check(doc, rule.params):
                    if lines is None:
                        lines = doc.source_text.splitlines() if doc.source_text else []
                    findings.append(to_finding(rule, hit, lang, _line_of(hit.location, doc.path, lines)))
            except Exception as exc:  # noqa: BLE001 — one bad check must not hide the other files
                raise CheckFailed(f"{doc.path}: 规则 {rule.code} {rule.slug} 内部错误 / internal error in rule "
                                  f"{rule.code} {rule.slug}: {type(exc).__name__}: {exc}") from exc
        return sorted(findings, key=finding_sort_key)


def _line_of(loc: Location, path: str, lines: list[str]) -> str | None:
    """The text of the line a text-file location points at; None for cells, pages and other files."""
    if loc.path != path or loc.cell or loc.page or not 1 <= loc.line <= len(lines):
        return None
    return lines[loc.line - 1]


def to_finding(rule: Rule, hit: Hit, lang: str = "zh", line_text: str | None = None) -> Finding:
    ind = hit.indicator
    table = hit.table.name if hit.table else None
    level1 = hit.level1 or (ind.level1 if ind else None)
    level2 = hit.level2 or (ind.level2 if ind else None)
    value = ind.value_text if ind else None
    fields = {"name": ind.name if ind else "", "value": value or "", "table": table or "",
              "level1": level1 or "", "level2": level2 or "", **hit.args}
    return Finding(code=rule.code, rule=rule.slug, severity=rule.severity,
                   message=fill(rule.message.get(lang, rule.message["zh"]), fields),
                   location=hit.location, table=table, indicator=ind.name if ind else None,
                   level1=level1, level2=level2, value=value, line_text=line_text)


class _Lenient(dict):
    def __missing__(self, key: str) -> str:  # a template naming an arg the check did not give
        return "{" + key + "}"


def fill(template: str, fields: dict[str, Any]) -> str:
    try:
        return template.format_map(_Lenient(fields))
    except (ValueError, IndexError, AttributeError, KeyError):
        return template  # a malformed template prints as written rather than crash the run


def finding_sort_key(f: Finding) -> tuple:
    loc: Location = f.location
    return (loc.path, loc.sheet or "", loc.line, loc.column, loc.cell or "", f.code, f.indicator or "", f.message)


def select_rules(rules: list[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules chosen by code, code prefix (``IL2``) or slug; ``ignore`` wins over ``select``."""
    select, ignore = list(select), list(ignore)
    for key in select + ignore:
        if not any(r.matches(key) for r in rules):
            raise RuleError(f"--select/--ignore: no rule matches '{key}'")
    chosen = [r for r in rules if not select or any(r.matches(k) for k in select)]
    return [r for r in chosen if not any(r.matches(k) for k in ignore)]
