"""The value grammar: vocabulary from issue 2, consistency of its word lists, and robustness."""

import json
import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.resources import data_dir
from linter.values import parse, split_name_value
from linter.values.parser import parse_value as parse_fresh  # bypasses parse()'s cache
from linter.values.types import Quantity
from linter.values.units import UNITS

GRAMMAR = (data_dir("grammar") / "value.lark").read_text(encoding="utf-8")


def terminal_words(name: str) -> set[str]:
    """The string alternatives of one terminal of grammar/value.lark."""
    block = re.search(rf"^{name}(?:\.\d+)?:(.*?)(?=^\S|\Z)", GRAMMAR, re.S | re.M).group(1)
    return set(re.findall(r'"([^"]+)"', block))


# ---- vocabulary -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "comparator"),
    [
        ("≥95%", "≥"),
        ("≤95%", "≤"),
        (">95%", ">"),
        ("<95%", "<"),
        ("=95%", "="),
        ("≧95%", "≥"),
        ("≦95%", "≤"),
        ("＞95%", ">"),
        ("＜95%", "<"),
        ("＝95%", "="),
        (">=95%", "≥"),
        ("<=95%", "≤"),
        ("大于等于95%", "≥"),
        ("不低于95%", "≥"),
        ("不少于95%", "≥"),
        ("至少95%", "≥"),
        ("达到95%", "≥"),
        ("高于95%", ">"),
        ("超过95%", ">"),
        ("小于等于5%", "≤"),
        ("不高于5%", "≤"),
        ("不超过5%", "≤"),
        ("不大于5%", "≤"),
        ("低于5%", "<"),
        ("5%以内", "≤"),
        ("5%以下", "≤"),
        ("95%以上", "≥"),
        ("95%及以上", "≥"),
        ("控制在5%以内", "≤"),
        ("≥ 95 %", "≥"),
    ],
)
def test_comparators_as_symbols_full_width_and_words(raw, comparator):
    v = parse(raw)
    assert v.kind == "quantity" and v.comparator == comparator and v.unit == "%"


def test_open_ended_and_approximate_flags():
    assert parse("95%以上").open_ended
    assert parse("约95%").approximate
    assert parse("95%左右").approximate
    assert parse("5万余份").approximate and parse("5万余份").number == Decimal(50000)


@pytest.mark.parametrize(
    ("raw", "number", "unit"),
    [
        ("１２次", "12", "次"),
        ("９５％", "95", "%"),
        ("（约）", None, None),
        ("9,674,500.00元", "9674500", "元"),
        ("95百分比", "95", "%"),
        ("一次", "1", "次"),
        ("两次", "2", "次"),
        ("十二个月", "12", "个月"),
        ("百分之九十五", "95", "%"),
        ("三万人", "30000", "人"),
        ("12次。", "12", "次"),
        ("12次；", "12", "次"),
        ("12次、", "12", "次"),
        ("12次，", "12", "次"),
        ("0.7万元", "7000", "元"),
        ("2亿元", "200000000", "元"),
        ("50㎡", "50", "平方米"),
        ("3公里", "3000", "米"),
        ("2吨", "2000", "千克"),
        ("30亩", "30", "亩"),
        ("5 km", "5000", "米"),
        ("100平方米", "100", "平方米"),
        ("3个工作日", "3", "工作日"),
        ("2季度", "2", "季度"),
    ],
)
def test_numbers_units_and_folding(raw, number, unit):
    v = parse(raw)
    if number is None:
        assert v.kind == "text"
        return
    assert v.number == Decimal(number) and v.unit == unit


def test_count_units_from_the_issue_all_parse():
    for unit in (
        "次 场 场次 人 人次 名 家 个 条 支 辆 页 份 户 期 台 件 套 篇 部 项 所 座 处 批 亩 公里 km 米 M ㎡ "
        "平方米 吨 元 万元 亿元 % 小时 分钟 天 日 工作日 个月 年 季度"
    ).split():
        v = parse(f"≥3{unit}")
        assert v.kind in ("quantity", "duration"), unit
        assert v.written_unit == unit, unit


@pytest.mark.parametrize(
    ("raw", "per_unit"), [("2746元/人", "人"), ("10元/每户", "户"), ("300元/人·月", "人·月")]
)
def test_per_unit_denominators(raw, per_unit):
    v = parse(raw)
    assert v.unit_kind == "money" and v.per_unit == per_unit


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        ("2025年底", {"year": 2025, "part": "end"}),
        ("11月底前", {"year": None, "month": 11, "part": "end", "before": True}),
        ("2019年12月", {"year": 2019, "month": 12}),
        ("**月**日前", {"placeholder": True, "before": True}),
        ("2025年12月31日前", {"year": 2025, "month": 12, "day": 31, "before": True}),
        ("2025年上半年", {"year": 2025, "part": "first_half"}),
    ],
)
def test_dates(raw, fields):
    v = parse(raw)
    assert v.kind == "date"
    for k, want in fields.items():
        assert getattr(v, k) == want


def test_impossible_dates_are_text():
    assert parse("2025年13月").kind == "text"
    assert parse("2025年2月40日").kind == "text"


@pytest.mark.parametrize(
    ("raw", "result"), [("3*300", "900"), ("2746×3×12", "98856"), ("2746×3×12元", "98856")]
)
def test_expressions_are_evaluated(raw, result):
    v = parse(raw)
    assert v.kind == "expression" and v.result == Decimal(result)


def test_bare_numbers_are_their_own_kind():
    assert parse("4").kind == "number"
    assert parse("≥0").comparator == "≥"


@pytest.mark.parametrize(
    ("cell", "name", "value"),
    [
        ("业务工作经费1万元", "业务工作经费", "1万元"),
        ("法制培训全年三次2万元。", "法制培训全年三次", "2万元。"),
        ("农村住房保险补贴户数 3.2 万户", "农村住房保险补贴户数", "3.2 万户"),
        ("安全事故应急预案健全性 健全", "安全事故应急预案健全性", "健全"),
        ("2023年01月--12月 ≥12个月", "2023年01月--12月", "≥12个月"),
        ("每人每年300元 3*300", "每人每年300元", "3*300"),
        ("群众依法维权次数提升 ≥2022年依法维权次数", "群众依法维权次数提升", "≥2022年依法维权次数"),
        ("培训项目2", "培训项目2", ""),
        ("服务对象满意度指标", "服务对象满意度指标", ""),
    ],
)
def test_split_name_value(cell, name, value):
    assert split_name_value(cell) == (name, value)


# ---- the grammar's word lists -----------------------------------------------------------------


def test_unit_table_matches_the_grammar():
    # 年 and 日 are terminals of their own (dates need them); 月 only follows a slash (元/人·月)
    assert terminal_words("UNIT") | {"年", "日"} == set(UNITS) - {"月"}


def test_direction_classes_never_begin_each_others_words():
    classes = {name: terminal_words(name) for name in ("DIR_UP", "DIR_DOWN", "DIR_STEADY", "ADVERB")}
    for a, words_a in classes.items():
        for b, words_b in classes.items():
            if a != b:
                clashes = [(x, y) for x in words_a for y in words_b if y.startswith(x)]
                assert not clashes, (a, b, clashes)


# ---- robustness -------------------------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_parses_without_raising(text):
    value = parse_fresh(text)
    assert value.raw == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.,万亿个次人%≥≤约以上元/每年月底前-~至 ", max_size=16))
def test_value_shaped_noise_parses_without_raising(text):
    assert parse_fresh(text).raw == text


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["", "≥", "≤", ">", "<", "约"]),
    st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(["%", "次", "人", "万元", "元", "个月", "小时", "万户", "家", "元/人"]),
)
def test_canonical_text_reparses_to_the_same_quantity(cmp, number, unit):
    first = parse_fresh(f"{cmp}{number}{unit}")
    assert isinstance(first, Quantity)
    again = parse_fresh(first.canonical())
    assert (again.comparator, again.number, again.unit, again.per_unit, again.approximate) == (
        first.comparator,
        first.number,
        first.unit,
        first.per_unit,
        first.approximate,
    )


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**12, places=4, allow_nan=False, allow_infinity=False))
def test_numbers_never_lose_digits(number):
    v = parse_fresh(f"{number}次")
    assert v.written_number == number and v.number == number


def test_a_huge_cell_is_text_in_bounded_time():
    cell = "提高" + "安全生产水平，" * 15000  # about 100 KB
    started = time.perf_counter()
    value = parse_fresh(cell)
    assert value.kind == "text"
    assert time.perf_counter() - started < 2.0


# ---- the parse command ------------------------------------------------------------------------


def test_parse_command_prints_json_per_value(cli):
    result = cli("parse", "--format", "json", "≥95%", "3.2万户")
    assert result.exit_code == 0
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert (first["kind"], first["comparator"], first["number"], first["unit"]) == (
        "quantity",
        "≥",
        "95",
        "%",
    )
    assert (second["number"], second["written_unit"]) == ("32000", "万户")


def test_parse_command_readable_line(cli):
    result = cli("parse", "约650-714家")
    assert result.exit_code == 0
    assert "range" in result.output and "low=650" in result.output and "high=714" in result.output


# ---- shapes from the wider family of real tables ------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "comparator", "number", "unit", "per_unit"),
    [
        ("每季度1次", None, "1", "次", "季度"),
        ("每月不少于2次", "≥", "2", "次", "月"),
        ("每年1次", None, "1", "次", "年"),
        ("1次/年", None, "1", "次", "年"),
        ("1000元/人/年", None, "1000", "元", "人·年"),
    ],
)
def test_frequencies(raw, comparator, number, unit, per_unit):
    v = parse(raw)
    assert (v.comparator, v.number, v.unit, v.per_unit) == (comparator, Decimal(number), unit, per_unit)


@pytest.mark.parametrize(
    ("raw", "comparator", "number", "change"),
    [
        ("同比增长5%", None, "5", "up"),
        ("较上年提高10%", None, "10", "up"),
        ("降低5%", None, "5", "down"),
        ("下降到3%以下", "≤", "3", None),
        ("提高至95%", "≥", "95", None),
    ],
)
def test_changes_and_levels_after_a_direction_word(raw, comparator, number, change):
    v = parse(raw)
    assert v.kind == "quantity"
    assert (v.comparator, v.number, v.change) == (comparator, Decimal(number), change)


@pytest.mark.parametrize(
    ("raw", "fields"),
    [
        ("2025-12-31", {"year": 2025, "month": 12, "day": 31}),
        ("2025.12.31", {"year": 2025, "month": 12, "day": 31}),
        ("2025/6/30前", {"year": 2025, "month": 6, "day": 30, "before": True}),
        ("2025.12", {"year": 2025, "month": 12, "day": None}),
        ("年底前", {"year": None, "part": "end", "before": True}),
    ],
)
def test_more_date_shapes(raw, fields):
    v = parse(raw)
    assert v.kind == "date"
    for k, want in fields.items():
        assert getattr(v, k) == want


@pytest.mark.parametrize("raw", ["1-2次", "95%-100%", "3—5天"])
def test_ranges_with_units(raw):
    assert parse(raw).kind == "range"


def test_a_broken_grammar_fails_loudly(monkeypatch, tmp_path):
    from linter.values import parser

    (tmp_path / "value.lark").write_text("start: ]\n", encoding="utf-8")
    monkeypatch.setattr(parser, "_parser", None)
    monkeypatch.setattr("linter.resources.data_dir", lambda name: tmp_path)
    from lark.exceptions import LarkError

    with pytest.raises(LarkError):  # the grammar's own error, not a value quietly read as Text
        parser.parse_value("12次")
    monkeypatch.setattr(parser, "_parser", None)


def test_a_magnitude_on_the_high_end_of_a_range_applies_to_both():
    v = parse("8-12万元")
    assert (v.low, v.high, v.unit) == (Decimal(80000), Decimal(120000), "元")


def test_quantities_in_text_keep_a_monthly_per_unit():
    v = parse("补助标准2746元/人·月，共3人")
    assert next((q.number, q.per_unit) for q in v.quantities) == (Decimal(2746), "人·月")


def test_the_transformer_knows_every_word_the_grammar_lets_through():
    # A word added to the grammar only would reach the transformer as a KeyError, which the parser
    # turns into Text: the value would silently stop being read.
    from linter.values import transform

    assert terminal_words("CMP") | terminal_words("CMP_WORD") <= set(transform._CMP)
    assert terminal_words("APPROX") | terminal_words("APPROX_TAIL") <= transform._APPROX
    assert {w.replace("(含)", "") for w in terminal_words("CMP_SUFFIX")} <= set(transform._SUFFIX_CMP)
    assert terminal_words("DATE_PART") <= set(transform._DATE_PART)


# ---- the first-token filter (parser._can_start) -----------------------------------------------

_GRAMMAR_CHARS = "".join(
    sorted(set("".join(re.findall(r'"([^"]+)"', GRAMMAR))) | set("0123456789.%~-/ 西湖区群众满意度"))
)


def _lark_reads(core: str) -> bool:
    from linter.values import parser

    try:
        parser._get_parser().parse(core)
    except Exception:  # noqa: BLE001 — any rejection
        return False
    return True


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_GRAMMAR_CHARS, min_size=1, max_size=10))
def test_the_first_token_filter_turns_away_only_what_the_grammar_refuses(text):
    from linter.values import parser

    parser._get_parser()
    core = parser._trim(text)[0]
    if core and parser._first_token.match(core) is None:
        assert not _lark_reads(core), core


def test_the_first_token_filter_on_the_examples():
    """Every name and value of the four examples: turned away only if the grammar refuses it, and
    the filter does turn away most names (that is its point)."""
    from linter.readers import read_path
    from linter.values import parser

    parser._get_parser()
    texts = {
        s
        for path in sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))
        for table in read_path(path).tables
        for ind in table.indicators
        for s in (ind.name, ind.value_text)
    }
    turned_away = [
        c for c in (parser._trim(s)[0] for s in texts) if c and parser._first_token.match(c) is None
    ]
    assert all(not _lark_reads(c) for c in turned_away)
    assert len(turned_away) > len(texts) / 3
