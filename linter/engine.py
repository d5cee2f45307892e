"""The engine: runs the rules' check types on a Document and turns their Hits into Findings.

Rules come from ``linter.rulebook`` (loading and validation) with their parameters set; the engine
runs each check (row checks once per distinct row), fills the rule's message template and sorts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from linter.checks import Hit, RowCheck, RowView, hit_location, row_texts
from linter.checks.indicators import Scope, is_blank_row
from linter.checks.printing import in_simplified
from linter.crash import describe
from linter.errors import LintError
from linter.model import Document, Finding, Indicator, Location
from linter.rulebook import Rule, RuleError, load_rule_dirs

Judge = Callable[[RowView, dict], dict | None]  # a row check's judge (RowCheck.judge)

__all__ = ["CheckFailed", "Engine", "RuleError", "finding_sort_key"]


class CheckFailed(LintError):
    """A check type crashed on a document: a bug of ours, reported in one line, never a traceback."""

    internal = True


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

    def __init__(self, rules: list[Rule] | None = None):
        self.rules = list(rules) if rules is not None else load_rule_dirs([])
        self._row_groups = _group_row_rules([r for r in self.rules if isinstance(r.module.check, RowCheck)])
        # (一级, 二级, blank row) → the row checks that look at such a row, in rule order: which
        # rules a row is in scope of depends on its categories alone (checks.indicators.Scope),
        # and a sweep has a few dozen pairs of categories for its hundreds of thousands of rows.
        self._judges: dict[tuple, list[tuple[Rule, Judge, str]]] = {}
        self._doc_rules = [r for r in self.rules if not isinstance(r.module.check, RowCheck)]
        # the row's texts (``checks.row_texts``) → (the RowView judged, its verdict, met again)
        self._verdicts: dict[tuple, tuple[RowView, list, bool]] = {}
        self._fresh: list[tuple] = []  # rows to pass on at the next shared_verdicts()
        self.rows_met = self.rows_judged = 0  # rows asked about, and those not answered from a verdict
        self._by_code = {r.code: r for r in self.rules}
        self._superseded = {r.slug: frozenset(r.superseded_by) for r in self.rules if r.superseded_by}

    def run(self, doc: Document, lang: str = "zh") -> list[Finding]:
        # a document in traditional characters is judged in simplified ones (checks.printing)
        judged = in_simplified(doc)
        view, printing = judged if judged is not None else (doc, None)
        findings: list[Finding] = []
        rows: list[int | None] = []  # the row each finding is on (id of its Indicator), for superseded_by
        lines = None  # the source split into lines, once a finding needs its line

        def add(rule: Rule, hit: Hit) -> None:
            nonlocal lines
            if printing is not None:
                hit = printing.hit(hit)  # (on the document as printed, quoting it in its characters)
            if lines is None:
                lines = doc.source_text.splitlines() if doc.source_text else []
            findings.append(
                to_finding(rule, hit, lang, _line_of(hit.location, doc.path, lines), doc.budget_year)
            )
            rows.append(id(hit.indicator) if hit.indicator is not None else None)

        for rule in self._doc_rules:
            try:
                for hit in rule.module.check(view, rule.params):
                    add(rule, hit)
            except Exception as exc:  # one bad check must not hide the other files
                raise _crash(doc, rule, exc) from exc
        for table in view.tables:
            for ind in table.indicators:
                if ind.value_unknown:
                    continue  # a cut row, a formula with no saved result: nothing to judge it by
                for rule, at, args in self._row_verdict(doc, ind):
                    add(rule, Hit(location=hit_location(ind, at), table=table, indicator=ind, args=args))
        if self._superseded:
            findings = _without_superseded(findings, rows, self._superseded)
        return sorted(findings, key=finding_sort_key)

    def _row_verdict(self, doc: Document, ind: Indicator) -> list[tuple[Rule, str, dict]]:
        """What every row check says of this row: (rule, where the hit points, args) for each hit."""
        # A verdict holds for a row equal in all a row check may read (``checks.RowView``): the
        # same texts, and a value equal to the one judged (mostly the very object, values being
        # shared through the parser's cache: that is tried first, as the cheaper test).
        key = row_texts(ind)
        self.rows_met += 1
        known = self._verdicts.get(key)
        if known is not None and ((value := known[0].value) is ind.value or value == ind.value):
            if not known[2]:  # met again: a row that repeats, worth passing on (shared_verdicts)
                self._verdicts[key] = (known[0], known[1], True)
                self._fresh.append(key)
            return known[1]
        verdict = []
        row = RowView.of(ind)
        blank = is_blank_row(ind)
        judges = self._judges.get((ind.level1, ind.level2, blank))
        if judges is None:
            judges = self._judges[ind.level1, ind.level2, blank] = [
                judge
                for scope, skip_blank, group in self._row_groups
                if not (blank and skip_blank) and ind in scope  # as checks.indicators.indicators()
                for judge in group
            ]
        for rule, judge, at in judges:
            try:
                args = judge(row, rule.params)
            except Exception as exc:  # re-raised as a crash naming the rule
                raise _crash(doc, rule, exc) from exc
            if args is not None:
                verdict.append((rule, at, args))
        self.rows_judged += 1
        # Where rows repeat (more than a quarter of those met so far were met before), this one
        # will likely come again too: pass it on now.
        repeating = 4 * self.rows_judged < 3 * self.rows_met
        self._remember(key, row, verdict, met_again=repeating)
        if repeating:
            self._fresh.append(key)
        return verdict

    def _remember(self, key: tuple, row: RowView, verdict: list, met_again: bool) -> None:
        if len(self._verdicts) >= self.MAX_VERDICTS:
            self._verdicts.clear()
            self._fresh.clear()  # (only rows remembered are passed on: it stays as bounded)
        self._verdicts[key] = (row, verdict, met_again)

    # The processes of a sweep (``runners.check_files``) meet the same rows, and judging a row is
    # most of what a row not seen before costs: each passes on its verdicts on the rows that
    # repeat, so that such a row is mostly judged once in the whole sweep, not once per process
    # (not always: both may meet it before either's verdict arrives).
    # A row repeats when it is met a second time, or, where rows repeat (published tables), as
    # soon as it is judged. Passing on the rows of a sweep where rows do not repeat
    # would cost more than judging the few that do.

    def shared_verdicts(self) -> list[tuple[tuple, list[tuple[str, str, dict]]]]:
        """The verdicts on repeating rows reached here since the last call, as ``(key, [(rule
        code, at, args)…])`` for ``learn_verdicts`` in another process with the same rules."""
        from linter.values import parse

        out = []
        for key in self._fresh:
            known = self._verdicts.get(key)
            # Only a value the text alone gives (the parser's, as the other process will have):
            # a row whose value a reader assembled otherwise is judged where it is met.
            if known is not None and known[0].value == parse(known[0].value_text):
                out.append((key, [(rule.code, at, args) for rule, at, args in known[1]]))
        self._fresh.clear()
        return out

    def learn_verdicts(self, verdicts: list[tuple[tuple, list[tuple[str, str, dict]]]]) -> None:
        """Take the verdicts another process reached (``shared_verdicts``) as if judged here (but
        not to be passed on from here: the process that reached them does that)."""
        from linter.values import parse

        for key, hits in verdicts:
            if key not in self._verdicts:
                self._remember(
                    key,
                    RowView.of_texts(key, parse),
                    [(self._by_code[code], at, args) for code, at, args in hits],
                    met_again=True,
                )


def _without_superseded(
    findings: list[Finding], rows: list[int | None], superseded: dict[str, frozenset[str]]
) -> list[Finding]:
    """The findings less those of a rule on a row that a rule superseding it (``superseded_by``) reports."""
    on_row: dict[int, set[str]] = {}
    for f, row in zip(findings, rows, strict=True):
        if row is not None:
            on_row.setdefault(row, set()).add(f.rule)
    return [
        f
        for f, row in zip(findings, rows, strict=True)
        if row is None or not superseded.get(f.rule, frozenset()) & on_row[row]
    ]


def _group_row_rules(rules: list[Rule]) -> list[tuple[Scope, bool, list[tuple[Rule, Judge, str]]]]:
    """The row checks' rules in groups that look at the same rows: ``(Scope, skip_blank, [(rule,
    judge, at)…])``, so that whether a row is in is asked once per group, not once per rule (some
    twenty rules fall into about ten groups)."""
    from linter.checks.indicators import scope_of

    groups: dict[tuple, tuple[Scope, bool, list]] = {}
    for rule in rules:
        row = rule.module.check
        scope = scope_of(*row.scope_lists(rule.params))
        group = groups.setdefault((id(scope), row.skip_blank), (scope, row.skip_blank, []))
        group[2].append((rule, row.judge, row.at))
    return list(groups.values())


def _crash(doc: Document, rule: Rule, exc: Exception) -> CheckFailed:
    return CheckFailed(
        doc.path,
        f"规则 {rule.code} {rule.slug} 内部错误",
        f"internal error in rule {rule.code} {rule.slug}: {describe(exc)}",
    )


def _line_of(loc: Location, path: str, lines: list[str]) -> str | None:
    """The text of the line a text-file location points at; None for cells, pages and other files."""
    if loc.path != path or loc.cell or loc.page or not 1 <= loc.line <= len(lines):
        return None
    return lines[loc.line - 1]


def to_finding(
    rule: Rule, hit: Hit, lang: str = "zh", line_text: str | None = None, budget_year: int | None = None
) -> Finding:
    ind = hit.indicator
    table = hit.table.name if hit.table else None
    level1 = hit.level1 or (ind.level1 if ind else None)
    level2 = hit.level2 or (ind.level2 if ind else None)
    value = ind.value_text if ind else None
    # ``this_year``: the budget year for example deadlines (a row check cannot know it)
    fields = {
        "name": ind.name if ind else "",
        "value": value or "",
        "table": table or _UNNAMED.get(lang, _UNNAMED["zh"]),  # never 项目“”
        "level1": level1 or "",
        "level2": level2 or "",
        "this_year": f"{budget_year}年" if budget_year else "当年",
        **hit.args,
    }
    for key, arg in hit.args.items():  # a clause per language ({example[zh]}) may name them too
        if isinstance(arg, dict) and any(isinstance(v, str) and "{" in v for v in arg.values()):
            fields[key] = {k: fill(v, fields) if isinstance(v, str) else v for k, v in arg.items()}
    suggestion = suggested_name = None
    if hit.args.get("suggestion") is not None:  # a proposal may name the fields above ({this_year})
        suggestion = fields["suggestion"] = fill(str(hit.args["suggestion"]), fields)
    if hit.args.get("suggested_name") is not None:
        suggested_name = fields["suggested_name"] = fill(str(hit.args["suggested_name"]), fields)
    return Finding(
        code=rule.code,
        rule=rule.slug,
        severity=rule.severity,
        message=fill(rule.message.get(lang, rule.message["zh"]), fields),
        location=hit.location,
        table=table,
        indicator=ind.name if ind else None,
        level1=level1,
        level2=level2,
        value=value,
        line_text=line_text,
        suggestion=suggestion,
        suggested_name=suggested_name,
    )


# What a message calls a table that prints no name (a bare 指标 grid, a report's section).
_UNNAMED = {"zh": "未写名称的表", "en": "an unnamed table"}


class _Lenient(dict):
    def __missing__(self, key: str) -> str:  # a template naming an arg the check did not give
        return "{" + key + "}"


def fill(template: str, fields: dict[str, Any]) -> str:
    try:
        return template.format_map(_Lenient(fields))
    except (ValueError, IndexError, AttributeError, KeyError):
        return template  # a malformed template prints as written rather than crash the run


def finding_sort_key(f: Finding) -> tuple:
    """The order findings are reported in: file, sheet, line, column, cell, then code."""
    loc: Location = f.location
    return (
        loc.path,
        loc.sheet or "",
        loc.line,
        loc.column,
        loc.cell or "",
        f.code,
        f.indicator or "",
        f.message,
    )
