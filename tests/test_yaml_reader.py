"""The canonical YAML reader, its schema and the YAML round trip.

Expectations are written by hand from the documents in tests/data/yaml/ (themselves copied by hand
from the examples), counting lines in those files for the locations.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import yaml

from linter.canonical import to_yaml
from linter.readers import InputError, read_path
from linter.readers.yaml_common import LineDict
from linter.readers.yaml_reader import KINDS, document_from_mapping, load_yaml, read_yaml
from linter.resources import data_dir
from linter.values.units import MONEY_UNITS

DATA = Path(__file__).parent / "data" / "yaml"
EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))
SCHEMA = json.loads((data_dir("schema") / "target-table.schema.json").read_text(encoding="utf-8"))


def yuan(money):
    return None if money is None else money.yuan


# --------------------------------------------------------------------------- hand-written documents


def test_project_table_in_english_keys():
    doc = read_path(DATA / "project.yaml")
    assert (doc.title, doc.budget_year, doc.currency_unit) == ("本级预算项目绩效目标表", 2024, "万元")
    assert doc.source_format == "yaml" and doc.encoding == "utf-8"
    [table] = doc.tables
    assert table.name == "应急管理局劳务派遣经费"
    assert table.kind == "project"
    assert table.department == table.implementing_unit == "大连高新技术产业园区应急管理局"
    assert table.project_period == "2024年1月至2024年12月"
    # Plain numbers are in the declared currency unit (万元).
    assert yuan(table.funding.total) == yuan(table.funding.fiscal) == Decimal(130000)
    assert table.funding.total.text == "13万元"
    assert table.funding.other is None
    assert yuan(table.period_funding.total) == Decimal(130000)
    assert table.goal.startswith("以劳务派遣公司委派专业技能人员进驻的方式")
    assert [(i.level1, i.level2, i.name, i.value_text) for i in table.indicators] == [
        ("产出指标", "数量指标", "按岗位需求派驻的劳务派遣人数", "1人"),
        ("产出指标", "质量指标", "劳务派遣人员与岗位需求契合度", "≥95%"),
        ("产出指标", "质量指标", "劳务派遣人员本科及以上学历比例", "≥95%"),
        ("产出指标", "时效指标", "劳务派遣年限", "≥1年"),
        ("效益指标", "社会效益指标", "劳务派遣人员委托工作完成情况", "优秀"),
        ("满意度指标", "服务对象满意度指标", "接受劳务派遣人员服务单位满意度", "≥95%"),
    ]
    first = table.indicators[0]
    assert first.value.kind == "quantity" and first.value.number == 1 and first.value.unit == "人"
    assert table.indicators[1].value.comparator == "≥"


def test_locations_point_at_the_yaml_lines():
    doc = read_path(DATA / "project.yaml")
    table = doc.tables[0]
    path = str(DATA / "project.yaml")
    assert table.location == _loc(path, 6, 5)  # "  - name: …": the mapping starts at "name"
    assert table.funding.total.location == _loc(path, 11, 14)  # "      total: 13"
    assert table.goal_location.line == 15
    first, last = table.indicators[0], table.indicators[-1]
    assert first.location == _loc(path, 17, 9)  # "      - level1: 产出指标"
    assert first.value_location == _loc(path, 20, 16)  # "        value: 1人"
    assert (last.location.line, last.value_location.line) == (37, 40)


def _loc(path, line, column):
    from linter.model import Location

    return Location(path, line, column)


def test_chinese_keys_and_tree_form():
    doc = read_path(DATA / "tree_chinese.yaml")
    assert (doc.title, doc.budget_year, doc.currency_unit) == ("部门预算项目支出绩效目标公开表", 2023, "万元")
    assert yuan(doc.total) == Decimal(1359900)
    [table] = doc.tables
    assert (table.name, table.department) == ("安全生产监管执法", "门源县应急管理局")
    assert yuan(table.funding.total) == Decimal(200000)
    assert table.goal == "开展安全生产执法检查；\n提升执法水平。"
    assert [(i.level1, i.level2, i.name, i.value_text) for i in table.indicators] == [
        ("产出指标", "数量指标", "执法检查企业数", "≥50家"),
        ("产出指标", "数量指标", "培训人数", "3.2万人"),
        ("产出指标", "成本指标", "业务工作经费", "1万元"),
        ("效益指标", "社会效益指标", "安全生产事故率", "降低"),
        ("满意度指标", "服务对象满意度指标", "企业满意度", "≥90%"),
    ]
    training = table.indicators[1]
    assert training.value.number == 32000 and training.value.written_unit == "万人"
    assert table.indicators[3].value.kind == "direction"
    assert table.indicators[4].remarks == {"备注": "问卷调查"}
    # A leaf "name: value" is located at its line; its value just after the colon.
    assert (training.location.line, training.value_location.line) == (20, 20)
    assert training.value_location.column == training.location.column + len("培训人数: ")


def test_department_table():
    doc = read_path(DATA / "department.yaml")
    [table] = doc.tables
    assert table.kind == "department" and table.name == "东莞市应急管理局"
    assert {k: yuan(m) for k, m in table.budget.items()} == {
        "基本支出": Decimal("43938500"),
        "项目支出": Decimal("28041300"),
        "财政拨款": Decimal("88647800"),
    }
    [task] = table.tasks
    assert task.name == "东莞市巨灾保险续保工作" and yuan(task.amount) == Decimal("9674500")
    assert task.location.line == 15
    exam, cost, *_ = table.indicators
    assert exam.period_value_text == exam.value_text == "约25000-27400人"
    assert exam.value.kind == "range" and (exam.value.low, exam.value.high) == (25000, 27400)
    assert (cost.level2, cost.name, cost.value_text, cost.value.kind) == ("成本指标", "", "", "empty")
    assert len(table.indicators) == 4


def test_scalars_keep_their_digits_and_stay_text():
    text = (
        "tables:\n  - name: t\n    project_period: 2024-01-01\n    indicators:\n"
        "      - {name: a, value: 0.50}\n      - {name: b, value: no}\n"
        "      - {name: c, value: '1:30'}\n      - {name: d, value: 1:30}\n"
        "      - {name: e, value: 12}\n      - {name: f, value: on}\n"
    )
    doc = read_yaml(text, "s.yaml")
    assert doc.tables[0].project_period == "2024-01-01"
    assert [i.value_text for i in doc.tables[0].indicators] == ["0.50", "no", "1:30", "1:30", "12", "on"]


def test_categories_are_normalised_and_the_printed_label_kept():
    doc = document_from_mapping(
        {
            "indicators": [
                {
                    "一级指标": "一、产出指标",
                    "二级指标": "（一）数量指标：",
                    "三级指标": "培训人数",
                    "指标值": "≥100人",
                },
                {"二级指标": "经济效益（必填）", "name": "节约资金", "value": "5万元"},
            ]
        },
        "rule.yaml",
    )
    first, second = doc.tables[0].indicators
    assert (first.level1, first.level2) == ("产出指标", "数量指标")
    assert (first.level1_printed, first.level2_printed) == ("一、产出指标", "（一）数量指标：")
    assert (second.level1, second.level2) == ("效益指标", "经济效益指标")  # 一级 from its 二级


# --------------------------------------------------------------------------- partial input (rule examples)


def test_partial_input_single_table_with_document_keys():
    doc = document_from_mapping(
        {
            "budget_year": 2023,
            "funding": {"total": "50万元"},
            "indicators": {"产出指标": {"时效指标": [{"完成时间": "2022年12月底前"}]}},
        },
        "rules/stale-date.yaml",
        lines={"line": 30},
    )
    assert doc.budget_year == 2023
    [table] = doc.tables
    assert table.name == "示例项目"
    assert yuan(table.funding.total) == Decimal(500000)
    [ind] = table.indicators
    assert (ind.level1, ind.level2, ind.name, ind.value.kind) == ("产出指标", "时效指标", "完成时间", "date")
    assert ind.location.path == "rules/stale-date.yaml" and ind.location.line == 30


def test_partial_input_bare_list_and_tables_form():
    doc = document_from_mapping([{"name": "检查企业数量", "value": "约650-714家"}], "r.yaml")
    assert [(t.name, [i.name for i in t.indicators]) for t in doc.tables] == [("示例项目", ["检查企业数量"])]
    doc = document_from_mapping({"tables": [{"indicators": []}, {"name": "乙"}]}, "r.yaml")
    assert [t.name for t in doc.tables] == ["示例项目", "乙"]


def test_partial_input_with_lines_from_load_yaml():
    data = load_yaml(
        "examples:\n  fail:\n    - name: 甲\n      indicators:\n        - {name: a, value: 1人}\n", "r.yaml"
    )
    assert isinstance(data, LineDict)
    doc = document_from_mapping(data["examples"]["fail"][0], "r.yaml")
    assert doc.tables[0].location.line == 3
    assert doc.tables[0].indicators[0].location.line == 5


def test_partial_input_still_rejects_unknown_keys():
    with pytest.raises(InputError, match=r"unknown key 'vaule' in indicator \(did you mean 'value'\?\)"):
        document_from_mapping({"indicators": [{"name": "a", "vaule": "1人"}]}, "r.yaml")


# --------------------------------------------------------------------------- strict errors


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "tables:\n  - name: x\n    indicators:\n      - name: a\n        nmae: b\n",
            "t.yaml:5: 指标中有未知键 'nmae'，是否应为 'name'？ / unknown key 'nmae' in indicator (did you mean 'name'?)",
        ),
        (
            "tables:\n  - name: x\n    fundng: 13\n",
            "t.yaml:3: 表中有未知键 'fundng'，是否应为 'funding'？ / unknown key 'fundng' in table (did you mean 'funding'?)",
        ),
        (
            "title: x\ntables:\n  - name: x\n    funding: {total: 1, fisacl: 1}\n",
            "t.yaml:4: 资金中有未知键 'fisacl'，是否应为 'fiscal'？ / unknown key 'fisacl' in funding (did you mean 'fiscal'?)",
        ),
        (
            "name: x\nindicators: []\n",
            "t.yaml:1: 文档顶层有未知键 'name'；单个表请写在 'tables:' 下 / unknown key 'name' at top level "
            "(a single table goes under 'tables:')",
        ),
        ("tables:\n  - name: x\n    name: y\n", "t.yaml:3: 重复的键 'name' / duplicate key 'name'"),
        (
            "tables:\n  - 项目名称: x\n    name: y\n",
            "t.yaml:3: 'name' 与 '项目名称' 重复（同一字段） / 'name' repeats '项目名称' (the same field)",
        ),
        (
            "tables:\n  - indicators: []\n",
            "t.yaml:2: 表中缺少 'name'（或 '项目名称'） / missing 'name' in table (or '项目名称')",
        ),
        (
            "tables:\n  - name: x\n    goal: [a, b]\n",
            "t.yaml:3: 'goal' 应为文字，而不是列表 / 'goal' should be text, not a list",
        ),
        (
            "tables:\n  - name: x\n    kind: 整体\n",
            "t.yaml:3: 未知表类型 '整体'（project 项目、department 部门整体 或 self-evaluation 自评表） / unknown kind '整体' (project, department or self-evaluation)",
        ),
        (
            "currency_unit: 美元\ntables: []\n",
            "t.yaml:1: 未知金额单位 '美元'（可用：元、千元、万元、亿元） / unknown currency_unit '美元' (元, 千元, 万元 or 亿元)",
        ),
        (
            "budget_year: 明年\ntables: []\n",
            "t.yaml:1: 预算年度应为年份（如 2024），而不是 '明年' / budget_year should be a year such as 2024, not '明年'",
        ),
        (
            "title: x\n",
            "t.yaml:1: 文档顶层缺少 'tables'（或 '项目', '表'） / missing 'tables' at top level (or '项目', '表')",
        ),
        (
            "- a\n- b\n",
            "t.yaml:1: 顶层应为包含 'tables' 的映射 / the top level should be a mapping with 'tables'",
        ),
        (
            "tables:\n  - name: x\n    indicators:\n      产出指标:\n        数量指标: [培训人数 100人]\n",
            "t.yaml:5: '数量指标' 下的每一项应为 '指标名称: 指标值' / each item under '数量指标' should be 'name: value'",
        ),
        (
            "tables:\n  - name: x\n    indicators: [\n",
            "t.yaml:4: YAML 格式错误：did not find expected node content / broken YAML: did not find expected node content",
        ),
        (
            "title: a\n---\ntitle: b\n",
            "t.yaml:2: YAML 格式错误：but found another document / broken YAML: but found another document",
        ),
    ],
)
def test_strict_errors_name_the_line(text, message):
    with pytest.raises(InputError) as err:
        read_yaml(text, "t.yaml")
    assert str(err.value) == message


# --------------------------------------------------------------------------- the schema


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("name", ["project.yaml", "tree_chinese.yaml", "department.yaml"])
def test_hand_written_documents_validate(name):
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


@pytest.mark.parametrize(
    "data",
    [
        {"tables": [{"name": "x", "indicators": [{"name": "a", "nmae": "b"}]}]},
        {"tables": [{"name": "x", "fundng": 13}]},
        {"tables": [{"indicators": []}]},
        {"title": "x"},
        {"tables": [{"name": "x", "kind": "整体"}]},
    ],
)
def test_schema_and_reader_refuse_the_same_documents(data):
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(data)
    with pytest.raises(InputError):
        read_yaml(yaml.safe_dump(data, allow_unicode=True), "t.yaml")


def test_schema_enums_match_the_reader():
    props = SCHEMA["$defs"]["document"]["properties"]
    assert set(props["currency_unit"]["enum"]) - {None} == {"", *MONEY_UNITS}
    assert set(SCHEMA["$defs"]["kind"]["enum"]) - {None} == set(KINDS)


def test_output_of_the_writer_validates():
    for name in ("project.yaml", "tree_chinese.yaml", "department.yaml"):
        text = to_yaml(read_path(DATA / name))
        jsonschema.Draft202012Validator(SCHEMA).validate(yaml.safe_load(text))


# --------------------------------------------------------------------------- round trip


def model_view(doc):
    """What a round trip must keep: every field but locations and printed labels."""

    def money(m):
        return (
            None
            if m is None or (m.yuan is None and not m.text.strip())
            else (m.yuan, m.yuan is None and m.text)
        )

    def funding(f):
        return None if f is None else (money(f.total), money(f.fiscal), money(f.other))

    return {
        "title": doc.title,
        "budget_year": doc.budget_year,
        "department": doc.department,
        "total": money(doc.total),
        "tables": [
            {
                "name": t.name,
                "kind": t.kind,
                "department": t.department,
                "implementing_unit": t.implementing_unit,
                "project_period": t.project_period,
                "funding": funding(t.funding),
                "period_funding": None
                if t.period_funding == type(t.funding)()
                else funding(t.period_funding),
                "goal": t.goal,
                "period_goal": t.period_goal,
                "budget": {k: money(m) for k, m in t.budget.items()},
                "tasks": [(k.name, k.content, money(k.amount), k.goal) for k in t.tasks],
                "indicators": [
                    (
                        i.level1,
                        i.level2,
                        i.name,
                        i.value_text,
                        i.value.to_dict(),
                        i.period_value_text,
                        i.period_value.to_dict() if i.period_value is not None else None,
                        i.remarks,
                    )
                    for i in t.indicators
                ],
            }
            for t in doc.tables
        ],
    }


def assert_round_trip(doc):
    text = to_yaml(doc)
    again = read_yaml(text, doc.path)
    assert model_view(again) == model_view(doc)
    # and the canonical text is a fixed point (but for the notes on what the source printed otherwise)
    assert to_yaml(again) == "".join(
        line for line in text.splitlines(True) if not line.startswith("# normalised:")
    )


@pytest.mark.parametrize("name", ["project.yaml", "tree_chinese.yaml", "department.yaml"])
def test_round_trip_of_hand_written_yaml(name):
    assert_round_trip(read_path(DATA / name))


def test_round_trip_keeps_order_that_the_tree_cannot():
    # 满意度 before 效益, then 产出 again: the writer falls back to the flat list to keep the order.
    doc = document_from_mapping(
        {
            "name": "t",
            "indicators": [
                {"level1": "产出指标", "level2": "数量指标", "name": "a", "value": "1人"},
                {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "b", "value": "≥90%"},
                {"level1": "产出指标", "level2": "质量指标", "name": "c", "value": "100%"},
                {"level1": "其他", "level2": "", "name": "d", "value": "", "remarks": {"权重": "10"}},
            ],
        },
        "t.yaml",
    )
    text = to_yaml(doc)
    assert "- level1: 产出指标" in text
    assert_round_trip(doc)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_round_trip_of_every_example(path):
    doc = read_path(path)
    assert doc.tables and sum(len(t.indicators) for t in doc.tables) > 0
    assert_round_trip(doc)


def test_examples_are_all_there():
    assert len(EXAMPLES) == 4


def test_unknown_extension_is_read_as_yaml_by_its_content(tmp_path):
    path = tmp_path / "table.data"
    path.write_text(
        "# 手写\ntables:\n  - name: 甲\n    indicators: [{name: a, value: 1人}]\n", encoding="utf-8"
    )
    doc = read_path(path)
    assert doc.source_format == "yaml" and doc.tables[0].name == "甲"


@pytest.mark.parametrize(
    "written, expected",
    [("13", 130000), ("13万", 130000), ("13万元", 130000), ("130000元", 130000), ("约13万元", 130000)],
)
def test_an_amount_with_its_own_unit_is_not_scaled_by_the_documents_unit(written, expected):
    doc = document_from_mapping(
        {
            "currency_unit": "万元",
            "tables": [{"name": "项目", "funding": {"total": written}, "indicators": []}],
        },
        "t.yaml",
    )
    assert doc.tables[0].funding.total.yuan == Decimal(expected)  # 13万 was read as 13万 × 万元


def test_the_二级_decides_the_一级_as_in_the_text_reader():
    # 服务对象满意度 filed under 效益: still a 满意度 row (text reader: 满意度 heading numbered under 效益)
    from linter.config import Config, configured_rules
    from linter.engine import Engine
    from linter.rulebook import load_rule_dirs

    doc = document_from_mapping(
        {
            "tables": [
                {
                    "name": "项目",
                    "indicators": [
                        {
                            "level1": "效益指标",
                            "level2": "服务对象满意度指标",
                            "name": "群众满意度",
                            "value": "≥90%",
                        }
                    ],
                }
            ]
        },
        "t.yaml",
    )
    ind = doc.tables[0].indicators[0]
    assert (ind.level1, ind.level1_printed, ind.level2) == ("满意度指标", "效益指标", "服务对象满意度指标")
    found = Engine(configured_rules(Config(), load_rule_dirs(), ["misplaced-category"])).run(doc)
    assert [f.indicator for f in found] == ["群众满意度"]
