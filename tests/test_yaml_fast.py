"""The fast canonical-YAML reader (linter/readers/yaml_fast.py) against the full loader.

Whatever ``load_canonical`` accepts it must read exactly as ``load_yaml_fully`` (libyaml) does: same types, key
order, LineDict positions and every key's and value's mark. Whatever the full loader refuses it
must decline. The expectations of which inputs are accepted are written by hand.
"""

from __future__ import annotations

import itertools
import random
from decimal import Decimal
from pathlib import Path

import pytest

from linter.canonical import to_yaml
from linter.readers import read_path
from linter.readers.yaml_common import LineDict, resolve_plain, scalar_value
from linter.readers.yaml_fast import DECLINED, load_canonical
from linter.readers.yaml_reader import load_yaml_fully

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
HAND_WRITTEN = sorted((Path(__file__).parent / "data" / "yaml").glob("*.yaml"))
RAISES = object()


def full(text: str):
    """The full loader's data, or RAISES."""
    try:
        return load_yaml_fully(text, "t.yaml")  # libyaml's reading, never the fast path
    except Exception:  # noqa: BLE001 — InputError, and whatever else a mutant may provoke
        return RAISES


def assert_same(fast, ref, path="$", marks=True):
    """The same data, of the same types (``True`` is not ``1``, ``Decimal("13.50")`` not ``13.5``),
    and, with ``marks``, the same positions; without, ``ref``'s mappings may be plain dicts."""
    if marks or type(ref) is not dict:
        assert type(fast) is type(ref), f"{path}: {type(fast).__name__} != {type(ref).__name__}"
    else:
        assert isinstance(fast, LineDict), f"{path}: {type(fast).__name__} != LineDict"
    if isinstance(ref, dict):
        if marks:
            assert (fast.line, fast.column) == (ref.line, ref.column), path
            assert list(fast.marks) == list(ref.marks) == list(ref), path
        assert list(fast) == list(ref), path
        for key in ref:
            if marks:
                for mine, theirs in zip(fast.marks[key], ref.marks[key], strict=True):
                    assert (mine.line, mine.column) == (theirs.line, theirs.column), f"{path}.{key}"
            assert_same(fast[key], ref[key], f"{path}.{key}", marks)
    elif isinstance(ref, list):
        assert len(fast) == len(ref), path
        for n, (mine, theirs) in enumerate(zip(fast, ref, strict=True)):
            assert_same(mine, theirs, f"{path}[{n}]", marks)
    else:
        assert fast == ref, f"{path}: {fast!r} != {ref!r}"
        if isinstance(ref, Decimal):
            assert str(fast) == str(ref), path  # the same digits, not just the same number


def check(text: str):
    """load_canonical's answer, after checking it against the full loader."""
    fast = load_canonical(text)
    ref = full(text)
    if ref is RAISES:
        assert fast is DECLINED, f"the full loader refuses {text!r}"
    elif fast is not DECLINED:
        assert_same(fast, ref)
    return fast


def canonical_yaml(path: Path) -> str:
    return to_yaml(read_path(str(path)))


# --------------------------------------------------------------------------- real documents


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_as_canonical_yaml_read_the_same(path):
    text = canonical_yaml(path)
    fast = check(text)
    assert isinstance(fast, LineDict)


def test_hand_written_documents():
    # tree_chinese.yaml is block style throughout; the other two use flow mappings: declined.
    accepted = {p.name for p in HAND_WRITTEN if check(p.read_text(encoding="utf-8")) is not DECLINED}
    assert accepted == {"tree_chinese.yaml"}


_BOOL, _INT, _FLOAT, _NULL, _STR = (f"tag:yaml.org,2002:{t}" for t in ("bool", "int", "float", "null", "str"))

# Plain scalars, their tag and value, written by hand. YAML 1.2's core schema where the code
# follows it; where it does not, as the code reads them (marked *): 1.2 core would read 012 as
# 12, 0x10 as 16, 0o7 as 7, 3. as 3.0, .inf/.nan as floats, and 1_000 as text.
RESOLVED = [
    ("1", _INT, 1),
    ("-1", _INT, -1),
    ("-5", _INT, -5),
    ("+1", _INT, 1),
    ("0", _INT, 0),
    ("-0", _INT, 0),
    ("1_000", _INT, 1000),  # *
    ("012", _STR, "012"),
    ("0x10", _STR, "0x10"),
    ("0o7", _STR, "0o7"),  # *
    ("13.50", _FLOAT, Decimal("13.50")),
    (".5", _FLOAT, Decimal("0.5")),
    ("-.5", _FLOAT, Decimal("-0.5")),
    ("1e3", _FLOAT, Decimal("1E+3")),
    ("1.5e-3", _FLOAT, Decimal("0.0015")),
    ("3.", _STR, "3."),
    (".inf", _STR, ".inf"),
    (".nan", _STR, ".nan"),  # *
    ("1e", _STR, "1e"),
    ("._", _FLOAT, "._"),  # * the float pattern allows "_" after the point; Decimal refuses it: text
    ("true", _BOOL, True),
    ("True", _BOOL, True),
    ("TRUE", _BOOL, True),
    ("false", _BOOL, False),
    ("FALSE", _BOOL, False),
    ("tRue", _STR, "tRue"),
    ("yes", _STR, "yes"),
    ("no", _STR, "no"),
    ("on", _STR, "on"),
    ("~", _NULL, None),
    ("null", _NULL, None),
    ("Null", _NULL, None),
    ("NULL", _NULL, None),
    ("", _NULL, None),
    ("nul", _STR, "nul"),
    ("1:30", _STR, "1:30"),
    ("2024-01-01", _STR, "2024-01-01"),
    ("名", _STR, "名"),
]


@pytest.mark.parametrize("text, tag, value", RESOLVED, ids=[repr(t) for t, _, _ in RESOLVED])
def test_plain_scalars_resolve_as_written_by_hand(text, tag, value):
    assert resolve_plain(text) == tag
    assert_same(scalar_value(tag, text), value, marks=False)
    # and both loaders read the scalar so, as a value and as an item
    document = f"k: {text}\nl:\n- {text}\n".replace(" \n", "\n")
    expected = {"k": value, "l": [value]}
    assert_same(load_yaml_fully(document, "t.yaml"), expected, marks=False)
    assert_same(check(document), expected, marks=False)


# --------------------------------------------------------------------------- crafted, accepted

ACCEPTED = [
    ("key: 'it''s'\n", {"key": "it's"}),
    ("key: 1_000\n", {"key": 1000}),
    ("key: 13.50\n", {"key": Decimal("13.50")}),
    ("key: no\n", {"key": "no"}),
    ("key: ~\n", {"key": None}),
    ("key:\n", {"key": None}),
    ("key: ''\n", {"key": ""}),
    ('key: "双引号, no backslash"\n', {"key": "双引号, no backslash"}),
    (
        "a: true\nb: True\nc: yes\nd: 0x10\ne: 1e3\nf: -5%\ng: 1:30\nh: 2024-01-01\ni: .5\n",
        {
            "a": True,
            "b": True,
            "c": "yes",
            "d": "0x10",
            "e": Decimal("1E+3"),
            "f": "-5%",
            "g": "1:30",
            "h": "2024-01-01",
            "i": Decimal(".5"),
        },
    ),
    (
        "goal: |-\n  第一行\n\n    缩进更多\n  末行\n\n\nnext: 1\n",
        {"goal": "第一行\n\n  缩进更多\n末行", "next": 1},
    ),
    ("goal: |\n  a\n  b\n\n", {"goal": "a\nb\n"}),
    ("goal: |\n  a", {"goal": "a"}),
    ("goal: |-\n\n  after a blank\n", {"goal": "\nafter a blank"}),
    ("goal: |-\n  # not a comment\n  text\n", {"goal": "# not a comment\ntext"}),
    ("items:\n- a\n# between items\n- b\n", {"items": ["a", "b"]}),
    ("items:\n  - a\n  - b\nnext: x\n", {"items": ["a", "b"], "next": "x"}),
    ("items:\n-\n- b\n-\n", {"items": [None, "b", None]}),
    ("items:\n- |-\n  one\n  two\n- b\n", {"items": ["one\ntwo", "b"]}),
    ("名称：全角: “引号”值\n", {"名称：全角": "“引号”值"}),
    (
        "tables:\n- name: 表\n  indicators:\n    产出指标:\n      数量指标:\n      - 人数: 1人\n      - 次数: ≥2次\n",
        {
            "tables": [
                {"name": "表", "indicators": {"产出指标": {"数量指标": [{"人数": "1人"}, {"次数": "≥2次"}]}}}
            ]
        },
    ),
    (
        "tables:\n-   name: wide dash\n    kind: project\n",
        {"tables": [{"name": "wide dash", "kind": "project"}]},
    ),
    ("2024: year\n~: null key\n", {2024: "year", "": "null key"}),
    ("'a: b': quoted key\n\"c\": d\n", {"a: b": "quoted key", "c": "d"}),
    ("a: b#c\nd: b, c]\ne: x ? y\nf: a'b\"c\n", {"a": "b#c", "d": "b, c]", "e": "x ? y", "f": "a'b\"c"}),
    ("a:    spaced\n", {"a": "spaced"}),
    ("# only a comment first\n\n  a: 1\n  b: 2\n", {"a": 1, "b": 2}),
    ("a:\n  b:\n    c: 1\n  d: 2\ne: 3", {"a": {"b": {"c": 1}, "d": 2}, "e": 3}),
    ("a: -5\nb: +1\nc: -.5\nd: 012\ne: -0\n", {"a": -5, "b": 1, "c": Decimal("-0.5"), "d": "012", "e": 0}),
]


@pytest.mark.parametrize("text, expected", ACCEPTED, ids=[t[:24] for t, _ in ACCEPTED])
def test_accepted(text, expected):
    fast = check(text)
    assert fast is not DECLINED
    assert_same(fast, expected, marks=False)


# --------------------------------------------------------------------------- crafted, declined

DECLINED_TEXTS = [
    "a: [1, 2]\n",
    "a: {b: 1}\n",
    "[a]: 1\n",
    "{a: 1}\n",  # flow collections
    "a: &x 1\nb: *x\n",
    "a: *x\n",
    "a: !!str 1\n",
    "a: !tag x\n",  # anchors, aliases, tags
    "%YAML 1.2\n---\na: 1\n",
    "---\na: 1\n",
    "a: 1\n...\n",
    "a: 1\n---\nb: 2\n",  # directives, markers
    'a: "back\\\\slash"\n',
    'a: "x\n  y"\n',  # double-quoted, escapes
    "a: >\n  folded\n",
    "a: |+\n  kept\n",
    "a: |2\n  x\n",
    "a: |-  \n  x\n",  # other block scalars
    "a: |- # c\n  x\n",
    "a: first\n  continued\n",
    "- a\n  b\n",
    "a: 'first\n  second'\n",  # multi-line scalars
    "? a\n: b\n",
    "a:\n  ? b\n",  # complex keys
    "a:\tb\n",
    "a: b\t\n",
    "\ta: b\n",
    "a: |-\n  \tx\n",  # tabs
    "a: b  \n",
    "a: b \nc: d\n",
    "a: |-\n  x \n",  # trailing spaces
    "a: b # comment\n",
    "a: # comment\n",
    "a: 'b' # c\n",  # comments after content
    "a: b: c\n",
    "a: b:\n",
    "a:: b\n",
    "a : b\n",  # colons
    "a: @x\n",
    "a: `x\n",
    "a: %x\n",
    "a: |x\n",
    "a: >x\n",
    "a: ?x\n",
    "a: :x\n",
    "a: ,x\n",
    "a: -\n",
    "a: - x\n",
    "a: #x\n",
    "a: \\x\n",  # indicators first
    "\ufeffa: 1\n",
    "a: 1\r\nb: 2\r\n",
    "a: 1\rb: 2\n",
    "a: x\x85y\n",
    "a: x\u2028y\n",
    "a: \x07\n",
    "a: \x7f\n",  # BOM, CR, breaks, controls
    "",
    "\n\n",
    "# only a comment\n",  # empty documents
    "- a\n- b\n",
    "just text\n",
    "'quoted'\n",
    "|-\n  x\n",  # top level not a mapping
    "a: 1\na: 2\n",
    "1: a\n1.0: b\n",
    "true: a\n1: b\n",
    "~: a\n'': b\n",  # duplicate keys
    "a: 1\n  b: 2\n",
    "a:\n  - b\n  c: d\n",
    "a: b\n- c\n",
    "a:\n    b: 1\n  c: 2\n",
    "a:\n- - b\n",
    "a:\n  |-\n  x\n",
    "a:\n  plain below\n",  # misaligned, nested forms
    "a: |-\n\nb: 1\n",
    "a: |-\nb: 1\n",
    "a: |\n",  # empty literal blocks
    "k" * 1001 + ": v\n",
    "k" * 1030 + ": v\n",  # over-long key
]


@pytest.mark.parametrize("text", DECLINED_TEXTS, ids=[repr(t[:24]) for t in DECLINED_TEXTS])
def test_declined(text):
    assert check(text) is DECLINED


def test_declined_result_is_falsy_and_named():
    assert not DECLINED and repr(DECLINED) == "DECLINED"


# --------------------------------------------------------------------------- mutants

MUTATION_CHARS = "#'\":-?|>&*!{}[],%@\t \n\\~0._"


def _snippets() -> list[str]:
    """Small documents cut from the examples' canonical YAML: the head and one table (its first 40
    lines), so that a few thousand full loads stay quick."""
    out = []
    for path in EXAMPLES:
        lines = canonical_yaml(path).splitlines(keepends=True)
        start = lines.index("tables:\n") + 1
        head = lines[:start]
        bounds = [n for n in range(start, len(lines)) if lines[n].startswith("- ")] + [len(lines)]
        for a, b in itertools.pairwise(bounds):
            out.append("".join(head + lines[a : min(b, a + 40)]))
    return out


def test_mutants_are_declined_or_read_the_same():
    rng = random.Random(20240611)
    snippets = _snippets()
    counts = {"accepted": 0, "declined": 0, "full loader refuses": 0}
    for _ in range(3000):
        text = rng.choice(snippets)
        for _ in range(rng.choice((1, 1, 1, 2))):
            pos = rng.randrange(len(text) + 1)
            op = rng.randrange(3)
            char = rng.choice(MUTATION_CHARS)
            if op == 0:
                text = text[:pos] + char + text[pos:]
            elif op == 1:
                text = text[:pos] + text[pos + 1 :]
            else:
                text = text[:pos] + char + text[pos + 1 :]
        ref = full(text)
        fast = load_canonical(text)
        if ref is RAISES:
            counts["full loader refuses"] += 1
            assert fast is DECLINED, text
        elif fast is not DECLINED:
            assert_same(fast, ref)
        counts["accepted" if fast is not DECLINED else "declined"] += 1
    print(counts)
    # Most mutants land in text and stay readable; the rest must exercise both answers.
    assert counts["accepted"] > 1000 and counts["declined"] > 300 and counts["full loader refuses"] > 100


def test_deep_nesting_is_left_to_the_full_loader():
    deep = "".join(" " * (2 * n) + f"k{n}:\n" for n in range(150)) + " " * 300 + "leaf: 1\n"
    assert check(deep) is DECLINED
    shallow = "".join(" " * (2 * n) + f"k{n}:\n" for n in range(50)) + " " * 100 + "leaf: 1\n"
    assert check(shallow) is not DECLINED
