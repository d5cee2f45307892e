"""The checks' shortcuts skip work only where the full path finds nothing: a name with no
character an amount can start with holds no quantity (checks/name_value.py), and a line whose
every colon has a value after it holds no blank field (checks/blank_fields.py)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from value_texts import ALPHABET, all_texts

from linter.checks import blank_fields, name_value
from linter.values import parse_uncached
from linter.values.types import Quantity, Text


def _parsed_quantities(name):
    """What the grammar finds in ``name``, without the shortcut (name_quantities before it)."""
    value = parse_uncached(name)
    found = (
        list(value.quantities) if isinstance(value, Text) else [value] if isinstance(value, Quantity) else []
    )
    return [q for q in found if q.unit_kind != "other" and not (q is value and value.noun)]


def _skipped(name):
    return name_value._AMOUNT_START.search(name_value.fold(name)) is None


def test_a_name_skipped_holds_no_quantity_the_grammar_finds():
    texts = all_texts()
    skipped = [t for t in texts if _skipped(t)]
    assert len(skipped) > 1000  # the corpus's names mostly
    assert [t for t in skipped if _parsed_quantities(t)] == []


def test_names_with_a_numeral_in_any_script_are_still_parsed():
    for name in ["培训100人次", "培训１００人次", "三萬人受益", "百分之九十覆盖", "半年一次"]:
        assert not _skipped(name), name
    expected = {"专家指导两次": [(2, "次")], "覆盖三萬人": [(30000, "人")], "培训１００人次": [(100, "人次")]}
    for name, quantities in expected.items():  # (written by hand)
        assert [(q.number, q.unit) for q in name_value.name_quantities(name)] == quantities, name


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=ALPHABET + "萬億兩壹〇零亿", min_size=1, max_size=14))
def test_generated_names_skipped_hold_no_quantity(text):
    if _skipped(text):
        assert _parsed_quantities(text) == [], text


def _colon_candidate_by_the_loop(line):
    """Whether any colon of ``line`` gets past the first test of _colon_blanks' loop."""
    for colon in blank_fields._COLON.finditer(line):
        rest = line[colon.end() :].strip()
        if not rest or blank_fields._NEXT_LABEL.match(rest):
            return True
    return False


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab项目名称:：| \t\u3000\xa0\x1c)(", max_size=30))
def test_the_colon_search_passes_every_line_the_loop_would_look_at(line):
    line = line.splitlines()[0] if line.splitlines() else ""
    assert (blank_fields._BLANK_COLON.search(line) is not None) == _colon_candidate_by_the_loop(line)


def test_a_blank_field_is_still_found():
    found = blank_fields._colon_blanks(
        "项目名称:", blank_fields._labels(("项目名称",)), lambda: "主管部门: 某局"
    )
    assert found == [(1, "项目名称")]
    followed = blank_fields._colon_blanks(
        "项目名称: 主管部门: 某局", blank_fields._labels(("项目名称",)), lambda: "实施单位: 某局"
    )
    assert followed == [(1, "项目名称")]
