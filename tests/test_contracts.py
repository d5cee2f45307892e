"""The contracts between rule files, check types and the engine, held by code (issue 23).

A row check sees a ``RowView`` and nothing else; a row check type is told by its class; each check
type declares the args it returns and a rule whose message names another placeholder is refused;
a parameter that chooses what a rule checks cannot be set by a configuration; the engine reuses a
verdict for a row equal in what a row check reads, by value.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import dataclasses
import re
import types
from pathlib import Path

import pytest

from linter.checks import ByParam, RowCheck, RowView, returned_args, row_check
from linter.config import Config, ConfigError, configured_rules
from linter.engine import CheckFailed, Engine
from linter.readers import read_path
from linter.readers.yaml_reader import document_from_mapping
from linter.rulebook import RuleError, example_document, load_rule_dirs, load_rule_file
from linter.values import parse

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
RULES = load_rule_dirs()


def rule(slug: str):
    return next(r for r in RULES if r.slug == slug)


def doc_of(*rows: tuple[str, str, str, str], path: str = "t.yaml"):
    return document_from_mapping(
        {
            "tables": [
                {
                    "name": "测试项目",
                    "indicators": [
                        {"level1": l1, "level2": l2, "name": name, "value": value}
                        for l1, l2, name, value in rows
                    ],
                }
            ]
        },
        path,
    )


COUNT_ROW = ("产出指标", "数量指标", "点评反馈会次数", "4")  # missing-unit: a bare number


# ------------------------------------------------------------------------------------ RowView


def test_a_row_view_holds_only_what_a_row_check_may_read():
    ind = doc_of(COUNT_ROW).tables[0].indicators[0]
    row = RowView.of(ind)
    assert (row.name, row.value_text, row.level1, row.level2) == (
        "点评反馈会次数",
        "4",
        "产出指标",
        "数量指标",
    )
    assert row.value is ind.value
    for outside in ("location", "value_location", "remarks", "period_value", "level1_printed"):
        assert hasattr(ind, outside)  # an Indicator field the RowView hides
        with pytest.raises(AttributeError):
            getattr(row, outside)
    with pytest.raises(AttributeError):
        row.table  # noqa: B018 — no way from a row to its table
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.name = "别的名称"  # type: ignore[misc]


def test_no_row_function_reads_a_field_outside_the_row_view():
    # Every branch, not only those the examples take: each attribute read of a parameter annotated
    # RowView in the row check modules is one of its fields.
    allowed = {f.name for f in dataclasses.fields(RowView)}
    modules = {r.module for r in RULES if isinstance(r.module.check, RowCheck)}
    read: dict[str, set[str]] = {}
    for module in modules:
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for fn in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            rows = {
                a.arg
                for a in fn.args.args
                if a.annotation is not None and ast.unparse(a.annotation) == "RowView"
            }
            for node in ast.walk(fn):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id in rows
                ):
                    read.setdefault(f"{module.__name__}.{fn.name}", set()).add(node.attr)
    assert len({name.rsplit(".", 1)[0] for name in read}) == len(modules)  # each judge is annotated
    assert {name: fields - allowed for name, fields in read.items() if fields - allowed} == {}


def _rule_with_judge(judge):
    """missing-unit with its row function replaced by ``judge``."""
    module = types.ModuleType("fake_check")
    module.PARAMS, module.ARGS, module.check = {}, (), row_check(judge)
    return dataclasses.replace(rule("missing-unit"), module=module, params={})


def test_a_row_check_reading_outside_its_row_view_fails_loudly():
    def reads_the_location(row, params):
        return {} if row.location.line else None  # not a RowView field

    engine = Engine([_rule_with_judge(reads_the_location)])
    with pytest.raises(CheckFailed, match="AttributeError"):
        engine.run(doc_of(COUNT_ROW))
    with pytest.raises(AttributeError):  # and the same called as check(doc, params)
        list(row_check(reads_the_location)(doc_of(COUNT_ROW), {}))


def test_row_checks_are_told_by_their_class_and_given_a_row_view():
    seen = []

    def judge(row, params):
        seen.append(type(row))
        return None

    check = row_check(judge)
    assert isinstance(check, RowCheck)
    Engine([_rule_with_judge(judge)]).run(doc_of(COUNT_ROW))
    assert seen == [RowView]
    # A function that merely carries a ``row`` attribute (the old marker) is a document check.
    assert not isinstance(types.SimpleNamespace(row=check), RowCheck)
    row_types = {r.check_type for r in RULES if isinstance(r.module.check, RowCheck)}
    assert {"bare-number", "value-kind", "name-value"} <= row_types
    assert not row_types & {"cost-sum", "duplicates", "reader-problems"}  # they read the whole document


# ------------------------------------------------------------------------- args and messages


def _example_documents():
    for r in RULES:
        for kind in ("fail", "pass"):
            for i, example in enumerate(r.examples[kind]):
                yield example_document(example, f"{r.slug}-{kind}{i}.yaml")
    for path in sorted(EXAMPLES.glob("*.txt")):
        yield read_path(path)


def test_every_hit_carries_only_the_args_its_check_type_declares():
    docs = list(_example_documents())
    for r in RULES:
        declared = returned_args(r.module, r.params)
        assert declared, r.slug
        given: set[str] = set()
        for doc in docs:
            for hit in r.module.check(doc, r.params):
                given |= set(hit.args)
        if r.examples["fail"]:
            assert given, (r.slug, "no hit on any example: its declared args were never exercised")
        assert given <= declared, (r.slug, given - declared)


def test_args_chosen_by_a_parameter_are_chosen_by_a_fixed_one():
    modules = {r.module for r in RULES if isinstance(r.module.ARGS, ByParam)}
    assert {m.__name__ for m in modules} == {"linter.checks.name_value"}
    for module in modules:
        assert module.PARAMS[module.ARGS.param].fixed
        assert set(module.ARGS.args) == set(module.PARAMS[module.ARGS.param].choices)


NAME_VALUE_RULE = """\
code: IL901
slug: echo
severity: info
title: {zh: 回声, en: Echo}
message: {zh: "“{name}”写了%s", en: "'{name}' says %s"}
rationale: {zh: 示例规则。, en: An example rule.}
basis: 测试
check:
  type: name-value
  relation: %s
examples:
  fail:
    - indicators: [{level1: 产出指标, level2: 质量指标, name: 应急预案健全性, value: 健全}]
  pass:
    - indicators: [{level1: 产出指标, level2: 质量指标, name: 应急预案健全率, value: 100%%}]
"""


def test_a_message_placeholder_the_check_does_not_return_is_a_rule_error(write_rule, tmp_path):
    # value-in-name returns {figures}; grade-echo does not (IL209 with relation: grade-echo printed a hole)
    assert load_rule_file(
        write_rule(tmp_path, NAME_VALUE_RULE % ("{figures}", "{figures}", "value-in-name"), "echo.yaml")
    )
    path = write_rule(tmp_path, NAME_VALUE_RULE % ("{grade}", "{figures}", "grade-echo"), "echo.yaml")
    with pytest.raises(RuleError) as err:
        load_rule_file(path)
    assert str(err.value).startswith(
        f"{path}: key 'message.en': {{figures}} is no arg of check type 'name-value'"
    )
    assert "grade" in str(err.value)  # the args it has, named


@pytest.mark.parametrize(
    ("zh", "expected"),
    [
        ("{example[zh]}", "key 'message.zh': {example[zh]} is no arg"),  # the arg of another check type
        ("{0}", "key 'message.zh': {0} is no arg"),
        ("{name", "key 'message.zh': not a valid message template"),
    ],
)
def test_placeholders_are_checked_whatever_their_form(write_rule, tmp_path, zh, expected):
    path = write_rule(tmp_path, NAME_VALUE_RULE % (zh, "{grade}", "grade-echo"), "echo.yaml")
    with pytest.raises(RuleError, match=r"echo\.yaml: " + expected.replace("[", r"\[").replace("{", r"\{")):
        load_rule_file(path)


def test_the_engine_fills_its_own_fields_in_any_message(write_rule, tmp_path):
    text = NAME_VALUE_RULE % ("{grade}{value}{table}{level1}{level2}{this_year}", "{grade}", "grade-echo")
    (found,) = Engine([load_rule_file(write_rule(tmp_path, text, "echo.yaml"))]).run(
        doc_of(("产出指标", "质量指标", "应急预案健全性", "健全"))
    )
    assert found.message == "“应急预案健全性”写了健全健全测试项目产出指标质量指标当年"


# --------------------------------------------------------------------- parameters a config may set


@pytest.mark.parametrize(
    ("slug", "param", "value"),
    [
        ("value-in-name", "relation", "grade-echo"),
        ("trivial-target", "bound", "over-100"),
        ("vague-value", "suggest", "none"),
    ],
)
def test_a_config_cannot_switch_what_a_rule_checks(slug, param, value):
    config = Config(
        path=Path("cfg.yaml"), params={slug: {param: value}}, origin={f"params.{slug}": "cfg.yaml"}
    )
    with pytest.raises(ConfigError) as err:
        configured_rules(config, RULES)
    assert str(err.value) == (
        f"cfg.yaml: key '{slug}.{param}' cannot be set: it chooses what the rule checks, fixed in its "
        f"rule file {slug}.yaml (in key 'params')"
    )


def test_a_config_switching_an_algorithm_is_refused_in_one_line(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".indicator-lint.yaml").write_text(
        "params: {value-in-name: {relation: grade-echo}}\n", encoding="utf-8"
    )
    (tmp_path / "t.txt").write_text((EXAMPLES / "000_8b9eba17efc00524.txt").read_text(encoding="utf-8"))
    result = cli("check", "t.txt", "--lang", "en")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert ".indicator-lint.yaml: key 'value-in-name.relation' cannot be set" in result.stderr


def test_a_config_may_still_tune_a_rule():
    config = Config(params={"value-in-name": {"skip_words": []}}, origin={"params.value-in-name": "cfg"})
    (tuned,) = [r for r in configured_rules(config, RULES) if r.slug == "value-in-name"]
    assert tuned.params["skip_words"] == [] and tuned.params["relation"] == "value-in-name"


# ------------------------------------------------------------------------------ verdict reuse


def test_a_verdict_is_reused_for_an_equal_value_and_not_for_another():
    engine = Engine([rule("missing-unit")])
    first = engine.run(doc_of(COUNT_ROW))
    assert [f.rule for f in first] == ["missing-unit"] and engine.rows_judged == 1

    again = doc_of(COUNT_ROW, path="u.yaml")
    ind = again.tables[0].indicators[0]
    ind.value = copy.deepcopy(ind.value)  # equal, not the same object (no parser's cache behind it)
    assert ind.value is not parse("4") and ind.value == parse("4")
    assert [f.rule for f in engine.run(again)] == ["missing-unit"]
    assert engine.rows_judged == 1  # the verdict, by value

    other = doc_of(COUNT_ROW, path="v.yaml")
    other.tables[0].indicators[0].value = parse("4次")  # the same texts, another value (a reader's)
    assert engine.run(other) == []
    assert engine.rows_judged == 2  # judged: a verdict is never reused for a different value


def test_every_regular_expression_parameter_is_refused_when_it_does_not_compile():
    patterns = [
        (rule, name)
        for rule in RULES
        for name, param in rule.module.PARAMS.items()
        if param.regex and not param.fixed
    ]
    # the five check types that take one (name-shape, value-in-name, input-as-target, the pattern rules)
    assert len({rule.check_type for rule, _ in patterns}) >= 5, patterns
    for rule, name in patterns:
        with pytest.raises(RuleError, match=rf"key '{rule.slug}\.{name}': not a regular expression: "):
            rule.with_params({name: "(未闭合"}, "cfg.yaml")
    # and a parameter whose name says it is a pattern is declared one (else it escapes the test above)
    for rule in RULES:
        for name, param in rule.module.PARAMS.items():
            if name.endswith("pattern") or name == "pattern":
                assert param.regex, (rule.slug, name)


def test_a_configuration_of_any_shape_is_a_rule_error_never_a_crash():
    # items of the wrong kind (a mapping where a word goes), None, huge numbers, bad patterns
    hostile = [
        [{"a": 1}],
        [None],
        [[1]],
        [1.5],
        {"a": 1},
        None,
        "(",
        10**30,
        -1,
        "",
        [""],
        ["("],
        float("nan"),
    ]
    tried = 0
    for rule in RULES:
        for name, param in rule.module.PARAMS.items():
            if param.fixed:
                continue
            for value in hostile:
                tried += 1
                with contextlib.suppress(RuleError):  # (anything else fails the test)
                    rule.with_params({name: value}, "cfg.yaml")
    assert tried > 500
    floored = next(r for r in RULES if "floor" in r.module.PARAMS)
    for value in (float("nan"), float("inf")):  # a NaN floor would compare false: no finding, ever
        with pytest.raises(RuleError, match="finite number"):
            floored.with_params({"floor": value}, "cfg.yaml")


def test_a_rule_file_fix_kind_of_the_wrong_kind_is_a_rule_error(write_rule, tmp_path):
    text = (Path(__file__).resolve().parent.parent / "rules" / "money-unit-incomplete.yaml").read_text(
        encoding="utf-8"
    )
    text = re.sub(r"(?m)^code: IL\d+", "code: IL990", text).replace(
        "slug: money-unit-incomplete", "slug: my-unit", 1
    )
    assert "  kind: money-unit" in text
    path = write_rule(tmp_path, text.replace("  kind: money-unit", "  kind: {a: 1}", 1), "mine.yaml")
    with pytest.raises(RuleError, match=r"fix\.kind"):
        load_rule_file(path)
