"""The fast path (linter/values/fast.py) gives what the grammar gives on every value it claims:
the corpus and the examples, the value tests' texts, every word of its vocabulary in every slot,
generated text and generated quantities (value_texts.py)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from value_texts import ALPHABET, all_texts, cores, fast_path, grammar, read_texts

from linter.values import fast, parser


@pytest.mark.slow
def test_the_fast_path_gives_what_the_grammar_gives():
    texts = cores(all_texts())
    claims = {c: claim for c in texts if (claim := fast_path(c)) is not None}
    differ = [(c, grammar(c), claim) for c, claim in claims.items() if claim != grammar(c)]
    assert not differ, differ[:5]
    assert len(claims) > 10_000  # the vocabulary: every slot with every word


def test_the_fast_path_reads_most_real_values():
    values = cores(read_texts())
    claimed = [c for c in values if fast_path(c) is not None]
    assert len(claimed) > 0.5 * sum(grammar(c) is not None for c in values)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=12))
def test_the_fast_path_gives_what_the_grammar_gives_on_generated_text(text):
    core = parser._trim(text)[0]
    claim = fast_path(core)
    if claim is not None:
        assert claim == grammar(core), core


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(sorted(fast.PREFIXES) + [""]),
    st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(["", " ", "万", " 万", "亿"]),
    st.sampled_from(sorted(fast.UNIT_WORDS) + list(fast.YEAR_WORDS) + [""]),
    st.sampled_from(sorted(fast.SUFFIXES) + [""]),
)
def test_the_fast_path_on_generated_quantities(prefix, number, magnitude, unit, suffix):
    core = parser._trim(f"{prefix}{number}{magnitude}{unit}{suffix}")[0]
    claim = fast_path(core)
    if claim is not None:
        assert claim == grammar(core), core
