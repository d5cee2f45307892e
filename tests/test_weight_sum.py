"""The weight-sum check type on hand-built tables: weights against 100, against a 一级's printed
share, and the tables it leaves alone (cut off, a weight missing or not a number).

Every expected sum was added up by hand and is written next to its test.
"""

from __future__ import annotations

import re
from decimal import Decimal

from linter.checks import weight_sum
from linter.model import Document, Indicator, Location, Table
from linter.values import parse

PARAMS = {"total": 100.0, "labels": ["权重", "分值"], "shown_rows": 12}


def row(
    name: str, weight: str | None, level1: str = "产出指标", label: str = "权重", line: int = 10
) -> Indicator:
    return Indicator(
        level1=re.sub(r"[(（].*", "", level1),  # the label without its printed share
        level2="数量指标",
        name=name,
        value_text="2次",
        value=parse("2次"),
        location=Location("t.txt", line, 1),
        level1_printed=level1,
        remarks={} if weight is None else {label: weight},
    )


def hits(*rows: Indicator, truncated: bool = False, params: dict = PARAMS) -> list:
    table = Table(name="测试项目", indicators=list(rows), truncated=truncated)
    return list(weight_sum.check(Document(path="t.txt", tables=[table]), params))


def test_weights_making_100_pass():
    # 40 + 30 + 30 = 100
    assert hits(row("甲", "40"), row("乙", "30"), row("丙", "30")) == []


def test_weights_short_of_100_name_the_sum_and_every_row():
    # 20 + 10 + 20 + 20 + 20 = 90 (a09's tables)
    found = hits(
        *(
            row(n, w, line=10 + i)
            for i, (n, w) in enumerate(zip("甲乙丙丁戊", ["20", "10", "20", "20", "20"], strict=True))
        )
    )
    assert len(found) == 1
    args = found[0].args
    assert (args["sum"], args["target"], args["count"]) == ("90", "100", 5)
    assert args["items"]["zh"] == "甲 20、乙 10、丙 20、丁 20、戊 20"
    assert args["part"] == {"zh": "", "en": ""}
    assert found[0].location.line == 10 and found[0].indicator is None


def test_percent_and_score_marks_and_decimals_are_numbers():
    # 33.5% + 33.5分 + 33 = 100
    assert hits(row("甲", "33.5%"), row("乙", "33.5分", label="分值"), row("丙", "33")) == []
    # 33.5 + 33.5 + 34 = 101
    assert hits(row("甲", "33.5"), row("乙", "33.5"), row("丙", "34"))[0].args["sum"] == "101"


def test_a_missing_or_unreadable_weight_leaves_the_table_unjudged():
    assert hits(row("甲", "20"), row("乙", "10"), row("丙", None)) == []
    assert hits(row("甲", "20"), row("乙", "10"), row("丙", "30%正向指标")) == []
    assert hits(row("甲", "20"), row("乙", "44,561")) == []


def test_a_cut_off_table_is_not_judged():
    assert hits(row("甲", "20"), row("乙", "10"), truncated=True) == []


def test_a_column_that_is_no_weight_is_not_read():
    # 得分 (a self-evaluation's score) is not a weight: no weight printed, nothing judged
    assert hits(row("甲", "20", label="得分"), row("乙", "10", label="得分")) == []


def test_printed_shares_judge_each_part_and_not_the_whole():
    # 产出 20 + 20 = 40 = its (40分); 效益 30 + 10 = 40 ≠ its (50分); whole 80 is not judged
    found = hits(
        row("甲", "20", level1="产出指标(40分)"),
        row("乙", "20", level1="产出指标(40分)"),
        row("丙", "30", level1="效益指标（50分）", line=20),
        row("丁", "10", level1="效益指标（50分）", line=21),
    )
    assert len(found) == 1
    args = found[0].args
    assert (args["sum"], args["target"], args["count"]) == ("40", "50", 2)
    assert args["part"]["zh"] == "效益指标（50分）下"
    assert found[0].location.line == 20 and found[0].level1 == "效益指标"


def test_a_score_range_is_no_share():
    # 成本指标(0-20)分 prints a range: the whole table is judged, 10 + 90 = 100
    assert hits(row("甲", "10", level1="成本指标(0-20)分"), row("乙", "90")) == []


def test_a_long_table_lists_its_first_rows_and_counts_the_rest():
    rows = [row(f"指标{i}", "5", line=i) for i in range(1, 16)]  # 15 × 5 = 75
    args = hits(*rows, params={**PARAMS, "shown_rows": 3})[0].args
    assert args["sum"] == "75" and args["count"] == 15
    assert args["items"]["zh"] == "指标1 5、指标2 5、指标3 5 等15行"
    assert args["items"]["en"] == "指标1 5, 指标2 5, 指标3 5 and 12 more"


def test_the_target_is_a_parameter():
    assert hits(row("甲", "45"), row("乙", "45"), params={**PARAMS, "total": 90.0}) == []


def test_weight_and_share_readers():
    assert weight_sum.weight_of(row("甲", " 15 "), ["权重"]) == Decimal(15)
    assert weight_sum.weight_of(row("甲", "15", label="指标权重"), ["权重"]) == Decimal(15)
    assert weight_sum.weight_of(row("甲", "高"), ["权重"]) is None
    assert weight_sum.subtotal_of("产出指标(40分)") == Decimal(40)
    assert weight_sum.subtotal_of("产出指标") is None
