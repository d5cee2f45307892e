"""``check --fix``: what a rule declares it can write in, and writing it in (ruff's model).

A rule file's ``fix: {kind, safe}`` names a kind below. A kind turns one finding's indicator value
into its fixed text (None: not this one). ``safe: true`` fixes keep the meaning (a sign or a digit
written the canonical way, 元 after 20万 on a cost) and ``--fix`` applies them; ``safe: false``
fixes change what the table says (``≥100%`` on a rate → ``100%``) and need ``--unsafe-fixes``.

Canonical YAML is fixed in place by editing the value's text where the reader located it: every
other byte — comments, order, indentation, quoting, flow or block style — stays as it was (a
ruamel.yaml round trip re-indents hand-written files: tested, and not used for writing). Each
edit is checked by reading the new text back: the indicator must read as the fixed value, else
the edit is dropped. The file is written atomically (a temporary file renamed over it; its mode
kept). A workbook (.xlsx) is never fixed in place: its fixed copy goes to ``-o``.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field

from linter import regexes
from linter.model import Document, Finding, Indicator

_MAGNITUDE = regexes.compile(
    r"^(\s*[≥≤><]?\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:万|千|百万|千万|亿))[。；;，,]?\s*$"
)


def _notation(ind: Indicator, f: Finding) -> str | None:
    from linter.checks.notation import normalised

    return normalised(ind.value_text)


def _money_unit(ind: Indicator, f: Finding) -> str | None:
    # 20万 → 20万元 only on a cost: under 数量 the missing unit may as well be 户 or 人
    m = _MAGNITUDE.match(ind.value_text)
    if ind.level2 == "成本指标" and m:
        return m.group(1).strip() + "元"  # (a full stop after it goes: 1.2万。 → 1.2万元)
    return None


def _suggestion(ind: Indicator, f: Finding) -> str | None:
    return f.suggestion


KINDS = {"notation": _notation, "money-unit": _money_unit, "suggestion": _suggestion}


def fixed_value(rule, ind: Indicator, f: Finding) -> str | None:
    """The value ``rule``'s fix writes for ``ind``, or None when it has nothing different to write."""
    new = KINDS[rule.fix["kind"]](ind, f)
    return new if new and new != ind.value_text else None


@dataclass
class FileFix:
    """The fixes of one file: its text before and after, and what was applied."""

    path: str
    before: str
    after: str
    applied: list[tuple[str, int]] = field(default_factory=list)  # (code, line)


def _indicator_at(doc: Document, line: int, column: int) -> Indicator | None:
    for table in doc.tables:
        for ind in table.indicators:
            loc = ind.value_location
            if loc is not None and loc.line == line and loc.column == column:
                return ind
    return None


def _plain_ok(text: str) -> bool:
    return (
        bool(text)
        and text == text.strip()
        and not re.match(r"""[-?:,\[\]{}#&*!|>'"%@`]""", text)
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
    )


def _edit(line: str, col: int, old: str, new: str) -> str | None:
    """The line with the scalar at ``col`` (0-based) that reads ``old`` written as ``new``, in the same
    style where it can be; None when the scalar there is not ``old`` as expected."""
    rest = line[col:]
    if rest.startswith('"'):
        raw = '"' + json.dumps(old, ensure_ascii=False)[1:-1] + '"'
        if rest.startswith(raw):
            return line[:col] + json.dumps(new, ensure_ascii=False) + rest[len(raw) :]
        return None
    if rest.startswith("'"):
        raw = "'" + old.replace("'", "''") + "'"
        if rest.startswith(raw):
            return line[:col] + "'" + new.replace("'", "''") + "'" + rest[len(raw) :]
        return None
    if not rest.startswith(old):
        return None
    after = rest[len(old) :]
    if after[:1] not in ("", " ", ",", "}", "]", "\t", "\n"):
        return None
    written = new if _plain_ok(new) else json.dumps(new, ensure_ascii=False)
    return line[:col] + written + after


def fix_yaml(
    path: str, text: str, doc: Document, findings: list[Finding], rules: dict, unsafe: bool
) -> FileFix:
    """One pass of fixes on a canonical YAML text: the new text and what was applied."""
    from linter.readers.yaml_reader import read_yaml

    lines = text.splitlines(keepends=True)
    result = FileFix(path, text, text)
    done: set[tuple[int, int]] = set()
    edits = []
    for f in findings:
        rule = rules.get(f.code)
        if rule is None or not rule.fix or (not rule.fix["safe"] and not unsafe):
            continue
        loc = f.location
        if (loc.line, loc.column) in done or not (1 <= loc.line <= len(lines)):
            continue
        ind = _indicator_at(doc, loc.line, loc.column)
        if ind is None or (new := fixed_value(rule, ind, f)) is None:
            continue
        edited = _edit(lines[loc.line - 1], loc.column - 1, ind.value_text, new)
        if edited is None:
            continue
        done.add((loc.line, loc.column))
        edits.append((loc.line, loc.column, ind, new, f.code))
    # right to left on a line, so that the columns of the others stay true
    for line, column, ind, new, code in sorted(edits, key=lambda e: (e[0], -e[1])):
        candidate = _edit(lines[line - 1], column - 1, ind.value_text, new)
        if candidate is None:
            continue
        trial = lines[:]
        trial[line - 1] = candidate
        try:
            again = read_yaml("".join(trial), path)
        except Exception:  # noqa: BLE001 - an edit that breaks the file is dropped
            continue
        back = _indicator_at(again, line, column)
        if back is None or back.value_text != new:
            continue
        lines = trial
        result.applied.append((code, line))
    result.after = "".join(lines)
    return result


def unified_diff(fix: FileFix) -> str:
    """The fix as a unified diff (``check --fix --diff``)."""
    return "".join(
        difflib.unified_diff(
            fix.before.splitlines(True), fix.after.splitlines(True), fromfile=fix.path, tofile=fix.path
        )
    )


# --------------------------------------------------------------------------- check --fix / --diff


def _rules_for(run, path) -> dict:
    _config, rules = run.settings.for_key(run.settings.config_key(path))
    return {r.code: r for r in rules}


def fix_file(run, path, unsafe: bool, passes: int = 4) -> tuple[FileFix | None, int]:
    """The fixes of one canonical YAML file, pass after pass until none applies (a fix may let
    another show); (None, 0) for other files. Also the number of findings an unsafe fix would
    clear, when unsafe fixes are off."""
    from linter.readers import InputError, read_path
    from linter.readers.yaml_reader import read_yaml

    try:
        doc = read_path(path)
    except InputError:
        return None, 0  # check reports it
    if doc.source_format != "yaml":
        return None, 0
    rules = _rules_for(run, path)
    total = FileFix(str(path), doc.source_text, doc.source_text)
    hidden = 0
    for _ in range(passes):
        findings = run.check(path, doc)
        step = fix_yaml(str(path), total.after, doc, findings, rules, unsafe)
        if not unsafe:
            hidden = sum(1 for f in findings if (r := rules.get(f.code)) and r.fix and not r.fix["safe"])
        if not step.applied:
            break
        total.applied += step.applied
        total.after = step.after
        doc = read_yaml(total.after, str(path))
        doc.source_text = total.after  # (its noqa comments: a suppressed finding is not fixed)
    return total, hidden


def fix_workbook(run, path, out: str, unsafe: bool) -> list[tuple[str, str]]:
    """The fixes of a workbook (.xlsx/.xlsm), written to a copy at ``out`` — never to the input.
    A value is replaced inside its cell's text (a cell may hold several rows' values), and only
    where it occurs once there. The (code, cell) of each fix applied."""
    from linter.annotate import refuse_huge_merges
    from linter.atomic import replaced_atomically
    from linter.readers import read_path
    from linter.readers.excel import load_workbook

    doc = read_path(path)
    rules = _rules_for(run, path)
    refuse_huge_merges(path)  # (openpyxl would make a cell object for each cell a merge covers)
    book = load_workbook(path, keep_vba=str(path).lower().endswith(".xlsm"))
    applied = []
    for f in run.check(path, doc):
        rule, loc = rules.get(f.code), f.location
        if (
            rule is None
            or not rule.fix
            or (not rule.fix["safe"] and not unsafe)
            or not (loc.sheet and loc.cell)
        ):
            continue
        ind = next(
            (
                i
                for t in doc.tables
                for i in t.indicators
                if i.value_location == loc and i.name == f.indicator and i.value_text == f.value
            ),
            None,
        )
        if ind is None or (new := fixed_value(rule, ind, f)) is None or loc.sheet not in book.sheetnames:
            continue
        cell = book[loc.sheet][loc.cell]
        if isinstance(cell.value, str) and cell.value.count(ind.value_text) == 1:
            cell.value = cell.value.replace(ind.value_text, new)
            applied.append((f.code, f"{loc.sheet}!{loc.cell}"))
    with replaced_atomically(out) as tmp:
        book.save(tmp)
    return applied


def fix_paths(run, inputs, unsafe: bool, diff: bool, echo, err, output: str | None = None) -> bool:
    """``--fix`` (write) or ``--diff`` (show) for every input; True when something was or would be changed."""
    from collections import Counter

    from linter.atomic import write_text_atomically
    from linter.safetext import shown

    changed, hidden_all, skipped = False, 0, []
    counts: Counter[str] = Counter()
    for path in inputs:
        if str(path).lower().endswith((".xlsx", ".xlsm")) and output and not diff:
            from linter.annotate import AnnotateError

            try:
                done = fix_workbook(run, path, output, unsafe)
            except AnnotateError as exc:  # a merge too large to copy: one line, exit 2
                err(exc.text())
                raise SystemExit(2) from None
            changed = changed or bool(done)
            counts.update(code for code, _ in done)
            err(f"indicator-lint: {shown(str(path))} → {shown(output)}: 修复后的副本 / the fixed copy")
            continue
        fix, hidden = fix_file(run, path, unsafe)
        hidden_all += hidden
        if fix is None:
            skipped.append(str(path))
            continue
        if not fix.applied:
            continue
        changed = True
        counts.update(code for code, _ in fix.applied)
        if diff:
            echo(unified_diff(fix))
        else:
            write_text_atomically(path, fix.after)
    what = ", ".join(f"{code} ×{n}" for code, n in sorted(counts.items()))
    verb = ("可修复", "would fix") if diff else ("已修复", "fixed")
    n = sum(counts.values())
    line = f"indicator-lint: {verb[0]} {n} 个问题 / {verb[1]} {n} finding(s)" + (f" ({what})" if what else "")
    if hidden_all:
        line += f"; 另有 {hidden_all} 个可用 --unsafe-fixes 修复 / {hidden_all} more with --unsafe-fixes"
    err(line)
    for name in skipped:
        if name.lower().endswith((".xlsx", ".xlsm")):
            err(
                f"indicator-lint: {shown(name)}: 工作簿不就地修改，用 -o 指定副本 / a workbook is never fixed in place: "
                f"name its fixed copy with -o"
            )
        else:
            err(
                f"indicator-lint: {shown(name)}: 只修复规范 YAML，未修改 / only canonical YAML is fixed in place; "
                f"left as it is"
            )
    return changed
