"""docs/rules/ is generated from the rule files by ``python -m linter.docsgen``: stale pages fail here."""

from __future__ import annotations

import shutil

from linter import docsgen


def test_generated_rule_docs_are_up_to_date():
    assert docsgen.stale_pages() == [], "run: python -m linter.docsgen"


def test_an_edited_missing_or_extra_page_is_found_stale(tmp_path, monkeypatch):
    docs = tmp_path / "docs" / "rules"
    shutil.copytree(docsgen.DOCS, docs)
    monkeypatch.setattr(docsgen, "ROOT", tmp_path)
    monkeypatch.setattr(docsgen, "DOCS", docs)
    assert docsgen.stale_pages() == []
    page = docs / "vague-value.md"
    page.write_text(page.read_text(encoding="utf-8").replace("IL212", "IL999"), encoding="utf-8")
    (docs / "missing-unit.md").unlink()
    (docs / "old-rule.md").write_text("# gone\n", encoding="utf-8")
    assert sorted(docsgen.stale_pages()) == [
        "docs/rules/missing-unit.md",
        "docs/rules/old-rule.md",
        "docs/rules/vague-value.md",
    ]
    assert docsgen.main(["--check"]) == 1
    assert docsgen.main([]) == 0 and docsgen.stale_pages() == [] and not (docs / "old-rule.md").exists()


def test_a_page_carries_the_rule_file_contents():
    text = (docsgen.DOCS / "vague-value.md").read_text(encoding="utf-8")
    assert text.startswith("<!-- Generated") and "# IL212 vague-value" in text
    assert (
        "指标值只有方向或描述，没有目标" in text and "应急处突能力提升: 显著提升" in text
    )  # title, a failing example
    assert "[vague-value](vague-value.md)" in (docsgen.DOCS / "README.md").read_text(encoding="utf-8")
