"""The shipped rule files' data kept between runs (linter/rulecache.py, issue 24): read back only
for the very same files, never a source of errors, off when asked."""

from __future__ import annotations

import json
import os

from linter import rulebook, rulecache
from linter.resources import data_dir


def _rule_files(tmp_path, count=3):
    paths = []
    for i in range(count):
        path = tmp_path / f"r{i}.yaml"
        path.write_text(f"code: IL9{i:02d}\nslug: rule-{i}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_data_kept_is_read_back_for_the_same_files_only(tmp_path, monkeypatch):
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(tmp_path / "cache"))
    paths = _rule_files(tmp_path)
    data = {p.name: {"code": f"IL9{i:02d}"} for i, p in enumerate(paths)}
    assert rulecache.load(paths) is None  # nothing kept yet
    rulecache.store(paths, data)
    assert rulecache.load(paths) == data

    paths[1].write_text("code: IL999\nslug: edited-and-longer\n", encoding="utf-8")  # another size
    assert rulecache.load(paths) is None  # an edited file: the data kept is not its data
    assert rulecache.load(paths[:2]) is None  # a file taken away
    os.utime(paths[1], ns=(1, 1))
    assert rulecache.load(paths) is None  # only the modification time changed


def test_a_broken_or_unwritable_cache_is_passed_over(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(cache))
    paths = _rule_files(tmp_path)
    data = {p.name: {"n": i} for i, p in enumerate(paths)}
    rulecache.store(paths, data)
    (entry,) = cache.glob("rules-*.json")
    entry.write_text('{"r0.yaml": ', encoding="utf-8")  # cut short
    assert rulecache.load(paths) is None
    entry.write_text(json.dumps({"other.yaml": {}}), encoding="utf-8")  # not these files' data
    assert rulecache.load(paths) is None

    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(tmp_path / "r0.yaml" / "below-a-file"))
    rulecache.store(paths, data)  # cannot be written: no error
    assert rulecache.load(paths) is None


def test_an_empty_cache_variable_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    paths = _rule_files(tmp_path)
    rulecache.store(paths, {p.name: {} for p in paths})
    assert rulecache.folder() is None
    assert not list(tmp_path.rglob("rules-*.json"))


def test_data_json_cannot_hold_is_not_kept(tmp_path, monkeypatch):
    import datetime

    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(tmp_path / "cache"))
    paths = _rule_files(tmp_path, 1)
    rulecache.store(paths, {"r0.yaml": {"since": datetime.date(2025, 1, 1)}})
    assert rulecache.load(paths) is None


def test_the_shipped_rules_from_the_cache_equal_those_from_the_files(tmp_path, monkeypatch):
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(tmp_path))
    paths = sorted(data_dir("rules").glob("*.yaml"))
    files = tuple((p, (p.stat().st_mtime_ns, p.stat().st_size)) for p in paths)
    rulebook._shipped_rules.cache_clear()
    from_files = rulebook._shipped_rules(files)  # nothing kept: read from the files, then kept
    assert rulecache.load(paths) is not None
    rulebook._shipped_rules.cache_clear()
    from_cache = rulebook._shipped_rules(files)
    rulebook._shipped_rules.cache_clear()
    assert len(from_cache) == len(paths) > 40
    assert from_cache == from_files  # every field: messages, parameters, examples, expectations …
    # the cache's data is validated as a file's is: a broken entry is a RuleError, not a wrong rule
    (entry,) = tmp_path.glob("rules-*.json")
    kept = json.loads(entry.read_text(encoding="utf-8"))
    kept[paths[0].name]["severity"] = "fatal"
    entry.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    try:
        rulebook._shipped_rules(files)
    except rulebook.RuleError as exc:
        assert "severity" in str(exc)
    else:
        raise AssertionError("a cache entry with a bad severity was taken")
    finally:
        rulebook._shipped_rules.cache_clear()
