"""Every check type of linter/checks/ on rows crafted here, independent of the rule files: what it
finds (on which row, with which args, pointing at the name or the value) and what it leaves alone,
with its default parameters unless a test says otherwise (conftest.py's ``run_check``).

The money, time and satisfaction check types have modules of their own (test_money_rules.py,
test_time_rules.py, test_satisfaction_rules.py); ``test_every_check_type_has_direct_tests`` holds
the set complete. Rows copy the real examples where one shows the defect.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from linter.model import Location, Problem, Task
from linter.rulebook import RuleError

COUNT, QUALITY, TIME, COST = "数量指标", "质量指标", "时效指标", "成本指标"
SOCIAL, ECONOMIC, LASTING, ECO = "社会效益指标", "经济效益指标", "可持续影响指标", "生态效益指标"
SAT = "服务对象满意度指标"
TESTS = Path(__file__).parent


def test_every_check_type_has_direct_tests():
    from linter.checks import load_check_type

    names = sorted(
        p.stem.replace("_", "-")
        for p in (TESTS.parent / "linter" / "checks").glob("*.py")
        if not p.stem.startswith("_")
    )
    types = [n for n in names if hasattr(load_check_type(n), "PARAMS")]
    assert len(types) >= 39
    sources = {p.name: p.read_text(encoding="utf-8") for p in TESTS.glob("test_*.py")}
    here = sources["test_check_types.py"]
    imported = {
        name
        for text in sources.values()
        for line in re.findall(r"^from linter\.checks import (.+)$", text, re.M)
        for name in line.replace(" ", "").split(",")
    }
    untested = [t for t in types if f'run_check("{t}"' not in here and t.replace("-", "_") not in imported]
    assert untested == []


def at_value(hit) -> bool:
    """Whether a hit points at its row's value (else at its name): see conftest.row."""
    return hit.location == hit.indicator.value_location


# ---------------------------------------------------------------------- bare-number


def test_bare_number_finds_a_number_without_unit_and_takes_the_unit_from_the_name(row, document, run_check):
    [hit] = run_check(
        "bare-number", document(row(COUNT, "点评反馈会次数", "4"), row(COUNT, "试点企业数量", "4家"))
    )
    assert hit.indicator.name == "点评反馈会次数" and at_value(hit)
    assert (hit.args["number"], hit.args["unit"], hit.args["suggestion"]) == ("4", "次", "4次")


def test_bare_number_proposes_no_unit_when_neither_name_nor_category_says(row, document, run_check):
    [hit] = run_check("bare-number", document(row(COUNT, "警示教育片", "1")))
    assert hit.args["number"] == "1" and "unit" not in hit.args and "suggestion" not in hit.args
    assert hit.args["unit_kind"]["zh"]  # the kind of unit missing, named instead
    [cost] = run_check("bare-number", document(row(COST, "专家咨询", "5")))
    assert cost.args["unit"] == "万元"  # the category's unit


def test_bare_number_leaves_units_and_zero_alone_unless_asked(row, document, run_check):
    doc = document(row(COUNT, "培训次数", "4次"), row(COUNT, "事故次数", "0"), row(QUALITY, "合格率", "≥95%"))
    assert run_check("bare-number", doc) == []
    [zero] = run_check("bare-number", doc, skip_zero=False)
    assert zero.indicator.name == "事故次数"


def test_bare_number_with_magnitude_reports_the_dropped_yuan_only(row, document, run_check):
    doc = document(row(COST, "农村住房保险总成本", "20万"), row(COUNT, "农村住房保险参保人数", "3.2万"))
    assert run_check("bare-number", doc) == []  # a magnitude is a unit of sorts: not the plain check's
    cost, people = run_check("bare-number", doc, magnitude=True)
    assert (cost.args["magnitude"], cost.args["suggestion"]) == ("万", "20万元")
    assert people.args["suggestion"] == "3.2万人"  # the name counts people


# ---------------------------------------------------------------------- blank-fields


def _form(document, table, row, text: str, **table_fields):
    return document(table(row(COUNT, "培训次数", "4次"), name="示例项目", **table_fields), source_text=text)


def test_blank_fields_finds_a_label_ending_its_line_before_another_label(document, table, row, run_check):
    text = "项目名称:\n主管部门: 某县应急管理局\n实施单位:\n资金总额: 20万元\n一级指标 二级指标 三级指标 指标值\n"
    [hit] = run_check("blank-fields", _form(document, table, row, text))
    assert hit.indicator is None and hit.table.name == "示例项目"
    assert (hit.args["fields"], hit.args["count"]) == ("项目名称、实施单位", 2)
    assert (hit.location.line, hit.location.column) == (1, 1)


def test_blank_fields_finds_a_pipe_row_with_only_empty_cells(document, table, row, run_check):
    text = "| 专项名称 | 防汛经费 | |\n| 专项立项 依据 | | | |\n| 主管部门 | 某局 | |\n指标\n"
    [hit] = run_check("blank-fields", _form(document, table, row, text))
    assert hit.args["fields"] == "专项立项依据" and hit.location.line == 2


def test_blank_fields_leaves_filled_fields_and_values_on_the_next_line_alone(document, table, row, run_check):
    filled = "项目名称: 防汛经费\n主管部门: 某县应急管理局\n指标\n"
    value_below = "项目名称:\n防汛经费\n主管部门: 某局\n指标\n"  # one cell a line: the value follows
    last_line = "主管部门: 某局\n项目名称:\n"  # the text may be cut there
    for text in (filled, value_below, last_line, ""):
        assert run_check("blank-fields", _form(document, table, row, text)) == [], text
    cut = document(table(name="示例项目", truncated=True), source_text="项目名称:\n主管部门: 某局\n指标\n")
    assert run_check("blank-fields", cut) == []  # the text stops in the table's header


# ---------------------------------------------------------------------- category-placement


def test_category_placement_finds_a_heading_printed_in_a_name(row, document, run_check):
    # 002: 2. 社会效益指标 地震安全知识知晓率, read inside the 经济效益 list
    rows = [
        row(ECONOMIC, "社会效益指标 地震安全知识知晓率", "≥95%"),
        row(ECONOMIC, "社会效益指标 宣传覆盖率", "≥90%"),
    ]
    [hit] = run_check("category-placement", document(*rows))  # once per heading
    assert hit.indicator is rows[0] and hit.args == {"heading": SOCIAL, "under": ECONOMIC}


def test_category_placement_finds_a_second_level_under_another_first_level(row, document, run_check):
    [hit] = run_check("category-placement", document(row(SAT, "群众满意度", "≥95%", level1="效益指标")))
    assert hit.args == {"heading": SAT, "under": "效益指标"}


def test_category_placement_leaves_rows_in_their_place_alone(row, document, run_check):
    doc = document(
        row(SAT, "群众满意度", "≥95%"),
        row(SOCIAL, "事故率", "≤1%"),
        row("经济成本指标", "培训费", "≤2万元", level1="成本指标"),  # provinces filing 成本 as a 一级
    )
    assert run_check("category-placement", doc) == []


# ---------------------------------------------------------------------- comparator


def test_comparator_finds_a_rate_and_a_time_limit_without_a_sign(row, document, run_check):
    doc = document(row(QUALITY, "系统故障率", "3%"), row(TIME, "故障响应时间", "2小时"))
    rate, limit = run_check("comparator", doc)
    assert rate.args["suggestion"] == "≤3%" and at_value(rate)  # a rate of something bad: at most
    assert limit.args["suggestion"] == "≤2小时"
    [good] = run_check("comparator", document(row(QUALITY, "验收合格率", "98%")))
    assert good.args["suggestion"] == "≥98%"


def test_comparator_leaves_exact_rates_changes_counts_and_satisfaction_alone(row, document, run_check):
    doc = document(
        row(QUALITY, "验收合格率", "100%"),
        row(QUALITY, "事故率", "0%"),
        row(QUALITY, "验收合格率", "≥98%"),
        row(SOCIAL, "事故发生率", "同比下降5%"),
        row(COUNT, "培训次数", "12次"),
        row(COUNT, "服务时长", "2小时"),  # a time limit outside 时效
        row(SAT, "群众满意度", "95%"),  # satisfaction-value's
    )
    assert run_check("comparator", doc) == []


# ---------------------------------------------------------------------- direction


def test_direction_finds_values_pointing_against_the_name(row, document, run_check):
    doc = document(
        row(SOCIAL, "减少因自然灾害造成的经济损失", "不断提高", 1),
        row(QUALITY, "系统故障率", "≥5%", 2),
        row(SOCIAL, "提高群众安全意识", "逐步降低", 3),
    )
    down, bad, up = run_check("direction", doc)
    assert down.args["wanted"]["zh"] == "要求下降" and at_value(down)
    assert bad.args["wanted"]["zh"] == "要求下降" and bad.args["suggestion"] == "同比下降5%"
    assert up.args["wanted"]["zh"] == "要求上升"


def test_direction_finds_a_cost_set_as_a_floor_where_costs_are_ceilings(row, document, run_check):
    doc = document(row(COST, "防疫室", "≥1050元"), row(COST, "培训费", "≤2万元"))
    assert run_check("direction", doc) == []  # no category of ceilings by default
    [hit] = run_check("direction", doc, ceiling_categories=[COST])
    assert hit.indicator.name == "防疫室" and hit.args["suggestion"] == "≤1050元"


def test_direction_leaves_agreeing_values_and_rates_of_reduction_alone(row, document, run_check):
    doc = document(
        row(QUALITY, "系统故障率", "≤5%"),
        row(SOCIAL, "减少因自然灾害造成的经济损失", "同比下降5%"),
        row(ECONOMIC, "受灾群众财产损失降低率", "≥5%"),  # the reduction should rise
        row(SOCIAL, "提高群众安全意识", "明显提高"),
    )
    assert run_check("direction", doc) == []


# ---------------------------------------------------------------------- duplicates


def test_duplicates_finds_the_second_occurrence_and_names_the_first(row, document, run_check):
    first = row(COUNT, "专家及技术员开展现场指导服务次数", "12次", 5)
    again = row(QUALITY, "专家及技术员开展现场指导服务次数", "12次", 9)
    [hit] = run_check("duplicates", document(first, again))
    assert hit.indicator is again and not at_value(hit)
    assert hit.args == {"first_level2": COUNT, "first_line": 5, "first_value": "12次"}


def test_duplicates_compares_names_without_punctuation_within_one_table(row, table, document, run_check):
    a, b = (
        row(SOCIAL, "提升执法规范化，标准化建设", "逐步改变"),
        row(LASTING, "提升执法规范化、标准化建设", "持续"),
    )
    assert len(run_check("duplicates", document(a, b))) == 1
    two_tables = document(table(row(COUNT, "培训次数", "4次")), table(row(COUNT, "培训次数", "4次")))
    assert run_check("duplicates", two_tables) == []


# ---------------------------------------------------------------------- goal-coverage


def _drill_rows(row):
    return [
        row(COUNT, "应急和安全生产演练次数", "≥2次"),
        row(COUNT, "“安全生产月”活动次数", "≥1次"),
        row(QUALITY, "演练参与人数", "≥200人"),
    ]


def test_goal_coverage_finds_a_task_no_indicator_measures(row, table, document, run_check):
    # 000: 有效开展防灭火工作, and no fire indicator
    goal = "强化“安全生产月”宣传活动; 持续开展应急和安全生产演练; 有效开展防灭火工作"
    [hit] = run_check(
        "goal-coverage", document(table(*_drill_rows(row), name="应急管理局工作业务经费", goal=goal))
    )
    assert hit.indicator is None and hit.args == {"tasks": "有效开展防灭火工作", "count": 1, "more": ""}


def test_goal_coverage_splits_a_list_of_tasks(row, table, document, run_check):
    # 003: 完成巨灾保险续保工作、市应急管理演练项目和应急管理预案修编工作
    goal = "完成巨灾保险续保工作、市应急管理演练项目和应急管理预案修编工作"
    rows = [
        row(COUNT, "保险内容", "完成巨灾保险续保"),
        row(COUNT, "培训项目数量", "11个"),
        row(TIME, "处置及时率", "100%"),
    ]
    [hit] = run_check("goal-coverage", document(table(*rows, name="东莞市应急管理局", goal=goal)))
    assert hit.args["tasks"] == "完成市应急管理演练项目”“完成应急管理预案修编工作" and hit.args["count"] == 2


def test_goal_coverage_leaves_measured_tasks_short_and_cut_tables_alone(row, table, document, run_check):
    measured = table(*_drill_rows(row), name="演练经费", goal="持续开展应急和安全生产演练")
    few = table(*_drill_rows(row)[:2], name="演练经费", goal="有效开展防灭火工作")
    cut = table(*_drill_rows(row), name="演练经费", goal="有效开展防灭火工作", truncated=True)
    assert run_check("goal-coverage", document(measured, few, cut)) == []


# ---------------------------------------------------------------------- goal-text


@pytest.mark.parametrize(
    ("goal", "reason"),
    [("政府长聘人员经费", "name"), ("长聘人员经费", "name"), ("", "empty"), ("保障运转", "short")],
)
def test_goal_text_finds_a_goal_that_says_nothing(row, table, document, run_check, goal, reason):
    [hit] = run_check(
        "goal-text", document(table(row(COUNT, "长聘人员数量", "4人"), name="政府长聘人员经费", goal=goal))
    )
    assert hit.args["reason"] == reason and hit.args["goal"] == goal


def test_goal_text_leaves_a_goal_alone_that_says_what_the_money_does(row, table, document, run_check):
    goal = "保障4名长聘人员全年到岗，完成应急值守和信息报送工作"
    doc = document(
        table(row(COUNT, "长聘人员数量", "4人"), name="政府长聘人员经费", goal=goal),
        table(name="未读完的表", truncated=True),  # the text stops before its goal
    )
    assert run_check("goal-text", doc) == []


# ---------------------------------------------------------------------- input-target


def test_input_target_finds_money_rows_by_name_and_budget_amounts_set_as_outputs(row, document, run_check):
    doc = document(
        row(QUALITY, "伙食补助资金到位率", "≥90%"),
        row(TIME, "资金拨付到位情况", "12月底前100%到位"),
        row(COUNT, "业务工作支出安排金额", "28.8万元"),
    )
    rate, paid, amount = run_check("input-target", doc)
    assert rate.args["found"] == "资金到位率" and not at_value(rate)
    assert paid.args["found"] == "资金拨付到位情况"
    assert amount.args["found"] == "28.8万元"


def test_input_target_finds_a_goal_promising_the_input(row, table, document, run_check):
    goal = "目标1: 保障地震经费开支, 维持此项工作运转; 目标2: 完成演练2次以上"
    [hit] = run_check(
        "input-target", document(table(row(COUNT, "演练次数", "≥2次"), name="防震减灾工作经费", goal=goal))
    )
    assert hit.indicator is None and hit.args["found"] == "保障地震经费开支”“维持此项工作运转"


def test_input_target_leaves_costs_results_in_money_and_real_goals_alone(row, table, document, run_check):
    doc = document(
        table(
            row(COST, "资金到位率", "100%"),  # cost rows are money by right
            row(COST, "业务工作支出", "28.8万元"),
            row(ECONOMIC, "节约资金", "≥5万元"),  # a result in money
            row(QUALITY, "验收合格率", "≥95%"),
            goal="完成应急演练2次，提高应急处置能力",
        )
    )
    assert run_check("input-target", doc) == []


# ---------------------------------------------------------------------- mirror-timeliness


def test_mirror_timeliness_finds_a_timeliness_block_that_repeats_the_counts(row, table, document, run_check):
    rows = [
        row(COUNT, "企业安全检查", "50次"),
        row(COUNT, "省、州级培训", "≥8次"),
        row(TIME, "安全检查及时率", "100%"),
        row(TIME, "省、州级培训及时率", "100%"),
    ]
    [hit] = run_check("mirror-timeliness", document(table(*rows, name="全县安全生产监管专项")))
    assert hit.indicator is None and hit.args["count"] == 2
    assert hit.args["pairs"] == "企业安全检查→安全检查及时率、省、州级培训→省、州级培训及时率"


def test_mirror_timeliness_leaves_deadlines_single_rows_and_partial_rates_alone(
    row, table, document, run_check
):
    counts = [row(COUNT, "企业安全检查", "50次"), row(COUNT, "培训", "≥8次")]
    deadline = table(
        *counts, row(TIME, "安全检查及时率", "100%"), row(TIME, "项目完成时限", "2025年11月底前")
    )
    single = table(*counts, row(TIME, "安全检查及时率", "100%"))
    partial = table(*counts, row(TIME, "安全检查及时率", "100%"), row(TIME, "培训及时率", "≥95%"))
    assert run_check("mirror-timeliness", document(deadline, single, partial)) == []


# ---------------------------------------------------------------------- name-category


def test_name_category_finds_rows_filed_under_the_wrong_second_level(row, document, run_check):
    doc = document(
        row(QUALITY, "管护完成及时率", "100%"),
        row(SOCIAL, "群众满意度", "≥90%"),
        row(QUALITY, "“安全生产月”活动参与人数", "≥2万人"),
    )
    timely, satisfied, count = run_check("name-category", doc)
    where = [(h.args["belongs"], h.args["filed"]) for h in (timely, satisfied, count)]
    assert where == [(TIME, QUALITY), (SAT, SOCIAL), (COUNT, QUALITY)] and not at_value(timely)
    assert all(h.args["why"]["zh"] for h in (timely, satisfied, count))  # and why it belongs there


def test_name_category_moves_what_is_misfiled_in_some_categories_only(row, document, run_check):
    moves = [{"in": [SOCIAL], "endings": ["完成情况"], "belongs": "产出指标"}]
    doc = document(row(SOCIAL, "劳务派遣人员委托工作完成情况", "优秀"), row(COUNT, "培训完成情况", "100%"))
    assert run_check("name-category", doc) == []
    [hit] = run_check("name-category", doc, moves=moves)
    assert hit.indicator.name == "劳务派遣人员委托工作完成情况" and hit.args["belongs"] == "产出指标"
    with pytest.raises(RuleError, match="moves"):
        run_check("name-category", doc, moves=[{"in": [SOCIAL]}])


def test_name_category_leaves_zero_counts_per_unit_counts_and_rows_in_place_alone(row, document, run_check):
    doc = document(
        row(QUALITY, "安全事故次数", "0次"),  # a zero count is a quality target
        row(QUALITY, "事故发生频次", "≤0.5次/万人"),
        row(TIME, "处置及时率", "100%"),
        row(SAT, "群众满意度", "≥90%"),
    )
    assert run_check("name-category", doc) == []


# ---------------------------------------------------------------------- name-content


def test_name_content_finds_a_project_whose_goal_and_rows_never_name_it(row, table, document, run_check):
    # 002 project 8: 应急度汛安全经费, all about the fire brigade
    goal = "目标1: 保障消防大队公用经费开支; 目标2: 完成安保执勤5次以上, 火灾及抢险救援处置30次以上"
    t = table(
        row(COUNT, "火灾及抢险救援处置", "≥30次"),
        row(COUNT, "消防培训次数", "≥50次"),
        name="应急度汛安全经费",
        goal=goal,
    )
    [hit] = run_check("name-content", document(t))
    assert hit.indicator is None and hit.args["words"] == "度汛"


def test_name_content_finds_an_upkeep_project_that_builds(row, table, document, run_check):
    t = table(
        row(QUALITY, "达到应急指挥平台设计要求", "100%"),
        row(COST, "完成场所装修、指挥大屏及信息化设施建设", "100万元"),
        name="应急指挥平台运维服务费",
        goal="用于与自治区、市应急部门互联互通, 提高应急指挥效益",
    )
    [hit] = run_check("name-content", document(t))
    assert hit.args["words"] == "完成场所装修、指挥大屏及信息化设施建设"


def test_name_content_leaves_matching_departments_and_goalless_tables_alone(row, table, document, run_check):
    rows = [row(COUNT, "度汛物资储备", "≥100件")]
    matching = table(*rows, name="应急度汛安全经费", goal="完成度汛物资储备，保障汛期安全")
    department = table(*rows, name="某县应急管理局", kind="department", goal="完成全年应急管理重点工作")
    no_goal = table(row(COUNT, "消防培训次数", "≥50次"), name="应急度汛安全经费", goal="度汛")
    upkeep = table(
        row(COUNT, "设备维护次数", "12次"),
        row(COST, "设备购置", "5万元"),
        name="设备运维费",
        goal="保障设备正常运行维护",
    )
    assert run_check("name-content", document(matching, department, no_goal, upkeep)) == []


# ---------------------------------------------------------------------- name-shape


@pytest.mark.parametrize(
    ("name", "value", "reason"),
    [
        ("每季度不少于一次", "4次", "rule"),
        ("2023年01月--12月", "≥12个月", "date"),
        ("11月底前完成建设", "100%", "deadline"),
        ("完成项目工作内容", "2025年11月底前", "slogan"),
    ],
)
def test_name_shape_finds_names_that_are_no_measure(row, document, run_check, name, value, reason):
    [hit] = run_check("name-shape", document(row(TIME, name, value)))
    assert hit.args["reason"] == reason and not at_value(hit)


def test_name_shape_leaves_measures_costs_and_slogans_with_quantities_alone(row, document, run_check):
    doc = document(
        row(COUNT, "培训次数", "4次"),
        row(COUNT, "完成灾害综合风险摸底的县域", "1个"),  # a slogan counting something: fine
        row(COST, "完成场所装修", "100万元"),  # cost items name what they buy
        row(SOCIAL, "提升企业安全隐患自查能力，减少经济损失", "有效提升"),  # vague-value's
    )
    assert run_check("name-shape", doc) == []
    clause = document(row(SOCIAL, "提升企业安全隐患自查能力，减少经济损失", "有效提升"))
    [hit] = run_check("name-shape", clause, clause_kinds=["direction"])
    assert hit.args["reason"] == "slogan"
    deadline = document(row(TIME, "11月底前完成建设", "2025年"))
    [hit] = run_check("name-shape", deadline, report_deadlines=False)  # the rest of the name is judged
    assert hit.args["reason"] == "slogan"


# ---------------------------------------------------------------------- name-value


def test_name_value_finds_figures_in_names(row, document, run_check):
    [hit] = run_check("name-value", document(row(TIME, "做好应急救灾物资储备 12 个月", "2025年底")))
    assert hit.args == {"figures": "12 个月", "suggested_name": "做好应急救灾物资储备"} and not at_value(hit)
    costs = document(row(COST, "法制培训全年三次", "2万元"))
    assert run_check("name-value", costs) == []  # a cost item may say what it buys, unless asked
    [hit] = run_check("name-value", costs, exclude_categories=[])
    assert hit.args["figures"] == "三次"


def test_name_value_finds_a_name_and_value_counting_differently(row, document, run_check):
    doc = document(
        row(COUNT, "保障33名退休干部工作的正常开展", "≥3人"), row(COUNT, "保障33名退休干部", "33人")
    )
    [hit] = run_check("name-value", doc, relation="number-conflict")
    assert hit.indicator.name == "保障33名退休干部工作的正常开展"
    assert (hit.args["name_number"], hit.args["suggestion"]) == ("33名", "≥33人")


def test_name_value_finds_a_grade_that_echoes_the_name(row, document, run_check):
    doc = document(row(LASTING, "安全事故应急预案健全性", "健全"), row(QUALITY, "是否按时发放", "是"))
    [hit] = run_check("name-value", doc, relation="grade-echo")
    assert hit.indicator.name == "安全事故应急预案健全性"
    assert (hit.args["grade"], hit.args["suggestion"]) == ("健全", "100%")


def test_name_value_leaves_plain_names_and_rules_alone_and_refuses_an_unknown_relation(
    row, document, run_check
):
    doc = document(row(COUNT, "培训次数", "4次"), row(COUNT, "每季度不少于一次", "4次"))
    for relation in ("value-in-name", "number-conflict", "grade-echo"):
        assert run_check("name-value", doc, relation=relation) == [], relation
    with pytest.raises(RuleError, match="relation"):
        run_check("name-value", doc, relation="both")


# ---------------------------------------------------------------------- name-value-pattern


def test_name_value_pattern_finds_rows_matching_both_patterns(row, document, run_check):
    doc = document(
        row(SOCIAL, "重大火灾事故发生次数", "0次"),
        row(SOCIAL, "重大火灾事故发生次数", "≤2次"),
        row(SOCIAL, "火灾事故降低率", "0次"),
        row(SOCIAL, "培训次数", "0次"),
    )
    [hit] = run_check("name-value-pattern", doc, name="事故", value=r"^0次$", not_name="降低")
    assert hit.indicator.value_text == "0次" and at_value(hit)
    assert hit.args == {"found_name": "事故", "found_value": "0次"}


def test_name_value_pattern_needs_one_pattern_at_least(row, document, run_check):
    with pytest.raises(RuleError, match="name"):
        run_check("name-value-pattern", document(row(SOCIAL, "事故", "0次")))


# ---------------------------------------------------------------------- notation


@pytest.mark.parametrize(
    ("value", "fixed"),
    [
        ("≧95%", "≥95%"),
        (">=5次", "≥5次"),
        ("＞＝3次", "≥3次"),
        ("≦2小时", "≤2小时"),
        ("≥９５％", "≥95%"),
        ("1．5万元", "1.5万元"),
    ],
)
def test_notation_proposes_the_canonical_signs_and_digits(row, document, run_check, value, fixed):
    [hit] = run_check("notation", document(row(COUNT, "培训人数", value)))
    assert hit.args == {"suggestion": fixed} and at_value(hit)


def test_notation_leaves_canonical_values_alone(row, document, run_check):
    doc = document(
        row(COUNT, "培训人数", "≥100人"), row(QUALITY, "合格率", "≤5%"), row(COUNT, "次数", "1.5次")
    )
    assert run_check("notation", doc) == []


# ---------------------------------------------------------------------- numeric-bounds


def test_numeric_bounds_trivial_finds_bounds_that_always_hold(row, document, run_check):
    doc = document(
        row(ECONOMIC, "受灾对象财产损失降低率", "≥0", 1),
        row(QUALITY, "系统故障率", "≤100%", 2),
        row(QUALITY, "验收合格率", "≥95%", 3),
    )
    zero, hundred = run_check("numeric-bounds", doc)
    assert zero.args["number"] == "0" and zero.args["suggestion"] == "≥5%" and at_value(zero)
    assert hundred.location.line == 2


def test_numeric_bounds_over_100_finds_capped_rates_asked_beyond_all(row, document, run_check):
    doc = document(
        row(QUALITY, "地震抢险救援处置率", "≥100%"),
        row(SAT, "群众满意度", "≥100%"),
        row(ECONOMIC, "收入增长率", "≥120%"),  # may exceed 100%
        row(QUALITY, "验收合格率", "100%"),
        row(QUALITY, "验收合格率", "≤110%"),
    )
    rate, satisfied = run_check("numeric-bounds", doc, bound="over-100")
    assert rate.args["suggestion"] == "100%" and satisfied.args["suggestion"] == "≥90%"
    with pytest.raises(RuleError, match="bound"):
        run_check("numeric-bounds", doc, bound="tiny")


# ---------------------------------------------------------------------- percent-name


def test_percent_name_finds_a_percentage_whose_name_names_no_ratio(row, document, run_check):
    [hit] = run_check("percent-name", document(row(COUNT, "应急物资储备充足", "100%")))
    assert hit.indicator.name == "应急物资储备充足" and at_value(hit) and hit.args["suggested_name"]


def test_percent_name_leaves_ratios_changes_accepted_endings_and_costs_alone(row, document, run_check):
    doc = document(
        row(QUALITY, "验收合格率", "100%"),
        row(QUALITY, "培训覆盖比例", "≥90%"),
        row(SOCIAL, "安全生产事故", "同比下降5%"),  # a change of the thing named
        row(COUNT, "任务完成情况", "100%"),
        row(COST, "完成场所装修", "100%"),  # cost-not-money's
    )
    assert run_check("percent-name", doc) == []
    figures = document(row(SAT, "满意度95%以上", "≥95%"))
    assert len(run_check("percent-name", figures)) == 1
    assert run_check("percent-name", figures, without_name_figures=True) == []


# ---------------------------------------------------------------------- rate-value


def test_rate_value_finds_a_rate_whose_value_is_no_percentage(row, document, run_check):
    doc = document(row(SOCIAL, "安全生产事故率", "降低", 1), row(QUALITY, "培训合格率", "5次", 2))
    accident, passed = run_check("rate-value", doc)
    assert accident.args == {"suggestion": "同比下降5%"} and at_value(accident)
    assert passed.args == {"suggestion": "≥95%"}


def test_rate_value_leaves_percentages_bare_numbers_and_other_rates_alone(row, document, run_check):
    doc = document(
        row(QUALITY, "培训合格率", "≥95%"),
        row(QUALITY, "培训合格率", "95"),  # missing-unit's
        row(SOCIAL, "事故发生率", "≤2次/年"),  # a rate per unit
        row(QUALITY, "工作效率", "明显提高"),  # 效率 is no percentage
        row(QUALITY, "培训合格率", ""),  # empty-value's
    )
    assert run_check("rate-value", doc) == []


# ---------------------------------------------------------------------- reader-problems


def test_reader_problems_turns_each_problem_into_a_hit_where_it_was_found(row, table, document, run_check):
    doc = document(table(row(COUNT, "培训次数", "≥2次"), name="示例项目"))
    assert run_check("reader-problems", doc) == []
    where = Location("t.txt", 3, 1)
    doc.problems = [
        Problem("unreadable-row", "无法识别的行", where, table="示例项目", message_en="an unreadable row"),
        Problem("unreadable-row", "又一行", Location("t.txt", 7, 1)),
    ]
    first, second = run_check("reader-problems", doc)
    assert first.location == where and first.table is doc.tables[0] and first.indicator is None
    assert first.args == {"problem": {"zh": "无法识别的行", "en": "an unreadable row"}}
    assert second.table is None and second.args["problem"]["en"] == "又一行"  # no English: the Chinese


# ---------------------------------------------------------------------- relevance


def test_relevance_finds_rows_of_sibling_programmes_and_off_topic_families(row, table, document, run_check):
    relief = table(
        row(COUNT, "农村低保发放人数", "≥21933人"),
        row(COUNT, "临时救助人次", "≥500人次"),
        name="临时救助",
    )
    safety = table(
        row(ECO, "企业能源消耗减少率", "≥5%"),
        name="全县安全生产监管专项",
        goal="完成企业安全检查50次",
    )
    low, energy = run_check("relevance", document(relief, safety))
    assert low.indicator.name == "农村低保发放人数" and low.args["word"] == "低保" and not at_value(low)
    assert "临时救助" in low.args["about_zh"]
    assert energy.args["word"] == "能源消耗"


def test_relevance_leaves_a_project_s_own_topics_alone(row, table, document, run_check):
    energy = table(
        row(ECO, "企业能源消耗减少率", "≥5%"), name="工业节能改造项目", goal="完成重点企业节能改造"
    )
    relief = table(row(COUNT, "临时救助人次", "≥500人次"), row(COUNT, "培训次数", "2次"), name="临时救助")
    assert run_check("relevance", document(energy, relief)) == []


# ---------------------------------------------------------------------- required-categories


def _complete(row) -> list:
    return [
        row(COUNT, "培训次数", "4次"),
        row(QUALITY, "合格率", "≥95%"),
        row(TIME, "完成时限", "2025年11月底前"),
        row(COST, "培训费", "≤2万元"),
        row(SOCIAL, "知晓率", "≥90%"),
        row(SAT, "群众满意度", "≥90%"),
    ]


def test_required_categories_finds_a_missing_first_level_once(row, table, document, run_check):
    rows = [r for r in _complete(row) if r.level2 != SAT]
    [hit] = run_check("required-categories", document(table(*rows, name="防震减灾工作经费")))
    assert (hit.level1, hit.level2, hit.indicator) == ("满意度指标", None, None)  # not its 二级 again
    assert hit.args["category"] == "满意度指标" and hit.args["suggestion"] == "≥90%"


def test_required_categories_finds_a_second_level_printed_blank(row, table, document, run_check):
    rows = [r for r in _complete(row) if r.level2 != COST] + [row(COST, "", "", 20)]
    [hit] = run_check("required-categories", document(table(*rows)))
    assert (hit.level1, hit.level2) == ("产出指标", COST) and hit.location.line == 20  # at the blank row


def test_required_categories_leaves_complete_cut_and_equivalent_tables_alone(row, table, document, run_check):
    complete = table(*_complete(row))
    cut = table(row(COUNT, "培训次数", "4次"), truncated=True)
    economic = [r for r in _complete(row) if r.level2 != COST] + [row("经济成本指标", "培训费", "≤2万元")]
    assert run_check("required-categories", document(complete, cut, table(*economic))) == []


def test_required_categories_without_printed_categories_asks_only_for_satisfaction(
    row, table, document, run_check
):
    unlabelled = [row("", "培训次数", "4次", level1=""), row("", "合格率", "≥95%", level1="")]
    [hit] = run_check("required-categories", document(table(*unlabelled)))
    assert hit.level1 == "满意度指标"
    unlabelled.append(row("", "群众满意度", "≥90%", level1=""))
    assert run_check("required-categories", document(table(*unlabelled))) == []


# ---------------------------------------------------------------------- shared-indicators


def test_shared_indicators_finds_a_project_copying_rows_of_an_earlier_one(row, table, document, run_check):
    names = ["点评反馈会次数", "警示教育片", "开展现场指导服务次数"]
    first = table(
        *[row(COUNT, n, "12次") for n in names], row(COUNT, "开展综合督查工作", "5次"), name="标准化建设"
    )
    second = table(
        *[row(COUNT, n, "4次") for n in names], row(COUNT, "开展专项督查工作", "2次"), name="分级分类监管"
    )
    [hit] = run_check("shared-indicators", document(first, second))
    assert hit.table is second and hit.indicator is None
    assert (hit.args["other"], hit.args["count"], hit.args["total"]) == ("标准化建设", 3, 4)


def test_shared_indicators_leaves_few_generic_and_satisfaction_rows_alone(row, table, document, run_check):
    common = [
        row(TIME, "项目完成时限", "2025年底"),
        row(SAT, "群众满意度", "≥90%"),
        row(COUNT, "培训", "2次"),
    ]
    two = [row(COUNT, "点评反馈会次数", "1次"), row(COUNT, "警示教育片", "1次")]
    doc = document(table(*common, *two, name="甲"), table(*common, *two, name="乙"))
    assert run_check("shared-indicators", doc) == []  # two rows shared: 完成时限, 满意度, short names aside


# ---------------------------------------------------------------------- task-funds


def _department(row, table, wan, amounts: list[str], **budget):
    tasks = [Task(name=f"任务{i}", content="", amount=wan(a)) for i, a in enumerate(amounts, 1)]
    return table(
        row(COUNT, "检查企业数量", "650家"),
        name="东莞市应急管理局",
        kind="department",
        tasks=tasks,
        budget={k: wan(v) for k, v in budget.items()},
    )


def test_task_funds_finds_tasks_summing_to_neither_project_spending_nor_with_development(
    row, table, document, wan, run_check
):
    # 003: the tasks come to 3,278.12万元; 项目支出 2,804.13, with 事业发展性支出 4,470.93
    t = _department(
        row,
        table,
        wan,
        ["967.45", "2310.67"],
        项目支出="2804.13",
        财政专项资金="1662.00",
        其他事业发展性支出="4.80",
    )
    [hit] = run_check("task-funds", document(t))
    assert hit.indicator is None and hit.args["tasks"] == 2
    assert (hit.args["sum"], hit.args["project"], hit.args["diff"]) == (
        "3278.12万元",
        "2804.13万元",
        "473.99万元",
    )
    assert hit.args["with_development"] == "4470.93万元"


def test_task_funds_leaves_sums_that_answer_below_and_single_tasks_alone(
    row, table, document, wan, run_check
):
    exact = _department(row, table, wan, ["1000", "1804.13"], 项目支出="2804.13")
    with_development = _department(
        row, table, wan, ["2000", "2470.93"], 项目支出="2804.13", 财政专项资金="1666.80"
    )
    below = _department(row, table, wan, ["100", "200"], 项目支出="2804.13")
    single = _department(row, table, wan, ["5000"], 项目支出="2804.13")
    assert run_check("task-funds", document(exact, with_development, below, single)) == []
    [hit] = run_check("task-funds", document(below), report_below=True)
    assert hit.args["sum"] == "300万元"


# ---------------------------------------------------------------------- text-pattern


def test_text_pattern_finds_the_first_match_in_name_then_value(row, document, run_check):
    doc = document(row(COUNT, "农村低保发放人数(≥**人)", "≥**人"), row(SAT, "受助对象满意度", "≥**%"))
    name, value = run_check("text-pattern", doc, pattern=r"(?:{comparator})\s*\*+\s*(?:{unit})?")
    assert name.args["field"]["zh"] == "指标名称" and name.args["found"] == "≥**人"
    assert value.args["field"]["zh"] == "指标值" and value.args["found"] == "≥**%" and at_value(value)


def test_text_pattern_searches_only_its_fields_and_folds_full_width(row, document, run_check):
    doc = document(row(COUNT, "ＸＸ村道路硬化长度", "≥2公里"))
    [hit] = run_check("text-pattern", doc, pattern="XX")  # ＸＸ folded to XX
    assert hit.args["found"] == "ＸＸ"  # quoted as printed
    assert run_check("text-pattern", doc, pattern="XX", fields=["value"]) == []
    with pytest.raises(RuleError, match="pattern"):
        run_check("text-pattern", doc)
    with pytest.raises(RuleError, match="fields"):
        run_check("text-pattern", doc, pattern="XX", fields=["remark"])


# ---------------------------------------------------------------------- tiny-base


def test_tiny_base_finds_a_percentage_of_a_count_too_small_for_it(row, document, run_check):
    # 000 project 1: one dispatched worker, ≥95% of them graduates
    doc = document(
        row(COUNT, "按岗位需求派驻的劳务派遣人数", "1人"),
        row(QUALITY, "劳务派遣人员本科及以上学历比例", "≥95%"),
    )
    [hit] = run_check("tiny-base", doc)
    assert hit.indicator.name == "劳务派遣人员本科及以上学历比例" and at_value(hit)
    assert (hit.args["base"], hit.args["need"], hit.args["share"], hit.args["step"]) == (1, 1, "100%", "100%")
    two = document(row(COUNT, "新建村级污水处理站数量", "2个"), row(QUALITY, "污水处理站验收合格率", "70%"))
    [hit] = run_check("tiny-base", two)
    assert (hit.args["need"], hit.args["share"], hit.args["step"]) == (2, "100%", "50%")


def test_tiny_base_leaves_reachable_shares_open_counts_and_other_rows_alone(row, document, run_check):
    doc = document(
        row(COUNT, "新建村级污水处理站数量", "2个"),
        row(QUALITY, "污水处理站验收合格率", "≥50%"),  # one of two: reachable
        row(COUNT, "试点企业数量", "≥2家"),  # at least two: no base
        row(QUALITY, "试点企业达标率", "≥95%"),
        row(SAT, "污水处理站周边群众满意度", "≥90%"),  # the people served, not the stations
        row(QUALITY, "培训合格率", "≥95%"),  # shares no word with a count
    )
    assert run_check("tiny-base", doc) == []


# ---------------------------------------------------------------------- value-kind


def test_value_kind_finds_the_kinds_it_is_given(row, document, run_check):
    doc = document(
        row(COUNT, "培训次数", ""), row(COUNT, "检查次数", "无"), row(SOCIAL, "应急能力", "显著提升")
    )
    empty = run_check("value-kind", doc, kinds=["empty"])
    assert [h.indicator.name for h in empty] == ["培训次数", "检查次数"] and at_value(empty[0])
    [vague] = run_check("value-kind", doc, kinds=["direction"], suggest="target")
    assert vague.args["suggestion"] == "同比提高5%" and vague.args["example"]["zh"] == "，如“同比提高5%”"


def test_value_kind_scope_unit_kinds_and_approximate_values(row, document, run_check):
    doc = document(
        row(COST, "火险形势会商", "2 次"),
        row(COST, "培训费", "≤2万元"),
        row(COUNT, "检查企业数量", "约650-714家"),
        row(COUNT, "培训人数", "≥650人"),
    )
    [cost] = run_check("value-kind", doc, kinds=["quantity"], categories=[COST], allowed_unit_kinds=["money"])
    assert cost.indicator.name == "火险形势会商" and cost.args["unit"] == "次"
    [about] = run_check(
        "value-kind", doc, kinds=["quantity", "range"], approximate_only=True, suggest="bound"
    )
    assert about.indicator.name == "检查企业数量" and about.args["suggestion"] == "≥650家"


def test_value_kind_leaves_excluded_names_headings_and_bare_units_alone(row, document, run_check):
    doc = document(
        row(SOCIAL, "安全生产事故率", "降低"),
        row(SOCIAL, "1. 服务对象满意度指标", "提高"),  # a heading read as a row: misplaced-category's
        row(QUALITY, "新建堤防长度", "公里"),  # an unfilled template
    )
    assert (
        run_check(
            "value-kind", doc, kinds=["direction", "text"], exclude_name_suffixes=["率"], skip_unit_only=True
        )
        == []
    )
    with pytest.raises(RuleError, match="kinds"):
        run_check("value-kind", doc, kinds=["prose"])


# ---------------------------------------------------------------------- period-copy


def test_period_copy_finds_a_multi_year_project_whose_period_targets_are_the_annual_ones(
    row, table, document, run_check
):
    goal = table(
        row(COUNT, "接入乡镇数量", "13个"),
        name="应急指挥平台建设",
        project_period="2023年1月至2025年12月",
        period_goal="建成覆盖全县的应急指挥平台",
        goal="建成覆盖全县的应急指挥平台",
    )
    values = table(
        row(COUNT, "接入乡镇数量", "13个", period="13个"),
        row(QUALITY, "验收合格率", "100%", period="100%"),
        name="应急指挥平台建设",
        project_period="3年",
    )
    by_goal, by_values = run_check("period-copy", document(goal, values))
    assert (
        by_goal.args["what"] == "实施期目标与年度目标" and by_goal.args["period"] == "2023年1月至2025年12月"
    )
    assert by_values.args["what"] == "实施期指标值与年度指标值"


def test_period_copy_leaves_one_year_projects_and_differing_targets_alone(row, table, document, run_check):
    same = [
        row(COUNT, "接入乡镇数量", "13个", period="13个"),
        row(QUALITY, "验收合格率", "100%", period="100%"),
    ]
    one_year = table(*same, name="甲", project_period="2025年1月至2025年12月")
    differing = table(
        row(COUNT, "接入乡镇数量", "5个", period="13个"), *same[1:], name="乙", project_period="3年"
    )
    department = table(*same, name="某局", kind="department")
    assert run_check("period-copy", document(one_year, differing, department)) == []
    [hit] = run_check("period-copy", document(department), departments=True)
    assert hit.args["period"] == ""
