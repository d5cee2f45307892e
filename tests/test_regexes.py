"""Patterns kept between runs (linter/regexes.py, issue 24): a pattern built from what was kept is
the one ``re`` compiles; a spoilt entry is compiled anew; the kept patterns are the same from run
to run (no pattern text in a set's order), so the entry stops growing."""

from __future__ import annotations

import glob
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from linter import regexes

EXAMPLE = Path(__file__).parent.parent / "examples" / "000_8b9eba17efc00524.txt"

pytestmark = pytest.mark.skipif(
    not regexes._USABLE, reason="the cache is CPython's only: plain re.compile here"
)


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder of this test's, and the module's memory of this process put aside."""
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexes, "_kept", None)
    monkeypatch.setattr(regexes, "_added", {})
    monkeypatch.setattr(regexes, "_hits", set())
    monkeypatch.setattr(regexes, "_this_run", {})
    return tmp_path


def _next_process() -> None:
    """The module's memory of this process forgotten, as in the next run (the cache folder kept)."""
    regexes._kept, regexes._hits, regexes._this_run = None, set(), {}


def _check_example(cache: Path, hash_seed: str) -> Path:
    env = {**os.environ, "INDICATOR_LINT_CACHE_DIR": str(cache), "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", str(EXAMPLE)], env=env, capture_output=True
    )
    assert done.returncode == 1, done.stderr  # (findings)
    (entry,) = cache.glob("patterns-*.json")
    return entry


def test_the_patterns_kept_are_the_same_from_run_to_run_and_are_what_re_compiles(tmp_path):
    entry = _check_example(tmp_path, "1")
    first = entry.read_bytes()
    # another hash seed orders every set otherwise: a pattern joined from a set's words would be
    # another text, kept again under another key, run after run
    assert _check_example(tmp_path, "2").read_bytes() == first
    kept = json.loads(first)
    assert len(kept) > 150
    for key, made in kept.items():
        given, pattern = key.split(":", 1)
        # (patterns compare by their text, flags and code; their groups apart)
        built, compiled = regexes._built(pattern, made), re.compile(pattern, int(given))
        assert built == compiled, pattern
        assert (built.groups, built.groupindex) == (compiled.groups, compiled.groupindex), pattern


def test_a_pattern_is_compiled_once_then_built_from_what_was_kept(fresh):
    pattern = r"(?P<name>[\u4e00-\u9fff]{2,8}?)(?:指标)?"
    first = regexes.compile(pattern)
    regexes.keep()
    assert len(list(fresh.glob("patterns-*.json"))) == 1
    _next_process()
    again = regexes.compile(pattern)
    assert regexes._hits == {f"0:{pattern}"} and not regexes._added
    assert (
        again.fullmatch("满意度指标").group("name") == first.fullmatch("满意度指标").group("name") == "满意度"
    )
    assert again.groupindex == first.groupindex and again.flags == first.flags
    assert regexes.compile("[a-z]+", re.IGNORECASE).fullmatch("AbC")  # flags are part of the key
    assert not regexes.compile("[a-z]+").fullmatch("AbC")


def test_a_spoilt_entry_is_compiled_anew_and_mended(fresh):
    pattern = r"\d+次"
    regexes.compile(pattern)
    regexes.keep()
    (entry,) = fresh.glob("patterns-*.json")
    kept = json.loads(entry.read_bytes())
    kept[f"0:{pattern}"][1] = [999, 1, 2]  # code CPython refuses
    entry.write_text(json.dumps(kept), encoding="utf-8")
    _next_process()
    assert regexes.compile(pattern).fullmatch("12次")
    regexes.keep()
    assert json.loads(entry.read_bytes())[f"0:{pattern}"][1] != [999, 1, 2]
    entry.write_text("{not json", encoding="utf-8")
    _next_process()
    assert regexes.compile(pattern).fullmatch("12次")
    with pytest.raises(re.error):  # a pattern in error is an error, as re.compile's
        regexes.compile("[未闭合")


def test_with_the_cache_off_nothing_is_written(fresh, monkeypatch):
    monkeypatch.setenv("INDICATOR_LINT_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(fresh))  # where it would go were the empty value ignored
    assert regexes.compile(r"≥\d+%").fullmatch("≥95%")
    regexes.keep()
    assert not glob.glob(str(fresh / "*"))


def test_past_the_most_entries_only_those_of_the_last_run_are_kept(fresh, monkeypatch):
    monkeypatch.setattr(regexes, "_MOST", 3)
    for n in range(4):
        regexes.compile(f"a{{{n}}}")
    regexes.keep()
    (entry,) = fresh.glob("patterns-*.json")
    assert sorted(json.loads(entry.read_bytes())) == ["0:a{0}", "0:a{1}", "0:a{2}"]  # the first, at most
    assert regexes.compile("a{3}").fullmatch("aaa")  # (compiled all the same)
    _next_process()
    regexes.compile("a{0}")
    regexes.compile("b")
    regexes.keep()
    assert sorted(json.loads(entry.read_bytes())) == ["0:a{0}", "0:b"]


def test_alternation_puts_longer_words_first_and_is_the_same_for_any_order():
    assert regexes.alternation({"万", "万元", "元", "次"}) == "万元|万|元|次"
    assert regexes.alternation(["a.b", "c"]) == r"a\.b|c"


def test_where_the_interpreter_refuses_what_the_compiler_made_it_is_re_compile(fresh, monkeypatch):
    class Refusing:
        MAGIC = regexes._sre.MAGIC

        @staticmethod
        def compile(*args):
            raise TypeError("another signature")

    monkeypatch.setattr(regexes, "_sre", Refusing)
    assert regexes.compile(r"x\d+y").fullmatch("x12y")  # (the linter still starts)
    regexes.keep()
    assert not list(fresh.glob("patterns-*.json"))  # nothing kept that cannot be built
