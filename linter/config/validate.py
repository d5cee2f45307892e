"""One configuration file's own settings checked and made a ``Config`` (its bases are merged in by
``extends``; rule names are checked against the rules loaded, by ``apply``).

Every key is known, every value of the type it must have: anything else is a ``ConfigError``
naming the file and the key, never a setting silently ignored.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from linter.config.files import is_preset
from linter.config.model import Config, ConfigError, FileIgnore
from linter.rulebook import SEVERITIES, finite
from linter.safetext import clipped, quoted

LIST_KEYS = ("select", "extend-select", "ignore", "extra-rules")
MAPPING_KEYS = ("per-file-ignores", "severity", "params")
KEYS = (*LIST_KEYS, *MAPPING_KEYS, "extends")


def check_keys(data: dict, path: Path) -> None:
    """ConfigError for a key no configuration has, with the closest one when there is one."""
    for key in data:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (expected: {', '.join(KEYS)})"
            raise ConfigError(path, f"unknown key '{clipped(str(key))}'{hint}")


def _rule_list(value: Any, path: Path, key: str) -> list[str]:
    """A list of texts; a single comma-separated text is accepted too (``select = "IL1,IL2"``)."""
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(path, f"key '{clipped(key)}' must be a list of texts")
    return [v.strip() for v in value]


def _mapping(value: Any, path: Path, key: str) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(path, f"key '{clipped(key)}' must be a mapping")
    return value


def parse(data: dict, path: Path, root: Path) -> Config:
    """This file's own settings (without its bases), types checked; rule names are checked later."""
    where = f"preset:{path.stem}" if is_preset(path) else str(path)
    cfg = Config(path=path, sources=[where])
    if "select" in data:
        cfg.select = _rule_list(data["select"], path, "select")
        cfg.origin["select"] = where
    for key, attr in (("extend-select", "extend_select"), ("ignore", "ignore")):
        if key in data:
            setattr(cfg, attr, _rule_list(data[key], path, key))
            cfg.origin[key] = where
    if "extra-rules" in data:
        cfg.extra_rules = [(root / p) for p in _rule_list(data["extra-rules"], path, "extra-rules")]
        for p in cfg.extra_rules:
            if not p.is_dir():
                raise ConfigError(path, f"key 'extra-rules': {p} is not a folder")
        cfg.origin["extra-rules"] = where
    for glob, rules in _mapping(data.get("per-file-ignores", {}), path, "per-file-ignores").items():
        glob = str(glob)
        # a glob with a folder in it is relative to this file's folder; a bare name (*.txt) matches anywhere
        cfg.per_file_ignores.append(
            FileIgnore(
                glob,
                root if "/" in glob else None,
                _rule_list(rules, path, f"per-file-ignores.{glob}"),
                where,
            )
        )
    for rule, severity in _mapping(data.get("severity", {}), path, "severity").items():
        if severity not in SEVERITIES:
            raise ConfigError(
                path,
                f"key 'severity.{clipped(str(rule))}' must be one of {', '.join(SEVERITIES)}, "
                f"got {quoted(severity)}",
            )
        cfg.severity[str(rule)] = severity
        cfg.origin[f"severity.{rule}"] = where
    for rule, values in _mapping(data.get("params", {}), path, "params").items():
        cfg.params[str(rule)] = dict(_mapping(values, path, f"params.{rule}"))
        for name, value in cfg.params[str(rule)].items():
            if not finite(value):  # floor: .nan would compare false with everything: no finding, ever
                raise ConfigError(
                    path,
                    f"key 'params.{clipped(str(rule))}.{clipped(str(name))}' must be a "
                    f"finite number, got {quoted(value)}",
                )
        cfg.origin[f"params.{rule}"] = where
    return cfg
