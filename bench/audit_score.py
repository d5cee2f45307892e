"""Score the linter's findings against reviewers' audits: what a reviewer reports, what they would not.

    python bench/audit_score.py                   # every tests/corpus/audits/*.yaml
    python bench/audit_score.py AUDIT.yaml …      # only these audits
    python bench/audit_score.py --show 002        # also every entry of the documents starting 002

An audit (format in the header of ``tests/corpus/audits/seeds-audit.yaml``) lists per document
(``file:``, looked up under ``examples/`` and ``tests/corpus/``) the findings a reviewer expects,
each with a tier (must / should / may), and the findings that would be false alarms (``forbid``).
Each document is checked in-process as ``indicator-lint check`` checks it (``linter.lintrun``).

An expect entry is hit by a finding of its rule (slug or code) whose table contains the entry's
``table`` and whose indicator contains its ``indicator`` (``indicator: null``: a table-level
finding, one with no indicator); ``level1``/``level2`` (missing-category) must be the finding's. A
finding hits at most one entry, so two entries for two rows of the same name need two findings.
A forbid entry is violated by any finding of its rule in its table (``table: null``: anywhere in
the document) on its indicator (``indicator: null``: anywhere in that table). Names are compared in
NFKC form without white space.

Prints a line per document (recall per tier, forbidden hits, findings in no entry), with
``--show`` each expect entry hit or missed and the findings in no entry, then every forbidden
hit (document, rule, table, indicator, message) a line each, and last three lines of totals.
Not a test: ``tests/test_audit_score.py`` asserts the seeds audit's totals do not go down.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.lintrun import LintRun, check_file  # noqa: E402  (after the path is set)
from linter.model import Finding  # noqa: E402

AUDITS = ROOT / "tests" / "corpus" / "audits"
DOCUMENT_DIRS = (ROOT / "examples", ROOT / "tests" / "corpus")
TIERS = ("must", "should", "may")
_SPACE = re.compile(r"\s+")


def _norm(text: str | None) -> str:
    return "" if text is None else _SPACE.sub("", unicodedata.normalize("NFKC", text))


def matches(entry: dict, f: Finding, forbid: bool = False) -> bool:
    """Whether finding ``f`` is the one ``entry`` describes (``forbid``: one it forbids)."""
    if entry["rule"] not in (f.rule, f.code):
        return False
    table, indicator = entry.get("table"), entry.get("indicator")
    if table is not None and (f.table is None or _norm(table) not in _norm(f.table)):
        return False
    if indicator is None:
        if f.indicator is not None and not forbid:
            return False  # expected a table-level finding
    elif f.indicator is None or _norm(indicator) not in _norm(f.indicator):
        return False
    level1, level2 = entry.get("level1"), entry.get("level2")
    if level2 is not None:  # a missing 二级
        return _norm(f.level2) == _norm(level2) and (level1 is None or _norm(f.level1) == _norm(level1))
    if level1 is not None:  # a missing 一级: the finding names no 二级
        return _norm(f.level1) == _norm(level1) and f.level2 is None
    return True


def assign(expect: list[dict], findings: list[Finding]) -> list[Finding | None]:
    """For each expect entry, the finding that hits it, or None: as many entries hit as can be,
    no finding hitting two (a maximum bipartite matching, by augmenting paths)."""
    candidates = [[j for j, f in enumerate(findings) if matches(e, f)] for e in expect]
    owner: dict[int, int] = {}  # finding index → entry index

    def place(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(expect)):
        place(i, set())
    hit: list[Finding | None] = [None] * len(expect)
    for j, i in owner.items():
        hit[i] = findings[j]
    return hit


@dataclass
class DocScore:
    document: str
    expected: Counter = field(default_factory=Counter)  # tier → entries
    hits: Counter = field(default_factory=Counter)  # tier → entries hit
    rows: list[tuple[dict, Finding | None]] = field(default_factory=list)  # each expect entry, its finding
    forbidden: list[Finding] = field(default_factory=list)  # findings some forbid entry forbids
    unaudited: list[Finding] = field(default_factory=list)  # findings no entry describes
    findings: int = 0
    forbid_entries: int = 0
    error: str = ""


def score_document(audit: dict, findings: list[Finding], error: str = "") -> DocScore:
    expect, forbid = audit.get("expect") or [], audit.get("forbid") or []
    out = DocScore(audit["file"], findings=len(findings), forbid_entries=len(forbid), error=error)
    for entry, f in zip(expect, assign(expect, findings), strict=True):
        out.expected[entry.get("tier")] += 1
        out.hits[entry.get("tier")] += f is not None
        out.rows.append((entry, f))
    for f in findings:
        if any(matches(e, f, forbid=True) for e in forbid):
            out.forbidden.append(f)
        elif not any(matches(e, f) for e in expect):
            out.unaudited.append(f)
    return out


def find_document(name: str) -> Path | None:
    for folder in DOCUMENT_DIRS:
        if (folder / name).is_file():
            return folder / name
    return next((p for folder in DOCUMENT_DIRS for p in sorted(folder.rglob(name))), None)


def lint(path: Path, run: LintRun) -> tuple[list[Finding], str]:
    """The findings ``indicator-lint check --format json PATH`` reports, and the error if any."""
    result = check_file(run, path)
    return result.findings, result.fatal or result.entry.error or ""


def score(audit_paths: list[Path]) -> list[DocScore]:
    run = LintRun()
    scores = []
    for audit_path in audit_paths:
        for audit in yaml.safe_load(audit_path.read_text(encoding="utf-8"))["documents"]:
            path = find_document(audit["file"])
            findings, error = lint(path, run) if path else ([], "document not found")
            scores.append(score_document(audit, findings, error))
    return scores


def _recall(hits: Counter, expected: Counter) -> str:
    def one(tier: str) -> str:
        n, of = hits[tier], expected[tier]
        return f"{tier} {n}/{of} ({100 * n / of:.1f}%)" if of else f"{tier} 0/0 (-)"

    return "  ".join(one(tier) for tier in TIERS)


def _finding(f: Finding) -> str:
    return f"{f.rule} | {f.table or '-'} | {f.indicator or '-'} | {f.message}"


def totals(scores: list[DocScore]) -> dict:
    expected = sum((s.expected for s in scores), Counter())
    hits = sum((s.hits for s in scores), Counter())
    return {
        "expected": expected,
        "hits": hits,
        "forbidden": sum(len(s.forbidden) for s in scores),
        "forbid_entries": sum(s.forbid_entries for s in scores),
        "findings": sum(s.findings for s in scores),
        "unaudited": sum(len(s.unaudited) for s in scores),
        "documents": len(scores),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "audits", nargs="*", type=Path, help="audit files (default: tests/corpus/audits/*.yaml)"
    )
    parser.add_argument(
        "--show", metavar="PREFIX", help="list every expect entry of the documents starting so"
    )
    args = parser.parse_args()
    scores = score(args.audits or sorted(AUDITS.glob("*.yaml")))
    for s in scores:
        print(
            f"{s.document}: {_recall(s.hits, s.expected)}  forbidden {len(s.forbidden)}  "
            f"in no entry {len(s.unaudited)} of {s.findings}{'  ERROR ' + s.error if s.error else ''}"
        )
        if args.show and s.document.startswith(args.show):
            for entry, f in s.rows:
                where = f"{entry['rule']} | {entry.get('table') or '-'} | {entry.get('indicator') or '-'}"
                levels = " ".join(str(entry[k]) for k in ("level1", "level2") if entry.get(k))
                print(
                    f"    {'hit ' if f else 'MISS'} {entry.get('tier')}: {where}{' | ' + levels if levels else ''}"
                )
            for f in s.unaudited:
                print(f"    in no entry: {_finding(f)}")
    for s in scores:
        for f in s.forbidden:
            print(f"FORBIDDEN {s.document} | {_finding(f)}")
    t = totals(scores)
    hits, expected = t["hits"], t["expected"]
    print(
        f"TOTAL recall: {_recall(hits, expected)}  all {hits.total()}/{expected.total()} "
        f"({100 * hits.total() / max(expected.total(), 1):.1f}%)"
    )
    print(f"TOTAL forbidden hits: {t['forbidden']} (against {t['forbid_entries']} forbid entries)")
    print(f"TOTAL findings: {t['findings']} in {t['documents']} documents, {t['unaudited']} in no entry")


if __name__ == "__main__":
    main()
