"""The shipped rule files' data kept between runs (linter/rulecache.py, issue 24): read back only
for the very same files, never a source of errors, off when asked."""

from __future__ import annotations

import json
import os
import time

from linter import rulebook, rulecache, usercache
from linter.resources import data_dir


def _rule_files(tmp_path, count=3):
    paths = []
    for i in range(count):
        path = tmp_path / f"r{i}.yaml"
        path.write_text(f"code: IL9{i:02d}\nslug: rule-{i}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _stamped(paths):
    return rulecache.stamped(paths)


def test_data_kept_is_read_back_for_the_same_files_only(tmp_path, monkeypatch):
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(tmp_path / "cache"))
    paths = _rule_files(tmp_path)
    data = {p.name: {"code": f"IL9{i:02d}"} for i, p in enumerate(paths)}
    assert rulecache.load(_stamped(paths)) is None  # nothing kept yet
    rulecache.store(_stamped(paths), data)
    assert rulecache.load(_stamped(paths)) == data

    assert rulecache.load(_stamped(paths[:2])) is None  # a file taken away
    before = paths[1].stat().st_mtime_ns
    paths[1].write_text("code: IL999\nslug: rule-9\n", encoding="utf-8")  # the same size
    os.utime(paths[1], ns=(before, before))
    assert rulecache.load(_stamped(paths)) == data  # (same name, size and time: taken as the same)
    os.utime(paths[1], ns=(before + 1_000_000, before + 1_000_000))
    assert rulecache.load(_stamped(paths)) is None  # only the modification time changed
    paths[1].write_text("code: IL999\nslug: edited-and-longer\n", encoding="utf-8")
    assert rulecache.load(_stamped(paths)) is None  # another size


def test_a_file_rewritten_while_it_was_read_is_not_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(tmp_path / "cache"))
    paths = _rule_files(tmp_path)
    files = _stamped(paths)  # the stamps taken before reading
    paths[0].write_text("code: IL900\nslug: rewritten-meanwhile\n", encoding="utf-8")
    rulecache.store(files, {p.name: {} for p in paths})
    assert rulecache.load(files) is None and rulecache.load(_stamped(paths)) is None


def test_a_broken_or_unwritable_cache_is_passed_over(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(cache))
    paths = _rule_files(tmp_path)
    data = {p.name: {"n": i} for i, p in enumerate(paths)}
    rulecache.store(_stamped(paths), data)
    (entry,) = cache.glob("rules-*.json")
    entry.write_text('{"r0.yaml": ', encoding="utf-8")  # cut short
    assert rulecache.load(_stamped(paths)) is None
    entry.write_text(json.dumps({"other.yaml": {}}), encoding="utf-8")  # not these files' data
    assert rulecache.load(_stamped(paths)) is None

    entry.unlink()
    entry.mkdir()  # the partial file is written, then cannot take the entry's place
    rulecache.store(_stamped(paths), data)  # no error
    assert not list(cache.glob(".rules-*"))  # and no partial file left
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(tmp_path / "r0.yaml" / "below-a-file"))
    rulecache.store(_stamped(paths), data)  # the folder cannot be made: no error
    assert rulecache.load(_stamped(paths)) is None


def test_an_empty_cache_variable_or_no_home_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    paths = _rule_files(tmp_path)
    rulecache.store(_stamped(paths), {p.name: {} for p in paths})
    assert usercache.folder() is None
    assert not list(tmp_path.rglob("rules-*.json"))
    # no home folder known (a container with no HOME and no passwd entry): ~ stays ~, a relative place
    monkeypatch.delenv("INDICATOR_LINT_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)
    assert usercache.folder() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the XDG spec asks
    assert usercache.folder() is None


def test_data_json_cannot_hold_is_not_kept(tmp_path, monkeypatch):
    import datetime

    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(tmp_path / "cache"))
    paths = _rule_files(tmp_path, 1)
    rulecache.store(_stamped(paths), {"r0.yaml": {"since": datetime.date(2025, 1, 1)}})
    assert rulecache.load(_stamped(paths)) is None


def test_old_entries_go_a_week_after_their_last_use_and_nothing_else_does(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(cache))
    cache.mkdir()
    week_old = time.time() - 8 * 86_400
    stale, recent = cache / "rules-0123456789abcdef.json", cache / "rules-fedcba9876543210.json"
    other = cache / "rules-export.json"  # a file of the user's in a folder they named
    patterns = cache / "patterns-0123456789abcdef.json"  # another family's (linter/regexes.py)
    for path in (stale, recent, other, patterns):
        path.write_text("{}", encoding="utf-8")
    for path in (stale, other, patterns):
        os.utime(path, (week_old, week_old))
    paths = _rule_files(tmp_path)
    rulecache.store(_stamped(paths), {p.name: {} for p in paths})
    assert not stale.exists()
    assert recent.exists() and other.exists()  # another install's, in use; not an entry at all
    assert patterns.exists()  # pruned when its own family is written


def test_the_shipped_rules_from_the_cache_equal_those_from_the_files(tmp_path, monkeypatch):
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(tmp_path))
    paths = sorted(data_dir("rules").glob("*.yaml"))
    files = _stamped(paths)
    rulebook._shipped_rules.cache_clear()
    try:
        from_files = rulebook._shipped_rules(files)  # nothing kept: read from the files, then kept
        assert rulecache.load(files) is not None
        rulebook._shipped_rules.cache_clear()
        from_cache = rulebook._shipped_rules(files)
        assert len(from_cache) == len(paths) > 40
        assert from_cache == from_files  # every field: messages, parameters, examples, expectations …
        # an entry that does not validate (spoilt by hand, another version's) is read again from the files
        (entry,) = tmp_path.glob("rules-*.json")
        kept = json.loads(entry.read_text(encoding="utf-8"))
        kept[paths[0].name]["severity"] = "fatal"
        entry.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
        rulebook._shipped_rules.cache_clear()
        assert rulebook._shipped_rules(files) == from_files
        assert json.loads(entry.read_text(encoding="utf-8"))[paths[0].name]["severity"] != "fatal"  # mended
    finally:
        rulebook._shipped_rules.cache_clear()


def test_an_entry_too_large_or_nested_too_deep_is_passed_over(tmp_path, monkeypatch):
    from linter import usercache

    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(tmp_path))
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert usercache.read("deep.json") is None  # (json's own recursion limit: no traceback)
    monkeypatch.setattr(usercache, "_LARGEST", 10)
    (tmp_path / "big.json").write_text('{"a": "' + "x" * 20 + '"}', encoding="utf-8")
    assert usercache.read("big.json") is None
