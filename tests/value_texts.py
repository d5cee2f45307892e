"""What the value-parser tests compare on, and the readings compared (test_values_lalr.py,
test_values_fast.py).

The grammar (grammar/value.lark, built by Lark) is the authority. Texts: every value, period
value and name of the corpus and the examples as the readers read them, every text written in
the value tests.
"""

import ast
from functools import cache
from pathlib import Path

from linter.values import lalr_tables, parser
from linter.values.lalr import TableParser
from linter.values.lalr_build import lark_parser
from linter.values.transform import _APPROX, _CMP, _SUFFIX_CMP, ValueTransformer
from linter.values.units import UNITS

ROOT = Path(__file__).resolve().parent.parent
TRANSFORMER = ValueTransformer()
LARK = lark_parser(transformer=TRANSFORMER)
TABLES = TableParser(lalr_tables, TRANSFORMER)
GRADES = frozenset(lalr_tables.GRADE_WORDS)
# Characters of the grammar's words and numbers, for generated text.
ALPHABET = "".join(sorted(set("".join(set(UNITS) | set(_CMP) | _APPROX | set(_SUFFIX_CMP) | GRADES))
                          | set("0123456789.,%~-/*× 年月日号底末初前内度第一季上下半中旬之以")))


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


def all_texts() -> list[str]:
    return list(dict.fromkeys([*read_texts(), *value_test_texts()]))


def cores(texts) -> list[str]:
    """The distinct non-empty texts the parser is given of ``texts`` (folded, trimmed)."""
    return [c for c in dict.fromkeys(parser._trim(t)[0] for t in texts) if c]
