"""指标值 from the wider family of real target tables, read by hand.

These values are not taken from examples/: they are the shapes printed in published 项目支出 and
部门整体绩效目标表 of many provinces (2019–2025; 产出/效益/满意度 indicators in education, health,
agriculture, transport, emergency management, culture, civil affairs …). Each expectation was
written from the spec of issue 2 before the parser was run on it; a row marked ``# debatable``
is one where another reading of the spec is defensible (the report gives the alternative).

Tables:
    QUANTITATIVE  (value, kind, comparator, number with magnitude folded in, normalised unit)
    PER_UNIT / CHANGE  extra fields of some QUANTITATIVE rows, keyed by the value
    RANGES, EXPRESSIONS, DATES, PERIODS, DIRECTIONS, GRADES, TEXTS, EMPTIES
"""

from decimal import Decimal

import pytest

from linter.values import parse

Q, D, N = "quantity", "duration", "number"

QUANTITATIVE = [
    # ---- percentages: comparators as symbols, full-width forms and words, before and after ----
    ("≥97%", Q, "≥", "97", "%"),
    ("95%", Q, None, "95", "%"),
    ("≥ 98 ％", Q, "≥", "98", "%"),
    ("９８％", Q, None, "98", "%"),
    ("≥９９％", Q, "≥", "99", "%"),
    ("≥99.5%", Q, "≥", "99.5", "%"),
    ("100.00%", Q, None, "100", "%"),
    ("99.99%", Q, None, "99.99", "%"),
    ("0.3%", Q, None, "0.3", "%"),
    ("≤0.5%", Q, "≤", "0.5", "%"),
    ("<1%", Q, "<", "1", "%"),
    ("＜1％", Q, "<", "1", "%"),
    ("＞90％", Q, ">", "90", "%"),
    ("＞＝95％", Q, "≥", "95", "%"),
    ("≧85%", Q, "≥", "85", "%"),
    ("≦3%", Q, "≤", "3", "%"),
    ("> 90 %", Q, ">", "90", "%"),
    ("≥60％", Q, "≥", "60", "%"),
    ("=100%", Q, "=", "100", "%"),
    ("= 100%", Q, "=", "100", "%"),
    ("等于100%", Q, "=", "100", "%"),
    ("大于90%", Q, ">", "90", "%"),
    ("大于或等于85%", Q, "≥", "85", "%"),
    ("不小于90%", Q, "≥", "90", "%"),
    ("不低于95%。", Q, "≥", "95", "%"),
    ("不少于80%；", Q, "≥", "80", "%"),
    ("至少60%", Q, "≥", "60", "%"),
    ("达到100%", Q, "≥", "100", "%"),
    ("达100%", Q, "≥", "100", "%"),
    ("高于85%", Q, ">", "85", "%"),
    ("超过90%", Q, ">", "90", "%"),
    ("低于5%", Q, "<", "5", "%"),
    ("小于3%", Q, "<", "3", "%"),
    ("不高于2%", Q, "≤", "2", "%"),
    ("不超过10%", Q, "≤", "10", "%"),
    ("不大于5%", Q, "≤", "5", "%"),
    ("小于等于5%", Q, "≤", "5", "%"),
    ("5%以下", Q, "≤", "5", "%"),
    ("3%以内", Q, "≤", "3", "%"),
    ("≤5%以内", Q, "≤", "5", "%"),  # comparator written twice: common in real tables
    ("≥95%以上", Q, "≥", "95", "%"),
    ("98%以上", Q, "≥", "98", "%"),
    ("85%及以上", Q, "≥", "85", "%"),
    ("95％以上。", Q, "≥", "95", "%"),
    ("90%（含）以上", Q, "≥", "90", "%"),
    ("90%(含)以上", Q, "≥", "90", "%"),
    ("控制在3%以内", Q, "≤", "3", "%"),
    ("控制在5%以下", Q, "≤", "5", "%"),
    ("保持在100%", Q, "=", "100", "%"),
    ("≥90%。", Q, "≥", "90", "%"),
    ("≥90%;", Q, "≥", "90", "%"),
    ("≥90% ", Q, "≥", "90", "%"),
    (" ≥90%", Q, "≥", "90", "%"),
    ("≤3‰", Q, "≤", "0.3", "%"),
    ("5‰以下", Q, "≤", "0.5", "%"),
    ("百分之百", Q, None, "100", "%"),
    ("百分之九十", Q, None, "90", "%"),
    ("≥百分之九十五", Q, "≥", "95", "%"),
    ("约95%", Q, None, "95", "%"),
    ("95%左右", Q, None, "95", "%"),
    ("100%完成", Q, None, "100", "%"),
    ("100%覆盖", Q, None, "100", "%"),
    ("＜＝5％", Q, "≤", "5", "%"),
    ("≥95.0%", Q, "≥", "95", "%"),
    ("95 %", Q, None, "95", "%"),
    ("保持100%", Q, "=", "100", "%"),  # debatable: 保持 = keep at; could be read with no comparator
    ("九成以上", Q, "≥", "90", "%"),  # debatable: 成 = tenths; could stay Text
    # ---- scores ----
    ("≥90分", Q, "≥", "90", "分"),
    ("90分以上", Q, "≥", "90", "分"),
    ("≥85 分", Q, "≥", "85", "分"),
    ("100分", Q, None, "100", "分"),
    ("≥4.5分", Q, "≥", "4.5", "分"),
    # ---- counts ----
    ("12场", Q, None, "12", "场"),
    ("≥4场次", Q, "≥", "4", "场次"),
    ("300人次", Q, None, "300", "人次"),
    ("≥2000人次", Q, "≥", "2000", "人次"),
    ("1.5万人次", Q, None, "15000", "人次"),
    ("12,000人次", Q, None, "12000", "人次"),
    ("≥50名", Q, "≥", "50", "名"),
    ("20家", Q, None, "20", "家"),
    ("≥3个", Q, "≥", "3", "个"),
    ("≥20条", Q, "≥", "20", "条"),
    ("2支", Q, None, "2", "支"),
    ("10辆", Q, None, "10", "辆"),
    ("≥200页", Q, "≥", "200", "页"),
    ("5000份", Q, None, "5000", "份"),
    ("1,200户", Q, None, "1200", "户"),
    ("4期", Q, None, "4", "期"),
    ("20台", Q, None, "20", "台"),
    ("100件", Q, None, "100", "件"),
    ("50套", Q, None, "50", "套"),
    ("≥10篇", Q, "≥", "10", "篇"),
    ("3部", Q, None, "3", "部"),
    ("5项", Q, None, "5", "项"),
    ("≥2所", Q, "≥", "2", "所"),
    ("3座", Q, None, "3", "座"),
    ("6处", Q, None, "6", "处"),
    ("2批", Q, None, "2", "批"),
    ("1200本", Q, None, "1200", "本"),
    ("300张", Q, None, "300", "张"),
    ("20册", Q, None, "20", "册"),
    ("100块", Q, None, "100", "块"),
    ("50间", Q, None, "50", "间"),
    ("2栋", Q, None, "2", "栋"),
    ("1000棵", Q, None, "1000", "棵"),
    ("5000株", Q, None, "5000", "株"),
    ("200头", Q, None, "200", "头"),
    ("1000只", Q, None, "1000", "只"),
    ("2架", Q, None, "2", "架"),
    ("1艘", Q, None, "1", "艘"),
    ("3类", Q, None, "3", "类"),
    ("10种", Q, None, "10", "种"),
    ("0起", Q, None, "0", "起"),
    ("0例", Q, None, "0", "例"),
    ("5位", Q, None, "5", "位"),
    ("3队", Q, None, "3", "队"),
    ("10组", Q, None, "10", "组"),
    ("8课时", Q, None, "8", "课时"),
    ("≥16学时", Q, "≥", "16", "学时"),
    ("2班", Q, None, "2", "班"),
    ("3班次", Q, None, "3", "班次"),
    ("100车次", Q, None, "100", "车次"),
    ("2000户次", Q, None, "2000", "户次"),
    ("30台次", Q, None, "30", "台次"),
    ("10批次", Q, None, "10", "批次"),
    ("1200人日", Q, None, "1200", "人日"),
    ("2轮", Q, None, "2", "轮"),
    ("≥1个", Q, "≥", "1", "个"),
    ("1套", Q, None, "1", "套"),
    ("1项", Q, None, "1", "项"),
    ("≥1场", Q, "≥", "1", "场"),
    # a count with its noun after the unit
    ("6个乡镇", Q, None, "6", "个"),
    ("11个村", Q, None, "11", "个"),
    ("20个行政村", Q, None, "20", "个"),
    ("3所学校", Q, None, "3", "所"),
    ("100名学生", Q, None, "100", "名"),
    ("5家企业", Q, None, "5", "家"),
    ("2个示范点", Q, None, "2", "个"),
    ("18个乡镇（街道）", Q, None, "18", "个"),
    ("3个点位", Q, None, "3", "个"),  # debatable: the lexer may take 个点 as the unit
    # approximate and open-ended
    ("10000余人", Q, None, "10000", "人"),
    ("5万余人", Q, None, "50000", "人"),
    ("约500人", Q, None, "500", "人"),
    ("500人左右", Q, None, "500", "人"),
    ("近1000人", Q, None, "1000", "人"),
    ("1000多人", Q, None, "1000", "人"),
    ("约1.2万人", Q, None, "12000", "人"),
    ("预计3000人次", Q, None, "3000", "人次"),
    ("10人以上", Q, "≥", "10", "人"),
    ("10人及以上", Q, "≥", "10", "人"),
    ("10人（含）以上", Q, "≥", "10", "人"),
    ("不少于10人", Q, "≥", "10", "人"),
    ("5万人次以上", Q, "≥", "50000", "人次"),
    ("不少于3000人次", Q, "≥", "3000", "人次"),
    ("全年不少于12次", Q, "≥", "12", "次"),  # debatable: 全年 names the period; could be Text
    # Chinese numerals
    ("一场", Q, None, "1", "场"),
    ("两场", Q, None, "2", "场"),
    ("三次", Q, None, "3", "次"),
    ("五个", Q, None, "5", "个"),
    ("二十人", Q, None, "20", "人"),
    ("一百人", Q, None, "100", "人"),
    ("三千人", Q, None, "3000", "人"),
    ("十万元", Q, None, "100000", "元"),
    ("≥三次", Q, "≥", "3", "次"),
    ("不少于两次", Q, "≥", "2", "次"),
    # magnitudes
    ("3.2万人", Q, None, "32000", "人"),
    ("2.5万户", Q, None, "25000", "户"),
    ("1.2万亩", Q, None, "12000", "亩"),
    ("5万亩", Q, None, "50000", "亩"),
    ("10万份", Q, None, "100000", "份"),
    ("0.5万册", Q, None, "5000", "册"),
    ("1亿人次", Q, None, "100000000", "人次"),
    # lengths, areas, weights and other measures (normalised to 米, 平方米, 亩, 千克)
    ("5.2公里", Q, None, "5200", "米"),
    ("≥10公里", Q, "≥", "10000", "米"),
    ("3km", Q, None, "3000", "米"),
    ("1.5千米", Q, None, "1500", "米"),
    ("500米", Q, None, "500", "米"),
    ("200延米", Q, None, "200", "米"),
    ("2000㎡", Q, None, "2000", "平方米"),
    ("1200平方米", Q, None, "1200", "平方米"),
    ("1.2万平方米", Q, None, "12000", "平方米"),
    ("120平米", Q, None, "120", "平方米"),
    ("3公顷", Q, None, "30000", "平方米"),
    ("2平方公里", Q, None, "2000000", "平方米"),
    ("100亩", Q, None, "100", "亩"),
    ("≥500亩", Q, "≥", "500", "亩"),
    ("100吨", Q, None, "100000", "千克"),
    ("50公斤", Q, None, "50", "千克"),
    ("2000千克", Q, None, "2000", "千克"),
    ("300立方米", Q, None, "300", "立方米"),
    ("1000千瓦", Q, None, "1000", "千瓦"),
    ("10TB", Q, None, "10", "TB"),
    # ---- money ----
    ("50万元", Q, None, "500000", "元"),
    ("≤50万元", Q, "≤", "500000", "元"),
    ("≤ 50 万元", Q, "≤", "500000", "元"),
    ("1000元", Q, None, "1000", "元"),
    ("1,000元", Q, None, "1000", "元"),
    ("1,250,000.00元", Q, None, "1250000", "元"),
    ("5000 元", Q, None, "5000", "元"),
    ("3000万元", Q, None, "30000000", "元"),
    ("1.2亿元", Q, None, "120000000", "元"),
    ("0.8亿元", Q, None, "80000000", "元"),
    ("≥1000万元", Q, "≥", "10000000", "元"),
    ("不超过100万元", Q, "≤", "1000000", "元"),
    ("100万元以内", Q, "≤", "1000000", "元"),
    ("100万元以下", Q, "≤", "1000000", "元"),
    ("约50万元", Q, None, "500000", "元"),
    ("50万元左右", Q, None, "500000", "元"),
    ("12.5万元", Q, None, "125000", "元"),
    ("≤120万元。", Q, "≤", "1200000", "元"),
    ("0.35万元", Q, None, "3500", "元"),
    ("5000元/人", Q, None, "5000", "元"),
    ("2.4万元/人", Q, None, "24000", "元"),
    ("300元/人·月", Q, None, "300", "元"),
    ("300元/人每月", Q, None, "300", "元"),
    ("2次/人每年", Q, None, "2", "次"),
    ("300元/人/月", Q, None, "300", "元"),
    ("200元/亩", Q, None, "200", "元"),
    ("1200元/平方米", Q, None, "1200", "元"),
    ("80元/人次", Q, None, "80", "元"),
    ("1.5万元/户", Q, None, "15000", "元"),
    ("2000元/户/年", Q, None, "2000", "元"),
    ("10万元/年", Q, None, "100000", "元"),
    ("30元/人·天", Q, None, "30", "元"),
    ("1.8元/公斤", Q, None, "1.8", "元"),
    ("≤1500元/人", Q, "≤", "1500", "元"),
    ("100元/人/次", Q, None, "100", "元"),
    ("≥1000元/人·年", Q, "≥", "1000", "元"),
    ("15元/平方米·月", Q, None, "15", "元"),
    ("≤5万元/公里", Q, "≤", "50000", "元"),
    ("50万元/个", Q, None, "500000", "元"),
    ("每人每月300元", Q, None, "300", "元"),
    ("每亩200元", Q, None, "200", "元"),
    # ---- frequencies ----
    ("每月1次", Q, None, "1", "次"),
    ("1次/季度", Q, None, "1", "次"),
    ("每季度一次", Q, None, "1", "次"),
    ("每年2次", Q, None, "2", "次"),
    ("每周1次", Q, None, "1", "次"),
    ("每半年1次", Q, None, "1", "次"),
    ("每学期2次", Q, None, "2", "次"),
    ("2次/年", Q, None, "2", "次"),
    ("≥1次/季度", Q, "≥", "1", "次"),
    ("每月≥2次", Q, "≥", "2", "次"),
    ("每年至少1次", Q, "≥", "1", "次"),
    ("每月不少于1次", Q, "≥", "1", "次"),
    ("1次/月", Q, None, "1", "次"),
    ("12次/年", Q, None, "12", "次"),
    ("每个月1次", Q, None, "1", "次"),
    ("1次/周", Q, None, "1", "次"),
    ("每日1次", Q, None, "1", "次"),
    ("每年度1次", Q, None, "1", "次"),
    ("每年一次", Q, None, "1", "次"),
    ("≥ 1 次/年", Q, "≥", "1", "次"),
    ("1次/年度", Q, None, "1", "次"),
    ("一年一次", Q, None, "1", "次"),  # debatable: a frequency written without 每
    # ---- bare numbers (no unit) ----
    ("6", N, None, "6", None),
    ("≥1", N, "≥", "1", None),
    ("≥3", N, "≥", "3", None),
    ("0", N, None, "0", None),
    ("100", N, None, "100", None),
    ("1.5", N, None, "1.5", None),
    ("2万", N, None, "20000", None),
    ("≥2万", N, "≥", "20000", None),
    ("3.5万", N, None, "35000", None),
    ("≤10", N, "≤", "10", None),
    # ---- durations ----
    ("24小时", D, None, "24", "小时"),
    ("≤48小时", D, "≤", "48", "小时"),
    ("≥72小时", D, "≥", "72", "小时"),
    ("1小时", D, None, "1", "小时"),
    ("2小时内", D, "≤", "2", "小时"),
    ("≤2个小时", D, "≤", "2", "小时"),
    ("30分钟内", D, "≤", "30", "分钟"),
    ("≤15分钟", D, "≤", "15", "分钟"),
    ("15分钟以内", D, "≤", "15", "分钟"),
    ("3个工作日", D, None, "3", "工作日"),
    ("5个工作日内", D, "≤", "5", "工作日"),
    ("≤7个工作日", D, "≤", "7", "工作日"),
    ("≤1个工作日", D, "≤", "1", "工作日"),
    ("10个工作日以内", D, "≤", "10", "工作日"),
    ("≤7天", D, "≤", "7", "天"),
    ("7天内", D, "≤", "7", "天"),
    ("15日内", D, "≤", "15", "天"),
    ("30日", D, None, "30", "天"),
    ("1个月内", D, "≤", "1", "个月"),
    ("≤3个月", D, "≤", "3", "个月"),
    ("6个月", D, None, "6", "个月"),
    ("三个月", D, None, "3", "个月"),
    ("1年", D, None, "1", "年"),
    ("≥3年", D, "≥", "3", "年"),
    ("3年以上", D, "≥", "3", "年"),
    ("5年", D, None, "5", "年"),
    ("10年", D, None, "10", "年"),
    ("≥20年", D, "≥", "20", "年"),
    ("两年", D, None, "2", "年"),
    ("一年内", D, "≤", "1", "年"),
    ("2周", D, None, "2", "周"),
    ("1周内", D, "≤", "1", "周"),
    ("1个季度", D, None, "1", "季度"),
    ("4个季度", D, None, "4", "季度"),
    ("8小时/天", D, None, "8", "小时"),
    ("半年", D, None, "0.5", "年"),  # debatable: could equally be 6 个月
    # ---- changes by an amount, and levels to reach after a direction word ----
    ("同比增长10%", Q, None, "10", "%"),
    ("较上年增长5%", Q, None, "5", "%"),
    ("比上年提高3%", Q, None, "3", "%"),
    ("较上年度提高2%", Q, None, "2", "%"),
    ("提高5%", Q, None, "5", "%"),
    ("下降10%", Q, None, "10", "%"),
    ("减少20%", Q, None, "20", "%"),
    ("降低15%", Q, None, "15", "%"),
    ("增加500人", Q, None, "500", "人"),
    ("逐年提高5%", Q, None, "5", "%"),
    ("增长10%以上", Q, "≥", "10", "%"),
    ("同比下降5%以上", Q, "≥", "5", "%"),
    ("减少10%左右", Q, None, "10", "%"),
    ("同比增长≥5%", Q, "≥", "5", "%"),
    ("增长不低于10%", Q, "≥", "10", "%"),
    ("提高2个百分点", Q, None, "2", "百分点"),  # debatable: the name of the normalised unit
    ("较上年提高5个百分点", Q, None, "5", "百分点"),
    ("下降1个百分点", Q, None, "1", "百分点"),
    ("提升至98%", Q, "≥", "98", "%"),
    ("提高到90%以上", Q, "≥", "90", "%"),
    ("下降至3%", Q, "≤", "3", "%"),
    ("降至5%以下", Q, "≤", "5", "%"),
]

# The denominator of a per-unit price or a frequency (元/人·月 → 人·月; 每季度1次 → 季度).
PER_UNIT = {
    "5000元/人": "人",
    "2.4万元/人": "人",
    "300元/人·月": "人·月",
    "300元/人/月": "人·月",
    "200元/亩": "亩",
    "1200元/平方米": "平方米",
    "80元/人次": "人次",
    "1.5万元/户": "户",
    "2000元/户/年": "户·年",
    "10万元/年": "年",
    "30元/人·天": "人·天",
    "1.8元/公斤": "公斤",
    "≤1500元/人": "人",
    "每人每月300元": "人·月",
    "每亩200元": "亩",
    "每月1次": "月",
    "1次/季度": "季度",
    "每季度一次": "季度",
    "每年2次": "年",
    "每周1次": "周",
    "每半年1次": "半年",
    "每学期2次": "学期",
    "2次/年": "年",
    "≥1次/季度": "季度",
    "每月≥2次": "月",
    "每年至少1次": "年",
    "每月不少于1次": "月",
    "1次/月": "月",
    "12次/年": "年",
    "每个月1次": "月",
    "1次/周": "周",
    "每日1次": "天",
    "每年度1次": "年",
    "每年一次": "年",
    "8小时/天": "天",
    "100元/人/次": "人·次",
    "≥1000元/人·年": "人·年",
    "15元/平方米·月": "平方米·月",
    "≤5万元/公里": "公里",
    "50万元/个": "个",
    "≥ 1 次/年": "年",
    "1次/年度": "年",
    "一年一次": "年",
    "300元/人每月": "人·月",
    "2次/人每年": "人·年",
}

# A change by an amount (增长5%) rather than a level; levels to reach (提升至98%) have none.
CHANGE = {
    "同比增长10%": "up",
    "较上年增长5%": "up",
    "比上年提高3%": "up",
    "较上年度提高2%": "up",
    "提高5%": "up",
    "下降10%": "down",
    "减少20%": "down",
    "降低15%": "down",
    "增加500人": "up",
    "逐年提高5%": "up",
    "增长10%以上": "up",
    "同比下降5%以上": "down",
    "减少10%左右": "down",
    "同比增长≥5%": "up",
    "增长不低于10%": "up",
    "提高2个百分点": "up",
    "较上年提高5个百分点": "up",
    "下降1个百分点": "down",
    "提升至98%": None,
    "提高到90%以上": None,
    "下降至3%": None,
    "降至5%以下": None,
}

APPROXIMATE = [
    "约95%",
    "95%左右",
    "10000余人",
    "5万余人",
    "约500人",
    "500人左右",
    "近1000人",
    "1000多人",
    "约1.2万人",
    "预计3000人次",
    "约50万元",
    "50万元左右",
    "减少10%左右",
]
OPEN_ENDED = ["98%以上", "85%及以上", "10人以上", "10人及以上", "3年以上", "90分以上"]

# (value, low, high, normalised unit)
RANGES = [
    ("90%-95%", "90", "95", "%"),
    ("80%～90%", "80", "90", "%"),
    ("2-3次", "2", "3", "次"),
    ("5-7天", "5", "7", "天"),
    ("5~10人", "5", "10", "人"),
    ("10至15家", "10", "15", "家"),
    ("2-3个工作日", "2", "3", "工作日"),
    ("1-2万元", "10000", "20000", "元"),
    ("10-20万元", "100000", "200000", "元"),
    ("10万-20万元", "100000", "200000", "元"),
    ("2万-3万人", "20000", "30000", "人"),
    ("约100-150人", "100", "150", "人"),
    ("3000-5000元", "3000", "5000", "元"),
    ("5-10分钟", "5", "10", "分钟"),
    ("200～300亩", "200", "300", "亩"),
    ("3-5年", "3", "5", "年"),
    ("1～2个月", "1", "2", "个月"),
    ("60-80分", "60", "80", "分"),
    ("1到3公里", "1000", "3000", "米"),
]

# (value, result, unit)
EXPRESSIONS = [
    ("3×300", "900", ""),
    ("12×1000元", "12000", "元"),
    ("50*2", "100", ""),
    ("2000×12", "24000", ""),
    ("7×24小时", "168", "小时"),  # debatable: round-the-clock service, not really a product
    ("1200×3×12元", "43200", "元"),
]

# (value, expected fields of the Date)
DATES = [
    ("2025年12月31日前", {"year": 2025, "month": 12, "day": 31, "before": True}),
    ("2025年12月31日", {"year": 2025, "month": 12, "day": 31, "before": False}),
    ("2025年12月31日前完成", {"year": 2025, "month": 12, "day": 31, "before": True}),
    ("12月31日之前", {"year": None, "month": 12, "day": 31, "before": True}),
    ("2025年12月31号", {"year": 2025, "month": 12, "day": 31}),
    ("2025年12月31日以前", {"year": 2025, "month": 12, "day": 31, "before": True}),
    ("2025年12月31日止", {"year": 2025, "month": 12, "day": 31, "before": True}),
    ("2025年11月30日前", {"year": 2025, "month": 11, "day": 30, "before": True}),
    ("2025年6月30日之前", {"year": 2025, "month": 6, "day": 30, "before": True}),
    ("2025年12月20日前", {"year": 2025, "month": 12, "day": 20, "before": True}),
    ("2025年3月1日", {"year": 2025, "month": 3, "day": 1}),
    ("12月31日前", {"year": None, "month": 12, "day": 31, "before": True}),
    ("11月15日前", {"year": None, "month": 11, "day": 15, "before": True}),
    ("6月30日", {"year": None, "month": 6, "day": 30}),
    ("12月底", {"year": None, "month": 12, "part": "end", "before": False}),
    ("12月底前", {"month": 12, "part": "end", "before": True}),
    ("6月底前", {"month": 6, "part": "end", "before": True}),
    ("2025年5月底", {"year": 2025, "month": 5, "part": "end"}),
    ("2025年10月底前完成", {"year": 2025, "month": 10, "part": "end", "before": True}),
    ("2025年12月底之前", {"year": 2025, "month": 12, "part": "end", "before": True}),
    ("2025年12月底完成", {"year": 2025, "month": 12, "part": "end"}),
    ("2025年底前完成", {"year": 2025, "part": "end", "before": True}),
    ("2025年末", {"year": 2025, "part": "end"}),
    ("年底前", {"year": None, "part": "end", "before": True}),
    ("年底", {"year": None, "part": "end"}),
    ("年末", {"year": None, "part": "end"}),
    ("2025年第四季度", {"year": 2025, "part": "q4"}),
    ("第四季度", {"year": None, "part": "q4"}),
    ("2025年第三季度前", {"year": 2025, "part": "q3", "before": True}),
    ("2025年1季度", {"year": 2025, "part": "q1"}),
    ("2025年一季度", {"year": 2025, "part": "q1"}),
    ("2025年第4季度", {"year": 2025, "part": "q4"}),
    ("2025年下半年", {"year": 2025, "part": "second_half"}),
    ("上半年", {"year": None, "part": "first_half"}),
    ("2025年4月上旬", {"year": 2025, "month": 4, "part": "early"}),
    ("10月中旬", {"month": 10, "part": "mid"}),
    ("2025年7月下旬", {"year": 2025, "month": 7, "part": "late"}),
    ("2025年12月份", {"year": 2025, "month": 12}),
    ("12月份", {"year": None, "month": 12}),
    ("2025年9月", {"year": 2025, "month": 9}),
    ("2025年11月前", {"year": 2025, "month": 11, "before": True}),
    ("2024年", {"year": 2024, "month": None}),
    ("二〇二五年", {"year": 2025}),
    ("2025.12", {"year": 2025, "month": 12}),
    ("2025.6", {"year": 2025, "month": 6}),  # debatable: one-digit month; 2025.6 is never a count
    ("2025-12", {"year": 2025, "month": 12}),
    ("2025/12", {"year": 2025, "month": 12}),
    ("2025.12.31前", {"year": 2025, "month": 12, "day": 31, "before": True}),
    ("2025-06-30", {"year": 2025, "month": 6, "day": 30}),
    ("2025/12/31", {"year": 2025, "month": 12, "day": 31}),
    ("2025年度", {"year": 2025}),
    ("2025年内", {"year": 2025}),
    ("当年12月底前", {"month": 12, "part": "end", "before": True}),
    ("次年6月底前", {"month": 6, "part": "end", "before": True}),
    ("截至2025年12月31日", {"year": 2025, "month": 12, "day": 31}),
    ("截止2025年12月底", {"year": 2025, "month": 12, "part": "end"}),
    ("2025年第一季度末", {"year": 2025}),  # debatable: q1 and end in one part field
    ("年内", {"year": None}),  # debatable: a vague deadline (end of this year); could be Text
]

# (value, (start year, month), (end year, month))
PERIODS = [
    ("2025年1月-12月", (2025, 1), (2025, 12)),
    ("2025年1-12月", (2025, 1), (2025, 12)),
    ("2025年1月至12月", (2025, 1), (2025, 12)),
    ("2025年1月~12月", (2025, 1), (2025, 12)),
    ("2025年3月至11月", (2025, 3), (2025, 11)),
    ("2025年1月1日至2025年12月31日", (2025, 1), (2025, 12)),
    ("2025年1月1日-12月31日", (2025, 1), (2025, 12)),
    ("2025年3月-2025年11月", (2025, 3), (2025, 11)),
    ("2025年1月—2025年12月", (2025, 1), (2025, 12)),
    ("2025.01-2025.12", (2025, 1), (2025, 12)),
    ("2025.1-2025.12", (2025, 1), (2025, 12)),
    ("2025.01.01-2025.12.31", (2025, 1), (2025, 12)),
    ("2024年-2026年", (2024, None), (2026, None)),
    ("2024-2026年", (2024, None), (2026, None)),
    ("1-12月", (None, 1), (None, 12)),
    ("2024年10月至2025年6月", (2024, 10), (2025, 6)),
    ("2025年6-12月", (2025, 6), (2025, 12)),
]

# (value, which way it points)
DIRECTIONS = [
    ("提高", "up"),
    ("提升", "up"),
    ("增加", "up"),
    ("改善", "up"),
    ("逐步提高", "up"),
    ("有所提高", "up"),
    ("稳步提升", "up"),
    ("持续改善", "up"),
    ("显著提高", "up"),
    ("不断完善", "up"),
    ("明显增强", "up"),
    ("得到提升", "up"),
    ("进一步提升", "up"),
    ("大幅提升", "up"),
    ("较上年提高", "up"),
    ("同比提高", "up"),
    ("逐步改善", "up"),
    ("进一步加强", "up"),
    ("全面提升", "up"),
    ("切实提高", "up"),
    ("有所改善", "up"),
    ("稳中有升", "up"),
    ("有效增强", "up"),
    ("不断提升", "up"),
    ("逐年增加", "up"),
    ("明显提升", "up"),
    ("较上年有所提高", "up"),
    ("得到有效提升", "up"),
    ("持续向好", "up"),
    ("稳中向好", "up"),
    ("逐步向好", "up"),
    ("提升明显", "up"),  # debatable: verb before adverb; might be left as Text
    ("下降", "down"),
    ("减少", "down"),
    ("逐年减少", "down"),
    ("有效降低", "down"),
    ("明显下降", "down"),
    ("持续下降", "down"),
    ("有效遏制", "down"),
    ("得到有效控制", "down"),
    ("有所下降", "down"),
    ("大幅减少", "down"),
    ("逐步缩小", "down"),
    ("环比下降", "down"),
    ("稳中有降", "down"),
    ("明显减少", "down"),
    ("稳定", "steady"),
    ("保持稳定", "steady"),
    ("基本稳定", "steady"),
    ("持续稳定", "steady"),
    ("长期", "steady"),
    ("持续", "steady"),
    ("有效保障", "steady"),
    ("得到保障", "steady"),
    ("长期有效", "steady"),
    ("逐步推进", "steady"),
    ("稳步推进", "steady"),
    ("持续推进", "steady"),
    ("明显", "steady"),
    ("显著", "steady"),
    ("有效", "steady"),  # debatable: the spec makes a lone adverb a direction; as a level it is a grade
    ("持平", "steady"),  # debatable: 与上年持平 is a baseline (= 上年); alone it says "no change"
    ("中长期", "steady"),  # debatable: like 长期
    ("与上年持平", "steady"),  # debatable: could be Text with comparator = and baseline 上年
]

# Qualitative levels: the value as printed is the grade.
GRADES = [
    "优",
    "良",
    "中",
    "差",
    "优良",
    "合格",
    "达标",
    "较好",
    "好",
    "一般",
    "高",
    "较高",
    "是",
    "否",
    "有",
    "健全",
    "完善",
    "完备",
    "规范",
    "及时",
    "准确",
    "完整",
    "齐全",
    "正常",
    "安全",
    "合规",
    "满意",
    "基本满意",
    "非常满意",
    "较满意",
    "有序",
    "可控",
    "全覆盖",
    "已完成",
    "按时完成",
    "按期完成",
    "通过",
    "验收合格",
    "符合要求",
    "符合标准",
    "符合国家标准",
    "符合相关规定",
    "满足需求",
    "满足群众需求",
    "达到国家标准",
    "达到国家二级标准",
    "符合规范要求",
    "高效",
    "稳定运行",
    "正常运行",
    "基本完善",
    "基本健全",
    "零",
    "合格。",
    "优秀；",
    # debatable: 达到预期… could be Text with comparator ≥ and baseline 预期… (what the parser gives now)
    "达到预期",
    "达到预期目标",
    "达到预期效果",
    "实现预期目标",
    "符合《预算法》要求",
    "低",
    "较低",
    "充足",
    "到位",
    "及时到位",
    "A级",
    "AAA级",
    "甲级",
    "二级甲等",
    "三级甲等",
    "Ⅱ类",
    "无",  # debatable: an empty marker in some tables; as the value of 安全事故 it means none (grade)
    "良好及以上",  # debatable: a grade with a comparator; Grade has no comparator field
    "效果显著",  # debatable: could be Text
]

# (value, expected fields of the Text); "n_quantities" counts the quantities found inside it.
TEXTS = [
    # a comparator against a named baseline
    ("不低于上年", {"comparator": "≥", "baseline": "上年"}),
    ("不低于上年水平", {"comparator": "≥", "baseline": "上年水平"}),
    ("≥上年", {"comparator": "≥", "baseline": "上年"}),
    ("≥上年度", {"comparator": "≥", "baseline": "上年度"}),
    ("≥上年水平", {"comparator": "≥", "baseline": "上年水平"}),
    ("≤上年", {"comparator": "≤", "baseline": "上年"}),
    ("高于上年", {"comparator": ">", "baseline": "上年"}),
    ("不低于去年同期", {"comparator": "≥", "baseline": "去年同期"}),
    ("≥全省平均水平", {"comparator": "≥", "baseline": "全省平均水平"}),
    ("不低于全省平均水平", {"comparator": "≥", "baseline": "全省平均水平"}),
    ("低于全国平均水平", {"comparator": "<", "baseline": "全国平均水平"}),
    ("≤预算", {"comparator": "≤", "baseline": "预算"}),
    ("不超过预算", {"comparator": "≤", "baseline": "预算"}),
    ("不超过批复预算", {"comparator": "≤", "baseline": "批复预算"}),
    ("≥前三年平均值", {"comparator": "≥", "baseline": "前三年平均值"}),
    ("≥2024年水平", {"comparator": "≥", "baseline": "2024年水平"}),
    ("不低于2024年", {"comparator": "≥", "baseline": "2024年"}),
    ("≥上年同期", {"comparator": "≥", "baseline": "上年同期"}),
    # sentences, with the quantities inside them
    ("提高群众满意度", {"n_quantities": 0}),
    ("保障项目顺利实施", {"n_quantities": 0}),
    ("促进农业增产增收", {"n_quantities": 0}),
    ("改善农村人居环境", {"n_quantities": 0}),
    ("为全县经济社会发展提供保障", {"n_quantities": 0}),
    ("完成全年工作任务", {"n_quantities": 0}),
    ("按照合同约定执行", {"n_quantities": 0}),
    ("有效提升基层医疗服务能力", {"n_quantities": 0}),
    ("群众安全感明显增强", {"n_quantities": 0}),
    ("减少水土流失", {"n_quantities": 0}),
    ("保障困难群众基本生活", {"n_quantities": 0}),
    ("提高农民收入水平", {"n_quantities": 0}),
    ("逐步提高群众健康水平", {"n_quantities": 0}),
    ("以实际发生为准", {"n_quantities": 0}),
    ("根据实际需求确定", {"n_quantities": 0}),
    ("不发生重大安全事故", {"n_quantities": 0}),
    ("完成招标采购", {"n_quantities": 0}),
    ("新建村级文化广场3个", {"n_quantities": 1}),
    ("开展培训3期，培训500人次", {"n_quantities": 2}),
    ("覆盖全县18个乡镇", {"n_quantities": 1}),
    ("完成5项", {"n_quantities": 1}),  # debatable: a verb then a count; could be read as 5项
    ("满意度≥90%", {"n_quantities": 1}),  # debatable: name run into the value; could be ≥90%
    ("受益人口≥5000人", {"n_quantities": 1}),  # debatable: as above
    ("项目实施期内", {"n_quantities": 0}),  # debatable: a period named, not dated
    ("控制在预算范围内", {"n_quantities": 0}),  # debatable: could be ≤ with baseline 预算范围
    ("无重大安全事故", {"n_quantities": 0}),
    ("好/较好", {"n_quantities": 0}),  # debatable: two grades offered; no single level
]

# Values that say "nothing here".
EMPTIES = [
    "/",
    "／",
    "—",
    "——",
    "-",
    "－",
    "\\",
    "N/A",
    "",
    "   ",
    "/。",
    "———",
    "不适用",  # debatable: could be Text
    "暂无",  # debatable: could be Text or the grade 无
]


def _field(value, name):
    return getattr(value, name, None)


@pytest.mark.parametrize(("raw", "kind", "comparator", "number", "unit"), QUANTITATIVE)
def test_quantitative_values(raw, kind, comparator, number, unit):
    value = parse(raw)
    assert value.kind == kind
    assert _field(value, "comparator") == comparator
    assert _field(value, "number") == Decimal(number)
    assert _field(value, "unit") == unit
    assert value.raw == raw


@pytest.mark.parametrize(("raw", "per_unit"), sorted(PER_UNIT.items()))
def test_per_unit_denominators(raw, per_unit):
    assert _field(parse(raw), "per_unit") == per_unit


@pytest.mark.parametrize(("raw", "change"), sorted(CHANGE.items()))
def test_change_or_level(raw, change):
    value = parse(raw)
    assert value.kind == "quantity"
    assert _field(value, "change") == change


@pytest.mark.parametrize("raw", APPROXIMATE)
def test_approximate_flag(raw):
    assert _field(parse(raw), "approximate") is True


@pytest.mark.parametrize("raw", OPEN_ENDED)
def test_open_ended_flag(raw):
    assert _field(parse(raw), "open_ended") is True


@pytest.mark.parametrize(("raw", "low", "high", "unit"), RANGES)
def test_ranges(raw, low, high, unit):
    value = parse(raw)
    assert value.kind == "range"
    assert (_field(value, "low"), _field(value, "high")) == (Decimal(low), Decimal(high))
    assert _field(value, "unit") == unit


@pytest.mark.parametrize(("raw", "result", "unit"), EXPRESSIONS)
def test_expressions(raw, result, unit):
    value = parse(raw)
    assert value.kind == "expression"
    assert (_field(value, "result"), _field(value, "unit")) == (Decimal(result), unit)


@pytest.mark.parametrize(("raw", "fields"), DATES)
def test_dates(raw, fields):
    value = parse(raw)
    assert value.kind == "date"
    assert {k: _field(value, k) for k in fields} == fields


@pytest.mark.parametrize(("raw", "start", "end"), PERIODS)
def test_periods(raw, start, end):
    value = parse(raw)
    assert value.kind == "period"
    got_start = (_field(value.start, "year"), _field(value.start, "month"))
    got_end = (_field(value.end, "year"), _field(value.end, "month"))
    assert (got_start, got_end) == (start, end)


@pytest.mark.parametrize(("raw", "direction"), DIRECTIONS)
def test_directions(raw, direction):
    value = parse(raw)
    assert value.kind == "direction"
    assert _field(value, "direction") == direction


@pytest.mark.parametrize("raw", GRADES)
def test_grades(raw):
    value = parse(raw)
    assert value.kind == "grade"
    assert _field(value, "grade") == raw.rstrip("。；")


@pytest.mark.parametrize(("raw", "fields"), TEXTS)
def test_texts(raw, fields):
    value = parse(raw)
    assert value.kind == "text"
    expected = dict(fields)
    n = expected.pop("n_quantities", None)
    assert {k: _field(value, k) for k in expected} == expected
    if n is not None:
        assert len(value.quantities) == n


@pytest.mark.parametrize("raw", EMPTIES)
def test_empty_markers(raw):
    assert parse(raw).kind == "empty"


def test_the_table_holds_over_300_distinct_values():
    rows = (
        [r[0] for r in QUANTITATIVE]
        + [r[0] for r in RANGES]
        + [r[0] for r in EXPRESSIONS]
        + [r[0] for r in DATES]
        + [r[0] for r in PERIODS]
        + [r[0] for r in DIRECTIONS]
        + GRADES
        + [r[0] for r in TEXTS]
        + EMPTIES
    )
    assert len(rows) == len(set(rows)), sorted({r for r in rows if rows.count(r) > 1})
    assert len(rows) >= 300
    # the extra-field tables only refer to rows of the main table
    quantitative = {r[0] for r in QUANTITATIVE}
    assert set(PER_UNIT) | set(CHANGE) | set(APPROXIMATE) | set(OPEN_ENDED) <= quantitative
