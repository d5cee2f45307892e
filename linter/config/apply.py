"""A configuration applied: the rules it selects, with its severities and parameters, and the rules
its ``per-file-ignores`` switch off for one file.

Every rule a configuration (or ``--select``/``--ignore``) names must exist: a typo is a
``ConfigError`` with the closest name, never a rule silently left running or silently off.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from linter.config.model import Config, ConfigError
from linter.rulebook import Rule, RuleError
from linter.safetext import clipped


def _check_rule_keys(rules: list[Rule], keys: list[str], path: str | Path | None, where: str) -> None:
    for k in keys:
        if k != "ALL" and not any(r.matches(k) for r in rules):
            names = [r.slug for r in rules] + [r.code for r in rules]
            close = difflib.get_close_matches(k, names, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(path, f"{where}: no rule matches '{clipped(k)}'{hint}")


def configured_rules(
    config: Config, rules: list[Rule], cli_select: Sequence[str] = (), cli_ignore: Sequence[str] = ()
) -> list[Rule]:
    """The rules to run under ``config``, with its severities and parameters applied.

    The command line wins: ``--select`` replaces the config's select, ``--ignore`` adds to its
    ignore. Every rule named anywhere must exist.
    """

    def origin(key: str) -> str | Path | None:
        return config.origin.get(key, config.path)

    for key, keys in (
        ("select", config.select or []),
        ("extend-select", config.extend_select),
        ("ignore", config.ignore),
    ):
        _check_rule_keys(rules, keys, origin(key), f"key '{clipped(key)}'")
    for entry in config.per_file_ignores:
        _check_rule_keys(rules, entry.rules, entry.origin, f"key 'per-file-ignores.{entry.glob}'")
    _check_rule_keys(rules, list(cli_select) + list(cli_ignore), None, "--select/--ignore")

    select = list(cli_select) or config.select
    chosen = [
        r
        for r in rules
        if select is None
        or "ALL" in select
        or any(r.matches(k) for k in select)
        or (not cli_select and any(r.matches(k) for k in config.extend_select))
    ]
    ignore = config.ignore + list(cli_ignore)
    chosen = [r for r in chosen if not any(r.matches(k) for k in ignore)]

    by_key = {k: r for r in rules for k in (r.slug, r.code)}
    for table, key in ((config.severity, "severity"), (config.params, "params")):
        for name in table:
            if name not in by_key:
                close = difflib.get_close_matches(name, list(by_key), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise ConfigError(
                    origin(f"{key}.{name}"),
                    f"key '{clipped(f'{key}.{name}')}': no rule '{clipped(name)}'{hint}",
                )
    out = []
    for rule in chosen:
        for name in (rule.code, rule.slug):
            if name in config.severity:
                rule = replace(rule, severity=config.severity[name])
            if name in config.params:
                try:  # the engine's own override check: unknown parameter or wrong type is an error
                    rule = rule.with_params(config.params[name], str(config.origin.get(f"params.{name}")))
                except RuleError as exc:
                    raise ConfigError(exc.path, f"{exc.en} (in key 'params')", exc.line) from None
        out.append(rule)
    return out


def ignored_for(config: Config, path: Path | str) -> list[str]:
    """The rules ``per-file-ignores`` switches off for this file."""
    out: list[str] = []
    resolved = None  # resolved only for a glob with a folder in it: a sweep of *.txt globs makes no syscalls
    for entry in config.per_file_ignores:
        if entry.root is None:
            where = os.path.basename(path)
        else:
            resolved = resolved or Path(path).resolve()
            if not resolved.is_relative_to(entry.root):
                continue
            where = resolved.relative_to(entry.root).as_posix()  # the folder is no pattern: 预算[2024]/
        if fnmatch.fnmatch(where, entry.glob):
            out.extend(entry.rules)
    return out


def is_ignored(finding, keys: list[str]) -> bool:
    """Whether a finding is matched by one of ``keys``: ALL, its slug, its code or a code prefix (IL2)."""
    return any(k == "ALL" or k in (finding.rule, finding.code) or finding.code.startswith(k) for k in keys)
