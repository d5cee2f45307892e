"""Outputs are replaced whole or not at all (linter/atomic.py)."""

from __future__ import annotations

import os
import stat

import pytest

from linter.atomic import replaced_atomically, write_text_atomically


def test_a_failed_write_leaves_the_old_file_and_no_litter(tmp_path):
    out = tmp_path / "report.html"
    out.write_text("旧报告", encoding="utf-8")
    with pytest.raises(RuntimeError), replaced_atomically(out) as tmp:
        tmp.write_text("半", encoding="utf-8")
        raise RuntimeError("the writer crashed half-way")
    assert out.read_text(encoding="utf-8") == "旧报告"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_written_file_replaces_the_old_one_with_ordinary_permissions(tmp_path):
    out = tmp_path / "baseline.json"
    out.write_text("old", encoding="utf-8")
    old_mask = os.umask(0o022)
    try:
        write_text_atomically(out, "新\n")
    finally:
        os.umask(old_mask)
    assert out.read_bytes() == "新\n".encode()
    assert stat.S_IMODE(out.stat().st_mode) == 0o644  # not mkstemp's private 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]
