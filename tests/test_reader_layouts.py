"""The layouts of published tables that the text reader cuts and reads (issue 18).

Each case is a real corpus document (its rows as tests/corpus/<name>.expected.yaml gives them,
written by reading it) or a crafted text of the same family; bench/corpus_rows.py scores the
whole corpus, these pin down one layout each.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.readers import read_path
from linter.readers.form_labels import block_label
from linter.readers.layout import Cell, without_glosses
from linter.readers.narrative import read_line
from linter.readers.runon import split_fused_heading, split_fused_row
from linter.readers.text import read_text
from linter.readers.yaml_reader import read_yaml

CORPUS = Path(__file__).parent / "corpus"


def rows(doc):
    return [(i.level2, i.name, i.value_text) for t in doc.tables for i in t.indicators]


def corpus(prefix: str):
    (path,) = CORPUS.glob(f"{prefix}_*.txt")
    return read_path(path)


def test_two_renderings_of_one_page_read_the_same():
    spaced, piped = corpus("b15"), corpus("b16")  # space-separated, and a pipe dump cut earlier
    assert len(rows(piped)) == 9
    assert rows(spaced)[:9] == rows(piped)
    assert [t.name for t in spaced.tables] == [t.name for t in piped.tables] == ["湘潭市工伤保险基金"]
    assert spaced.tables[0].funding.total.yuan == piped.tables[0].funding.total.yuan == 286_000_000


def test_one_cell_per_line_closed_by_pipes():
    doc = corpus("a01")  # 项目名称 | … each cell on its line, a merged heading cut short (绩 | 一级 |)
    (table,) = doc.tables
    assert table.name == "农村文化建设配套补助经费"
    assert table.funding.total.text == "5.00"  # no unit printed anywhere in the table: not guessed
    assert rows(doc)[0] == ("数量指标", "开展送戏进万村", "≥70村")
    assert rows(doc)[-1] == ("服务对象满意度指标", "项目受益人满意程度", "≥90%")
    assert not doc.problems  # the notice above the table is prose, not unreadable rows


def test_one_cell_per_line_a_satisfaction_row_named_as_its_category():
    cells = [
        "项目名称",
        "某项目",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "产出指标",
        "数量指标",
        "培训次数",
        "≥4次",
    ]
    cells += ["满意度指标", "服务对象满意度指标", "服务对象满意度", "满意"]  # (b15's last row, one per line)
    doc = read_text("".join(f"{c} |\n" for c in cells), "t.txt")
    assert rows(doc)[-1] == ("服务对象满意度指标", "服务对象满意度", "满意")


def test_a_cell_broken_over_lines_before_its_pipe():
    text = (
        "项目名称 |\n体育赛事 |\n项目资金\n(万元) |\n年度资金总额: |\n1000.00 |\n年度\n目标 |\n办好赛事 |\n"
        "绩\n效\n指\n标 |\n一级\n指标 |\n二级指标 |\n三级指标 |\n指标值 |\n产出指标 |\n数量指标 |\n"
        "赛事场次 |\n≥2场 |\n满意度指标 |\n满意度指标 |\n群众满意度 |\n≥95% |\n"
    )
    doc = read_text(text, "t.txt")
    (table,) = doc.tables
    assert (table.name, table.goal, table.funding.total.yuan) == ("体育赛事", "办好赛事", 10_000_000)
    assert rows(doc) == [("数量指标", "赛事场次", "≥2场"), ("服务对象满意度指标", "群众满意度", "≥95%")]


def test_separate_unit_comparator_value_columns_one_cell_per_line():
    doc = corpus("b10")  # 指标名称 | 计量单位 | 指标性质 | 指标值, 定性 rows without a comparator
    assert rows(doc)[:3] == [
        ("", "辅警人员", "=512人"),
        ("", "项目持续期", "基本建立"),
        ("", "项目成本概算", "≤3584万元"),
    ]


def test_a_table_with_no_levels_and_empty_cells():
    doc = corpus("a09")  # 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值; a lone | is an empty cell
    assert rows(doc)[:3] == [
        ("", "发放人数", "≥80人数"),
        ("", "是否按时足额发放", "≥95%"),
        ("", "促进社会和谐", ""),
    ]


def test_a_self_evaluation_reports_title_names_the_indicator_list_in_it():
    doc = corpus(
        "b10"
    )  # 丰都县公安局2022年度辅警人员经费绩效自评工作报告, then (三)绩效目标: a list, no label
    assert [t.name for t in doc.tables] == ["丰都县公安局2022年度辅警人员经费"]
    assert rows(doc)[0] == ("", "辅警人员", "=512人")


def test_a_goal_and_its_label_in_one_cell_however_long():
    goal = "完成全年应急演练4次，提升全区应急处置能力和群众自救互救水平，确保演练覆盖全部街道"
    form = f"项目名称\t应急演练\n年度目标：{goal}\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t演练次数\t≥4次\n"
    doc = read_text(form, "t.txt")
    assert (doc.tables[0].goal, doc.problems) == (goal, [])
    # an amount's label with a long text after it is no amount
    assert block_label("年度资金总额：38.75万元2022年原州区健康饮茶“送茶入户”边销茶推广项目38.75万元") is None


def test_a_run_on_row_after_one_with_no_value_is_a_row_not_that_value():
    text = "项目\n一级指标二级指标三级指标指标值\n产出指标质量指标资金投向合规率\n数量指标扶持村数\n"
    assert rows(read_text(text, "t.txt")) == [
        ("质量指标", "资金投向合规率", ""),
        ("数量指标", "扶持村数", ""),
    ]


def test_merged_cells_joined_by_pipes_and_a_satisfaction_row_named_as_its_category():
    # `` | | name | value |``: cells joined by `` | `` from empty ones (the 一级 and 二级 merged above),
    # not a border; 社会公众或服务对象满意度指标 is the 二级 some templates print
    text = (
        "项目名称 | 某项目 |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 培训次数 | ≥4次 |\n"
        " |  | 培训人次 | ≥200人次 |\n满意度指标 | 社会公众或服务对象满意度指标 | 服务对象满意度 | 满意 |\n"
        " |  | 学员满意度 | ≥90% |\n"
    )
    assert rows(read_text(text, "t.txt")) == [
        ("数量指标", "培训次数", "≥4次"),
        ("数量指标", "培训人次", "≥200人次"),
        ("服务对象满意度指标", "服务对象满意度", "满意"),
        ("服务对象满意度指标", "学员满意度", "≥90%"),
    ]


def test_a_bordered_table_indented_reads_as_at_the_margin():
    text = next(CORPUS.glob("a15_*.txt")).read_text(encoding="utf-8")
    indented = "\n".join(f"  {line}" if line.startswith("|") else line for line in text.splitlines())
    assert rows(read_text(indented, "t.txt")) == rows(read_text(text, "t.txt"))


def test_a_short_goal_after_its_label_and_small_signs_in_a_cell():
    assert block_label("绩效目标：保障困难群众基本生活").role == "goal"  # (long or short: the goal)
    # ﹤ ﹥, as ＜ ＞, stay as printed in a cell: folded to < and >, they would make a tag
    assert Cell("﹤100人，﹥50人", 0, 1, 1).text == "﹤100人,﹥50人"


def test_single_spaced_rows_and_labels():
    doc = corpus("a03")  # 产出指标 数量指标 出差人数 正向 = 8 4
    assert rows(doc)[:3] == [
        ("数量指标", "出差人数", "=8"),
        ("数量指标", "出差人次", "=24人/次"),
        ("质量指标", "工作任务完成率", "=100%"),
    ]


def test_run_on_rows():
    doc = corpus("a07")  # cells run together, rows ending -定量/-定性, 成本 first
    assert rows(doc)[1:4] == [
        ("服务对象满意度指标", "学生对学校伙食得满意度", "95%以上"),
        ("数量指标", "补助学生数量", "168"),
        ("质量指标", "伙食补助发放率", "90%以上"),
    ]
    assert doc.tables[0].name == "学生伙食费"


def test_bracket_headings_and_numbered_items():
    doc = corpus("a04")  # 【产出指标-数量指标】 指标1:机柜数量(≥77台)
    assert doc.tables[0].name == "黄山市雪亮工程市本级机房租赁2024至2027服务采购项目"
    assert rows(doc)[:2] == [("数量指标", "机柜数量", "≥77台"), ("质量指标", "视频监控在线率", "≥0.97比例")]


def test_broken_labels_traditional_characters_and_scores():
    assert rows(corpus("a08"))[0][0] == "数量指标"  # 项目完成 / 指标 on the next line
    assert rows(corpus("a16"))[0] == ("数量指标", "农村低保发放人数(按月平均)(≥**人)", ">=21933人")


def test_a_whole_table_run_into_one_paragraph():
    doc = corpus("a12")  # a notice reposted as one line: header labels, headings and rows fused
    (table,) = doc.tables
    assert table.department == "省商务厅" and table.funding.total.text == "2430.30"
    assert rows(doc) == [("数量指标", "全年实现会展业综合收入", "≥280亿元")]
    assert (
        corpus("b11").tables[0].indicators[0].name == "宗教管理经费补助县(市、区)数量"
    )  # 反映… is its 指标解释


def test_a_label_finished_on_the_next_line_and_a_scoring_rule_alone():
    # a10: 满意度指标 服务对象 / 满意度指标 — the 二级 服务对象满意度指标 broken over two lines
    assert rows(corpus("a10"))[-1] == ("服务对象满意度指标", "满意度95%以上", "≧95%")
    # b01: 經濟效益指標 | 未達指標值酌情扣分 — a 二级 with only its 扣分标准: no indicator
    assert not any("扣分" in name for _, name, _ in rows(corpus("b01")))


def test_runon_cutting():
    assert split_fused_heading(
        "一级指标二级指标三级指标指标值指标值内容评(扣分标准) 度量单位指标值类型备注"
    ) == [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "指标值内容",
        "评(扣分标准)",
        "度量单位",
        "指标值类型",
        "备注",
    ]
    assert split_fused_heading("单位代码单位名称资金总额") is None
    assert split_fused_row("社会效益指标残疾学生入学率大于90%适龄学生入学情况90%得10分-定量") == [
        "社会效益指标",
        "残疾学生入学率",
        "大于90%",
        "适龄学生入学情况90%得10分",
        "定量",
    ]
    # the name, then a 指标解释 restating it (b02), and a value alone on the next line
    assert split_fused_row("技术指导服务数量对生产种植企业技术指导服务数量") == [
        "技术指导服务数量",
        "对生产种植企业技术指导服务数量",
    ]
    assert split_fused_row("100%") == ["100%"]
    # a label's notes, as the glossary knows them (glossary.LABEL_NOTE): a filling note, a weight with decimals
    assert split_fused_row("产出指标(硬性)数量指标培训次数12次") == [
        "产出指标(硬性)",
        "数量指标",
        "培训次数",
        "12次",
    ]
    assert split_fused_row("产出指标(12.5分)数量指标培训次数12次")[:2] == ["产出指标(12.5分)", "数量指标"]
    assert split_fused_row("残疾学生家庭负担率有所减轻对家庭负担减轻情况较大得10分-定性") == [
        "残疾学生家庭负担率",
        "有所减轻",
        "对家庭负担减轻情况较大得10分",
        "定性",
    ]


def test_narrative_lines():
    assert read_line("【产出指标-数量指标】").labels == ["产出指标", "数量指标"]
    assert read_line("指标1:为全市经济发展保驾护航(正面支撑)").items == [
        ("为全市经济发展保驾护航", "正面支撑")
    ]
    assert read_line("(一)数量指标：培训人数≥100人；培训次数≥2次。").items == [
        ("培训人数", "≥100人"),
        ("培训次数", "≥2次"),
    ]
    assert read_line("质量指标:教学秩序良好").items == [("教学秩序良好", "")]
    assert read_line("一、项目概况：本项目于2024年立项") is None


CUT = (
    "项目名称\t道路养护\n年度资金总额\t50万元\n一级指标\t二级指标\t三级指标\t指标值\n"
    "产出指标\t数量指标\t养护里程\t≥12公里\n\t质量指标\t养护合格率\t≥95%\n效益指标\t社会效益指标\t通行"
)


def test_a_cut_table_is_truncated_and_not_judged_for_what_is_missing(cli, tmp_path):
    doc = read_text(CUT, "t.txt")
    (table,) = doc.tables
    assert table.truncated
    assert not doc.problems
    whole = read_path(next(CORPUS.parent.parent.joinpath("examples").glob("000_*.txt")))
    assert len(whole.tables) == 4
    assert not any(t.truncated for t in whole.tables)  # tables the text ends after are whole

    path = tmp_path / "cut.txt"
    path.write_text(CUT, encoding="utf-8")
    result = cli("check", "--format", "json", "--select", "missing-category,cost-sum-mismatch", path)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []
    converted = cli("convert", path, "--to", "yaml")
    assert "truncated: true" in converted.stdout
    assert read_yaml(converted.stdout, "cut.yaml").tables[0].truncated


def test_a_table_that_ends_with_its_satisfaction_rows_is_whole():
    doc = read_text(CUT + "状况\t良好\n满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\n", "t.txt")
    assert not doc.tables[0].truncated


def test_an_indicator_table_turned_on_its_side():
    # b20: 一级 over 二级 over 三级 as columns, one row per township with its values
    doc = corpus("b20")
    (table,) = doc.tables
    assert rows(doc) == [
        ("质量指标", "资金投向合规率", ""),
        ("数量指标", "扶持村数", ""),
        ("时效指标", "资金使用率", ""),
        ("社会效益指标", "改善村人居环境、改善基础设施", ""),  # 指标1: dropped
        ("社会效益指标", "资金使用重大违规违纪问题", ""),  # under the merged 社会效益 heading
    ]
    assert table.truncated  # the text stops at the first township's name
    assert table.name == "2020年市级财政专项扶贫资金(第二批扶贫开发项目)"  # from its title
    assert [p.location.line for p in doc.problems if p.location.line == 24] == []  # 一级 row read
    text = (
        "乡镇 | 产出指标 | 效益指标\n质量指标 | 数量指标 | 社会效益指标\n合格率 | 村数 | 满意度\n"
        "甲镇 | 100% | 2个 | ≥90%\n乙镇 | 95% | 1个 | ≥85%\n"
    )
    crafted = read_text(text, "t.txt")
    assert rows(crafted) == [
        ("质量指标", "合格率", "100%"),
        ("数量指标", "村数", "2个"),
        ("社会效益指标", "满意度", "≥90%"),
    ]
    assert [i.level1 for i in crafted.tables[0].indicators] == ["产出指标", "产出指标", "效益指标"]
    assert not crafted.problems  # the second township's row is another place's values, not astray


def test_a_fused_evaluation_form_with_its_scores_run_into_the_values():
    doc = corpus("b06")  # 评价指标评价内容指标名称指标说明目标值分值备注, every row run together
    assert rows(doc) == [
        ("", "规章制度建立与否", ""),  # under 项目年度绩效目标(定量指标) / 制度指标, no template's; 分值 20
        ("数量指标", "享受资助人数", "2100"),  # 达到预计值 2100 10
        ("数量指标", "资金支出率", "95%"),
        ("质量指标", "建档立卡学生全面覆盖", "100%"),
        ("质量指标", "资助对象满意度", "95%以上"),
        ("时效指标", "及时发放率", "100%"),
        ("成本指标", "资助标准达标率", "100%"),  # 总分 100 below is no row
    ]
    assert split_fused_row("产出数量指标享受资助人数达到预计值210010", explained=True, scored=True) == [
        "产出",
        "数量指标",
        "享受资助人数",
        "达到预计值",
        "2100",
        "10",
    ]
    # without a 分值 column a number is read whole
    assert split_fused_row("数量指标享受资助人数210010")[-1] == "210010"


def test_a_run_on_name_ends_at_its_measure_when_an_explanation_column_follows():
    doc = corpus("b02")  # 三级指标指标解释…: 党建任务完成率上级党组织要求完成党建工作任务完成率 / 100%
    assert ("质量指标", "党建任务完成率", "100%") in rows(doc)
    assert ("数量指标", "消化利用农作物秸秆数量", "5个") in rows(doc)
    assert (
        split_fused_row("项目数据上报及时率说明", explained=True)[0] == "项目数据上报及时率"
    )  # not cut at 数
    assert split_fused_row("党建任务完成率上级要求")[0] == "党建任务完成率上级要求"  # no such column: kept


def test_a_name_that_goes_on_after_its_value():
    text = "二级指标指标内容指标值备注\n数量指标\n各种强制免疫率、屠宰率\n100%\n及检疫率\n"
    assert rows(read_text(text, "t.txt")) == [("数量指标", "各种强制免疫率、屠宰率及检疫率", "100%")]
    assert split_fused_heading("二级指标指标内容指标值备注") == ["二级指标", "指标内容", "指标值", "备注"]


def test_a_statement_ending_in_a_figure_is_one_statement():
    (item,) = read_line("质量指标:学校的教育教学秩序良好,校园文化建设深受好评,力争毕业生合格率达100%").items
    assert item == ("学校的教育教学秩序良好,校园文化建设深受好评,力争毕业生合格率达100%", "")
    assert read_line("数量指标:培训人数≥100人").items == [("培训人数", "≥100人")]


def test_a_unit_column_is_joined_to_what_the_value_column_prints():
    doc = corpus("b01")  # 定性 应保尽保 and 28.8萬元 under a 计量单位 column printing %: read as printed
    assert ("数量指标", "業務工作支出安排金額", "28.8萬元%") in rows(doc)
    assert ("社会效益指标", "保證單位正常運轉", "應保盡保%") in rows(doc)


def test_a_cut_name_without_its_closing_pipe_is_no_row():
    doc = corpus("b19")  # the text stops at 完工项目县规模养殖场畜禽粪污处理 (no ' |'): cut inside the cell
    names = [i.name for t in doc.tables for i in t.indicators]
    assert names[-1] == "完工项目县畜禽粪污综合利用率"
    assert "实施效果指标" not in names  # a 一级 label over 产出 and 效益
    assert doc.tables[0].truncated


def test_run_on_place_values_end_a_row_and_the_next_one_follows():
    doc = corpus("b11")  # seven county columns; 2312222 and >=95% ×7, then 项目完成率 runs on
    assert rows(doc) == [
        ("数量指标", "宗教管理经费补助县(市、区)数量", "2"),
        ("质量指标", "项目资金使用合规性", ">=95%"),
        ("质量指标", "项目完成率", ""),
    ]
    remarks = doc.tables[0].indicators[1].remarks
    assert remarks["连城县"] == ">=95%"  # the last place's value, not the next row's text with it
    assert split_fused_row("村数2312", places=3)[-1] == "2312"  # four digits under three places: whole


def test_a_space_inside_a_run_on_row_is_padding_not_a_cut():
    heading = "一级指标二级指标三级指标指标值指标解释\n"
    doc = read_text(heading + "成本 指标经济成本 指标学生补助标准17元/人.每天反映用餐标准\n", "t.txt")
    assert rows(doc) == [("经济成本指标", "学生补助标准", "17元/人.每天")]


def test_a_unit_the_grammar_does_not_read_stays_with_its_value():
    (row,) = rows(
        read_text(
            "一级指标二级指标三级指标指标值指标解释\n成本指标经济成本指标学生补助标准17元/人.每天反映用餐标准\n",
            "t.txt",
        )
    )
    assert row == ("经济成本指标", "学生补助标准", "17元/人.每天")


def test_fused_rows_of_every_kind_of_value():
    heading = "一级指标二级指标三级指标指标值\n"
    cases = [
        (
            "效益指标经济效益指标项目实施是否产生经济价值否",
            ("经济效益指标", "项目实施是否产生经济价值", "否"),
        ),
        ("效益指标社会效益指标服务保障民生效果良好", ("社会效益指标", "服务保障民生", "效果良好")),
        ("產出指標數量指標業務工作支出安排金額28.8萬元", ("数量指标", "業務工作支出安排金額", "28.8萬元")),
        ("产出指标成本指标饲料库120平米490元/平米", ("成本指标", "饲料库120平米", "490元/平米")),
        (
            "效益指标生态效益指标学校绿化覆盖达70%,优化校园生态环境。",
            ("生态效益指标", "学校绿化覆盖达70%,优化校园生态环境。", ""),
        ),
        ("产出指标质量指标政策知晓率═100%", ("质量指标", "政策知晓率", "═100%")),
        ("产出指标质量指标农村低保标准>=530元/人*月", ("质量指标", "农村低保标准", ">=530元/人*月")),
    ]
    for line, row in cases:
        assert rows(read_text(heading + line + "\n", "t.txt")) == [row], line
    # no category printed at all: the rows are still read
    assert rows(read_text(heading + "辅警人员=512人\n受益对象满意度≥95%\n", "t.txt")) == [
        ("", "辅警人员", "=512人"),
        ("", "受益对象满意度", "≥95%"),
    ]


def test_a_self_evaluations_figures_run_together():
    doc = corpus("b18")  # 分值 | 指标值(A) | 全年实际值(B) | 得分 printed as 2010010020
    assert [(i.name[-7:], i.value_text) for t in doc.tables for i in t.indicators][:3] == [
        ("底前发放完毕,", "100"),  # the figures inside the statement (3875人, 2022年) are its own
        ("月底前发放完毕", "100"),
        ("38.75万元", "38.75"),  # 10 | 38.75 | 36.2 | 9.34, then 2021年底… (the reason not met)
    ]


def test_split_figures():
    from linter.readers.figures import split_figures

    kinds = ["weight", "value", "actual", "score"]
    assert split_figures("101001009.34", kinds) == (["10", "100", "100", "9.34"], "")
    assert split_figures("1038.7536.29.342021", kinds) == (["10", "38.75", "36.2", "9.34"], "2021")
    assert split_figures("3875", kinds) is None  # 3 | 8 | 7 | 5: a score above its weight
    assert split_figures("9" * 40, kinds) is None  # no row's figures: not searched


def test_a_statement_cut_by_the_end_of_the_text_is_no_row():
    doc = corpus("b03")  # …可持续影响指标:…培养合格公民。 / 服务对象满意度指标:社区满意度95%以上,家长满
    (table,) = doc.tables
    assert table.truncated
    assert table.indicators[-1].name.endswith("培养合格公民。")
    whole = (
        "产出指标\n质量指标:秩序良好,深受好评。\n时效指标:按时完成,顺利完成。\n成本指标:全年预算,全额保障。\n"
    )
    assert len(read_text(whole, "t.txt").tables[0].indicators) == 3
    cut = whole + "服务对象满意度指标:社区满意度高,家长满"
    assert len(read_text(cut, "t.txt").tables[0].indicators) == 3


def test_reread_fixes_of_the_run_on_reader():
    from linter.readers.figures import split_figures
    from linter.readers.runon import _value_and_rest
    from linter.values import split_name_value

    assert split_figures("1" * 24, ["score"] * 12) is None  # bounded: the cuts grow with the columns
    assert _value_and_rest("95", "", True, 0) == ("95", "")  # a plain value is no value + score
    assert split_name_value("培训次数每年4次") == ("培训次数每年", "4次")  # 年 alone is no date
    # a transposed heading merged over two names, laid out as a grid keeps its empty cell
    text = "质量指标\t\t时效指标\t数量指标\n合格率\t优良率\t及时率\t扶持村数\n"
    got = [i.level2 for i in read_text(text, "t.txt").tables[0].indicators]
    assert got == ["质量指标", "质量指标", "时效指标", "数量指标"]


def test_a_table_graded_excellent_to_poor_run_into_one_paragraph():
    doc = corpus(
        "b12"
    )  # 績效指標分類 | 績效指標 | 描述 | 評價標準 優 良 中 差 | 確定依據, traditional, run on
    table = doc.tables[0]
    assert (
        table.name == "2019年中央財政困難群眾救助補助"
    )  # from the title, without 邯財社…號提前下達 and 預算指標
    assert [(i.level1, i.name, i.value_text) for i in table.indicators] == [
        ("产出指标", "救助覆蓋率", "100%"),
        (
            "产出指标",
            "農村低保救助資金按標準發放的比率",
            "90%",
        ),  # no label: it follows 評價 basis of the row above
        ("效益指标", "救助對象對救助工作滿意度(%)", "85%"),
    ]
    # 績效目標保障農村低保金的發放…: the goal under its label, run on with no colon
    assert table.goal.startswith("保障農村低保金的發放,保障農村低保戶的基本生活")
    first = table.indicators[0].remarks
    assert [first["良"], first["中"], first["差"]] == ["90%", "85%", "85%"]  # the lower grades are kept
    assert first["评价标准确定依据"] == "按臨時救助標準評價"  # the basis, not the next row's name
    # 2、…邯財社2018126號提前下達…: the next table's cut title (expected: a second table, no row)
    assert not any("邯財社" in i.name for t in doc.tables for i in t.indicators)
    text = without_glosses(next(CORPUS.glob("b12_*.txt")).read_text(encoding="utf-8"))
    lines = text.splitlines()
    title_runs_on = read_text("\n".join([*lines[:2], lines[2] + lines[4]]) + "\n", "t.txt")
    basis = "按臨時救助標準評價"
    assert text.count(basis) == 2  # (the replacement below does take place)
    cites_a_notice = read_text(text.replace(basis, "按邯財社2018126號下達標準評價"), "t.txt")
    for variant in (title_runs_on, cites_a_notice):  # the last row kept; a row citing a notice is a row
        assert [i.value_text for t in variant.tables for i in t.indicators] == ["100%", "90%", "85%"]


def test_graded_columns_in_a_separated_table():
    text = (
        "绩效指标分类\t绩效指标\t绩效指标描述\t优\t良\t中\t差\t评价标准确定依据\n"
        "产出指标\t救助覆盖率\t是否应救尽救\t100%\t90%\t85%\t85%\t按标准评价\n"
        "\t发放及时率\t按月发放\t95%\t90%\t80%\t70%\t按标准评价\n"
    )
    doc = read_text(text, "t.txt")
    assert [(i.level1, i.name, i.value_text) for t in doc.tables for i in t.indicators] == [
        ("产出指标", "救助覆盖率", "100%"),
        ("产出指标", "发放及时率", "95%"),
    ]
    lines = [line.split("\t") for line in text.splitlines()]
    one_cell_a_line = "".join(f"{cell} |\n" for line in lines for cell in line if cell)  # 绩效指标 | too
    fused = "".join("".join(line) + "\n" for line in lines)  # 优良中差 in the heading in column order
    for rendering in (one_cell_a_line, fused):
        doc = read_text(rendering, "t.txt")
        assert [(i.name, i.value_text) for t in doc.tables for i in t.indicators] == [
            ("救助覆盖率", "100%"),
            ("发放及时率", "95%"),
        ], rendering
    both = read_text(
        "一级指标二级指标三级指标指标值评价标准优良中差\n产出指标数量指标救助人数≥100人100人90人80人70人\n",
        "t.txt",
    )
    assert [(i.name, i.value_text) for i in both.tables[0].indicators] == [("救助人数", "≥100人")]
    assert not both.problems  # a 指标值 column before the grades: the 差 value is no row of its own
    four_grades = read_text(text.replace("优\t良\t中\t差", "优秀\t良好\t合格\t不合格"), "t.txt")
    assert [i.value_text for i in four_grades.tables[0].indicators] == ["100%", "95%"]  # 优秀 the target
    # after the grades, a basis with no value after it is the row's own
    assert split_fused_row("救助覆盖率是否应救尽救100%90%85%85%按标准评价", True, places=4, closed=True) == [
        "救助覆盖率",
        "是否应救尽救",
        "100%",
        "90%",
        "85%",
        "85%",
        "按标准评价",
    ]


def _printed_row(ind) -> tuple[str, ...]:
    return (ind.level2 or "", ind.name, ind.value_text, ind.level1_printed, ind.level2_printed)


@pytest.mark.parametrize("printing", ["traditional", "full-width", "full-width bars"])
def test_every_corpus_document_reads_the_same_however_its_characters_are_printed(printing):
    # Mirror sites repost tables in traditional characters (b01, b05, b12), and tables print
    # brackets, colons and figures full-width or not (（万元）, ：, １００％): the form's words
    # must be known however printed, and what is read kept as printed.
    from linter.glossary import TRADITIONAL

    if printing == "traditional":
        reprint = {simple: traditional for traditional, simple in TRADITIONAL.items()}
    elif printing == "full-width":
        reprint = {ord(c): ord(c) + 0xFEE0 for c in "0123456789%:()"}
    else:  # cells closed by U+FF5C, the full-width vertical bar
        reprint = {ord("|"): 0xFF5C}
    differ, rows_read = [], 0
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        first = read_text(text, "p.txt")
        printed = read_text(text.translate(reprint), "t.txt")
        rows_read += sum(len(t.indicators) for t in first.tables)
        # each row (its 二级, name, value and the labels printed over it) and the title, as printed
        got = [printed.title, *(_printed_row(i) for t in printed.tables for i in t.indicators)]
        want = [first.title.translate(reprint)]
        want += [
            (row[0], *(field.translate(reprint) for field in row[1:]))
            for t in first.tables
            for row in map(_printed_row, t.indicators)
        ]
        if got != want:
            differ.append(
                (path.name, [w for w in want if w not in got][:2], [g for g in got if g not in want][:2])
            )
    assert rows_read > 200 and not differ, differ


TRADITIONAL_FORM = (
    "項目名稱\t應急演練\n主管部門\t某局\n實施單位\t某中心\n年度資金總額(萬元)\t50\n其中：財政撥款\t40\n"
    "其他資金\t10\n項目負責人\t張三\n聯繫電話\t123\n一級指標\t二級指標\t三級指標\t指標值\n"
    "產出指標\t數量指標\t培訓次數\t≥4次\n"
)


def test_a_form_printed_in_traditional_characters_is_read_label_by_label():
    # written by hand, not derived from glossary.TRADITIONAL: a character missing there fails here
    doc = read_text(TRADITIONAL_FORM, "t.txt")
    (table,) = doc.tables
    assert (table.name, table.department, table.implementing_unit) == ("應急演練", "某局", "某中心")
    assert (table.funding.total.yuan, table.funding.fiscal.yuan) == (500_000, 400_000)
    assert [(i.level2, i.name, i.value_text, i.level2_printed) for i in table.indicators] == [
        ("数量指标", "培訓次數", "≥4次", "數量指標")
    ]
    assert not doc.problems  # 項目負責人, 聯繫電話: labels too


def test_labels_are_put_back_as_printed_far_into_a_long_file():
    # the labels over a row are looked up among whole cells: tab-separated ones too
    filler = "".join(f"说明{n}\n" for n in range(2_100))
    doc = read_text(filler + TRADITIONAL_FORM, "t.txt")
    (ind,) = [i for t in doc.tables for i in t.indicators]
    assert (ind.level1_printed, ind.level2_printed) == ("產出指標", "數量指標")
