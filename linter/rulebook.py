"""Rule files: loading ``rules/*.yaml`` and validating each one strictly.

A rule file is data (Vale-style): it names one check type from ``linter.checks`` and gives its
parameters, its severity, its messages in Chinese and English, why it exists and where that comes
from, and examples that must fail and pass. Every key is validated; a mistake is a ``RuleError``
naming the file and the key, never a traceback and never a silently ignored setting; so is a
message placeholder its check type does not return (``ARGS``).
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from linter import regexes, rulecache
from linter.errors import SettingsError
from linter.rulecache import Files, stamp, stamped
from linter.safetext import clipped, quoted
from linter.yamlfile import load_yaml_file

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}  # for --fail-on and sorting by severity


def worst_severity(severities) -> str | None:
    """The most severe of ``severities`` (texts), None when there are none."""
    return max(severities, key=lambda s: SEVERITY_RANK.get(s, 0), default=None)


def fails(severities, fail_on: str) -> bool:
    """Whether any of ``severities`` is at or above ``fail_on`` (the exit code 1 of check)."""
    return any(SEVERITY_RANK[s] >= SEVERITY_RANK[fail_on] for s in severities)


LANGS = ("zh", "en")
REQUIRED_KEYS = ("code", "slug", "severity", "title", "message", "rationale", "basis", "check", "examples")
# ``superseded_by: [slug, …]``: the rule is not reported on a row one of these rules reports (the same
# defect seen from another side; the other rule's finding says it better)
# ``fix: {kind: <linter.fixes kind>, safe: true|false}``; examples.fix: [{…, value, fixed}]
OPTIONAL_KEYS = ("superseded_by", "fix")
_CODE = regexes.compile(r"^IL\d{3}$")
_SLUG = regexes.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class RuleError(SettingsError):
    """A rule file (or a parameter override) that is not valid: ``RuleError(path, en)``, naming the key."""


@dataclass
class Rule:
    """A rule as loaded from its file: code, slug, severity, messages, check type and parameters, examples."""

    code: str
    slug: str
    severity: str
    title: dict[str, str]
    message: dict[str, str]
    rationale: dict[str, str]
    basis: str
    check_type: str
    params: dict[str, Any]  # defaults filled in
    examples: dict[str, list]
    path: Path
    module: ModuleType = field(repr=False, default=None)  # type: ignore[assignment]
    superseded_by: tuple[str, ...] = ()
    fix: dict | None = None  # {"kind", "safe"}: what check --fix writes in (linter/fixes.py)
    # for each fail example, the findings it must give (``expect:``; None where it states none)
    expect: list[list[dict] | None] = field(default_factory=list)

    def matches(self, key: str) -> bool:
        """Is this rule named by ``key``: its code, its slug, or a code prefix such as ``IL2``?"""
        return key in (self.slug, self.code) or self.code.startswith(key)

    def with_params(self, overrides: dict[str, Any], source: str) -> Rule:
        """A copy whose parameters are overridden (config), validated like the rule file itself.
        A fixed parameter (``checks.Param.fixed``: it chooses what the rule checks) is refused."""
        for name in overrides:
            param = self.module.PARAMS.get(name)
            if param is not None and param.fixed:
                raise RuleError(
                    source,
                    f"key '{self.slug}.{name}' cannot be set: it chooses what the rule "
                    f"checks, fixed in its rule file {self.path.name}",
                )
        params = dict(self.params)
        params.update(overrides)
        validate_params(self.module, params, source, f"{self.slug}.")
        return Rule(**{**self.__dict__, "params": params})


def load_rule_dirs(extra_dirs: Sequence[Path | str] = (), builtin: bool = True) -> list[Rule]:
    """Every rule of the shipped ``rules/`` folder (unless ``builtin`` is False) plus ``extra_dirs``.

    Codes and slugs must be unique across all folders: a later folder cannot silently replace a
    shipped rule.
    """
    from linter.resources import data_dir

    dirs = ([data_dir("rules")] if builtin else []) + [Path(d) for d in extra_dirs]
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for i, directory in enumerate(dirs):
        if not directory.is_dir():
            raise RuleError(directory, "not a folder of rule files")
        paths = sorted(directory.glob("*.yaml"))
        shipped = builtin and i == 0
        for path, rule in zip(
            paths, _shipped_rules(stamped(paths)) if shipped else map(load_rule_file, paths), strict=True
        ):
            for key in (rule.code, rule.slug):
                if key in seen:
                    raise RuleError(path, f"{key} is already defined in {seen[key]}")
                seen[key] = path
            rules.append(rule)
    for rule in rules:  # a misspelt slug would silently supersede nothing
        for slug in rule.superseded_by:
            if slug not in seen:
                raise RuleError(rule.path, f"superseded_by names no rule: {slug}")
    return sorted(rules, key=lambda r: r.code)


def load_rule_file(path: Path | str) -> Rule:
    """The validated rule of one file. Cached per process by path and modification time: every
    config file found in a sweep asks for the same shipped rules, and ``Rule`` objects are never
    changed in place (``with_params`` returns a copy)."""
    path = Path(path)
    return _load_rule_file(path, stamp(path))


@lru_cache(maxsize=8)
def _shipped_rules(files: Files) -> tuple[Rule, ...]:
    """The shipped folder's rules, its files' data read from the rule cache (``linter.rulecache``)
    when it is kept there, else from the files and kept for the next run."""
    paths = [path for path, _ in files]
    kept = rulecache.load(files)
    if kept is not None:
        try:
            return tuple(rule_from_mapping(kept[path.name], path) for path in paths)
        except Exception:  # noqa: BLE001 — whatever is wrong with a spoilt entry, the files say what is right
            pass  # (spoilt by hand, or by another version)
    data = {path.name: load_yaml_file(path, RuleError) for path in paths}
    rulecache.store(files, data)  # (written out before validation changes the data)
    return tuple(rule_from_mapping(data[path.name], path) for path in paths)


@lru_cache(maxsize=1024)
def _load_rule_file(path: Path, stamp: tuple[int, int]) -> Rule:
    data = load_yaml_file(path, RuleError)
    return rule_from_mapping(data, path)


def _check_keys(data: Any, path: Path) -> None:
    """RuleError unless the rule file is a mapping with every required key and no unknown one."""
    if not isinstance(data, dict):
        raise RuleError(path, "a rule file must be a mapping of keys")
    for key in data:
        if key not in REQUIRED_KEYS + OPTIONAL_KEYS:
            raise RuleError(
                path, f"unknown key '{key}' (expected: {', '.join(REQUIRED_KEYS + OPTIONAL_KEYS)})"
            )
    for key in REQUIRED_KEYS:
        if key not in data:
            raise RuleError(path, f"missing key '{key}'")


def rule_from_mapping(data: Any, path: Path) -> Rule:
    """The Rule of a rule file's mapping, every key validated (RuleError naming the file and key)."""
    _check_keys(data, path)
    code, slug, severity = data["code"], data["slug"], data["severity"]
    if not isinstance(code, str) or not _CODE.match(code):
        raise RuleError(path, f"key 'code' must look like IL101, got {code!r}")
    if not isinstance(slug, str) or not _SLUG.match(slug):
        raise RuleError(path, f"key 'slug' must be lower-case words joined by '-', got {slug!r}")
    if severity not in SEVERITIES:
        raise RuleError(path, f"key 'severity' must be one of {', '.join(SEVERITIES)}, got {severity!r}")
    texts = {key: _bilingual(data[key], path, key) for key in ("title", "message", "rationale")}
    if not isinstance(data["basis"], str) or not data["basis"].strip():
        raise RuleError(path, "key 'basis' must be a non-empty text")

    check = data["check"]
    if not isinstance(check, dict) or "type" not in check:
        raise RuleError(path, "key 'check' must be a mapping with a 'type'")
    check_type = check["type"]
    module = _check_module(check_type, path)
    params = {name: _copy(p.default) for name, p in module.PARAMS.items()}
    params.update({k: v for k, v in check.items() if k != "type"})
    validate_params(module, params, str(path), "check.")
    for lang in LANGS:
        _check_placeholders(texts["message"][lang], module, check_type, params, path, f"message.{lang}")

    examples = data["examples"]
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass", "fix"}:
        raise RuleError(path, "key 'examples' must be a mapping with 'fail' and 'pass' lists (and 'fix')")
    fix = _fix_section(data.get("fix"), examples.get("fix"), path)
    for kind in ("fail", "pass"):
        items = examples.get(kind)
        if not isinstance(items, list) or not items or not all(isinstance(x, dict) for x in items):
            raise RuleError(path, f"key 'examples.{kind}' must be a non-empty list of tables")
    if any("expect" in x for x in examples["pass"]):
        raise RuleError(path, "key 'examples.pass[].expect': a passing example expects no finding")
    expect = [_expectation(x.pop("expect", None), path, i) for i, x in enumerate(examples["fail"])]

    superseded_by = data.get("superseded_by", [])
    if (
        not isinstance(superseded_by, list)
        or slug in superseded_by
        or not all(isinstance(s, str) and _SLUG.match(s) for s in superseded_by)
    ):
        raise RuleError(
            path, f"key 'superseded_by' must be a list of other rules' slugs, got {quoted(superseded_by)}"
        )

    return Rule(
        code=code,
        slug=slug,
        severity=severity,
        basis=data["basis"].strip(),
        check_type=check_type,
        params=params,
        examples=examples,
        path=path,
        module=module,
        superseded_by=tuple(superseded_by),
        fix=fix,
        expect=expect,
        **texts,
    )


EXPECT_KEYS = ("indicator", "table", "level1", "level2", "args")


def _expectation(items: Any, path: Path, index: int) -> list[dict] | None:
    """A fail example's ``expect``: one mapping per finding the example must give (so their number
    is the count), each naming where it is (``indicator``: the row's name; for a finding on no row,
    ``table``, ``level1``, ``level2``) and, in ``args``, what the check must say of it."""
    if items is None:
        return None
    key = f"examples.fail[{index}].expect"
    if not isinstance(items, list) or not items:
        raise RuleError(path, f"key '{key}' must be a non-empty list, one item per finding")
    for item in items:
        if not isinstance(item, dict) or not item or set(item) - set(EXPECT_KEYS):
            raise RuleError(path, f"key '{key}' items are mappings of {', '.join(EXPECT_KEYS)}")
        if not isinstance(item.get("args", {}), dict):
            raise RuleError(path, f"key '{key}.args' must be a mapping of the check's args")
    return items


def _fix_section(fix: Any, examples: Any, path: Path) -> dict | None:
    from linter.fixes import KINDS

    if fix is None:
        if examples is not None:
            raise RuleError(path, "key 'examples.fix' needs a 'fix' section")
        return None
    if not isinstance(fix, dict) or set(fix) != {"kind", "safe"} or not isinstance(fix["safe"], bool):
        raise RuleError(path, "key 'fix' must be a mapping with 'kind' and 'safe' (true or false)")
    if not isinstance(fix["kind"], str) or fix["kind"] not in KINDS:
        raise RuleError(path, f"key 'fix.kind' must be one of {', '.join(KINDS)}, got {quoted(fix['kind'])}")
    if (
        not isinstance(examples, list)
        or not examples
        or not all(isinstance(x, dict) and {"name", "value", "fixed"} <= set(x) for x in examples)
    ):
        raise RuleError(path, "key 'examples.fix' must be a non-empty list of {level2?, name, value, fixed}")
    return dict(fix)


def _bilingual(value: Any, path: Path, key: str) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != set(LANGS):
        raise RuleError(path, f"key '{key}' must have exactly the keys zh and en")
    for lang in LANGS:
        if not isinstance(value[lang], str) or not value[lang].strip():
            raise RuleError(path, f"key '{key}.{lang}' must be a non-empty text")
    return {lang: value[lang].strip() for lang in LANGS}


def _check_module(check_type: Any, path: Path) -> ModuleType:
    from linter.checks import load_check_type

    if not isinstance(check_type, str) or not _SLUG.match(check_type):
        raise RuleError(path, f"key 'check.type' must be a check type name, got {check_type!r}")
    try:
        module = load_check_type(check_type)
    except ModuleNotFoundError:
        raise RuleError(path, f"key 'check.type': unknown check type '{check_type}'") from None
    if not all(hasattr(module, name) for name in ("PARAMS", "ARGS", "check")):
        raise RuleError(path, f"key 'check.type': '{check_type}' is not a check type")
    return module


def _check_placeholders(
    template: str, module: ModuleType, check_type: str, params: dict, path: Path, key: str
) -> None:
    """Every ``{placeholder}`` of a message is an arg the check type returns (``ARGS``) or a
    field the engine fills (``checks.MESSAGE_FIELDS``): a message is never printed with a hole."""
    from linter.checks import MESSAGE_FIELDS, returned_args

    try:
        names = [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]
    except ValueError as exc:
        raise RuleError(path, f"key '{key}': not a valid message template: {exc}") from None
    known = returned_args(module, params) | MESSAGE_FIELDS
    for name in names:
        root = m.group(0) if (m := re.match(r"[^.\[]*", name)) else name  # {example[zh]}: the arg example
        if root not in known:
            raise RuleError(
                path,
                f"key '{key}': {{{clipped(name)}}} is no arg of check type '{check_type}' "
                f"(its args: {', '.join(sorted(known))})",
            )


def validate_params(module: ModuleType, params: dict, source: str, prefix: str = "") -> None:
    """Refuse (RuleError) parameters of the wrong name, type or value for the check type ``module``:
    what a rule file, ``--rules-dir`` or a configuration gives is validated here alike."""
    schema = module.PARAMS
    for name, value in params.items():
        if name not in schema:
            known = ", ".join(sorted(schema)) or "none"
            raise RuleError(source, f"unknown key '{prefix}{clipped(str(name))}' (parameters: {known})")
        expected = schema[name].type
        if not _has_type(value, expected):
            raise RuleError(
                source, f"key '{prefix}{name}' must be {_type_name(expected)}, got {quoted(value)}"
            )
        if not finite(value):  # floor: .nan would compare false with everything: no finding, ever
            raise RuleError(source, f"key '{prefix}{name}' must be a finite number, got {quoted(value)}")
        outside = [
            v for v in (value if isinstance(value, list) else [value]) if v not in schema[name].choices
        ]
        if schema[name].choices and outside:
            problem = f"must be one of {', '.join(schema[name].choices)}, got {quoted(outside[0])}"
            raise RuleError(source, f"key '{prefix}{name}' {problem}")
        if schema[name].regex:
            try:  # as the check compiles it (text-pattern fills in its {unit} and {comparator})
                getattr(module, "compiled", re.compile)(value)
            except (re.error, OverflowError, RecursionError, ValueError) as exc:
                problem = clipped(f"not a regular expression: {exc}", 200)
                raise RuleError(source, f"key '{prefix}{name}': {problem}") from None
    # Optional hook for what a parameter's type, choices and regex flag cannot say (a list that
    # must not be empty, a mapping's shape): ``validate(params)`` raises ValueError("param: what is wrong").
    validate = getattr(module, "validate", None)
    if validate is not None:
        try:
            validate(params)
        except ValueError as exc:  # raised as "param: what is wrong"
            key, _, problem = str(exc).partition(": ")
            raise RuleError(source, f"key '{prefix}{key}': {clipped(problem, 200)}") from None
        except (
            TypeError,
            AttributeError,
            KeyError,
        ) as exc:  # an item of the wrong kind in a list: a mapping for a word
            raise RuleError(
                source,
                f"a parameter of '{prefix.rstrip('.')}' holds an item of the wrong kind: {clipped(str(exc), 200)}",
            ) from None


def finite(value: Any, seen: set[int] | None = None) -> bool:
    """No NaN or infinity in ``value``, however nested (each list or mapping looked at once: the
    aliases of a YAML bomb are not walked again)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, (list, dict)):
        seen = set() if seen is None else seen
        if id(value) in seen:
            return True
        seen.add(id(value))
        items = value.values() if isinstance(value, dict) else value
        return all(finite(item, seen) for item in items)
    return True


def _has_type(value: Any, expected: type | tuple[type, ...]) -> bool:
    types = expected if isinstance(expected, tuple) else (expected,)
    if isinstance(value, bool) and bool not in types:
        return False  # YAML ``yes`` is no number
    if float in types and isinstance(value, int) and not isinstance(value, bool):
        return True  # ``floor: 90`` for a float parameter
    return isinstance(value, types)


def _type_name(expected: type | tuple[type, ...]) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    names = {
        list: "a list",
        dict: "a mapping",
        str: "a text",
        bool: "true or false",
        int: "a whole number",
        float: "a number",
    }
    return " or ".join(names.get(t, t.__name__) for t in types)


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def example_document(example: dict, path: str):
    """The Document a rule example describes (canonical YAML, docs/format.md).

    An example may add ``problems:`` — rows a reader could not place, as ``{message, line}`` — which
    the canonical format itself has no key for (only the unreadable-row rule needs them), and
    ``text:`` — the document's text as printed (``Document.source_text``), for the checks that read
    the form itself (blank-required-field).
    """
    from linter.model import Location, Problem
    from linter.readers.yaml_reader import document_from_mapping

    data = dict(example)
    problems = data.pop("problems", [])
    text = data.pop("text", "")
    doc = document_from_mapping(data, path)
    doc.source_text = str(text)
    if text:
        doc.source_format = "text"  # the table as printed: the model is what a reader made of it
    for p in problems:
        doc.problems.append(
            Problem(
                rule="unreadable-row",
                message=str(p.get("message", "")),
                location=Location(path, int(p.get("line", 0)), int(p.get("column", 0))),
            )
        )
    return doc
