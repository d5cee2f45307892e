"""The form's words: printed category labels mapped to normalised names.

Tables print the same category many ways (``经济效益（必填）``, ``经济效益\\n指标``,
``（一）数量指标：``, ``数量值``); rules and config use the normalised names below. The printed
text is kept on the Indicator for messages.
"""

from __future__ import annotations

from functools import lru_cache

from linter import regexes

# 一级 categories.
OUTPUT = "产出指标"
BENEFIT = "效益指标"
SATISFACTION = "满意度指标"
COST_L1 = "成本指标"  # some provinces file 成本 as its own 一级 (经济/社会/生态环境成本)

# 二级 categories, each with its 一级 parent.
LEVEL2_PARENT = {
    "数量指标": OUTPUT,
    "质量指标": OUTPUT,
    "时效指标": OUTPUT,
    "成本指标": OUTPUT,
    "经济效益指标": BENEFIT,
    "社会效益指标": BENEFIT,
    "生态效益指标": BENEFIT,
    "可持续影响指标": BENEFIT,
    "服务对象满意度指标": SATISFACTION,
    "经济成本指标": COST_L1,
    "社会成本指标": COST_L1,
    "生态环境成本指标": COST_L1,
}
LEVEL1_NAMES = (OUTPUT, BENEFIT, SATISFACTION, COST_L1)
# Words that make an indicator name a rule (``响应时间不超过2小时``) rather than a measure.
RULE_WORDS = ("不少于", "不低于", "不超过", "不高于", "不大于", "不小于", "至少")
# The 二级 categories whose indicators are amounts of money the project spends.
MONEY_COST = ("成本指标", "经济成本指标")
LEVEL2_NAMES = tuple(LEVEL2_PARENT)

# Keys matched against the cleaned label, most specific first.
_LEVEL2_KEYS = (
    ("经济成本", "经济成本指标"),
    ("社会成本", "社会成本指标"),
    ("生态环境成本", "生态环境成本指标"),
    ("数量", "数量指标"),
    ("质量", "质量指标"),
    ("时效", "时效指标"),
    ("成本", "成本指标"),
    ("经济效益", "经济效益指标"),
    ("社会效率", "社会效益指标"),  # a typo seen in print
    ("环境效益", "生态效益指标"),
    ("社会效益", "社会效益指标"),
    ("生态效益", "生态效益指标"),
    ("可持续", "可持续影响指标"),
    ("服务对象满意", "服务对象满意度指标"),
    ("满意度", "服务对象满意度指标"),
)
_LEVEL1_KEYS = (
    ("产出", OUTPUT),
    ("效益", BENEFIT),
    ("满意度", SATISFACTION),
    # names other templates print in the 一级 column
    ("项目完成", OUTPUT),
    ("预期产出", OUTPUT),
    ("项目产出", OUTPUT),
    ("项目效益", BENEFIT),
    ("效果", BENEFIT),
    ("项目效果", BENEFIT),
    ("实施效果", BENEFIT),  # over both 产出 and 效益 in one template: the 二级 column then names them
    ("社会公众或服务对象满意度", SATISFACTION),
)

# An HTML tag. ``[^<>]``, not ``[^>]``: in a run of ``<`` with no ``>`` (OCR debris) a match
# attempt then stops at the next ``<`` instead of scanning to the end from each one (quadratic).
HTML_TAG = regexes.compile(r"<[^<>]*>")
# Traditional forms of the characters of the form's labels (mirror sites print 產出指標, 計量單位).
TRADITIONAL = str.maketrans(
    "產標數質時經濟會態續響滿對務級績環項計單稱職責總體額預資實際說評準備註類門範圍據價認證權釋來達讓費長發護醫療養險檢測衛區縣鄉鎮報屬導層義礎確優專況財撥負聯電話設關繫"
    # and those of values: units, measure words, comparators (28.8萬元, 100個, 不低於95%, 以內)
    "萬億個噸畝處戶臺張輛條場間種隻頭雙組屆歲鐘號點於為與內現劃畢過車筆節課講輪網幣擔"
    # and of the people a row names (群眾, 社會公眾或服務對象滿意度)
    "眾",
    "产标数质时经济会态续响满对务级绩环项计单称职责总体额预资实际说评准备注类门范围据价认证权释来达让费长发护医疗养险检测卫区县乡镇报属导层义础确优专况财拨负联电话设关系"
    "万亿个吨亩处户台张辆条场间种只头双组届岁钟号点于为与内现划毕过车笔节课讲轮网币担"
    "众",
)
_TRADITIONAL_CHAR = regexes.compile("[" + "".join(chr(c) for c in TRADITIONAL) + "]")


def has_traditional(text: str) -> bool:
    """Whether ``text`` prints one of the traditional characters ``simplified`` knows."""
    return _TRADITIONAL_CHAR.search(text) is not None


def simplified(text: str) -> str:
    """``text`` with the form's traditional characters made simplified (a search first: most text
    has none, and translating with a table costs some 20 µs a label)."""
    return text.translate(TRADITIONAL) if _TRADITIONAL_CHAR.search(text) else text


_NUMBERING = regexes.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[、.．)）])\s*"
)
# A bracket pair (a run of openers taken whole, from its start: 经济效益（（必填）), then whether
# it is a filling note. One pattern with the words between two ``[^)]*`` runs rescans the rest of
# the text from every bracket that never closes (quadratic).
_BRACKETS = regexes.compile(r"(?<![（(])[（(]+[^（()）]*[）)]")
_FILL_WORDS = regexes.compile(r"必填|选填|硬性|盖章")
# 产出指标(50分), 成本指标(0-20)分, 效益指标（30分）: the weight printed with the label
_SCORE_NOTE = regexes.compile(r"[(（]\s*\d+(?:\.\d+)?(?:\s*[-—~～]\s*\d+)?\s*(?:分\s*[)）]|[)）]\s*分)")
_DECORATION = regexes.compile(r"[\s:：*＊]")
# Either note as printed right after a label: 产出指标(50分), 数量指标（必填）, 产出指标(硬性)
LABEL_NOTE = rf"(?:{_SCORE_NOTE.pattern}|[(（][^()（）]{{0,8}}(?:{_FILL_WORDS.pattern})[^()（）]{{0,8}}[)）])"


def strip_fill_notes(text: str) -> str:
    """``经济效益（必填）`` → ``经济效益``; other brackets (``资金投入(万元)``) are kept. Twice: a
    note inside a note (``数量指标（必填(硬性)）``) is bared by taking the inner one away."""
    for _ in range(2):
        text = _BRACKETS.sub(lambda m: "" if _FILL_WORDS.search(m.group()) else m.group(), text)
    return text


@lru_cache(maxsize=8192)  # labels repeat on every table and are asked about by many rules
def clean_label(text: str) -> str:
    """The label without HTML, numbering, ``（必填）`` notes, colons and white space, in simplified
    characters (mirror sites print 產出指標)."""
    text = simplified(HTML_TAG.sub("", text))
    text = _NUMBERING.sub("", text)
    return _DECORATION.sub("", _SCORE_NOTE.sub("", strip_fill_notes(text)))


def _with_suffix(label: str) -> str:
    return label if label.endswith("指标") else label + "指标"


@lru_cache(maxsize=8192)
def normalise_level2(text: str) -> str | None:
    """``（一）数量指标：`` → ``数量指标``; None when the text is not a 二级 label."""
    label = clean_label(text).removeprefix("社会公众或")  # (before the length: 社会公众或服务对象满意度指标)
    if not label or len(label) > 12:
        return None
    label = label.removesuffix("等").removesuffix("值")  # 数量值 → 数量
    for key, name in _LEVEL2_KEYS:
        if key in label and _looks_like_category(label, key):
            return name
    return None


@lru_cache(maxsize=8192)
def normalise_level1(text: str) -> str | None:
    """``一、产出指标`` → ``产出指标``; None when the text is not a 一级 label."""
    label = clean_label(text).removeprefix("社会公众或")
    if not label or len(label) > 8:
        return None
    if label in ("成本指标",):
        return COST_L1
    for key, name in _LEVEL1_KEYS:
        if label in (key, key + "指标", key + "类指标"):
            return name
    return None


def _looks_like_category(label: str, key: str) -> bool:
    # A category label is the key plus at most 指标/类/效益/影响; a longer text that merely contains
    # the key (``数量指标完成率``, ``质量检查``) is an indicator name, not a heading.
    if not label.startswith(key):
        return False  # 影响可持续 is a value, not 可持续影响
    rest = label[len(key) :]
    return rest in (
        "",
        "指标",
        "类指标",
        "效益",
        "效益指标",
        "影响",
        "影响指标",
        "度",
        "度指标",
        "对象满意度",
        "对象满意度指标",
        "类",
    )


def run_on_label_pattern() -> str:
    """A regex for a category label as printed at the start of run-on text (产出指标, 数量指标,
    服务对象满意度指标, 社会公众或服务对象满意度指标 …). Only a label ending in 指标 is one there: nothing
    else marks where it ends. Built from the keys above, in simplified characters."""
    level2 = regexes.alternation(k for k, _ in _LEVEL2_KEYS)
    rests = "对象满意度指标|效益指标|影响指标|类指标|度指标|指标"
    level1 = regexes.alternation({k for k, _ in _LEVEL1_KEYS} | {"成本", "完成"})
    level2_label = f"(?:{level2})(?:{rests})"
    return (
        f"(?:项目)?(?:{level1})(?:类)?指标"
        f"|(?:{level1})(?={level2_label})"  # 产出数量指标: the 一级 printed without 指标
        f"|{level2_label}"
    )


_BASELINE = regexes.compile(r"上年|前年|往年|历史|基期")


def figure_kind(label: str) -> str | None:
    """What an evaluation form's figure column holds, by its heading: ``actual`` (全年实际值),
    ``weight`` (分值, 权重), ``score`` (得分, not 得分计算方法); None for others and for a
    baseline (上年实际值 is last year's, no actual of this one)."""
    if _BASELINE.search(label):
        return None
    if "实际" in label or "完成值" in label:
        return "actual"
    if "分值" in label or "权重" in label:
        return "weight"
    if "得分" in label and "方法" not in label:
        return "score"
    return None


def parent_of(level2: str) -> str | None:
    """The 一级 a known 二级 belongs to (数量指标 → 产出指标), None for an unknown one."""
    return LEVEL2_PARENT.get(level2)


def level1_for(level2: str | None, level1: str) -> str:
    """The 一级 a row belongs to: its 二级's parent when the 二级 is known (a 满意度 二级 printed
    under 效益 is still 满意度; the printed 一级 is kept apart for misplaced-category), else
    ``level1`` as given. Every reader decides it here."""
    return (parent_of(level2) if level2 else None) or level1


@lru_cache(maxsize=8192)
def is_category_label(text: str) -> bool:
    """Whether ``text`` names a 一级 or 二级 category."""
    return normalise_level1(text) is not None or normalise_level2(text) is not None
