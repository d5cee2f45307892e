"""The engine: runs the rules' check types on a Document and turns their Hits into Findings.

Rules come from ``linter.rulebook`` (loading and validation) with their parameters set; the engine
runs each check (row checks once per distinct row), fills the rule's message template and sorts.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from linter.checks import Hit, hit_location
from linter.checks.indicators import is_blank_row
from linter.model import Document, Finding, Indicator, Location
from linter.rulebook import Rule, RuleError, load_rule_dirs

__all__ = ["CheckFailed", "Engine", "RuleError", "finding_sort_key", "select_rules"]


class CheckFailed(Exception):
    """A check type crashed on a document: a bug of ours, reported in one line, never a traceback."""


class Engine:
    """A set of rules ready to run (parameters set by configuration come with the rules:
    ``Rule.with_params``, applied by ``linter.config``).

    Row checks (``linter.checks.row_check``) judge a row from the row alone, so the engine judges
    each distinct row once for all of them and keeps the verdict: a sweep of published tables
    meets the same rows (``服务对象满意度 ≥90%``) thousands of times.
    """

    # Rows remembered (about 470 bytes each, so some 25 MB at most); past this the memory starts
    # over, so that it stays bounded on any sweep.
    MAX_VERDICTS = 50_000

    def __init__(self, rules: list[Rule] | None = None, extra_dirs: Iterable[Path | str] = ()):
        self.rules = list(rules) if rules is not None else load_rule_dirs(list(extra_dirs))
        self._row_rules = [_RowRule(r) for r in self.rules if hasattr(r.module.check, "row")]
        self._doc_rules = [r for r in self.rules if not hasattr(r.module.check, "row")]
        self._verdicts: dict[tuple, tuple[object, list]] = {}

    def run(self, doc: Document, lang: str = "zh") -> list[Finding]:
        findings: list[Finding] = []
        lines = None  # the source split into lines, once a finding needs its line

        def add(rule: Rule, hit: Hit) -> None:
            nonlocal lines
            if lines is None:
                lines = doc.source_text.splitlines() if doc.source_text else []
            findings.append(to_finding(rule, hit, lang, _line_of(hit.location, doc.path, lines)))

        for rule in self._doc_rules:
            try:
                for hit in rule.module.check(doc, rule.params):
                    add(rule, hit)
            except Exception as exc:  # noqa: BLE001 — one bad check must not hide the other files
                raise _crash(doc, rule, exc) from exc
        for table in doc.tables:
            for ind in table.indicators:
                for rule, at, args, message in self._row_verdict(doc, ind, lang):
                    if message is None:  # the template names the table
                        message = fill(_template(rule, lang), _fields(ind, table.name, ind.level1, ind.level2, args))
                    location = hit_location(ind, at)
                    if lines is None:
                        lines = doc.source_text.splitlines() if doc.source_text else []
                    findings.append(Finding(
                        code=rule.code, rule=rule.slug, severity=rule.severity, message=message, location=location,
                        table=table.name, indicator=ind.name, level1=ind.level1, level2=ind.level2,
                        value=ind.value_text, line_text=_line_of(location, doc.path, lines)))
        return sorted(findings, key=finding_sort_key)

    def _row_verdict(self, doc: Document, ind: Indicator, lang: str) -> list[tuple[Rule, str, dict, str | None]]:
        """What every row check says of this row: (rule, where the hit points, args, message) for
        each hit; the message is filled here unless its template names the table."""
        # Everything a row check may read of the row; the value itself must be the very object
        # judged before (values are shared through the parser's cache), not merely equal text.
        key = (ind.name, ind.value_text, ind.level1, ind.level2, ind.level2_printed, ind.inline_heading, lang)
        known = self._verdicts.get(key)
        if known is not None and known[0] is ind.value:
            return known[1]
        blank = is_blank_row(ind)
        verdict = []
        for row_rule in self._row_rules:
            if (blank and row_rule.skip_blank) or ind not in row_rule.scope:
                continue
            try:
                args = row_rule.judge(ind, row_rule.rule.params)
            except Exception as exc:  # noqa: BLE001
                raise _crash(doc, row_rule.rule, exc) from exc
            if args is not None:
                rule = row_rule.rule
                template = _template(rule, lang)
                message = None if "{table}" in template else fill(
                    template, _fields(ind, "", ind.level1, ind.level2, args))
                verdict.append((rule, row_rule.at, args, message))
        if len(self._verdicts) >= self.MAX_VERDICTS:
            self._verdicts.clear()
        self._verdicts[key] = (ind.value, verdict)
        return verdict


class _RowRule:
    """A row check's rule with its scope made once (rows are many)."""

    def __init__(self, rule: Rule):
        row = rule.module.check.row
        self.rule, self.judge, self.at, self.skip_blank = rule, row.judge, row.at, row.skip_blank
        self.scope = row.scope(rule.params)


def _crash(doc: Document, rule: Rule, exc: Exception) -> CheckFailed:
    return CheckFailed(f"{doc.path}: 规则 {rule.code} {rule.slug} 内部错误 / internal error in rule "
                       f"{rule.code} {rule.slug}: {type(exc).__name__}: {exc}")


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
    return Finding(code=rule.code, rule=rule.slug, severity=rule.severity,
                   message=fill(_template(rule, lang), _fields(ind, table, level1, level2, hit.args)),
                   location=hit.location, table=table, indicator=ind.name if ind else None,
                   level1=level1, level2=level2, value=ind.value_text if ind else None, line_text=line_text)


def _template(rule: Rule, lang: str) -> str:
    return rule.message.get(lang, rule.message["zh"])


def _fields(ind: Indicator | None, table: str | None, level1: str | None, level2: str | None,
            args: dict) -> dict[str, Any]:
    """What a message template may name."""
    return {"name": ind.name if ind else "", "value": (ind.value_text if ind else None) or "",
            "table": table or "", "level1": level1 or "", "level2": level2 or "", **args}


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
