"""What each unit of the grammar's UNIT terminal measures, and its factor to the base unit.

The grammar (grammar/value.lark) says which units can be written; this table says what they
mean. ``tests/test_values_grammar.py`` checks that the two lists agree.
"""

from __future__ import annotations

from decimal import Decimal

# unit → (unit kind, base unit, factor to the base unit)
_COUNT = (
    "次 场 场次 人 人次 名 家 个 条 支 辆 页 份 户 期 台 件 套 篇 部 项 所 座 处 批 本 张 册 块 间 栋 幢 棵 株 头 只"
    " 架 艘 根 类 种 宗 起 例 位 队 组 村 点 节 课时 学时 班 班次 期次 项次 台次 台套 车次 架次 户次 家次 批次"
    " 个次 篇次 条次 人月 人日 人天 单 轮 季 道 口 眼 盏 处次 册次 张次 所次 吨次 套次 期班 级 倍"
    # measure words of things counted one by one (个体量词) and in sets (集合量词): 帐篷200顶,
    # 病床500床, 鱼苗10万尾, 蜂群50箱, 种禽3000羽
    " 顶 床 床位 尾 箱 把 羽 匹 枚 幅 卷 盒 袋 桶 双 副 粒 颗 片 瓶 罐 包 捆 筐 对 串 束 枝 朵 扇 面 盆 盘 首"
    " 集 堂 门 届 封 尊 层 段 排 窝 群 趟 遍 回 堆 棚 辆次 人时 工日"
).split()
# Measure words that also follow a Chinese numeral in set phrases (一把手, 一对一, 一门式, 一盘棋,
# 一片区, 一段时间, 三包): inside running text (a goal, a name) they count only after digits.
IDIOM_PRONE = frozenset("把 对 门 盘 片 段 面 包 层 回 遍 堂 首 集 双 副 排 群 串 封 尊 堆".split())
UNITS: dict[str, tuple[str, str, Decimal]] = {u: ("count", u, Decimal(1)) for u in _COUNT}
UNITS.update(
    {
        "%": ("percent", "%", Decimal(1)),
        "百分比": ("percent", "%", Decimal(1)),
        "比例": ("percent", "%", Decimal(100)),  # ≥0.97比例: a share written as a fraction (the transformer
        # reads a figure above 1, 95比例, as the percentage it must mean)
        "‰": ("percent", "%", Decimal("0.1")),
        "百分点": ("percent", "百分点", Decimal(1)),  # a change of a rate, not a rate
        "个百分点": ("percent", "百分点", Decimal(1)),
        "成": ("percent", "%", Decimal(10)),  # 九成 = 90%
        "元": ("money", "元", Decimal(1)),
        "亿元": ("money", "元", Decimal(100_000_000)),
        "角": ("money", "元", Decimal("0.1")),
        "秒": ("duration", "秒", Decimal(1)),
        "分钟": ("duration", "分钟", Decimal(1)),
        "小时": ("duration", "小时", Decimal(1)),
        "个小时": ("duration", "小时", Decimal(1)),
        "天": ("duration", "天", Decimal(1)),
        "日": ("duration", "天", Decimal(1)),
        "工作日": ("duration", "工作日", Decimal(1)),
        "个工作日": ("duration", "工作日", Decimal(1)),
        "周": ("duration", "周", Decimal(1)),
        "星期": ("duration", "周", Decimal(1)),
        "个星期": ("duration", "周", Decimal(1)),
        "个月": ("duration", "个月", Decimal(1)),
        "月": ("duration", "个月", Decimal(1)),  # only after a slash: 元/人·月
        "季度": ("duration", "季度", Decimal(1)),
        "个季度": ("duration", "季度", Decimal(1)),
        "年": ("duration", "年", Decimal(1)),
        "周年": ("duration", "年", Decimal(1)),
        "公里": ("length", "米", Decimal(1000)),
        "千米": ("length", "米", Decimal(1000)),
        "km": ("length", "米", Decimal(1000)),
        "KM": ("length", "米", Decimal(1000)),
        "米": ("length", "米", Decimal(1)),
        "延米": ("length", "米", Decimal(1)),
        "m": ("length", "米", Decimal(1)),
        "M": ("length", "米", Decimal(1)),
        "厘米": ("length", "米", Decimal("0.01")),
        "cm": ("length", "米", Decimal("0.01")),
        "平方米": ("area", "平方米", Decimal(1)),
        "平米": ("area", "平方米", Decimal(1)),
        "㎡": ("area", "平方米", Decimal(1)),
        "m²": ("area", "平方米", Decimal(1)),
        "m2": ("area", "平方米", Decimal(1)),
        "M2": ("area", "平方米", Decimal(1)),
        "平方公里": ("area", "平方米", Decimal(1_000_000)),
        "亩": ("area", "亩", Decimal(1)),
        "万亩": ("area", "亩", Decimal(10000)),
        "公顷": ("area", "平方米", Decimal(10000)),
        "吨": ("weight", "千克", Decimal(1000)),
        "千克": ("weight", "千克", Decimal(1)),
        "公斤": ("weight", "千克", Decimal(1)),
        "kg": ("weight", "千克", Decimal(1)),
        "克": ("weight", "千克", Decimal("0.001")),
    }
)
for _u in (
    "立方米",
    "m³",
    "方",
    "度",
    "千瓦时",
    "千瓦",
    "兆瓦",
    "GB",
    "TB",
    "G",
    "T",
    "分",
    "公里/小时",
    "套/年",
):
    UNITS[_u] = ("other", _u, Decimal(1))

# Money units a header or an amount may name, with their factor to 元.
MONEY_UNITS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}

MAGNITUDES = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1000)}


def describe(unit: str) -> tuple[str, str, Decimal]:
    """(kind, base unit, factor) for a written unit; unknown units count as 'other'."""
    return UNITS.get(unit, ("other", unit, Decimal(1)))


# Months in a span of each normalised duration unit (a 3年 project period is 36 months).
MONTHS_IN = {"年": 12, "季度": 3, "个月": 1}
