"""The engine and the rule-file loader: rules as data, strict validation, overrides, ordering."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from linter.checks import RowCheck
from linter.config import Config, ConfigError, configured_rules
from linter.engine import Engine, fill
from linter.model import Location, Problem
from linter.readers.yaml_reader import document_from_mapping
from linter.rulebook import RuleError, load_rule_dirs, load_rule_file


def doc_of(indicators, **table):
    return document_from_mapping(
        {"tables": [{"name": "测试项目", **table, "indicators": indicators}]}, "t.yaml"
    )


def test_a_new_rule_of_a_known_check_type_needs_no_python(write_rule, extra_rule, tmp_path):
    write_rule(tmp_path / "extra", extra_rule)
    rules = load_rule_dirs([tmp_path / "extra"], builtin=False)
    assert [r.slug for r in rules] == ["no-hours"]
    doc = doc_of(
        [
            {"level1": "产出指标", "level2": "时效指标", "name": "修复时间", "value": "≤24小时"},
            {"level1": "产出指标", "level2": "数量指标", "name": "链路数量", "value": "15条"},
        ]
    )
    findings = Engine(rules).run(doc)
    assert [(f.code, f.indicator, f.message) for f in findings] == [
        ("IL901", "修复时间", "“修复时间”用了小时：≤24小时")
    ]
    assert findings[0].severity == "info"


def test_extra_rules_load_beside_the_shipped_ones(write_rule, extra_rule, tmp_path):
    write_rule(tmp_path / "extra", extra_rule)
    slugs = {r.slug for r in load_rule_dirs([tmp_path / "extra"])}
    assert {"no-hours", "missing-unit", "vague-value"} <= slugs


FAIL_ROW = "name: 修复时间, value: ≤24小时}]"  # the fail example of ``extra_rule``, and its pass example
PASS_ROW = "name: 修复时限, value: 2025年底}]"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("basis: 测试\n", "basis: 测试\nauthor: me\n", "unknown key 'author'"),
        ("severity: info", "severity: fatal", "key 'severity'"),
        (
            "  type: value-kind",
            "  type: no-such-check",
            "key 'check.type': unknown check type 'no-such-check'",
        ),
        ("  kinds: [duration]", "  kinds: [duration]\n  colour: red", "unknown key 'check.colour'"),
        ("  kinds: [duration]", "  kinds: duration", "key 'check.kinds' must be a list"),
        (
            "  kinds: [duration]",
            "  kinds: [durations]",
            "key 'check.kinds' must be one of empty, quantity, duration, number, range, date, period,"
            " direction, grade, expression, text, baseline, got 'durations'",
        ),
        ("basis: 测试\n", "", "missing key 'basis'"),
        ("title: {zh: 不用小时, en: No hours}", "title: {zh: 不用小时}", "key 'title'"),
        ("code: IL901", "code: 901", "key 'code'"),
        ("  pass:\n", "  passes:\n", "key 'examples'"),
        (
            FAIL_ROW,
            FAIL_ROW + "\n      expect: 修复时间",
            "key 'examples.fail[0].expect' must be a non-empty list",
        ),
        (FAIL_ROW, FAIL_ROW + "\n      expect: [{row: 修复时间}]", "items are mappings of indicator, table"),
        (
            FAIL_ROW,
            FAIL_ROW + "\n      expect: [{indicator: 修复时间, args: [1]}]",
            "key 'examples.fail[0].expect.args' must be a mapping",
        ),
        (PASS_ROW, PASS_ROW + "\n      expect: []", "key 'examples.pass[].expect': a passing example"),
    ],
)
def test_broken_rule_files_name_file_and_key(write_rule, extra_rule, tmp_path, old, new, expected):
    assert old in extra_rule
    path = write_rule(tmp_path, extra_rule.replace(old, new))
    with pytest.raises(RuleError) as err:
        load_rule_file(path)
    assert str(path) in str(err.value)
    assert expected in str(err.value)


def test_a_fail_example_s_expect_is_kept_apart_from_the_table(write_rule, extra_rule, tmp_path):
    expect = "\n      expect: [{indicator: 修复时间, args: {unit: 小时}}]"
    rule = load_rule_file(write_rule(tmp_path, extra_rule.replace(FAIL_ROW, FAIL_ROW + expect)))
    assert rule.expect == [[{"indicator": "修复时间", "args": {"unit": "小时"}}]]
    assert "expect" not in rule.examples["fail"][0]  # the table itself, as docs and `rule` show it
    assert load_rule_file(write_rule(tmp_path / "plain", extra_rule)).expect == [None]


def test_broken_yaml_names_the_line(write_rule, tmp_path):
    path = write_rule(tmp_path, "code: IL901\nslug: [unclosed\n")
    with pytest.raises(RuleError, match=r"rule\.yaml:\d+: not valid YAML"):
        load_rule_file(path)


def test_a_code_defined_twice_is_refused(write_rule, extra_rule, tmp_path):
    write_rule(tmp_path / "a", extra_rule, "one.yaml")
    write_rule(tmp_path / "a", extra_rule.replace("slug: no-hours", "slug: no-hours-again"), "two.yaml")
    with pytest.raises(RuleError, match="IL901 is already defined"):
        load_rule_dirs([tmp_path / "a"], builtin=False)


def test_parameter_overrides_change_what_fires_and_are_validated():
    doc = doc_of([{"level1": "效益指标", "level2": "社会效益指标", "name": "事故次数", "value": "0"}])
    assert not [f for f in Engine().run(doc) if f.rule == "missing-unit"]
    rules = load_rule_dirs()
    missing_unit = next(r for r in rules if r.slug == "missing-unit")
    engine = Engine(
        [r if r is not missing_unit else r.with_params({"skip_zero": False}, "test") for r in rules]
    )
    assert [f.indicator for f in engine.run(doc) if f.rule == "missing-unit"] == ["事故次数"]
    with pytest.raises(RuleError, match=r"test: unknown key 'missing-unit\.skip_zeros'"):
        missing_unit.with_params({"skip_zeros": False}, "test")
    trivial = next(r for r in rules if r.code == "IL207")
    with pytest.raises(RuleError, match=r"key 'trivial-target\.capped_suffixes' must be a list"):
        trivial.with_params({"capped_suffixes": 3}, "test")


def test_findings_are_sorted_by_path_line_column_code():
    doc = document_from_mapping(
        {
            "tables": [
                {"name": "测试项目", "goal": "完成企业安全检查50次，覆盖率达到95%以上", "indicators": []}
            ]
        },
        "t.yaml",
    )
    from linter.model import Indicator
    from linter.values import parse

    def ind(name, value, line):
        return Indicator(
            "产出指标",
            "数量指标",
            name,
            value,
            parse(value),
            Location("t.yaml", line, 5),
            value_location=Location("t.yaml", line, 9),
        )

    doc.tables[0].indicators = [
        ind("检查次数", "4", 9),
        ind("培训次数", "约3次", 4),
        ind("覆盖率", "降低", 4),
    ]
    findings = [
        f for f in Engine().run(doc) if f.rule in ("missing-unit", "approximate-value", "rate-not-percent")
    ]
    assert [(f.location.line, f.code) for f in findings] == [(4, "IL204"), (4, "IL215"), (9, "IL201")]


def test_reader_problems_become_unreadable_row_findings():
    doc = doc_of([])
    doc.problems.append(Problem("unreadable-row", "无法识别的行 “a|b”", Location("t.yaml", 7, 1), "测试项目"))
    found = [f for f in Engine().run(doc) if f.rule == "unreadable-row"]
    assert [(f.code, f.location.line, f.table) for f in found] == [("IL001", 7, "测试项目")]
    assert "无法识别的行 “a|b”" in found[0].message


def test_english_messages_on_request():
    doc = doc_of([{"level1": "产出指标", "level2": "数量指标", "name": "点评反馈会次数", "value": "4"}])
    (zh,) = [f for f in Engine().run(doc) if f.rule == "missing-unit"]
    (en,) = [f for f in Engine().run(doc, lang="en") if f.rule == "missing-unit"]
    assert zh.message.startswith("“点评反馈会次数”的指标值“4”只有数字")
    assert en.message.startswith("The value '4' of '点评反馈会次数' is a bare number")


def test_a_template_naming_an_unknown_field_prints_it_rather_than_crash():
    assert fill("{name} {missing}", {"name": "x"}) == "x {missing}"
    assert fill("{name:>", {"name": "x"}) == "{name:>"


def test_select_and_ignore_by_code_prefix_and_slug():
    rules = load_rule_dirs()
    assert {r.code[:3] for r in configured_rules(Config(), rules, ["IL2"])} == {"IL2"}
    chosen = configured_rules(Config(), rules, ["IL2", "missing-goal"], ["vague-value", "IL201"])
    slugs = {r.slug for r in chosen}
    assert "missing-goal" in slugs and "trivial-target" in slugs
    assert not slugs & {"vague-value", "missing-unit", "missing-category"}
    with pytest.raises(ConfigError, match="no rule matches 'IL9'"):
        configured_rules(Config(), rules, ["IL9"])


def test_a_check_with_a_choice_parameter_refuses_other_values(tmp_path, extra_rule, write_rule):
    rule = extra_rule.replace(
        "  type: value-kind\n  kinds: [duration]", "  type: numeric-bounds\n  bound: tiny"
    )
    with pytest.raises(RuleError, match=r"key 'check\.bound' must be one of trivial, over-100, got 'tiny'"):
        load_rule_file(write_rule(tmp_path, rule))


# --------------------------------------------------------------------------- row checks and their memo


def _direct(rule, doc):
    """A rule's findings the plain way: its ``check`` over the document, no memo."""
    from linter.engine import finding_sort_key, to_finding

    return sorted(
        (to_finding(rule, hit, budget_year=doc.budget_year) for hit in rule.module.check(doc, rule.params)),
        key=finding_sort_key,
    )


def _signature(findings):
    return [(f.code, str(f.location), f.indicator, f.level2, f.message) for f in findings]


ROW_RULES = [r for r in load_rule_dirs() if isinstance(r.module.check, RowCheck)]


def test_sixteen_check_types_are_row_checks():
    assert len({r.check_type for r in ROW_RULES}) == 17  # name-value-pattern (issue 19), notation (issue 22)


def test_the_memo_gives_what_the_checks_give_on_the_examples():
    from linter.readers import read_path

    engine = Engine(ROW_RULES)  # one engine for all four: the memo carries over from file to file
    paths = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))
    assert len(paths) == 4
    for path in paths:
        doc = read_path(path)
        expected = sorted((f for r in ROW_RULES for f in _direct(r, doc)), key=lambda f: _signature([f]))
        got = sorted(engine.run(doc), key=lambda f: _signature([f]))
        assert _signature(got) == _signature(expected), path


def _count_judgements(engine: Engine) -> list[tuple[str, str, str, str]]:
    """Wrap each row rule's judge (what the engine asks of a row it has no memo for) with a
    recorder: (rule slug, 二级, name, value) per call, from now on."""
    calls: list[tuple[str, str, str, str]] = []

    def recorded(rule, judge):
        def wrapper(ind, params):
            calls.append((rule.slug, ind.level2, ind.name, ind.value_text))
            return judge(ind, params)

        return wrapper

    for _scope, _skip_blank, group in engine._row_groups:
        group[:] = [(rule, recorded(rule, judge), at) for rule, judge, at in group]
    return calls


ALL_SIX = {"数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "服务对象满意度指标"}
# The 二级 categories whose rows a rule judges, for rules of every kind of scope.
JUDGED_UNDER = {
    "empty-value": ALL_SIX,  # value-kind with no categories: every row
    "denominator-mismatch": ALL_SIX,  # a check type with no scope at all
    "cost-not-money": {"成本指标"},  # categories: [成本指标, 经济成本指标]
    "qualitative-output": {"数量指标", "质量指标", "时效指标"},  # prose in 成本 is cost-not-money's
    "vague-value": {"社会效益指标", "服务对象满意度指标"},  # exclude_categories: the four 产出 ones
    "satisfaction-value": {"服务对象满意度指标"},  # its check type's default categories
}


def test_the_same_row_under_other_categories_is_judged_again():
    rows = [
        {"level1": level1, "level2": level2, "name": name, "value": value}
        for level1, level2 in (
            ("产出指标", "数量指标"),
            ("产出指标", "质量指标"),
            ("产出指标", "时效指标"),
            ("产出指标", "成本指标"),
            ("效益指标", "社会效益指标"),
            ("满意度指标", "服务对象满意度指标"),
        )
        for name, value in (
            ("培训合格率", "很好"),
            ("培训次数", "4"),
            ("群众满意度", "80%"),
            ("完成时间", "2024年"),
            ("培训费", "2次"),
            ("项目完成时限", "12个月"),
        )
    ]
    engine = Engine(ROW_RULES)
    judged = _count_judgements(engine)
    # Every distinct row is judged at most once by each row rule (only by those whose categories
    # take it in), the second table (the same rows) not at all: it is all memo.
    for doc, first in ((doc_of(rows), True), (doc_of(rows, name="第二个项目"), False)):
        judged.clear()
        got = sorted(_signature(engine.run(doc)))
        assert len(set(judged)) == len(judged) and (judged if first else not judged)
        if first:  # each rule judges the rows of its categories, by hand from the rule files and defaults
            level2s = {slug: {level2 for s, level2, _, _ in judged if s == slug} for slug in JUDGED_UNDER}
            assert level2s == JUDGED_UNDER
            assert all(
                Counter(s for s, *_ in judged)[slug] == 6 * len(JUDGED_UNDER[slug]) for slug in JUDGED_UNDER
            )
        assert got == sorted(_signature([f for r in ROW_RULES for f in _direct(r, doc)]))
        # the memo keys on the category: 培训费 = 2次 is a cost problem only under 成本指标
        cost_not_money = [(f[3], f[2]) for f in got if f[0] == "IL203"]
        assert ("成本指标", "培训费") in cost_not_money and {level2 for level2, _ in cost_not_money} == {
            "成本指标"
        }
        assert len(engine._verdicts) == len(
            rows
        )  # one verdict per distinct row; the second table reused them


def test_verdicts_passed_to_another_engine_give_its_findings_without_judging_again():
    import dataclasses
    import pickle

    from linter.readers import read_path

    doc = read_path(Path(__file__).resolve().parent.parent / "examples" / "003_ce0a18593ae1bf2a.txt")
    rows = [ind for table in doc.tables for ind in table.indicators]
    # A value other than the parser's (as a reader might build one: a cell's number format): not shared.
    assembled = rows[0]
    assembled.value = dataclasses.replace(assembled.value, raw=assembled.value.raw + "（读者所建）")
    judge, learner = Engine(), Engine()
    expected = judge.run(doc)
    assert judge.shared_verdicts() == []  # rows met once: for all it knows, unique to their table
    assert judge.run(doc) == expected and judge.rows_judged == len(rows)  # met again: repeating rows
    shared = pickle.loads(pickle.dumps(judge.shared_verdicts()))  # as between two processes
    assert {key[0] for key, _ in shared} == {ind.name for ind in rows[1:]}
    assert any(hits for _, hits in shared)  # some rows come with their findings
    assert judge.shared_verdicts() == []  # each verdict is passed on once
    learner.learn_verdicts(shared)
    assert learner.run(doc) == expected
    assert learner.rows_judged == 1  # the row it was not given, no other


def test_where_rows_repeat_a_row_is_passed_on_as_soon_as_it_is_judged():
    from linter.readers import read_path

    examples = Path(__file__).resolve().parent.parent / "examples"
    engine = Engine()
    for _ in range(3):
        engine.run(read_path(examples / "003_ce0a18593ae1bf2a.txt"))
    engine.shared_verdicts()
    new = read_path(examples / "002_cab738b0acffaaf0.txt")  # new rows, in a sweep of repeats
    engine.run(new)
    passed_on = {key[0] for key, _ in engine.shared_verdicts()}
    assert passed_on == {ind.name for table in new.tables for ind in table.indicators}
