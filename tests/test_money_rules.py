"""The money check types on hand-built tables: cost sums, price × quantity, denominators, goal
against indicators, lump sums and funding breakdowns.

The tables copy the figures of the real examples (examples/002 门源县 2023, 003 东莞市 2024,
004 平罗县 2025); every expected figure was worked out by hand and is written next to the test.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from linter.checks import cost_sum, denominator, funding, goal_match, lump_sum, price_quantity
from linter.checks.money import format_yuan, money_slack, total_amount, value_slack
from linter.model import Funding, Indicator, Location, Money, Table
from linter.values import parse
from linter.values.types import Range

D = Decimal
COST, COUNT, QUALITY = "成本指标", "数量指标", "质量指标"


# ------------------------------------------------------------------ money helpers


def test_amounts_are_written_back_as_a_table_prints_them():
    assert format_yuan(D(1350000)) == "135万元"
    assert format_yuan(D(900)) == "900元"
    assert format_yuan(D(134856)) == "13.4856万元"
    assert format_yuan(D(134856), "元") == "134856元"
    assert format_yuan(D("859900.00")) == "85.99万元"


def test_printed_precision_gives_the_rounding_slack(wan):
    assert money_slack(wan("13.49")) == 50  # 13.49万元 covers 134850 … 134950 元
    assert money_slack(wan("4,393.85")) == 50
    assert money_slack(Money("13.49万元", D(134900))) == 50
    assert money_slack(wan("50")) == 0  # a whole number of 万元 is taken as exact
    assert money_slack(wan("0.09")) == 50
    assert value_slack(parse("0.7万元")) == 500
    assert value_slack(parse("98856元")) == 0


def test_total_amount_reads_ceilings_bare_wan_and_ranges_but_not_prices():
    assert total_amount(parse("≤45万元")) == (450000, 450000)
    assert total_amount(parse("20万")) == (200000, 200000)
    assert total_amount(parse("2746×3×12元")) == (98856, 98856)
    assert total_amount(parse("10元/每户")) is None
    assert total_amount(parse("2 次")) is None
    assert total_amount(parse("100%")) is None
    assert total_amount(parse("3*300")) is None  # no unit: not knowably money


# ------------------------------------------------------------------ cost-sum


def test_cost_items_over_the_funding_are_reported_with_both_figures(document, row, run_check, table):
    # 002 project 8: 45 + 30 + 30 + 30 = 135 万元 on a 50.00 万元 project.
    t = table(
        row(COST, "火灾及抢险救援处置成本", "≤45万元", 20),
        row(COST, "安保执勤成本", "≤30万元", 21),
        row(COST, "消防培训成本", "≤30万元", 22),
        row(COST, "消防监督检查成本", "≤30万元", 23),
        name="应急度汛安全经费",
        total="50.00",
    )
    [hit] = run_check(cost_sum, document(t))
    assert hit.args["sum"] == "135万元"
    assert hit.args["funding"] == "50万元"
    assert hit.args["diff"] == "85万元"
    assert hit.location.line == 20 and hit.level2 == COST and hit.table is t


def test_rounding_of_the_printed_funding_is_allowed_for(document, row, run_check, table):
    # 004 project 1: 98856 + 36000 = 134856 元 against 13.49 万元 (134850 … 134950): fine.
    rows = [
        row(COST, "3名技术人员经费补助标准 2746元/人", "98856元"),
        row(COST, "1名专家经费补助标准 3000元/人", "36000元"),
    ]
    assert run_check(cost_sum, document(table(*rows, name="政府长聘人员经费", total="13.49"))) == []
    # Printed as 13.4 万元 (133950 … 134050) the same items are 806 元 over the edge.
    [hit] = run_check(cost_sum, document(table(*rows, name="政府长聘人员经费", total="13.4")))
    assert hit.args["sum"] == "134856元"  # the items were printed in 元, so the sum is too
    assert hit.args["funding"] == "13.4万元"
    assert hit.args["diff"] == "856元"


def test_costs_that_add_up_are_not_reported(document, row, run_check, table):
    # 002 project 1: 10 + 20 + 8 + 8 + 4 = 50.00; project 3: 1.2万 + 1万元 + 2万元 = 4.20.
    p1 = table(
        row(COST, "宣传培训成本", "≤10万元"),
        row(COST, "咨询和检查成本", "≤20万元"),
        row(COST, "省安全检查", "≤8万元"),
        row(COST, "办公用品购置、劳务费", "≤8万元"),
        row(COST, "安全生产经费", "≤4万元"),
        name="全县安全生产监管专项",
        total="50.00",
    )
    p3 = table(
        row(COST, "制定印发宣传手册、制作宣传展板", "1.2万。"),
        row(COST, "业务工作经费", "1万元"),
        row(COST, "法制培训全年三次", "2万元。"),
        name="防灾减灾救灾及法制宣传经费",
        total="4.20",
    )
    assert run_check(cost_sum, document(p1, p3)) == []


def test_a_short_sum_is_reported_only_when_every_cost_is_a_readable_total(document, row, run_check, table):
    complete = table(
        row(COST, "管理维护经费", "4.1万元"),
        row(COST, "灾害信息员培训", "0.9万元"),
        name="救灾物资储备库运转经费",
        total="6.00",
    )
    [hit] = run_check(cost_sum, document(complete))
    assert (hit.args["sum"], hit.args["funding"], hit.args["diff"]) == ("5万元", "6万元", "1万元")
    assert run_check(cost_sum, document(complete), report_under=False) == []
    # A unit price or a value in 次 among the costs: the totals need not cover the funding.
    with_price = table(
        row(COST, "补贴标准", "10元/户"), row(COST, "管理费", "5万元"), name="农村住房保险", total="20.00"
    )
    with_count = table(
        row(COST, "火险形势会商", "2 次"), row(COST, "会商费", "5万元"), name="应急物资", total="54"
    )
    assert run_check(cost_sum, document(with_price, with_count)) == []


def test_a_total_row_above_its_items_is_not_counted_twice(document, row, run_check, table):
    t = table(
        row(COST, "项目总成本", "50万元"),
        row(COST, "培训费", "20万元"),
        row(COST, "设备费", "30万元"),
        name="培训经费",
        total="50",
    )
    assert run_check(cost_sum, document(t)) == []
    # Without the breakdown adding up, the rows are items: 50 + 20 + 25 = 95 万元.
    t = table(
        row(COST, "项目总成本", "50万元"),
        row(COST, "培训费", "20万元"),
        row(COST, "设备费", "25万元"),
        name="培训经费",
        total="50",
    )
    [hit] = run_check(cost_sum, document(t))
    assert hit.args["sum"] == "95万元"


def test_an_over_run_is_reported_even_beside_unreadable_costs(document, row, run_check, table):
    t = table(
        row(COST, "会务费", "≤3万元"),
        row(COST, "培训费", "2万元"),
        row(COST, "其他", "若干"),
        name="森林防火工作经费",
        total="4.00",
    )
    [hit] = run_check(cost_sum, document(t))
    assert hit.args["sum"] == "5万元" and hit.args["diff"] == "1万元"


def _range_row(row, low: int, high: int) -> Indicator:
    # Built by hand: the check's reading of a money range, whatever the grammar makes of 8-12万元.
    r = row(COST, "检查费", f"{low}-{high}万元")
    r.value = Range(
        raw=r.value_text,
        span=(0, len(r.value_text)),
        low=D(low * 10000),
        high=D(high * 10000),
        unit="元",
        unit_kind="money",
        written_unit="万元",
    )
    return r


def test_ranges_count_by_their_ends(document, row, run_check, table):
    assert run_check(cost_sum, document(table(_range_row(row, 8, 12), name="检查经费", total="10"))) == []
    [hit] = run_check(cost_sum, document(table(_range_row(row, 11, 12), name="检查经费", total="10")))
    assert hit.args["sum"] == "11万元"
    [hit] = run_check(cost_sum, document(table(_range_row(row, 5, 8), name="检查经费", total="10")))
    assert hit.args["sum"] == "8万元"


def test_no_funding_or_no_money_costs_means_nothing_to_compare(document, row, run_check, table):
    assert run_check(cost_sum, document(table(row(COST, "培训费", "2万元"), name="无资金"))) == []
    assert run_check(cost_sum, document(table(row(COUNT, "培训次数", "2次"), name="无成本", total="5"))) == []


def test_relative_tolerance_widens_the_slack(document, row, run_check, table):
    t = table(row(COST, "培训费", "10.04万元"), name="培训经费", total="10")  # 400 元 over an exact 10 万元
    assert len(run_check(cost_sum, document(t))) == 1
    assert run_check(cost_sum, document(t), tolerance=0.005) == []  # 0.5 % of 10万元 = 500 元


# ------------------------------------------------------------------ price-quantity


def test_price_times_households_against_the_named_total(document, row, run_check, table):
    # 002 project 4: 10 元/户 × 3.2 万户 = 32 万元, but 农村住房保险总成本 is 20万.
    t = table(
        row(COUNT, "农村住房保险补贴户数", "3.2 万户"),
        row(COST, "农村住房保险总成本", "20万"),
        row(COST, "人均农村住房保险补贴标准", "10元/每户", 30),
        name="农村住房保险",
        total="20.00",
    )
    [hit] = run_check(price_quantity, document(t))
    assert hit.indicator.name == "人均农村住房保险补贴标准" and hit.location.line == 30
    assert hit.args["price"] == "10元/户"
    assert hit.args["quantity"] == "3.2万户"
    assert hit.args["product"] == "32万元"
    assert hit.args["total"] == "20万元"
    assert hit.args["total_name"]["zh"] == "农村住房保险总成本"
    assert hit.args["note"] == {"zh": "", "en": ""}  # 12 × 32万 = 384万 fits nothing


def test_price_in_the_name_times_head_count_and_the_twelve_month_hint(document, row, run_check, table):
    # 004 project 1: 3 × 2746 = 8238 元 ≠ 98856 元; 12 × 8238 = 98856: a monthly rate.
    rows = [
        row(COST, "3名技术人员经费补助标准 2746元/人", "98856元", 40),
        row(COST, "1名专家经费补助标准 3000元/人", "36000元", 41),
    ]
    hits = run_check(price_quantity, document(table(*rows, name="政府长聘人员经费", total="13.49")))
    assert [h.location.line for h in hits] == [40, 41]
    first, second = (h.args for h in hits)
    assert (first["price"], first["quantity"], first["product"], first["total"]) == (
        "2746元/人",
        "3名",
        "8238元",
        "98856元",
    )
    assert "98856元" in first["note"]["zh"] and "元/人·月" in first["note"]["zh"]
    assert (second["product"], second["total"]) == ("3000元", "36000元")  # 1 × 3000; ×12 = 36000
    assert "元/人·月" in second["note"]["en"]


def test_a_monthly_price_that_fits_is_fine(document, row, run_check, table):
    rows = [
        row(COST, "3名技术人员经费补助标准 2746元/人·月", "98856元"),
        row(COST, "技术人员补助", "2746元/人·月"),
        row(COUNT, "技术人员人数", "3人"),
    ]
    assert run_check(price_quantity, document(table(*rows, name="政府长聘人员经费", total="13.49"))) == []


def test_a_price_with_no_single_count_or_a_part_of_the_funding_is_left_alone(document, row, run_check, table):
    # Two different head counts: no telling which the price is for.
    two = table(
        row(COUNT, "培训人数", "200人"),
        row(COUNT, "宣传覆盖人数", "2万人"),
        row(COST, "人均培训费", "300元/人"),
        name="培训经费",
        total="10",
    )
    # 300 元 × 200 人 = 6 万元 of a 10 万元 project: the rest may go to the venue.
    part = table(
        row(COUNT, "培训人数", "200人"), row(COST, "人均培训费", "300元/人"), name="培训经费", total="10"
    )
    # A head count of something else: 宣传覆盖人数 is not who the 培训费 is paid for.
    other = table(
        row(COUNT, "宣传覆盖人数", "2万人"), row(COST, "人均培训费", "300元/人"), name="培训经费", total="10"
    )
    assert run_check(price_quantity, document(two, part, other)) == []


def test_a_priced_part_dearer_than_the_whole_project_is_reported(document, row, run_check, table):
    # 300 元 × 500 人 = 15 万元 > the 10 万元 funding.
    t = table(
        row(COUNT, "培训人数", "500人"), row(COST, "人均培训费", "300元/人"), name="培训经费", total="10"
    )
    [hit] = run_check(price_quantity, document(t))
    assert hit.args["product"] == "15万元" and hit.args["total"] == "10万元"
    assert hit.args["total_name"]["zh"] == "项目资金"


# ------------------------------------------------------------------ denominator


def test_per_person_name_with_a_per_household_unit(document, row, run_check, table):
    t = table(row(COST, "人均农村住房保险补贴标准", "10元/每户"), name="农村住房保险", total="20")
    [hit] = run_check(denominator, document(t))
    assert hit.args == {"word": "人均", "expected": "人", "per_unit": "户"}


@pytest.mark.parametrize(
    "name,value",
    [
        ("户均农村住房保险补贴标准", "10元/户"),
        ("人均培训成本", "500元"),  # no per-unit: the name gives it
        ("每户年保费", "10元/年"),  # per year, not per something else
        ("人均培训费", "200元/人次"),
        ("每名技术人员补助", "2746元/人·月"),
    ],
)
def test_agreeing_denominators_are_fine(document, row, run_check, table, name, value):
    assert run_check(denominator, document(table(row(COST, name, value), name="t", total="20"))) == []


# ------------------------------------------------------------------ goal-indicator

GOAL_1 = (
    "<p>目标1: 力争完成州政府、州安委下达的各项安全考核目标; 完成对全县煤矿、非煤矿等企业的全面排查、体检, "
    "完成企业安全检查50次, 开展第三方专家咨询检查4次以上, 使重大安全事故发生率降低为0;</p> "
    "<p>目标2: 组织开展生产安全事故隐患排查治理, 安监人员的业务能力培训工作, 实现省州级培训4次以上;</p>"
)


def test_goal_households_against_the_indicator(document, row, run_check, table):
    # 002 project 4: the goal says 2万户, the indicator 3.2 万户.
    goal = (
        "<p>目标1: 实施农村住房保险补贴, 降低各种自然灾害给村民带来的经济损失, 实现农村住房保险补贴2万户, "
        "及时为村民办理住房保险, 并及时为受灾参保村民进行补贴。</p>"
    )
    t = table(
        row(COUNT, "农村住房保险补贴户数", "3.2 万户"),
        row(QUALITY, "农村住房保险补贴覆盖率", "≥95%"),
        name="农村住房保险",
        total="20.00",
        goal=goal,
    )
    [hit] = run_check(goal_match, document(t))
    assert hit.indicator.name == "农村住房保险补贴户数"
    assert hit.args == {
        "goal_value": "2万户",
        "goal_words": "农村住房保险补贴",
        "goal_quote": "农村住房保险补贴2万户",
        "suggestion": "2万户",
    }


def test_a_goal_naming_what_it_counts_after_the_figure(document, row, run_check, table):
    # 002 退休人员慰问金: 保障33名退休干部工作的正常开展, the indicator of the same words ≥3人
    goal = "目标1: 保障33名退休干部工作的正常开展; 作积极性和主动性。"
    t = table(
        row(COUNT, "保障33名退休干部工作的正常开展", "≥3人"), name="退休人员慰问金", total="0.09", goal=goal
    )
    [hit] = run_check(goal_match, document(t))
    assert hit.args["goal_quote"] == "33名退休干部工作的正常开展" and hit.args["suggestion"] == "33名"
    # the name holds the goal's figure too (name-value-conflict reports that text): the figure goes
    # to the value, the name keeps what is counted (the seeds audit: both must)
    assert hit.args["suggested_name"] == "保障退休干部工作的正常开展"


def test_the_goal_words_quoted_start_with_no_punctuation(document, row, run_check, table):
    # items joined by 、: the second item's words start after the 、 (issue 19: “、第三方…” was quoted)
    goal = "完成企业安全检查50次、第三方专家咨询检查4次以上。"
    t = table(
        row(COUNT, "企业安全检查", "50次"),
        row(COUNT, "第三方专家咨询和检查", "≥2次"),
        name="全县安全生产监管专项",
        total="50.00",
        goal=goal,
    )
    [hit] = run_check(goal_match, document(t))
    assert hit.args["goal_words"] == "第三方专家咨询检查" and hit.args["suggestion"] == "≥4次"


def test_an_indicator_below_an_open_goal_is_reported_a_stricter_one_is_not(document, row, run_check, table):
    # 002 project 1: goal 4次以上 vs ≥2次 (below: reported) and vs ≥8次 (stricter: fine); 50 = 50.
    t = table(
        row(COUNT, "企业安全检查", "50次"),
        row(COUNT, "第三方专家咨询和检查", "≥2次"),
        row(COUNT, "省、州级培训", "≥8次"),
        name="全县安全生产监管专项",
        total="50.00",
        goal=GOAL_1,
    )
    [hit] = run_check(goal_match, document(t))
    assert hit.indicator.name == "第三方专家咨询和检查"
    assert hit.args["goal_value"] == "4次以上"


def test_approximate_goals_allow_a_tenth(document, row, run_check, table):
    goal = "发放普法宣传资料5万余份，开展防灾减灾法制讲座8余场次"
    near = table(row(COUNT, "发放宣传资料数量", "≥5万份"), name="法制宣传", total="4.2", goal=goal)
    far = table(
        row(COUNT, "发放宣传资料数量", "4.4万份"), name="法制宣传", total="4.2", goal=goal
    )  # 6000 > 5000
    assert run_check(goal_match, document(near)) == []
    [hit] = run_check(goal_match, document(far))
    assert hit.args["goal_value"] == "5万余份"


def test_unrelated_or_ambiguous_indicators_are_not_paired(document, row, run_check, table):
    goal = "完成演练2次以上，完成培训5次以上"
    unrelated = table(row(COUNT, "森林防火救援处置", "≥1次"), name="森林防火", total="4", goal=goal)
    tie = table(
        row(COUNT, "消防培训次数", "≥3次"),
        row(COUNT, "安全培训次数", "≥6次"),
        name="森林防火",
        total="4",
        goal=goal,
    )
    assert run_check(goal_match, document(unrelated, tie)) == []


def test_a_rate_per_period_in_the_goal_is_not_the_year_s_count(document, row, run_check, table):
    t = table(row(COUNT, "安全检查次数", "4次"), name="安全检查", total="6", goal="每季度开展安全检查1次")
    assert run_check(goal_match, document(t)) == []


def test_an_upper_bound_goal_rules_out_a_higher_value(document, row, run_check, table):
    t = table(row(COUNT, "故障维修次数", "≤8次"), name="维修", total="6", goal="故障维修5次以内")
    [hit] = run_check(goal_match, document(t))
    assert hit.args["goal_value"] == "5次以内"


# ------------------------------------------------------------------ lump-sum


def test_a_generic_cost_equal_to_the_funding_is_reported(document, row, run_check, table):
    # 004 project 2: 项目费用 360000 元 on a 36 万元 project.
    t = table(
        row(COUNT, "点评反馈会次数", "12 次"),
        row(COST, "项目费用", "360000 元", 50),
        name="2025 年安全生产标准化建设经费",
        total="36",
    )
    [hit] = run_check(lump_sum, document(t))
    assert hit.location.line == 50
    assert hit.args == {"amount": "36万元", "funding": "36万元"}


def test_cost_names_copied_from_the_project_name_or_goal_are_reported(document, row, run_check, table):
    # 004 projects 3, 6 and 7.
    p3 = table(
        row(COST, "应急平台及无人机设备保持运转正常并根据分级分类监管工作实际支出", "58.5 万元"),
        name="2025 年企业分级分类监管",
        total="58.5",
    )
    p6 = table(
        row(COST, "保障政府应急通信设施正常运转及救灾物资充足", "13.5 万元"),
        name="应急指挥通信及救灾设备维护费",
        total="13.5",
        goal="用于保障政府应急通信设施正常运转及救灾物资充足, 提高自然灾害、安全事故救援能力",
    )
    p7 = table(
        row(COST, "工业企业安全专家指导服务及生产经营单位全员安全培训", "9 万元"),
        name="工业企业安全专家指导服务及生产经营单位全员安全培训费",
        total="9",
    )
    assert [h.table.name for h in run_check(lump_sum, document(p3, p6, p7))] == [p3.name, p6.name, p7.name]


def test_a_named_single_item_a_breakdown_or_a_formula_is_not_a_lump_sum(document, row, run_check, table):
    p5 = table(
        row(COST, "制式服装购置费及执法设备购置费", "90000 元"),
        name="2025 年应急管理综合行政执法装备",
        total="9",
        goal="加快推进应急管理综合行政执法改革, 强化执法保障, 提升执法规范化、标准化建设",
    )
    two = table(
        row(COST, "项目费用", "16万元"), row(COST, "培训费", "20万元"), name="标准化建设经费", total="36"
    )
    formula = table(row(COST, "每人每年300元", "3*300元"), name="退休人员慰问金", total="0.09")
    priced = table(
        row(COST, "农村住房保险总成本", "20万"),
        row(COST, "补贴标准", "10元/户"),
        name="农村住房保险",
        total="20.00",
    )
    short = table(row(COST, "项目费用", "30万元"), name="标准化建设经费", total="36")  # not the whole funding
    assert run_check(lump_sum, document(p5, two, formula, priced, short)) == []


# ------------------------------------------------------------------ funding-breakdown


def test_total_against_fiscal_and_other(document, run_check, table):
    bad = table(name="应急指挥中心运维费", total="23.43", fiscal="20", other="2")
    [hit] = run_check(funding, document(bad))
    assert hit.args["parts"] == "财政拨款 20万元 + 其他资金 2万元"
    assert (hit.args["sum"], hit.args["whole"], hit.args["total"], hit.args["diff"]) == (
        "22万元",
        "年度资金总额",
        "23.43万元",
        "1.43万元",
    )
    fine = table(name="应急指挥中心运维费", total="23.43", fiscal="23.43")  # 其他资金 blank: none
    rounded = table(name="x", total="13.49", fiscal="10.00", other="3.49")
    assert run_check(funding, document(fine, rounded)) == []


def test_period_funding_is_checked_too(document, run_check, table, wan):
    t = table(name="应急管理局劳务派遣经费", total="13", fiscal="13")
    t.period_funding = Funding(total=wan("26"), fiscal=wan("13"))
    [hit] = run_check(funding, document(t))
    assert hit.args["whole"] == "实施期资金总额" and hit.args["diff"] == "13万元"


MENYUAN = [
    ("全县安全生产监管专项", "50.00"),
    ("防震减灾工作经费", "1.70"),
    ("防灾减灾救灾及法制宣传经费", "4.20"),
    ("农村住房保险", "20.00"),
    ("救灾物资储备库运转经费", "6.00"),
    ("森林防火工作经费", "4.00"),
    ("退休人员慰问金", "0.09"),
    ("应急度汛安全经费", "50.00"),
]


def test_document_total_against_its_projects(document, run_check, table, wan):
    # 002: 50 + 1.7 + 4.2 + 20 + 6 + 4 + 0.09 + 50 = 135.99 万元 = the printed 合计.
    projects = [table(name=name, total=amount, goal=f"保障{name}") for name, amount in MENYUAN]
    assert run_check(funding, document(*projects, total=wan("135.99"))) == []
    [hit] = run_check(funding, document(*projects, total=wan("136.99")))
    assert (hit.args["sum"], hit.args["total"], hit.args["diff"]) == ("135.99万元", "136.99万元", "1万元")
    assert hit.table is None
    # A bare amount row (a unit's subtotal, say) among them, or one project's amount unread:
    # no sum to assert.
    subtotal = table(name="门源县应急管理局", total="135.99")
    assert run_check(funding, document(subtotal, *projects, total=wan("135.99"))) == []
    projects[3].funding = Funding()
    assert run_check(funding, document(*projects, total=wan("136.99"))) == []


def _dongguan(wan, project_spending: str) -> Table:
    t = Table(name="东莞市应急管理局", kind="department", location=Location("t.txt", 1, 1))
    t.budget = {
        "基本支出": wan("4,393.85"),
        "项目支出": wan(project_spending),
        "财政拨款": wan("8,864.78"),
        "其他资金": wan("0.00"),
        "财政专项资金": wan("1,662.00"),
        "其他事业发展性支出": wan("4.80"),
    }
    return t


def test_department_budget_block(document, run_check, wan):
    # 003: 4393.85 + 2804.13 = 7197.98 ≠ 8864.78, but with 事业发展性支出 1662.00 + 4.80 it is
    # 8864.78 exactly: the block adds up and nothing is reported.
    assert run_check(funding, document(_dongguan(wan, "2,804.13"))) == []
    # 项目支出 miscopied as 2904.13: no reading adds up (100 万元 over with 事业发展性支出).
    [hit] = run_check(funding, document(_dongguan(wan, "2,904.13")))
    assert hit.args["whole"] == "财政拨款 + 其他资金"
    assert hit.args["total"] == "8864.78万元"
    assert hit.args["parts"].startswith("基本支出 4393.85万元 + 项目支出 2904.13万元")


def test_department_budget_with_a_part_missing_asserts_nothing(document, run_check, wan):
    t = _dongguan(wan, "2,904.13")
    del t.budget["项目支出"]
    assert run_check(funding, document(t)) == []
