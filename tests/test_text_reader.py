"""The text reader on the four real examples and on one crafted file per layout family.

Every expected figure here was counted by hand from the documents (examples/*.txt and
tests/data/text/*), not taken from the reader's output.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from linter.readers.text import read_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data" / "text"


def read(path: Path):
    return read_text(path.read_text(encoding="utf-8"), str(path))


@pytest.fixture(scope="module")
def ex000():
    return read(EXAMPLES / "000_8b9eba17efc00524.txt")


@pytest.fixture(scope="module")
def ex002():
    return read(EXAMPLES / "002_cab738b0acffaaf0.txt")


@pytest.fixture(scope="module")
def ex003():
    return read(EXAMPLES / "003_ce0a18593ae1bf2a.txt")


@pytest.fixture(scope="module")
def ex004():
    return read(EXAMPLES / "004_68506cad869715c1.txt")


def per_level2(table) -> dict[str, int]:
    return dict(Counter(i.level2 for i in table.indicators))


def triples(doc) -> set[tuple[str, str, str]]:
    return {(i.name, i.value_text, i.level2) for t in doc.tables for i in t.indicators}


def find(table, name):
    return next(i for i in table.indicators if i.name == name)


Q, Z, S, C = "数量指标", "质量指标", "时效指标", "成本指标"
ECO, SOC, ENV, SUS, SAT = (
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
)


# --------------------------------------------------------------------------- 000: tab-separated


def test_000_document(ex000):
    assert ex000.source_format == "text"
    assert ex000.budget_year == 2024
    assert ex000.currency_unit == "万元"
    assert ex000.title == "本级预算项目绩效目标表"
    assert ex000.problems == []


def test_000_tables_and_funding(ex000):
    assert [(t.name, t.funding.total.yuan) for t in ex000.tables] == [
        ("应急管理局劳务派遣经费", 130000),
        ("应急指挥中心运维费", 234300),
        ("安全生产监管第三方服务经费", 1096800),
        ("应急管理局工作业务经费", 1400000),
    ]
    first = ex000.tables[0]
    assert first.funding.fiscal.yuan == 130000
    assert first.period_funding.total.yuan == 130000
    assert first.department == "大连高新技术产业园区应急管理局"
    assert first.project_period == "2024年1月至2024年12月"
    assert first.goal.startswith("以劳务派遣公司委派专业技能人员进驻的方式")
    assert first.period_goal.startswith("以劳务派遣公司委派专业技能人员进驻的方式")
    assert first.funding.total.location.line == 13


def test_000_indicator_counts(ex000):
    assert [len(t.indicators) for t in ex000.tables] == [6, 7, 8, 9]
    assert per_level2(ex000.tables[0]) == {Q: 1, Z: 2, S: 1, SOC: 1, SAT: 1}
    assert per_level2(ex000.tables[1]) == {Q: 2, Z: 1, S: 2, SUS: 1, SAT: 1}
    assert per_level2(ex000.tables[2]) == {Q: 3, Z: 2, S: 1, SOC: 1, SAT: 1}
    assert per_level2(ex000.tables[3]) == {Q: 4, Z: 1, S: 1, SOC: 1, SUS: 1, SAT: 1}


def test_000_sample_values(ex000):
    assert {
        ("劳务派遣人员本科及以上学历比例", "≥95%", Z),  # 一级 and 二级 carried down
        ("租用链路数量", "15条", Q),
        ("系统故障修复响应时间", "≤30分钟", S),
        ("安全生产事故率", "降低", SOC),
        ("保障消防救援队伍数量", "3支", Q),  # the fourth table's value sits one column left
        ("全民应急及安全生产防范意识增强成果", "良好", SUS),
    } <= triples(ex000)


def test_000_locations(ex000):
    indicator = find(ex000.tables[1], "租用链路数量")
    assert (indicator.location.line, indicator.location.column) == (43, 3)
    assert indicator.value_location.line == 43
    assert indicator.level1 == "产出指标"


# --------------------------------------------------------------------------- 002: HTML trees


def test_002_document(ex002):
    assert ex002.budget_year == 2023
    assert ex002.department == "门源县应急管理局"
    assert ex002.total.yuan == Decimal("1359900")
    assert ex002.total.location.line == 6
    assert ex002.problems == []


def test_002_projects(ex002):
    assert [(t.name, t.funding.total.yuan) for t in ex002.tables] == [
        ("全县安全生产监管专项", 500000),
        ("防震减灾工作经费", 17000),
        ("防灾减灾救灾及法制宣传经费", 42000),
        ("农村住房保险", 200000),
        ("救灾物资储备库运转经费", 60000),
        ("森林防火工作经费", 40000),
        ("退休人员慰问金", 900),
        ("应急度汛安全经费", 500000),
    ]
    assert ex002.tables[0].goal.startswith("目标1: 力争完成州政府")
    assert "<p>" not in ex002.tables[0].goal


def test_002_indicator_counts(ex002):
    assert [len(t.indicators) for t in ex002.tables] == [20, 20, 15, 15, 14, 20, 7, 26]
    t = ex002.tables
    assert per_level2(t[0]) == {Q: 3, Z: 2, S: 3, C: 5, SOC: 2, ENV: 2, SUS: 2, SAT: 1}
    # 2. 社会效益指标 … inside the 经济效益 list: the heading takes over from there on.
    assert per_level2(t[1]) == {Q: 3, Z: 3, S: 3, C: 2, ECO: 1, SOC: 3, SUS: 2, SAT: 3}
    assert per_level2(t[2]) == {Q: 3, Z: 2, S: 2, C: 3, SOC: 2, SUS: 2, SAT: 1}
    assert per_level2(t[3]) == {Q: 1, Z: 2, S: 2, C: 2, ECO: 2, SOC: 2, SUS: 2, SAT: 2}
    assert per_level2(t[4]) == {Q: 2, Z: 2, S: 2, C: 2, SOC: 4, SUS: 2}  # no 满意度 printed
    assert per_level2(t[5]) == {Q: 3, Z: 3, S: 3, C: 2, ECO: 1, SOC: 3, SUS: 2, SAT: 3}
    assert per_level2(t[6]) == {Q: 1, Z: 1, S: 1, C: 1, SOC: 1, SUS: 1, SAT: 1}
    assert per_level2(t[7]) == {Q: 4, Z: 4, S: 4, C: 4, ECO: 1, SOC: 3, SUS: 2, SAT: 4}


def test_002_sample_values(ex002):
    assert {
        ("企业安全检查", "50次", Q),
        ("业务工作经费", "1万元", C),  # no space between name and value
        ("法制培训全年三次", "2万元。", C),
        ("地震安全知识知晓率", "≥95%", SOC),  # heading printed as item 2 of the 经济效益 list
        ("农村住房保险补贴覆盖率", "≥95%", Z),  # 质量指标 printed in front of the indicator
        ("农村住房保险补贴户数", "3.2 万户", Q),
        ("群众满意度", "≥95%", SAT),  # (三) 满意度指标 under 二、效益指标
        ("参保农民满意度", "≥95%", SAT),  # after the bare heading 1. 服务对象满意度指标
        ("每人每年300元", "3*300", C),
        ("退休人员满意度", "≥95%", SAT),
        ("培训费", "2万元。", C),
    } <= triples(ex002)


def test_002_printed_headings_kept(ex002):
    moved = find(ex002.tables[1], "地震安全知识知晓率")
    assert moved.level2_printed == "社会效益指标"
    assert moved.level1 == "效益指标"
    satisfied = find(ex002.tables[3], "参保农民满意度")
    assert satisfied.level1 == "满意度指标"
    assert satisfied.level1_printed == "效益指标"  # printed under 二、效益指标
    assert "满意度指标" not in {i.level1 for i in ex002.tables[4].indicators}
    assert all(i.location.line == 14 for i in ex002.tables[3].indicators)


# --------------------------------------------------------------------------- 003: department


def test_003_department_table(ex003):
    assert ex003.budget_year == 2024
    assert len(ex003.tables) == 1
    table = ex003.tables[0]
    assert table.kind == "department"
    assert table.name == "东莞市应急管理局"
    assert table.goal.startswith("目标1: 持续深化“七个一”建设")
    assert {k: v.yuan for k, v in table.budget.items()} == {
        "基本支出": Decimal("43938500"),
        "项目支出": Decimal("28041300"),
        "财政拨款": Decimal("88647800"),
        "其他资金": Decimal("0"),
        "财政专项资金": Decimal("16620000"),
        "其他事业发展性支出": Decimal("48000"),
        "拟用于对下转移支付资金": Decimal("0"),
    }
    assert table.funding.fiscal.yuan == Decimal("88647800")
    assert ex003.problems == []


def test_003_tasks(ex003):
    tasks = ex003.tables[0].tasks
    assert len(tasks) == 8
    assert tasks[0].name == "东莞市巨灾保险续保工作"
    assert tasks[0].amount.text == "9,674,500.00"
    assert tasks[0].amount.yuan == Decimal("9674500")
    assert tasks[0].content == "完成东莞市巨灾保险续保工作。"
    assert sum(t.amount.yuan for t in tasks) == Decimal("32781200")


def test_003_indicators(ex003):
    table = ex003.tables[0]
    assert len(table.indicators) == 26
    # 成本指标 row is empty: no indicator, no problem.
    assert per_level2(table) == {Q: 6, Z: 3, S: 4, ECO: 1, SOC: 5, ENV: 1, SUS: 4, SAT: 2}
    exam = find(table, "参加考试人数")
    assert (exam.value_text, exam.period_value_text) == ("约25000-27400人", "约25000-27400人")
    assert exam.period_value is not None
    assert ("培训对象的满意度（%）", "≥90%", SAT) in triples(ex003)
    assert ("车辆购置数", "新购2辆，并支付上年一辆车尾款", Q) in triples(ex003)


# --------------------------------------------------------------------------- 004: shifted rows


def test_004_tables(ex004):
    assert ex004.budget_year == 2025
    assert ex004.department == "平罗县应急管理局"
    assert [(t.name, t.funding.total.yuan) for t in ex004.tables] == [
        ("政府长聘人员经费", Decimal("134900")),
        ("2025 年安全生产标准化建设经费", 360000),
        ("2025 年企业分级分类监管", 585000),  # the name printed on the line before 项目名称
        ("2025 年自然灾害防治管理及救灾物资储备资金", 540000),
        ("2025 年应急管理综合行政执法装备", 90000),
        ("应急指挥通信及救灾设备维护费", 135000),
        ("工业企业安全专家指导服务及生产经营单位全员安全培训费", 90000),
        ("应急指挥平台运维服务费", 1400000),
    ]
    assert ex004.tables[0].department == "平罗县应急管理局"
    assert ex004.tables[2].location.line == 57
    assert ex004.problems == []


def test_004_indicator_counts(ex004):
    assert [len(t.indicators) for t in ex004.tables] == [9, 13, 14, 8, 8, 8, 8, 9]
    t = ex004.tables
    assert per_level2(t[0]) == {Q: 1, Z: 1, S: 1, C: 2, SOC: 2, SUS: 1, SAT: 1}
    assert per_level2(t[1]) == {Q: 6, Z: 1, S: 1, C: 1, SOC: 2, SUS: 1, SAT: 1}
    assert per_level2(t[2]) == {Q: 7, Z: 1, S: 1, C: 1, SOC: 2, SUS: 1, SAT: 1}
    for table in t[3:7]:
        assert per_level2(table) == {Q: 1, Z: 1, S: 1, C: 1, SOC: 2, SUS: 1, SAT: 1}
    assert per_level2(t[7]) == {Q: 1, Z: 1, S: 1, C: 1, ECO: 1, SOC: 1, ENV: 1, SUS: 1, SAT: 1}


def test_004_sample_values(ex004):
    assert {
        ("3名技术人员经费补助标准 2746元/人", "98856元", C),
        ("1名专家经费补助标准 3000元/人", "36000元", C),  # the second cost row, shifted left
        ("持续压实各行业领域安全生产监管责任，使人员持续发挥作用", "持续发挥", SUS),
        ("警示教育片", "1 次", Q),
        ("警示教育片", "1", Q),
        ("考核要点和考试题库专家认可率", "大于等于 95%", Z),
        ("应急平台及无人机设备保持运转正常并根据分级分类监管工作实际支出", "58.5 万元", C),
        ("便于扁平化指挥，节约成本", "明显改善", ECO),
        ("地方灾害管理部门的满意度", "≥ 95%", SAT),
    } <= triples(ex004)
    cost = find(ex004.tables[2], "应急平台及无人机设备保持运转正常并根据分级分类监管工作实际支出")
    assert cost.level1 == "产出指标"
    assert cost.level2_printed == "成本指标（必填硬性指标）"


# --------------------------------------------------------------------------- crafted layouts


def test_pipe_dump():
    doc = read(DATA / "pipe_dump.md")
    assert doc.budget_year == 2024 and doc.currency_unit == "万元"
    (table,) = doc.tables
    assert table.name == "安全生产培训经费"
    assert (table.funding.total.yuan, table.funding.fiscal.yuan, table.funding.other.yuan) == (
        200000,
        180000,
        20000,
    )
    assert table.goal == "开展安全生产培训，提升企业安全管理水平"
    assert [(i.name, i.value_text, i.level2) for i in table.indicators] == [
        ("培训次数", "≥4次", Q),
        ("参训人数", "≥200人", Q),
        ("培训考核合格率", "≥90%", Z),
        ("企业安全事故起数", "同比下降", SOC),
        ("参训人员满意度", "≥90%", SAT),
    ]
    assert doc.problems == []


def test_one_cell_per_line():
    doc = read(DATA / "one_cell_per_line.txt")
    (table,) = doc.tables
    assert table.name == "防汛物资采购"
    assert table.funding.total.yuan == 150000
    assert [(i.name, i.value_text, i.level1, i.level2) for i in table.indicators] == [
        ("采购救生衣", "≥500件", "产出指标", Q),
        ("采购冲锋舟", "2艘", "产出指标", Q),
        ("验收合格率", "100%", "产出指标", Z),
        ("受益群众人数", "≥1万人", "效益指标", SOC),
        ("群众满意度", "≥90%", "满意度指标", SAT),
    ]
    assert table.indicators[1].location.line == 15
    assert table.indicators[1].value_location.line == 16
    assert doc.problems == []


def test_separate_comparator_value_unit_columns():
    doc = read(DATA / "comparator_columns.tsv")
    first, second = doc.tables
    assert [(i.name, i.value_text, i.level2) for i in first.indicators] == [
        ("宣传活动次数", "≥6次", Q),
        ("发放宣传册", "≥5000份", Q),
        ("宣传覆盖率", "≥95%", Z),
        ("森林火灾发生率", "≤1%", SOC),
        ("群众满意度", "≥90%", SAT),
    ]
    assert [(i.name, i.value_text, i.level2) for i in second.indicators] == [
        ("值班响应时间", "≤30分钟", S),
        ("值守记录完整性", "完整", Z),
    ]
    assert second.indicators[1].remarks == {"指标性质": "定性"}


def test_extra_columns():
    doc = read(DATA / "extra_columns.tsv")
    (table,) = doc.tables
    assert [(i.name, i.value_text, i.level2, i.remarks) for i in table.indicators] == [
        ("检查企业数", "≥120家", Q, {"指标解释": "全年检查企业数量", "权重": "20"}),
        ("执法案件数", "≥30件", Q, {"指标解释": "立案查处数", "权重": "10", "备注": "含简易程序"}),
        ("企业满意度", "≥85%", SAT, {"指标解释": "抽样调查", "权重": "10"}),
    ]


def test_two_value_columns_in_reverse_order():
    doc = read(DATA / "two_values_reversed.md")
    (table,) = doc.tables
    assert [(i.name, i.value_text, i.period_value_text, i.level2) for i in table.indicators] == [
        ("新建广播终端", "100个", "300个", Q),
        ("覆盖行政村", "≥20个", "≥60个", Q),
        ("设备使用年限", "≥5年", "≥5年", SUS),
    ]


def test_space_separated_rows():
    doc = read(DATA / "space_separated.txt")
    (table,) = doc.tables
    assert table.name == "道路巡查"  # 项目名称：道路巡查, label and value in one cell
    assert [(i.name, i.value_text, i.level1, i.level2) for i in table.indicators] == [
        ("巡查次数", "≥12次", "产出指标", Q),
        ("巡查里程", "≥500公里", "产出指标", Q),
        ("隐患整改率", "100%", "效益指标", SOC),
        ("群众满意度", "≥90%", "满意度指标", SAT),  # single spaces: cut into words
    ]


def test_bad_rows_are_reported_with_their_line():
    doc = read(DATA / "bad_rows.tsv")
    (table,) = doc.tables
    assert [(i.name, i.value_text) for i in table.indicators] == [("检查次数", "≥10次")]
    assert [(p.rule, p.location.line) for p in doc.problems] == [
        ("unreadable-row", 2),  # prose between the label and the table
        ("unreadable-row", 5),  # a value with no indicator name
        ("unreadable-row", 6),  # 合计 with no amount
    ]
    assert doc.problems[1].location.column == 4
    assert "≥95%" in doc.problems[1].message


def test_a_long_unreadable_row_is_quoted_in_forty_characters():
    lines = (DATA / "bad_rows.tsv").read_text(encoding="utf-8").split("\n")
    lines[1] = (
        "说明" + "本项目由各乡镇按季度上报数据" * 5
    )  # prose between the label and the table, 72 characters
    problem = read_text("\n".join(lines), "a.tsv").problems[0]
    assert (problem.rule, problem.location.line) == ("unreadable-row", 2)
    quoted = problem.message.split("：", 1)[1]
    assert quoted == lines[1][:39] + "…" and len(quoted) == 40


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "\t\t\t",
        "||||",
        "一级指标",
        "项目名称",
        "合计",
        "<p>一、产出指标</p>",
        "一级指标\t二级指标\t三级指标\t指标值\n\t\t\t\n产出指标",
        "x" * 5000,
        "\x00\x01",
    ],
)
def test_odd_input_never_raises(text):
    doc = read_text(text, "odd.txt")
    assert doc.source_format == "text"


@pytest.mark.parametrize("where", ["before the second table", "inside the indicator tree"])
@pytest.mark.parametrize(
    "line", ["3/12", "- 3 -", "第 3 页，共 12 页", "第 3 页（共 12 页）", "第3页 附件2", "12"]
)
def test_a_page_number_line_is_dropped(line, where):
    # What a page break leaves in text copied from a PDF: the page's number on a line of its own,
    # between tables or in the middle of one (the rows after it stay in their category).
    text = (EXAMPLES / "000_8b9eba17efc00524.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    if where == "before the second table":
        at = lines.index("本级预算项目绩效目标表", 3)
    else:
        at = next(n for n, row in enumerate(lines) if row.startswith("\t质量指标"))

    def shape(doc):
        return [(t.name, [(i.level2, i.name, i.value_text) for i in t.indicators]) for t in doc.tables]

    with_number = read_text("\n".join(lines[:at] + [line] + lines[at:]), "a.txt")
    assert shape(with_number) == shape(read_text(text, "a.txt"))
