"""The JSON writer's fast path for a finding, held equal to the generic path it spells out.

``_finding_json`` writes the common finding (a text or YAML location) key by key for speed; it must
stay byte for byte ``_flat_object(finding_dict(f), 2)``, which in turn is what ``json.dumps`` writes.
A key added to ``finding_dict`` only, or a value encoded differently, shows here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.formatters.json import _dumps, _finding_json, _flat_object, finding_dict
from linter.model import Finding, Location
from linter.readers import read_path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _hand_made() -> list[Finding]:
    odd = ['引号 " 反斜杠 \\ 换行\n制表\t', "\u2028行分隔\u2029", "控制\x00\x1f字符", "emoji 🙂 é ß", ""]
    findings = []
    for i, text in enumerate(odd):
        findings.append(
            Finding(
                code="IL212",
                rule="vague-value",
                severity="warning",
                message=text,
                location=Location(f"表 {text}.txt", i, i * 3),
            )
        )
        # every optional field missing
        findings.append(
            Finding(
                code="IL101",
                rule="missing-category",
                severity="error",
                message=text,
                location=Location("t.yaml", 1, 1),
                table=None,
                indicator=None,
                level1=None,
                level2=None,
                value=None,
            )
        )
        # every optional field present, with the odd text
        findings.append(
            Finding(
                code="IL203",
                rule="cost-not-money",
                severity="info",
                message=text,
                location=Location("t.yaml", 12, 7),
                table=text,
                indicator=text,
                level1=text,
                level2=text,
                value=text,
            )
        )
    # locations the fast path hands to the generic one
    findings += [
        Finding(
            code="IL201",
            rule="missing-unit",
            severity="warning",
            message="无单位",
            location=Location("t.xlsx", 5, 4, sheet="表 1", cell="D5"),
            value="4",
        ),
        Finding(
            code="IL201",
            rule="missing-unit",
            severity="warning",
            message="无单位",
            location=Location("t.pdf", page=3),
            indicator="培训次数",
        ),
    ]
    return findings


def _example_findings(engine) -> list[Finding]:
    findings = [f for path in sorted(EXAMPLES.glob("*.txt")) for f in engine.run(read_path(path))]
    assert len(findings) > 100
    return findings


@pytest.mark.parametrize("source", ["examples", "hand-made"])
def test_the_fast_path_writes_what_the_generic_one_writes(source, engine):
    findings = _example_findings(engine) if source == "examples" else _hand_made()
    for f in findings:
        generic = _flat_object(finding_dict(f), 2)
        assert _finding_json(f) == generic, f
        assert generic == _dumps(finding_dict(f), 2), f  # and the generic one is json.dumps's
