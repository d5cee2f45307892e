"""The value parser without Lark: the generated tables (linter/values/lalr_tables.py) are those of
the current grammar, and the parser run from them (linter/values/lalr.py) reads what Lark's does."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from value_texts import ALPHABET, ROOT, all_texts, cores, grammar, read_texts, tables, value_test_texts

from linter.values import lalr_tables, parser
from linter.values.lalr import TableParser
from linter.values.lalr_build import tables_source


def test_the_tables_are_generated_from_the_current_grammar():
    """Run ``python -m linter.values.lalr_build`` after changing grammar/value.lark."""
    shipped = (ROOT / "linter" / "values" / "lalr_tables.py").read_text(encoding="utf-8")
    assert shipped == tables_source(), "stale: run python -m linter.values.lalr_build"


def test_the_package_parser_runs_from_the_tables():
    assert isinstance(parser._get_parser(), TableParser)


@pytest.mark.slow
def test_the_tables_read_what_lark_reads():
    texts = cores(all_texts())
    differ = [(c, grammar(c), table) for c in texts if grammar(c) != (table := tables(c))]
    assert not differ, differ[:5]
    assert sum(grammar(c) is not None for c in texts) > len(texts) / 3  # not only refusals compared


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=12))
def test_the_tables_read_what_lark_reads_on_generated_text(text):
    core = parser._trim(text)[0]
    assert tables(core) == grammar(core), core


def _parse_all(texts):
    from linter.values.scan import find_quantities

    find_quantities.cache_clear()  # Text values hold quantities found by parsing again
    return [repr(parser.parse_value(t)) for t in texts]


def test_values_are_the_same_with_lark_alone(monkeypatch):
    """parse_value as shipped against parse_value as it is when grammar/value.lark no longer matches
    the tables: Lark builds the parser from the file."""
    texts = list(dict.fromkeys([*read_texts(), *value_test_texts()]))
    shipped = _parse_all(texts)
    for name in ("_first_token", "_fast"):
        monkeypatch.setattr(parser, name, getattr(parser, name))  # all put back afterwards
    monkeypatch.setattr(parser, "_parser", None)
    monkeypatch.setattr(lalr_tables, "GRAMMAR_CRC", -1)
    assert not isinstance(parser._get_parser(), TableParser)
    with_lark = _parse_all(texts)
    differ = [(t, a, b) for t, a, b in zip(texts, with_lark, shipped, strict=True) if a != b]
    assert not differ, differ[:5]
