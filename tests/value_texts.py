"""What the value-parser tests compare on, and the readings compared (test_values_lalr.py,
test_values_fast.py).

The grammar (grammar/value.lark, built by Lark) is the authority. Texts: every value, period
value and name of the corpus and the examples as the readers read them, every text written in
the value tests, every word of the fast path's vocabulary in every slot (``vocabulary_texts``).
"""

import ast
import itertools
from functools import cache
from pathlib import Path

from linter.values import fast, lalr_tables, parser
from linter.values.lalr import TableParser
from linter.values.lalr_build import lark_parser
from linter.values.transform import ValueTransformer

ROOT = Path(__file__).resolve().parent.parent
TRANSFORMER = ValueTransformer()
LARK = lark_parser(transformer=TRANSFORMER)
TABLES = TableParser(lalr_tables, TRANSFORMER)
FAST = fast.FastPath(TRANSFORMER, lalr_tables.WORDS)
GRADES = FAST.grades
ADVERBS = lalr_tables.WORDS["ADVERB"]
VERBS = lalr_tables.WORDS["DIR_UP"] + lalr_tables.WORDS["DIR_DOWN"] + lalr_tables.WORDS["DIR_STEADY"]
# Characters of the grammar's words and numbers, for generated text.
ALPHABET = "".join(
    sorted(
        set("".join(fast.UNIT_WORDS | fast.PREFIXES | fast.SUFFIXES | GRADES | set(ADVERBS) | set(VERBS)))
        | set("0123456789.,%~-/*× 年月日号底末初前内度第一季上下半中旬之以")
    )
)


def _result(read, core):
    """What ``read(core)`` gives: the value's repr (Decimals keep their digits there), or None
    when it refuses the text (any exception, as in parser._parse_core)."""
    try:
        return repr(read(core))
    except Exception:  # noqa: BLE001
        return None


@cache
def grammar(core):
    """Lark's reading of ``core``: the authority."""
    return _result(LARK.parse, core)


def tables(core):
    """The generated tables' reading of ``core`` (lalr.TableParser)."""
    return _result(TABLES.parse, core)


def fast_path(core):
    """The fast path's value, or None when it does not claim the text (or raises: then the grammar
    reads it)."""
    try:
        value = FAST.read(core)
    except Exception:  # noqa: BLE001
        return None
    return None if value is None else repr(value)


@cache
def read_texts() -> tuple[str, ...]:
    """Values, period values and names of the corpus and the examples, as the readers read them."""
    from linter.readers import InputError, read_path

    seen: dict[str, None] = {}
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt")):
        try:
            doc = read_path(path)
        except InputError:
            continue
        for table in doc.tables:
            for ind in table.indicators:
                for text in (ind.value_text, ind.period_value_text, ind.name):
                    if text:
                        seen[text] = None
    return tuple(seen)


@cache
def value_test_texts() -> tuple[str, ...]:
    """Every string written in the value tests (their parametrised values above all)."""
    seen: dict[str, None] = {}
    for path in sorted((ROOT / "tests").glob("test_values_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and 0 < len(node.value) <= 60:
                seen[node.value] = None
    return tuple(seen)


def vocabulary_texts() -> list[str]:
    """Each slot of the fast path's shapes filled with each of its words, beside the others."""
    numbers = ["12", "0", "3.5", "12.50", "2024.01", "2025", "1 万", "3.2万", "5亿", "007", "2101"]
    units = sorted(fast.UNIT_WORDS) + list(fast.YEAR_WORDS)
    prefixes = [""] + sorted(fast.PREFIXES)
    suffixes = [""] + sorted(fast.SUFFIXES)
    texts = [
        f"{n}{u}{s}"
        for n, u, s in itertools.product(["12", "3.5 万", "2024.01", "2025"], [""] + units, suffixes)
    ]
    texts += [
        f"{p}{n}{u}{s}"
        for p, n, u, s in itertools.product(prefixes, ["95", "2025"], ["", "%", "年", "万元", "天"], suffixes)
    ]
    texts += [f"{p} {n} {u}" for p, n, u in itertools.product(prefixes[:8], numbers, units)]
    texts += [
        f"{n}{m}{u}"
        for n, m, u in itertools.product(
            numbers,
            ["", "万", "亿", " 万", "千", "余"],
            ["", "%", "元", "亩", "年", "年度", "千米", "比例", "万亩", "亿元"],
        )
    ]
    months = [
        "",
        "1月",
        "12月",
        "13月",
        "0月",
        "01月",
        "2 月份",
        "12月31日",
        "2月30日",
        "1月32日",
        "1月1号",
        "5月 6 日",
    ]
    parts = (
        [""]
        + sorted(set(fast.DATE_PARTS_OF_YEAR) | set(fast.DATE_PARTS_OF_MONTH))
        + ["年内", "内", "第一季度"]
    )
    befores = ["", *fast.BEFORE_WORDS, "内完成", "完成", "止"]
    texts += [
        f"{y}年{m}{p}{b}"
        for y, m, p, b in itertools.product(["2025", "1899", "0000", "2025 "], months, parts, befores)
    ]
    texts += [f"{y}年度{p}" for y, p in itertools.product(["2025", "2101"], parts)]
    texts += sorted(GRADES) + [
        f"{g}{s}" for g in sorted(GRADES) for s in ("以上", "及以上", "率", "的", " 提高")
    ]
    # every pair of direction words (and a word with what may follow it); longer runs, sampled
    words = ADVERBS + VERBS
    texts += [f"{a}{b}" for a, b in itertools.product(words, words + ("", "5%", "以上", "工作"))]
    texts += [
        f"{a}{b}{c}" for a, b, c in itertools.product(ADVERBS[::5], ADVERBS[1::6], VERBS[::2] + ADVERBS[::9])
    ]
    texts += [
        f"{a}{b}{c}" for a, b, c in itertools.product(VERBS[::3], ADVERBS[::5] + VERBS[::9], ADVERBS[1::7])
    ]
    texts += [
        f"{a}{b}{c}{d}"
        for a, b, c, d in itertools.product(
            ADVERBS[2::9], ADVERBS[::11], VERBS[::7], ADVERBS[::6] + ("", "5%")
        )
    ]
    texts += [
        f"{a}{b}{c}{d}{e}"
        for a, b, c, d, e in itertools.product(
            ADVERBS[::13], ADVERBS[1::17], ADVERBS[2::19], ADVERBS[3::23], VERBS[::11] + ("",)
        )
    ]
    return texts


def all_texts() -> list[str]:
    return list(dict.fromkeys([*read_texts(), *value_test_texts(), *vocabulary_texts()]))


def cores(texts) -> list[str]:
    """The distinct non-empty texts the parser is given of ``texts`` (folded, trimmed)."""
    return [c for c in dict.fromkeys(parser._trim(t)[0] for t in texts) if c]
