"""A document printed in traditional characters is judged as its simplified twin
(linter/checks/printing.py), and its findings quote it as printed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from linter.glossary import TRADITIONAL
from linter.readers.text import read_text

CORPUS = Path(__file__).parent / "corpus"

# Written by hand (not derived from glossary.TRADITIONAL): a form reposted in traditional characters.
FORM = (
    "項目名稱\t社區養老服務\n主管部門\t某局\n實施單位\t某中心\n年度資金總額(萬元)\t50\n"
    "年度目標\t為轄區老人提供上門服務，服務老人不少於300人\n"
    "一級指標\t二級指標\t三級指標\t指標值\n"
    "產出指標\t數量指標\t上門服務老人數\t≥300人\n"
    "產出指標\t質量指標\t服務合格率\t≥95%\n"
    "產出指標\t時效指標\t完成時間\t2025年12月底前\n"
    "產出指標\t成本指標\t上門服務費用\t≤50萬元\n"
    "效益指標\t社會效益指標\t老人生活質量\t有所提高\n"
    "滿意度指標\t服務對象滿意度指標\t服務對象滿意度\t滿意\n"
)


def test_a_form_in_traditional_characters_is_judged_and_quoted_as_printed(engine):
    findings = engine.run(read_text(FORM, "t.txt"))
    by_rule = {(f.rule, f.indicator) for f in findings}
    # 滿意度 is a rate (rate-not-percent), 滿意 only repeats it (ungraded-qualitative): words the
    # checks know in simplified characters only
    assert ("rate-not-percent", "服務對象滿意度") in by_rule
    assert ("ungraded-qualitative", "服務對象滿意度") in by_rule
    satisfied = next(f for f in findings if f.rule == "ungraded-qualitative")
    assert "“服務對象滿意度”" in satisfied.message and "“滿意”" in satisfied.message  # quoted as printed
    assert all(f.table in (None, "社區養老服務") for f in findings)
    # a part of the name, quoted inside the check's own words, as printed too
    (unnamed,) = (f for f in findings if f.rule == "name-content-mismatch")  # (the goal says 上門服務 only)
    assert "名称中的“社區養老”" in unnamed.message


def test_every_corpus_document_is_judged_the_same_in_traditional_characters(engine):
    reprint = {simple: traditional for traditional, simple in TRADITIONAL.items()}

    def seen(findings, printing=None):
        # each finding, and the indicator it names as the document prints it
        return Counter(
            (f.code, f.location.line, (f.indicator or "").translate(printing or {})) for f in findings
        )

    judged, differ = 0, []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        plain = seen(engine.run(read_text(text, "p.txt")), reprint)
        printed = seen(engine.run(read_text(text.translate(reprint), "p.txt")))
        judged += sum(plain.values())
        differ += [(path.name, k) for k in (plain - printed) + (printed - plain)]
    assert judged > 350 and not differ, differ


MIXED = (
    "项目名称\t社区养老服务\n年度目标\t服務對象滿意度达到要求，为辖区老人提供上门服务300人\n"
    "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t上门服务老人数\t≥300人\n"
    "满意度指标\t服务对象满意度指标\t服务对象满意度\t满意\n"
)


def test_a_row_printed_in_simplified_characters_is_quoted_so_beside_traditional_text(engine):
    # the goal is reposted in traditional characters, the rows are not: a row's quotes are its own
    findings = [f for f in engine.run(read_text(MIXED, "t.txt")) if f.indicator == "服务对象满意度"]
    assert {f.rule for f in findings} >= {"ungraded-qualitative", "rate-not-percent"}
    for f in findings:
        assert "滿" not in f.message and "服務" not in f.message, f.message
        assert f.suggested_name is None or "滿" not in f.suggested_name


def test_a_finding_on_a_whole_table_quotes_its_rows_as_printed():
    from linter.engine import Engine

    reprint = {simple: traditional for traditional, simple in TRADITIONAL.items()}
    text = next(CORPUS.glob("a09_*.txt")).read_text(encoding="utf-8").translate(reprint)
    findings = Engine().run(read_text(text, "p.txt"))  # (every rule: weight-sum-mismatch is off by default)
    weights = [f for f in findings if f.rule == "weight-sum-mismatch"]
    assert weights and "（5 行：發放人數 20、是否按時足額發放 10" in weights[0].message


def test_the_copy_judged_holds_no_traditional_text(table, row, document):
    from linter.checks.printing import in_simplified

    t = table(row("數量指標", "培訓次數", "≥4次"), name="某部門")
    t.budget = {"項目支出": t.funding.total}  # a department's budget block, by its printed labels
    t.indicators[0].inline_heading = ("質量指標", "產出指標")
    view, back = in_simplified(document(t))
    (copy,) = view.tables
    assert (copy.name, list(copy.budget), copy.indicators[0].inline_heading) == (
        "某部门",
        ["项目支出"],
        ("质量指标", "产出指标"),
    )
    assert back.table(copy) is t and (t.name, list(t.budget)) == ("某部門", ["項目支出"])  # (untouched)
