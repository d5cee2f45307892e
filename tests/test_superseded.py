"""``superseded_by`` in a rule file: a rule is not reported on a row that a rule superseding it reports
(the same defect seen from two sides), and is reported as before everywhere else."""

from __future__ import annotations

import pytest

from linter.engine import Engine
from linter.rulebook import RuleError, example_document, load_rule_dirs, rule_from_mapping

RULES = {r.slug: r for r in load_rule_dirs()}

# examples/004_68506cad869715c1.txt, 政府长聘人员经费: the 质量 row copies the 数量 row
COPIED = {
    "name": "政府长聘人员经费",
    "indicators": {
        "产出指标": {
            "数量指标": [{"专家及技术员开展现场指导服务次数": "12次"}],
            "质量指标": [{"专家及技术员开展现场指导服务次数": "12次"}, {"参训人员数": "≥30人"}],
        }
    },
}


def rules_of(doc, *slugs):
    return sorted((f.rule, f.indicator) for f in Engine([RULES[s] for s in slugs]).run(doc))


def test_a_row_the_superseding_rule_reports_gets_one_finding():
    doc = example_document(COPIED, "t.yaml")
    assert RULES["misclassified-indicator"].superseded_by == ("duplicate-indicator",)
    found = rules_of(doc, "misclassified-indicator", "duplicate-indicator")
    assert ("duplicate-indicator", "专家及技术员开展现场指导服务次数") in found
    # the copy is reported once, as a duplicate; the other count under 质量 is still misfiled
    assert ("misclassified-indicator", "专家及技术员开展现场指导服务次数") not in found
    assert ("misclassified-indicator", "参训人员数") in found


def test_without_the_superseding_rule_the_finding_comes_back():
    doc = example_document(COPIED, "t.yaml")
    found = rules_of(doc, "misclassified-indicator")
    assert ("misclassified-indicator", "专家及技术员开展现场指导服务次数") in found


@pytest.mark.parametrize("bad", ["duplicate-indicator", ["Not A Slug"], ["misclassified-indicator"]])
def test_superseded_by_must_list_other_rules(tmp_path, bad):
    data = {k: v for k, v in yaml_of(RULES["misclassified-indicator"]).items()}
    data["superseded_by"] = bad
    with pytest.raises(RuleError, match="superseded_by"):
        rule_from_mapping(data, tmp_path / "r.yaml")


def yaml_of(rule):
    import yaml

    return yaml.safe_load(rule.path.read_text(encoding="utf-8"))


def test_a_reverse_rate_at_or_above_100_is_one_finding():
    # tests/corpus/a13: 逾期发放率 >=100% points the wrong way (direction-conflict); the 100 over the cap is
    # that same mistake, not a second one. A positive rate at ≥100% is still rate-over-100's.
    doc = example_document(
        {
            "indicators": {
                "产出指标": {
                    "质量指标": [{"逾期发放率": ">=100%"}],
                    "时效指标": [{"就学补助及时发放率": ">=100%"}],
                }
            }
        },
        "t.yaml",
    )
    assert RULES["rate-over-100"].superseded_by == ("direction-conflict",)
    assert rules_of(doc, "rate-over-100", "direction-conflict") == [
        ("direction-conflict", "逾期发放率"),
        ("rate-over-100", "就学补助及时发放率"),
    ]


def test_a_misspelt_superseded_by_is_a_rule_error(tmp_path):
    import pytest

    from linter.resources import data_dir
    from linter.rulebook import RuleError, load_rule_dirs

    rule = (data_dir("rules") / "empty-value.yaml").read_text(encoding="utf-8")
    (tmp_path / "x.yaml").write_text(
        rule.replace("code: IL102", "code: IL998").replace(
            "slug: empty-value", "slug: empty-value-copy\nsuperseded_by: [empty-valeu]"
        ),
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="superseded_by names no rule: empty-valeu"):
        load_rule_dirs([tmp_path])
