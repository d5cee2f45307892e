"""Every distinct 指标值 in the four example documents, with its reading written by hand.

Columns: the value as printed, kind, comparator, number (magnitude folded in), normalised unit.
"""

from decimal import Decimal

import pytest

from linter.values import parse

Q, D, N = "quantity", "duration", "number"

EXAMPLE_VALUES = [
    # 000 大连高新区
    ("1人", Q, None, "1", "人"),
    ("≥95%", Q, "≥", "95", "%"),
    ("≥1年", D, "≥", "1", "年"),
    ("≥30个", Q, "≥", "30", "个"),
    ("15条", Q, None, "15", "条"),
    ("≤5%", Q, "≤", "5", "%"),
    ("≤24小时", D, "≤", "24", "小时"),
    ("≤30分钟", D, "≤", "30", "分钟"),
    ("≥5年", D, "≥", "5", "年"),
    ("≥16次", Q, "≥", "16", "次"),
    ("≥220家", Q, "≥", "220", "家"),
    ("12个", Q, None, "12", "个"),
    ("≥90%", Q, "≥", "90", "%"),
    ("100%", Q, None, "100", "%"),
    ("≥1次", Q, "≥", "1", "次"),
    ("≥2次", Q, "≥", "2", "次"),
    ("≥10万页", Q, "≥", "100000", "页"),
    ("3支", Q, None, "3", "支"),
    ("≥2万人", Q, "≥", "20000", "人"),
    ("1个月", D, None, "1", "个月"),
    # 004 平罗县
    ("12次", Q, None, "12", "次"),
    ("98856元", Q, None, "98856", "元"),
    ("36000元", Q, None, "36000", "元"),
    ("12 次", Q, None, "12", "次"),
    ("1 次", Q, None, "1", "次"),
    ("5 次", Q, None, "5", "次"),
    ("4 家", Q, None, "4", "家"),
    ("4 次", Q, None, "4", "次"),
    ("大于等于 95%", Q, "≥", "95", "%"),
    ("12 个月", D, None, "12", "个月"),
    ("360000 元", Q, None, "360000", "元"),
    ("4", N, None, "4", None),
    ("1", N, None, "1", None),
    ("12", N, None, "12", None),
    ("2", N, None, "2", None),
    ("24", N, None, "24", None),
    ("6 期", Q, None, "6", "期"),
    ("58.5 万元", Q, None, "585000", "元"),
    ("≥ 95%", Q, "≥", "95", "%"),
    ("1 个", Q, None, "1", "个"),
    ("2 次", Q, None, "2", "次"),
    ("90000 元", Q, None, "90000", "元"),
    ("≥98%", Q, "≥", "98", "%"),
    ("13.5 万元", Q, None, "135000", "元"),
    ("4次", Q, None, "4", "次"),
    ("90%以上", Q, "≥", "90", "%"),
    ("9 万元", Q, None, "90000", "元"),
    # 003 东莞市
    ("11个培训项目", Q, None, "11", "个"),
    # 002 门源县
    ("50次", Q, None, "50", "次"),
    ("≥8次", Q, "≥", "8", "次"),
    ("≤10万元", Q, "≤", "100000", "元"),
    ("≤20万元", Q, "≤", "200000", "元"),
    ("≤8万元", Q, "≤", "80000", "元"),
    ("≤4万元", Q, "≤", "40000", "元"),
    ("0%", Q, None, "0", "%"),
    ("≥0%", Q, "≥", "0", "%"),
    ("80%", Q, None, "80", "%"),
    ("≥10次", Q, "≥", "10", "次"),
    ("≥100%", Q, "≥", "100", "%"),
    ("≥80%", Q, "≥", "80", "%"),
    ("≤ 0.7万元;", Q, "≤", "7000", "元"),
    ("≤1万元。", Q, "≤", "10000", "元"),
    ("≥0", N, "≥", "0", None),
    ("0次", Q, None, "0", "次"),
    ("≥5万份", Q, "≥", "50000", "份"),
    ("≥8场", Q, "≥", "8", "场"),
    ("≥96%", Q, "≥", "96", "%"),
    ("1.2万。", N, None, "12000", None),
    ("1万元", Q, None, "10000", "元"),
    ("2万元。", Q, None, "20000", "元"),
    ("3.2 万户", Q, None, "32000", "户"),
    ("20万", N, None, "200000", None),
    ("10元/每户", Q, None, "10", "元"),
    ("≥6次", Q, "≥", "6", "次"),
    ("4.1万元;", Q, None, "41000", "元"),
    ("1.9万元", Q, None, "19000", "元"),
    ("≥5次", Q, "≥", "5", "次"),
    ("≥15次", Q, "≥", "15", "次"),
    ("≤2万元、", Q, "≤", "20000", "元"),
    ("≥3人", Q, "≥", "3", "人"),
    ("≥12个月", D, "≥", "12", "个月"),
    ("98%", Q, None, "98", "%"),
    ("≥30次", Q, "≥", "30", "次"),
    ("≥50次", Q, "≥", "50", "次"),
    ("≥150次", Q, "≥", "150", "次"),
    ("≤45万元", Q, "≤", "450000", "元"),
    ("≤30万元", Q, "≤", "300000", "元"),
]


@pytest.mark.parametrize(("raw", "kind", "comparator", "number", "unit"), EXAMPLE_VALUES)
def test_example_quantities(raw, kind, comparator, number, unit):
    value = parse(raw)
    assert value.kind == kind
    assert value.comparator == comparator
    assert value.number == Decimal(number)
    assert getattr(value, "unit", None) == unit
    assert value.raw == raw


# (value, kind, field checks) for the values that are not plain quantities.
OTHER_VALUES = [
    ("优秀", "grade", {"grade": "优秀"}),
    ("良好", "grade", {"grade": "良好"}),
    ("健全", "grade", {"grade": "健全"}),
    ("完备", "grade", {"grade": "完备"}),
    ("合理", "grade", {"grade": "合理"}),
    ("符合文件要求", "grade", {"grade": "符合文件要求"}),
    ("降低", "direction", {"verb": "降低", "adverb": "", "direction": "down"}),
    ("逐步改变", "direction", {"verb": "改变", "adverb": "逐步", "direction": "steady"}),
    ("有效提高", "direction", {"verb": "提高", "adverb": "有效", "direction": "up"}),
    ("持续发挥", "direction", {"verb": "发挥", "adverb": "持续", "direction": "steady"}),
    ("有效提升", "direction", {"verb": "提升", "adverb": "有效", "direction": "up"}),
    ("同比下降", "direction", {"verb": "下降", "adverb": "同比", "direction": "down"}),
    ("长期稳定", "direction", {"verb": "稳定", "adverb": "长期", "direction": "steady"}),
    ("长期发展", "direction", {"verb": "发展", "adverb": "长期", "direction": "steady"}),
    ("持续发展", "direction", {"verb": "发展", "adverb": "持续", "direction": "steady"}),
    ("明显提高", "direction", {"verb": "提高", "adverb": "明显", "direction": "up"}),
    ("妥善保障", "direction", {"verb": "保障", "adverb": "妥善", "direction": "steady"}),
    ("不断提高", "direction", {"verb": "提高", "adverb": "不断", "direction": "up"}),
    ("逐年提升", "direction", {"verb": "提升", "adverb": "逐年", "direction": "up"}),
    ("逐渐下降", "direction", {"verb": "下降", "adverb": "逐渐", "direction": "down"}),
    ("明显改善", "direction", {"verb": "改善", "adverb": "明显", "direction": "up"}),
    ("有效改善", "direction", {"verb": "改善", "adverb": "有效", "direction": "up"}),
    ("持续加强", "direction", {"verb": "加强", "adverb": "持续", "direction": "up"}),
    ("显著提升", "direction", {"verb": "提升", "adverb": "显著", "direction": "up"}),
    ("有效强化", "direction", {"verb": "强化", "adverb": "有效", "direction": "up"}),
    ("2025年", "date", {"year": 2025, "month": None, "part": None}),
    ("2025 年", "date", {"year": 2025, "month": None}),
    ("2025 年底", "date", {"year": 2025, "part": "end", "before": False}),
    ("2022年12月底前", "date", {"year": 2022, "month": 12, "part": "end", "before": True}),
    (
        "约25000-27400人",
        "range",
        {"low": Decimal(25000), "high": Decimal(27400), "unit": "人", "approximate": True},
    ),
    ("约650-714家", "range", {"low": Decimal(650), "high": Decimal(714), "unit": "家", "approximate": True}),
    ("3*300", "expression", {"operands": (Decimal(3), Decimal(300)), "result": Decimal(900)}),
    ("≥2022年依法维权次数", "text", {"comparator": "≥", "baseline": "2022年依法维权次数"}),
    ("完成巨灾保险续保和森林火灾扑救人员购买人身意外伤害保险", "text", {"quantities": ()}),
    ("提高培训对象业务能力和安全生产意识", "text", {"quantities": ()}),
    ("提高社会安全意识，保障人民群众生命财产安全", "text", {}),
    ("有效预防和扑灭森林火灾", "text", {}),
    ("提高培训人员安全意识，减少安全生产事故发生", "text", {}),
    ("促进经济全面协调可持续，为东莞保驾护航", "text", {}),
    ("", "empty", {}),
]


@pytest.mark.parametrize(("raw", "kind", "expected"), OTHER_VALUES)
def test_example_other_values(raw, kind, expected):
    value = parse(raw)
    assert value.kind == kind
    for field, want in expected.items():
        assert getattr(value, field) == want, field


def test_per_unit_and_noun_and_magnitude_are_kept():
    v = parse("10元/每户")
    assert (v.unit_kind, v.per_unit) == ("money", "户")
    v = parse("11个培训项目")
    assert (v.unit, v.noun) == ("个", "培训项目")
    v = parse("3.2 万户")
    assert (v.written_number, v.written_unit) == (Decimal("3.2"), "万户")
    v = parse("20万")
    assert v.magnitude == "万" and v.written_number == Decimal(20)


def test_text_keeps_embedded_quantities_with_spans():
    raw = "新购2辆，并支付上年一辆车尾款"
    v = parse(raw)
    assert v.kind == "text"
    assert [(q.number, q.unit) for q in v.quantities] == [(Decimal(2), "辆"), (Decimal(1), "辆")]
    assert [raw[slice(*q.span)] for q in v.quantities] == ["2辆", "一辆"]


def test_period_values():
    v = parse("2024年1月至2024年12月")
    assert v.kind == "period"
    assert (v.start.year, v.start.month, v.end.year, v.end.month) == (2024, 1, 2024, 12)
    v = parse("2023年01月--12月")
    assert (v.start.year, v.start.month, v.end.year, v.end.month) == (2023, 1, 2023, 12)
    v = parse("2023.07-2024.01")
    assert (v.start.year, v.start.month, v.end.year, v.end.month) == (2023, 7, 2024, 1)
