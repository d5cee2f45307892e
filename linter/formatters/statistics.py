"""``check --statistics``: how many findings each rule produced, most frequent first (as ruff does).

12  IL212  vague-value        [错误]
 3  IL201  missing-unit       [警告]
"""

from __future__ import annotations

import json
from collections import Counter

from linter.model import Finding
from linter.results import FileEntry


def rule_counts(findings: list[Finding]) -> list[dict]:
    """The findings counted by rule, most frequent first."""
    counts = Counter((f.code, f.rule, f.severity) for f in findings)
    rows = [{"code": c, "rule": r, "severity": s, "count": n} for (c, r, s), n in counts.items()]
    return sorted(rows, key=lambda row: (-row["count"], row["code"]))


def format_statistics(
    findings: list[Finding],
    files: list[FileEntry],
    colour: bool = False,
    as_json: bool = False,
    lang: str = "zh",
) -> str:
    """The findings counted by rule (``--statistics``), as a table or JSON."""
    from linter.i18n import severity_word

    rows = rule_counts(findings)
    if as_json:
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if not rows:
        return ""
    count_w = max(len(str(r["count"])) for r in rows)
    slug_w = max(len(r["rule"]) for r in rows)
    return "".join(
        f"{r['count']:>{count_w}}  {r['code']}  {r['rule']:<{slug_w}}  [{severity_word(r['severity'], lang)}]\n"
        for r in rows
    )
