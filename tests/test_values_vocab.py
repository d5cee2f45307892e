"""The vocabulary of real tables (issue 19): the measure words tables count in, the comparison signs
they print, and rates written as a share (``0.97比例``) or with the word 百分比.

Each word here was seen in published tables (tests/corpus, the reviewer's guide §4) or is a
standard Chinese measure word (个体量词, 集合量词) for what such tables count: tents, beds, fry,
hives, poultry, livestock, seedlings, equipment, lessons.
"""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.values import parse
from linter.values.parser import parse_value as parse_fresh
from linter.values.scan import find_quantities
from linter.values.units import IDIOM_PRONE, UNITS

MEASURE_WORDS = (
    "顶 床 床位 尾 箱 把 羽 匹 枚 幅 卷 盒 袋 桶 双 副 株 棵 头 只 条 张 座 台 套 件 辆 艘 架 间 栋 幢 户"
    " 人次 人天 粒 颗 片 瓶 罐 包 捆 筐 对 串 束 枝 朵 扇 面 盆 盘 首 集 堂 门 届 封 尊 层 段 排 窝 群 趟 遍"
    " 回 堆 棚 辆次 人时 工日 口 眼 盏 批 组 队"
).split()

# sign as printed → the comparator it means
SIGNS = {
    "≥": "≥",
    "≧": "≥",
    ">=": "≥",
    "=>": "≥",
    "＞＝": "≥",
    "⩾": "≥",
    "大于等于": "≥",
    "不低于": "≥",
    "≤": "≤",
    "≦": "≤",
    "<=": "≤",
    "=<": "≤",
    "＜＝": "≤",
    "⩽": "≤",
    "小于等于": "≤",
    "不超过": "≤",
    ">": ">",
    "＞": ">",
    "﹥": ">",
    "<": "<",
    "＜": "<",
    "﹤": "<",
    "=": "=",
    "＝": "=",
    "═": "=",
    "﹦": "=",
}


@pytest.mark.parametrize("word", MEASURE_WORDS)
def test_every_measure_word_is_a_count_unit(word):
    v = parse(f"200{word}")
    assert (v.kind, v.unit_kind, v.number, v.unit) == ("quantity", "count", Decimal(200), word)
    assert UNITS[word][0] == "count"


@pytest.mark.parametrize(
    ("raw", "number", "unit"),
    [
        ("200顶", "200", "顶"),
        ("500床", "500", "床"),
        ("10万尾", "100000", "尾"),
        ("≥50箱", "50", "箱"),
        ("3000羽", "3000", "羽"),
        ("≥120匹", "120", "匹"),
        ("1.2万株", "12000", "株"),
        ("2000双", "2000", "双"),
        ("≥30套", "30", "套"),
        ("5门课程", "5", "门"),
        ("≥200人天", "200", "人天"),
        ("12辆次", "12", "辆次"),
    ],
)
def test_counts_seen_in_real_tables(raw, number, unit):
    v = parse(raw)
    assert v.kind == "quantity" and v.number == Decimal(number) and v.unit == unit


@pytest.mark.parametrize(("sign", "comparator"), sorted(SIGNS.items()))
def test_every_comparison_sign_reads_as_its_comparator(sign, comparator):
    for raw in (f"{sign}95%", f"{sign} 95 %", f"{sign}100%"):
        v = parse(raw)
        assert v.kind == "quantity" and v.comparator == comparator and v.unit == "%", raw


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(SIGNS)),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(MEASURE_WORDS + ["%", "元", "万元", "百分比"]),
    st.sampled_from(["", " "]),
)
def test_sign_number_unit_in_any_combination(sign, number, unit, space):
    v = parse_fresh(f"{sign}{space}{number}{space}{unit}")
    assert v.kind == "quantity", v
    assert v.comparator == SIGNS[sign]
    scale = 10_000 if unit == "万元" else 1
    assert v.number == Decimal(number) * scale


@pytest.mark.parametrize(
    ("raw", "comparator", "number"),
    [
        ("≥0.97比例", "≥", "97"),
        ("0.9比例", None, "90"),
        ("≥95比例", "≥", "95"),
        ("≥100百分比", "≥", "100"),
        ("90百分比", None, "90"),
    ],
)
def test_rates_written_as_a_share_or_with_the_word(raw, comparator, number):
    v = parse(raw)
    assert (v.kind, v.unit_kind, v.unit, v.comparator, v.number) == (
        "quantity",
        "percent",
        "%",
        comparator,
        Decimal(number),
    )


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=100))
def test_a_share_is_the_percentage_it_names(percent):
    share = Decimal(percent) / 100
    assert parse_fresh(f"≥{share}比例").number == Decimal(percent)


@pytest.mark.parametrize(
    "text",
    [
        "压实一把手责任",
        "开展一对一帮扶",
        "推行一门式服务",
        "全县一盘棋",
        "在一段时间内完成",
        "落实三包责任",
        "一片区一网格",
    ],
)
def test_set_phrases_with_a_measure_word_are_no_counts_in_running_text(text):
    assert find_quantities(text) == ()


def test_measure_words_in_running_text_count_after_digits():
    found = find_quantities("采购帐篷200顶、折叠床500床，投放鱼苗10万尾，发放手套2000双，配备灭火器5把")
    assert [(q.number, q.unit) for q in found] == [
        (200, "顶"),
        (500, "床"),
        (100000, "尾"),
        (2000, "双"),
        (5, "把"),
    ]
    assert all(w in IDIOM_PRONE for w in ("把", "对", "门", "段"))
