"""Baselines: the findings a repository has accepted, so that ``check`` reports only new ones.

A baseline file counts findings by (file, table, indicator, rule) and records no line numbers:
inserting, deleting or reordering rows leaves every key as it was, so only a finding whose key is
new, or one more of a key than was accepted, is reported. Paths are stored relative to the
baseline file's folder, so the repository can be checked from any working directory.

    {"version": 1, "tool": "indicator-lint",
     "findings": [{"path": "tables/a.yaml", "table": "…", "indicator": "…", "code": "IL212",
                   "rule": "vague-value", "count": 1}, …]}
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from linter.atomic import write_text_atomically
from linter.errors import SettingsError
from linter.model import Finding
from linter.safetext import unicode_safe

VERSION = 1
ENTRY_KEYS = ("path", "table", "indicator", "code", "rule", "count")


class BaselineError(SettingsError):
    """A baseline file that cannot be read: ``BaselineError(path, en)``."""


Key = tuple[str, str, str, str]  # path, table, indicator, code


def relative_path(path: str | Path, root: Path) -> str:
    """``path`` relative to ``root`` (posix), or absolute when it lies outside; a byte of the name
    that is not UTF-8 as ``\\xff`` (``unicode_safe``), so that the key can be written as JSON."""
    resolved = Path(path).resolve()
    try:
        return unicode_safe(resolved.relative_to(root.resolve()).as_posix())
    except ValueError:
        return unicode_safe(resolved.as_posix())


def finding_key(f: Finding, root: Path) -> Key:
    """What a baseline counts a finding by: (path, table, indicator, code), line numbers left out."""
    return (
        relative_path(f.location.path, root),
        unicode_safe(f.table or ""),
        unicode_safe(f.indicator or ""),
        f.code,
    )


def write_baseline(findings: list[Finding], out: Path) -> dict:
    """Write the baseline of ``findings`` to ``out``; returns what was written."""
    root = out.resolve().parent
    counts = Counter(finding_key(f, root) for f in findings)
    slugs = {f.code: f.rule for f in findings}
    entries = [
        {"path": p, "table": t, "indicator": i, "code": c, "rule": slugs[c], "count": n}
        for (p, t, i, c), n in sorted(counts.items())
    ]
    data = {"version": VERSION, "tool": "indicator-lint", "findings": entries}
    write_text_atomically(out, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return data


@dataclass
class StaleEntry:
    """Accepted findings of one key that no longer occur (``stale``)."""

    path: str
    table: str
    indicator: str
    code: str
    rule: str
    count: int  # accepted findings of this key that no longer occur

    def __str__(self) -> str:
        where = " › ".join(x for x in (self.table, self.indicator) if x)
        return f"{self.path}: {self.code} {self.rule} {where} ×{self.count}"


class Baseline:
    """A loaded baseline. ``new_findings`` spends its counts; ``stale`` lists what was not spent."""

    def __init__(self, path: Path, counts: Counter[Key], slugs: dict[Key, str]):
        self.path, self.root = path, path.resolve().parent
        self.counts, self.slugs = counts, slugs
        self.remaining = Counter(counts)

    @classmethod
    def load(cls, path: Path | str) -> Baseline:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise BaselineError(path, f"cannot read baseline: {exc.strerror}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(path, f"not a baseline file (invalid JSON: {exc})") from None
        if (
            not isinstance(data, dict)
            or data.get("version") != VERSION
            or not isinstance(data.get("findings"), list)
        ):
            raise BaselineError(
                path, f"not a baseline file of version {VERSION} (write one with 'indicator-lint baseline')"
            )
        counts: Counter = Counter()
        slugs: dict[Key, str] = {}
        for i, e in enumerate(data["findings"], start=1):
            if (
                not isinstance(e, dict)
                or set(e) != set(ENTRY_KEYS)
                or not isinstance(e["count"], int)
                or e["count"] < 1
                or not all(isinstance(e[k], str) for k in ENTRY_KEYS if k != "count")
            ):
                raise BaselineError(
                    path, f"entry {i} must have exactly {', '.join(ENTRY_KEYS)} (texts and a count ≥ 1)"
                )
            key = (e["path"], e["table"], e["indicator"], e["code"])
            counts[key] += e["count"]
            slugs[key] = e["rule"]
        return cls(path, counts, slugs)

    def new_findings(self, findings: list[Finding]) -> list[Finding]:
        """The findings beyond what the baseline accepted (in the order given)."""
        out = []
        for f in findings:
            key = finding_key(f, self.root)
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
            else:
                out.append(f)
        return out

    def stale(self, checked_paths: list[str | Path]) -> list[StaleEntry]:
        """Accepted findings of the checked files that did not occur: the baseline can shrink."""
        checked = {relative_path(p, self.root) for p in checked_paths}
        return [
            StaleEntry(*key, rule=self.slugs[key], count=n)
            for key, n in sorted(self.remaining.items())
            if n > 0 and key[0] in checked
        ]
