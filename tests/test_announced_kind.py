"""The announced-kind check type and the reader's self-evaluation mark it relies on.

The reader marks a table a self-evaluation by its heading's 实际值 and 得分 columns (corpus b18 and
a16); the check compares that with what the document calls itself (title, notice text).
"""

from __future__ import annotations

from pathlib import Path

from linter.checks import announced_kind
from linter.model import Document, Indicator, Location, Table
from linter.readers import read_path
from linter.values import parse

CORPUS = Path(__file__).resolve().parent / "corpus"
PARAMS = {"announced": r"绩效目标(?:申报|公开|审批|批复|公示)?表", "evaluation": r"自评|评价|考评|自查"}


def table(kind: str, line: int = 3) -> Table:
    ind = Indicator(
        level1="产出指标",
        level2="数量指标",
        name="发放人数",
        value_text="100人",
        value=parse("100人"),
        location=Location("t.txt", line, 1),
        remarks={"分值": "20", "全年实际值(B)": "98人", "得分计算方法": "按比例", "得分": "19"},
    )
    return Table(name="送茶入户项目", kind=kind, indicators=[ind], location=Location("t.txt", 2, 1))


def hits(doc: Document) -> list:
    return list(announced_kind.check(doc, PARAMS))


def test_a_self_evaluation_under_a_target_title_is_reported_with_its_columns():
    found = hits(Document(path="t.txt", title="2022年项目绩效目标申报表", tables=[table("self-evaluation")]))
    assert len(found) == 1
    assert found[0].args == {"announced": "绩效目标申报表", "columns": "全年实际值(B)、得分"}
    assert found[0].location.line == 2


def test_the_notice_before_the_table_announces_it_too():
    text = "现将…项目绩效目标申报表公示如下:\n项目支出绩效自评表(2022年度)\n发放人数 100人\n"
    doc = Document(path="t.txt", tables=[table("self-evaluation")], source_text=text)
    assert [h.args["announced"] for h in hits(doc)] == ["绩效目标申报表"]


def test_text_after_the_first_indicator_and_comment_lines_announce_nothing():
    text = "# note: the notice says 绩效目标申报表\n项目支出绩效自评表\n发放人数 100人\n附:绩效目标表\n"
    assert hits(Document(path="t.txt", tables=[table("self-evaluation")], source_text=text)) == []


def test_a_title_naming_an_evaluation_and_a_target_table_are_left_alone():
    assert (
        hits(Document(path="t.txt", title="(临时救助)绩效目标自评表", tables=[table("self-evaluation")]))
        == []
    )
    assert hits(Document(path="t.txt", title="项目绩效评价指标表", tables=[table("self-evaluation")])) == []
    assert hits(Document(path="t.txt", title="2022年项目绩效目标表", tables=[table("project")])) == []
    assert hits(Document(path="t.txt", tables=[table("self-evaluation")])) == []


def test_the_reader_marks_a_form_with_actual_values_and_scores_a_self_evaluation():
    b18 = read_path(CORPUS / "b18_yuanzhou-minzongju-songcha-ruhu-2022.txt")
    a16 = read_path(CORPUS / "a16_suixi-minzhengju-linshijiuzhu-zipingbiao-2019.txt")
    assert [t.kind for t in b18.tables] == ["self-evaluation"]
    assert [t.kind for t in a16.tables] == ["self-evaluation"]
    # b05 prints 實際完成值 but no score (a monitoring form); b06 weights its rows (分值) only
    for name in (
        "b05_lechang-jiaoyu-zhongzhi-zizhu-2018.txt",
        "b06_ningjin-jiaoyu-gaozhong-zhuxuejin-2019.txt",
    ):
        assert {t.kind for t in read_path(CORPUS / name).tables} == {"project"}


def test_a_heading_with_last_years_actual_value_is_no_self_evaluation(tmp_path):
    form = "2024年项目绩效目标表\n项目名称\t养老服务\n一级指标\t二级指标\t三级指标\t指标值\t上年实际值\t得分\n产出指标\t数量指标\t服务老人数\t≥300人\t280人\t50\n"
    path = tmp_path / "t.txt"
    path.write_text(form, encoding="utf-8")
    assert [t.kind for t in read_path(path).tables] == ["project"]
