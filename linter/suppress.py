"""Suppressions: findings a person has looked at and accepted, written next to the table.

Three forms:

* YAML, on the line a finding points at or on its indicator's line (flake8/ruff style)::

      - 应急处突能力提升: 显著提升   # noqa: IL212 已与财政部门确认
        (codes or slugs, comma-separated, then an optional reason for people; a bare ``# noqa``
        silences every rule; full-width ``：`` and ``，`` are read as ``:`` and ``,``)

  A ``# noqa`` that cannot be read (``# noqa IL212`` without the colon, ``# noqa:`` naming no
  rule) silences nothing and is reported as ``IL002 invalid-noqa``: a typo never widens a
  suppression to every rule.

* YAML, anywhere in the file, for the whole file::

      # indicator-lint: disable=IL201,missing-comparator    (a bare ``disable`` silences all)

* A sidecar ``<file>.noqa.yaml`` beside any table, for formats without comments (text, Excel,
  Word): a list of entries, each naming a rule and optionally the table and indicator::

      - rule: vague-value          # code or slug (required)
        table: 安全生产标准化建设经费   # only in this table (optional)
        indicator: 安全生产事故率       # only for this indicator (optional)
        reason: 已与财政部门确认         # for people (optional)

``--report-unused-noqa`` turns every suppression that silenced nothing into a finding
``IL000 unused-noqa`` at the suppression's place, so stale ones get cleaned up.
"""

from __future__ import annotations

import os
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from linter import regexes
from linter.errors import SettingsError
from linter.model import Document, Finding, Location
from linter.readers import SIDECAR_SUFFIX
from linter.yamlfile import load_yaml_file

UNUSED_CODE, UNUSED_SLUG, UNUSED_SEVERITY = "IL000", "unused-noqa", "warning"
INVALID_CODE, INVALID_SLUG, INVALID_SEVERITY = "IL002", "invalid-noqa", "warning"
SIDECAR_KEYS = ("rule", "table", "indicator", "reason")

# A key is ASCII (IL212, vague-value): what follows it, a space or a Chinese character, starts the reason.
_KEY = r"[A-Za-z0-9][A-Za-z0-9_\-]*"
_KEYS = rf"{_KEY}(?:[ \t]*[,，、][ \t]*{_KEY})*"
_NOQA_AT = regexes.compile(r"#\s*noqa(?![A-Za-z0-9_\-])", re.IGNORECASE)
# after ``noqa``: a colon (either width), the keys, then nothing or a reason that does not go on
# with ASCII letters glued to the last key (``IL212x``)
_NOQA_KEYS = regexes.compile(rf"\s*[:：]\s*(?P<keys>{_KEYS})(?P<reason>(?:\s+|(?=[^\x00-\x7f])|$).*)$")
_DISABLE = regexes.compile(
    rf"#\s*indicator-lint\s*[:：]\s*disable(?:\s*[=＝]\s*(?P<keys>{_KEYS}))?", re.IGNORECASE
)


class SuppressionError(SettingsError):
    """A sidecar file that is not valid: ``SuppressionError(path, en)``, naming the entry. Reported
    as the error of the file it belongs to (the other files are still checked)."""

    ends_run = False


@dataclass
class Suppression:
    """One noqa comment or sidecar entry: what it silences, and where it is written."""

    kind: str  # "line" | "file" | "sidecar" | "invalid" (an unreadable noqa comment: silences nothing)
    keys: list[str]  # codes or slugs; empty: every rule
    location: Location
    line: int = 0  # for "line": the line it is written on
    line_text: str | None = None  # for comments: that line's text (SARIF shows it with an unused one)
    table: str | None = None  # for "sidecar"
    indicator: str | None = None
    used: set[str] = field(default_factory=set)
    reason: str = ""  # written after the keys (the 已确认 of ``noqa: IL212 已确认``), for people

    def covers(self, f: Finding, lines: set[int]) -> str | None:
        """The key that silences ``f`` (``*`` for a bare suppression), or None."""
        if self.kind == "invalid":
            return None
        if self.kind == "line" and self.line not in lines:
            return None
        if self.kind == "sidecar" and (
            (self.table and self.table != f.table) or (self.indicator and self.indicator != f.indicator)
        ):
            return None
        if not self.keys:
            return "*"
        return next((k for k in self.keys if k in (f.code, f.rule)), None)


def _split(keys: str | None) -> list[str]:
    return [k.strip() for k in re.split(r"[,，、]", keys or "") if k.strip()]


def parse_noqa(comment: str) -> tuple[int, list[str] | None, str] | None:
    """The ``# noqa`` in a comment's text: (its offset, its keys — [] for a bare one, None when it
    cannot be read —, the reason after them); None when the comment has none."""
    m = _NOQA_AT.search(comment)
    if m is None:
        return None
    rest = comment[m.end() :]
    if not rest.strip():
        return m.start(), [], ""
    k = _NOQA_KEYS.match(rest)
    if k is None:
        return m.start(), None, rest.strip()
    return m.start(), _split(k["keys"]), k["reason"].strip()


def comment_suppressions(text: str, path: str) -> list[Suppression]:
    """``# noqa`` and ``# indicator-lint: disable`` comments of a YAML text.

    Only text after a ``#`` that YAML would read as a comment counts: a ``#`` inside a quoted
    value is not one. The check is deliberately simple (a ``#`` preceded by a space or at the
    line's start), as in yamllint.
    """
    out: list[Suppression] = []
    lowered = text.lower()
    if "noqa" not in lowered and "indicator-lint" not in lowered:
        return out  # most files: no need to look for comments line by line
    for number, line in enumerate(text.splitlines(), start=1):
        hash_at = _comment_start(line) if "#" in line else -1
        if hash_at < 0:
            continue
        comment = line[hash_at:]
        m = _DISABLE.match(comment)
        if m:
            out.append(
                Suppression("file", _split(m["keys"]), Location(path, number, hash_at + 1), line_text=line)
            )
            continue
        noqa = parse_noqa(comment)
        if noqa is not None:
            at, keys, reason = noqa
            out.append(
                Suppression(
                    "line" if keys is not None else "invalid",
                    keys or [],
                    Location(path, number, hash_at + at + 1),
                    line=number,
                    line_text=line,
                    reason=reason,
                )
            )
    return out


def _comment_start(line: str) -> int:
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or line[i - 1] in " \t:[{,-"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return -1


def sidecar_suppressions(path: Path) -> list[Suppression]:
    """The entries of ``path`` (a sidecar file); SuppressionError when it is not valid."""

    data = load_yaml_file(path, SuppressionError)
    if data is None:
        return []
    if not isinstance(data, list):
        raise SuppressionError(
            path, "a suppression file is a list of entries (rule, table, indicator, reason)"
        )
    out = []
    for i, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            raise SuppressionError(path, f"entry {i} must be a mapping with a 'rule'")
        for key in entry:
            if key not in SIDECAR_KEYS:
                raise SuppressionError(
                    path, f"entry {i}: unknown key '{key}' (expected: {', '.join(SIDECAR_KEYS)})"
                )
        rule = entry.get("rule")
        if not isinstance(rule, str) or not rule.strip():
            raise SuppressionError(path, f"entry {i}: key 'rule' must name a rule (code or slug)")
        for key in ("table", "indicator"):
            if entry.get(key) is not None and not isinstance(entry[key], str):
                raise SuppressionError(path, f"entry {i}: key '{key}' must be a text")
        out.append(
            Suppression(
                "sidecar",
                _split(rule),
                Location(str(path), 0, 0),
                table=entry.get("table"),
                indicator=entry.get("indicator"),
            )
        )
    return out


def _indicator_lines(doc: Document | None) -> dict[int, set[int]]:
    """line → every line of the same indicator: in the list form its mapping spans several lines
    (level1, name, value …), and a ``# noqa`` on any of them from its start to its value counts."""
    groups: dict[int, set[int]] = {}
    for table in doc.tables if doc else ():
        for ind in table.indicators:
            ends = [loc.line for loc in (ind.location, ind.value_location) if loc and loc.line]
            lines = set(range(min(ends), max(ends) + 1)) if ends else set()
            for line in lines:
                groups.setdefault(line, set()).update(lines)
    return groups


def suppressions_for(path: Path | str, doc: Document | None) -> list[Suppression]:
    """Every suppression that applies to one checked file: its comments (YAML) and its sidecar."""
    found: list[Suppression] = []
    if doc is not None and doc.source_format == "yaml":
        found += comment_suppressions(doc.source_text, str(path))  # the text the reader decoded
    sidecar = str(path) + SIDECAR_SUFFIX  # a text, not a Path: this runs for every file of a sweep
    if os.path.isfile(sidecar):
        found += sidecar_suppressions(Path(sidecar))
    return found


def apply(findings: list[Finding], suppressions: list[Suppression], doc: Document | None) -> list[Finding]:
    """The findings no suppression covers; each suppression records the keys it used."""
    if not suppressions:
        return findings
    groups = _indicator_lines(doc)
    kept = []
    for f in findings:
        lines = groups.get(f.location.line, set()) | {f.location.line}
        hit = False
        for s in suppressions:
            key = s.covers(f, lines)
            if key is not None:
                s.used.add(key)
                hit = True
        if not hit:
            kept.append(f)
    return kept


_UNUSED = {
    "zh": "未使用的抑制：{what}没有屏蔽任何问题，应删除",
    "en": "Unused suppression: {what} silenced nothing; remove it",
}
_UNKNOWN = {"zh": "抑制中的规则“{key}”不存在", "en": "The suppression names '{key}', which is no rule"}
_INVALID = {
    "zh": "无法识别的抑制注释“{text}”，未屏蔽任何问题；应写作“# noqa: 规则代码 理由”",
    "en": "Unreadable suppression '{text}' silenced nothing; write '# noqa: CODE reason'",
}


def invalid_findings(suppressions: list[Suppression], lang: str = "zh") -> list[Finding]:
    """One ``IL002 invalid-noqa`` finding per ``# noqa`` comment that could not be read (always reported)."""
    out = []
    for s in suppressions:
        if s.kind == "invalid":
            text = (s.line_text or "")[max(s.location.column - 1, 0) :].strip()
            out.append(_finding(_INVALID, lang, s, (INVALID_CODE, INVALID_SLUG, INVALID_SEVERITY), text=text))
    return out


def unused_findings(
    suppressions: list[Suppression], known: AbstractSet[str], lang: str = "zh"
) -> list[Finding]:
    """One ``IL000 unused-noqa`` finding per suppression (or per key of one) that silenced nothing."""
    out = []
    for s in suppressions:
        if s.kind == "invalid":
            continue
        scope = " › ".join(p for p in (s.table, s.indicator) if p)
        if not s.keys:
            if not s.used:
                bare = {"line": "# noqa", "file": "# indicator-lint: disable", "sidecar": "*"}[s.kind]
                out.append(_finding(_UNUSED, lang, s, what=f"“{bare}”"))
            continue
        for key in s.keys:
            if key in s.used:
                continue
            template = _UNKNOWN if key not in known else _UNUSED
            what = f"“{key}”" + (f"（{scope}）" if scope else "")
            out.append(_finding(template, lang, s, key=key, what=what))
    return out


def _finding(
    template: dict, lang: str, s: Suppression, rule=(UNUSED_CODE, UNUSED_SLUG, UNUSED_SEVERITY), **args
) -> Finding:
    return Finding(
        code=rule[0],
        rule=rule[1],
        severity=rule[2],
        message=template.get(lang, template["zh"]).format(**args),
        location=s.location,
        line_text=s.line_text,
    )
