"""Patterns compiled once per Python install, not once per run (issue 24: a cold ``check``).

CPython's ``re`` compiler is written in Python, and a class of Chinese characters
(``[\\u4e00-\\u9fff]``) costs it about a millisecond: it walks the class's 21,000 characters one by
one. The linter's modules compile some 270 patterns as they load, a fifth of the time a
one-file ``check`` takes. What the compiler makes of a pattern (its code, flags and groups)
depends on the pattern and the Python alone, so ``compile`` keeps it in the user's cache folder
(``linter.usercache``) and builds the pattern from it the next time with ``_sre.compile``, the call
``re.compile`` itself ends with. CPython validates that code before it takes it (an invalid one
raises, and the pattern is compiled as usual), and an entry is read by the very Python that wrote
it only (its version is in the entry's name). On another Python, or where ``re``'s internals are
not those of CPython 3.11–3.13, it is plain ``re.compile``.

A pattern made from a rule's parameters (a configuration may set them) is kept as well: past
2,000 entries only those the last run used are kept. ``keep()`` writes what this run compiled
anew, once, at the end of a command.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import Any

from linter import __version__, usercache

try:
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _USABLE = (
        sys.implementation.name == "cpython" and hasattr(_compiler, "_code") and hasattr(_parser, "parse")
    )
except ImportError:  # (not CPython)
    _USABLE = False

_MOST = 2_000  # entries; past this, only those of the last run are kept (a new version's patterns pile up)

_kept: dict[str, list] | None = None  # read on the first compile
_added: dict[str, list] = {}  # compiled anew in this run
_hits: set[str] = set()  # read from what was kept, in this run
_this_run: dict[str, re.Pattern[str]] = {}  # as re.compile's own memory: a pattern compiled in a function


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from what an earlier run kept when it can."""
    if not _USABLE:
        return re.compile(pattern, flags)
    key = f"{int(flags)}:{pattern}"
    compiled = _this_run.get(key)
    if compiled is None:
        if len(_this_run) >= _MOST:
            _this_run.clear()  # (a pattern made per call from text that varies: stay bounded)
        compiled = _this_run[key] = _compiled(pattern, flags, key)
    return compiled


def _compiled(pattern: str, flags: int, key: str) -> re.Pattern[str]:
    made = _kept_patterns().get(key)
    if made is not None:
        try:
            compiled = _built(pattern, made)
        except Exception:  # noqa: BLE001 — a spoilt entry (CPython refused its code): compiled anew below
            pass
        else:
            _hits.add(key)
            return compiled
    try:
        tree = _parser.parse(pattern, flags)
        code = _compiler._code(tree, flags)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 — re's internals not as expected: as if the cache were off
        return re.compile(pattern, flags)
    groups = tree.state.groupdict
    names: list[str | None] = [None] * tree.state.groups
    for name, index in groups.items():
        names[index] = name
    made = [int(flags) | tree.state.flags, code, tree.state.groups - 1, dict(groups), names]
    try:
        compiled = _built(pattern, made)
    except Exception:  # noqa: BLE001 — _sre.compile not as expected: as if the cache were off
        return re.compile(pattern, flags)
    if len(_added) < _MOST:
        _added[key] = made
    return compiled


def alternation(words: Iterable[str]) -> str:
    """The words as a regex alternation, longest first (万元 before 万), then in code-point order:
    the same pattern from run to run, whatever order a set holds them in."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _built(pattern: str, made: list) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = made
    return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))


def _entry() -> str:
    return usercache.entry("patterns", f"{__version__}\n{sys.version}\n{getattr(_sre, 'MAGIC', '')}")


def _kept_patterns() -> dict[str, list]:
    global _kept
    if _kept is None:
        data: Any = usercache.read(_entry())
        _kept = data if isinstance(data, dict) else {}
    return _kept


def keep() -> None:
    """Write out the patterns this run compiled anew (nothing when none was)."""
    global _kept
    if not _added:
        return
    kept = {**_kept_patterns(), **_added}
    if len(kept) > _MOST:
        kept = {key: kept[key] for key in (*_hits, *_added)}
    usercache.write(_entry(), kept)
    _kept = kept
    _added.clear()
