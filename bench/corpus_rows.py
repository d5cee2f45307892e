"""Score the readers on real published documents: what is read against what a person reads.

    python bench/corpus_rows.py               # a line per document, then the totals
    python bench/corpus_rows.py --show a07    # every row of the documents whose name starts a07

Each ``tests/corpus/<name>.txt`` has a hand-written ``<name>.expected.yaml`` (format in
``tests/corpus/EXPECTED.md``). The indicator rows read from the document are paired with the
expected ones in document order (first by equal names, then by the most alike names among
those left between two such pairs); a pair is **exact** when name, value and normalised 二级
all agree, **wrong** otherwise. Expected rows left unpaired are **missed**, read rows left
unpaired **invented**. Texts are compared in NFKC form without white space, so a full-width
``％`` or a space inside a name does not count as a difference.

Prints figures; ``tests/test_corpus.py`` asserts the totals (not row by row, so that improving
one layout never means rewriting the expected files of another).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.readers import InputError, read_path  # noqa: E402  (after the path is set)

CORPUS = ROOT / "tests" / "corpus"
_SPACE = re.compile(r"\s+")
SIMILAR = 0.5  # names at least this alike (difflib ratio) are the same row read wrongly


def key(text: object) -> str:
    """The form two texts are compared in."""
    if text is None:
        return ""
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(text)))


@dataclass(frozen=True)
class Row:
    name: str
    value: str
    level2: str
    table: str = ""

    def shown(self) -> str:
        return f"{self.level2 or '-'} | {self.name} | {self.value}"


@dataclass
class Score:
    document: str
    expected: int = 0
    exact: int = 0
    wrong: int = 0
    missed: int = 0
    invented: int = 0
    tables: int = 0
    error: str = ""
    pairs: list[tuple[Row | None, Row | None, str]] = field(default_factory=list)


def expected_rows(expected: dict) -> list[Row]:
    return [
        Row(key(i.get("name")), key(i.get("value")), key(i.get("level2")), key(t.get("name")))
        for t in expected.get("tables") or []
        for i in t.get("indicators") or []
    ]


def read_rows(path: Path) -> tuple[list[Row], int, str]:
    try:
        doc = read_path(path)
    except InputError as exc:
        return [], 0, str(exc)
    rows = [
        Row(key(i.name), key(i.value_text), key(i.level2), key(t.name))
        for t in doc.tables
        for i in t.indicators
    ]
    return rows, len(doc.tables), ""


def pair(expected: list[Row], read: list[Row]) -> list[tuple[Row | None, Row | None]]:
    """Expected and read rows paired in document order; None where one side has no partner."""
    out: list[tuple[Row | None, Row | None]] = []
    matcher = difflib.SequenceMatcher(
        None, [r.name for r in expected], [r.name for r in read], autojunk=False
    )
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            out.extend(zip(expected[a0:a1], read[b0:b1], strict=True))
        else:
            out.extend(_pair_alike(expected[a0:a1], read[b0:b1]))
    return out


def _pair_alike(expected: list[Row], read: list[Row]) -> list[tuple[Row | None, Row | None]]:
    """Between two runs of equal names: pair the most alike names, keeping both orders."""
    out: list[tuple[Row | None, Row | None]] = []
    j = 0
    for row in expected:
        best, best_ratio = None, SIMILAR
        for k in range(j, len(read)):
            ratio = difflib.SequenceMatcher(None, row.name, read[k].name).ratio()
            if ratio >= best_ratio:
                best, best_ratio = k, ratio
        if best is None:
            out.append((row, None))
            continue
        out.extend((None, r) for r in read[j:best])
        out.append((row, read[best]))
        j = best + 1
    out.extend((None, r) for r in read[j:])
    return out


def score(name: str) -> Score:
    expected = yaml.safe_load((CORPUS / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    want = expected_rows(expected)
    got, tables, error = read_rows(CORPUS / f"{name}.txt")
    result = Score(name, expected=len(want), tables=tables, error=error)
    for e, r in pair(want, got):
        if r is None:
            result.missed += 1
            verdict = "missed"
        elif e is None:
            result.invented += 1
            verdict = "invented"
        elif (e.name, e.value, e.level2) == (r.name, r.value, r.level2):
            result.exact += 1
            verdict = "exact"
        else:
            result.wrong += 1
            verdict = "wrong"
        result.pairs.append((e, r, verdict))
    return result


def documents() -> list[str]:
    return sorted(p.name.removesuffix(".expected.yaml") for p in CORPUS.glob("*.expected.yaml"))


def score_all() -> list[Score]:
    return [score(name) for name in documents()]


def totals(scores: list[Score]) -> dict[str, int]:
    out = {
        k: sum(getattr(s, k) for s in scores) for k in ("expected", "exact", "wrong", "missed", "invented")
    }
    out["documents"] = len(scores)
    out["no_table"] = sum(1 for s in scores if s.expected and not s.tables)
    return out


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", metavar="PREFIX", help="print every row of the documents starting so")
    args = parser.parse_args()
    scores = score_all()
    print(f"{'document':58} {'expected':>8} {'exact':>6} {'wrong':>6} {'missed':>6} {'invented':>8} tables")
    for s in scores:
        print(
            f"{s.document[:58]:58} {s.expected:8} {s.exact:6} {s.wrong:6} {s.missed:6} {s.invented:8} "
            f"{s.tables:6}{'  ' + s.error if s.error else ''}"
        )
        if args.show and s.document.startswith(args.show):
            for e, r, verdict in s.pairs:
                if verdict == "exact":
                    print(f"    ok       {e.shown()}")
                    continue
                print(f"    {verdict:8} want {e.shown() if e else '—'}")
                print(f"    {'':8} read {r.shown() if r else '—'}")
    t = totals(scores)
    print()
    print(
        f"rows: {t['expected']} expected, {t['exact']} exact ({_percent(t['exact'], t['expected'])}), "
        f"{t['wrong']} wrong, {t['missed']} missed, {t['invented']} invented "
        f"({_percent(t['invented'], t['expected'])} of expected)"
    )
    print(f"documents: {t['documents']}, {t['no_table']} with rows expected and no table read")


if __name__ == "__main__":
    main()
