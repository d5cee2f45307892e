"""Configuration: which rules run, how severe they are and with what parameters.

Found upward from each checked file (ruff-style): in each folder from the file's own up to the
filesystem root, ``.indicator-lint.yaml`` and then ``pyproject.toml`` with a ``[tool.indicator-lint]``
table; the first one found applies (a pyproject.toml without that table is passed over).
``--config FILE`` overrides the search for every file. Keys (reference: docs/configuration.md):

    select, extend-select, ignore       rule codes, code prefixes (IL2) or slugs
    per-file-ignores                    {glob: [rules]}; globs relative to their config file's folder
    severity                            {rule: error|warning|info}
    params                              {rule: {parameter: value}}, checked against the check type
    extra-rules                         folders of more rule files, relative to the config's folder
    extends                             a config file (relative path) or a preset: default, strict

Validation is strict: an unknown key, a wrong type or a rule that does not exist is a
``ConfigError`` naming the file and the key (exit code 2), never a setting silently ignored.
"""

from __future__ import annotations

import difflib
import fnmatch
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from linter.errors import SettingsError
from linter.rulebook import SEVERITIES, Rule, RuleError
from linter.safetext import clipped, quoted
from linter.yamlfile import load_yaml_file

CONFIG_NAMES = (".indicator-lint.yaml", "pyproject.toml")
PRESETS = ("default", "strict")
LIST_KEYS = ("select", "extend-select", "ignore", "extra-rules")
MAPPING_KEYS = ("per-file-ignores", "severity", "params")
KEYS = (*LIST_KEYS, *MAPPING_KEYS, "extends")


class ConfigError(SettingsError):
    """A configuration file that is not valid: ``ConfigError(path, en, line=None)``, naming the key;
    or ``ConfigError(text)``, a text that names the file itself (this module's own messages)."""

    def __init__(self, path: str | Path | None, en: str | None = None, line: int | None = None):
        if en is None:
            path, en = None, str(path)
        super().__init__(path, en, line)


class FileIgnore(NamedTuple):
    """One entry of ``per-file-ignores``."""

    glob: str  # as written, also in messages and --show-config
    root: Path | None  # the folder of the config that wrote a glob with a folder in it; None: any folder
    rules: list[str]
    origin: str  # the file or preset it came from


@dataclass
class Config:
    """The effective configuration for some files. ``origin`` names the file each setting came from."""

    path: Path | None = None  # the config file found or given (None: built-in defaults)
    select: list[str] | None = None  # None: every rule
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    # base first; a glob with a folder in it written in a base elsewhere and again in the file that
    # extends it is two entries, each relative to its own folder (``merge``)
    per_file_ignores: list[FileIgnore] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra_rules: list[Path] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # files and presets read, base first
    origin: dict[str, str] = field(default_factory=dict)  # "severity.IL201" → file that set it

    def as_dict(self) -> dict:
        """The settings as the keys of a config file (for ``check --show-config``)."""
        return {
            "select": self.select if self.select is not None else ["ALL"],
            "extend-select": self.extend_select,
            "ignore": self.ignore,
            "per-file-ignores": self._ignores_by_glob(),
            "severity": self.severity,
            "params": self.params,
            "extra-rules": [str(p) for p in self.extra_rules],
        }

    def _ignores_by_glob(self) -> dict[str, list[str]]:
        here = self.path.resolve().parent if self.path else None
        return {_shown_from(here, entry): entry.rules for entry in self.per_file_ignores}


def _shown_from(here: Path | None, entry: FileIgnore) -> str:
    """The glob as ``--show-config`` prints it: one relative to another config's folder is shown
    from this one's (``../shared/sub/*.txt``), so that two entries never look alike."""
    if entry.root is None or entry.root == here:
        return entry.glob
    try:
        return os.path.relpath(entry.root / entry.glob, here)
    except ValueError:  # another drive (Windows)
        return str(entry.root / entry.glob)


# ---------------------------------------------------------------- finding and reading files


def find_config(start: Path) -> Path | None:
    """The config file that applies to ``start`` (a file or folder), searching upward."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for directory in (folder, *folder.parents):
        yaml_file = directory / CONFIG_NAMES[0]
        if yaml_file.is_file():
            return yaml_file
        pyproject = directory / CONFIG_NAMES[1]
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def load_config(path: Path | str | None) -> Config:
    """The Config of one file (its ``extends`` chain applied), or the defaults for None."""
    if path is None:
        return Config(sources=["(built-in defaults)"])
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    return _load(path, seen=())


def _load(path: Path, seen: tuple[str, ...]) -> Config:
    key = str(path.resolve())
    if key in seen:
        raise ConfigError(f"{path}: key 'extends': the configurations extend each other in a circle")
    data, root = _read(path)
    _check_keys(data, path)
    extends = data.get("extends")
    if extends is None:
        config = Config()
    else:
        names = extends if isinstance(extends, list) else [extends]
        if not all(isinstance(n, str) and n.strip() for n in names):
            raise ConfigError(
                f"{path}: key 'extends' must be a preset name or a file path, or a list of them"
            )
        config = Config()
        for name in names:
            base_path = _preset_path(name) if name in PRESETS else root / name
            if not base_path.is_file():
                raise ConfigError(
                    f"{path}: key 'extends': '{clipped(name)}' is neither a preset "
                    f"({', '.join(PRESETS)}) nor an existing file"
                )
            config = merge(config, _load(base_path, (*seen, key)))
    return merge(config, _parse(data, path, root))


def _preset_path(name: str) -> Path:
    return Path(__file__).resolve().parent / "presets" / f"{name}.yaml"


def _read(path: Path) -> tuple[dict, Path]:
    """The raw settings mapping of a config file and the folder its relative paths start from."""
    root = path.resolve().parent
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        table = _pyproject_table(path, strict=True)
        if table is None:
            raise ConfigError(f"{path}: no [tool.indicator-lint] table")
        return table, root
    data = load_yaml_file(path, ConfigError)
    if data is None:
        return {}, root
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a configuration file must be a mapping of keys")
    return data, root


_OUR_TABLE = re.compile(rb"^\s*\[+\s*tool\s*\.\s*[\"']?indicator-lint", re.MULTILINE)  # [tool.indicator-lint…


def _pyproject_table(path: Path, strict: bool = False) -> dict | None:
    import tomllib

    raw = b""
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        # Someone else's broken pyproject.toml is not ours to report while searching; one with our
        # table in it (a typo, a GBK file) is: passed over, our settings would silently vanish.
        if strict or _OUR_TABLE.search(raw):
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        return None
    table = data.get("tool", {}).get("indicator-lint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.indicator-lint] must be a table")
    return table


# ---------------------------------------------------------------- validating and merging


def _check_keys(data: dict, path: Path) -> None:
    for key in data:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (expected: {', '.join(KEYS)})"
            raise ConfigError(f"{path}: unknown key '{clipped(str(key))}'{hint}")


def _rule_list(value: Any, path: Path, key: str) -> list[str]:
    """A list of texts; a single comma-separated text is accepted too (``select = "IL1,IL2"``)."""
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{path}: key '{clipped(key)}' must be a list of texts")
    return [v.strip() for v in value]


def _mapping(value: Any, path: Path, key: str) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: key '{clipped(key)}' must be a mapping")
    return value


def _parse(data: dict, path: Path, root: Path) -> Config:
    """This file's own settings (without its bases), types checked; rule names are checked later."""
    where = f"preset:{path.stem}" if path.resolve().parent == _preset_path("default").parent else str(path)
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
                raise ConfigError(f"{path}: key 'extra-rules': {p} is not a folder")
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
                f"{path}: key 'severity.{clipped(str(rule))}' must be one of {', '.join(SEVERITIES)}, "
                f"got {quoted(severity)}"
            )
        cfg.severity[str(rule)] = severity
        cfg.origin[f"severity.{rule}"] = where
    for rule, values in _mapping(data.get("params", {}), path, "params").items():
        cfg.params[str(rule)] = dict(_mapping(values, path, f"params.{rule}"))
        for name, value in cfg.params[str(rule)].items():
            if not _finite(value):  # floor: .nan would compare false with everything: no finding, ever
                raise ConfigError(
                    f"{path}: key 'params.{clipped(str(rule))}.{clipped(str(name))}' must be a "
                    f"finite number, got {quoted(value)}"
                )
        cfg.origin[f"params.{rule}"] = where
    return cfg


def _finite(value: Any, seen: set[int] | None = None) -> bool:
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
        return all(_finite(item, seen) for item in items)
    return True


def merge(base: Config, over: Config) -> Config:
    """``over`` on top of ``base``: select replaces; lists add up; mappings merge key by key."""
    params = {rule: dict(values) for rule, values in base.params.items()}
    for rule, values in over.params.items():
        params.setdefault(rule, {}).update(values)
    return Config(
        path=over.path or base.path,
        select=over.select if over.select is not None else base.select,
        extend_select=base.extend_select + over.extend_select,
        ignore=base.ignore + over.ignore,
        per_file_ignores=list(
            {(e.glob, e.root): e for e in base.per_file_ignores + over.per_file_ignores}.values()
        ),  # the same glob for the same folder: the later file's rules
        severity={**base.severity, **over.severity},
        params=params,
        extra_rules=base.extra_rules + [p for p in over.extra_rules if p not in base.extra_rules],
        sources=base.sources + over.sources,
        origin={**base.origin, **over.origin},
    )


# ---------------------------------------------------------------- applying a config to the rules


def _check_rule_keys(rules: list[Rule], keys: list[str], where: str) -> None:
    for k in keys:
        if k != "ALL" and not any(r.matches(k) for r in rules):
            names = [r.slug for r in rules] + [r.code for r in rules]
            close = difflib.get_close_matches(k, names, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(f"{where}: no rule matches '{clipped(k)}'{hint}")


def configured_rules(
    config: Config, rules: list[Rule], cli_select: Sequence[str] = (), cli_ignore: Sequence[str] = ()
) -> list[Rule]:
    """The rules to run under ``config``, with its severities and parameters applied.

    The command line wins: ``--select`` replaces the config's select, ``--ignore`` adds to its
    ignore. Every rule named anywhere must exist.
    """

    def where(key: str) -> str:
        return f"{config.origin.get(key, config.path)}: key '{clipped(key)}'"

    for key, keys in (
        ("select", config.select or []),
        ("extend-select", config.extend_select),
        ("ignore", config.ignore),
    ):
        _check_rule_keys(rules, keys, where(key))
    for entry in config.per_file_ignores:
        _check_rule_keys(rules, entry.rules, f"{entry.origin}: key 'per-file-ignores.{entry.glob}'")
    _check_rule_keys(rules, list(cli_select) + list(cli_ignore), "--select/--ignore")

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
                raise ConfigError(f"{where(f'{key}.{name}')}: no rule '{clipped(name)}'{hint}")
    out = []
    for rule in chosen:
        for name in (rule.code, rule.slug):
            if name in config.severity:
                rule = replace(rule, severity=config.severity[name])
            if name in config.params:
                try:  # the engine's own override check: unknown parameter or wrong type is an error
                    rule = rule.with_params(config.params[name], str(config.origin.get(f"params.{name}")))
                except RuleError as exc:
                    raise ConfigError(f"{exc} (in key 'params')") from None
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


class Settings:
    """Per-file configuration for one run of ``check``: each file's config found once per folder.

    ``config_key(path)`` says which configuration a file is checked with, ``for_key(key)`` gives
    its Config and the rule list to run (cached per config file, so a repository with one
    pyproject.toml builds its rules once); ``known_keys(path)`` the codes and slugs of every rule
    loaded for it, selected or not (a noqa naming an ignored rule is no typo).
    """

    def __init__(
        self,
        explicit: str | None = None,
        rules_dirs: Sequence[str] = (),
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
    ):
        self.explicit = load_config(explicit) if explicit else None
        self.rules_dirs, self.select, self.ignore = list(rules_dirs), list(select), list(ignore)
        self._by_folder: dict[str, Path | None] = {}
        self._by_config: dict[Path | None, tuple[Config, list[Rule]]] = {}
        self._known: dict[Path | None, frozenset[str]] = {}

    def config_path(self, path: Path | str, is_folder: bool = False) -> Path | None:
        # Keyed by the folder as written (the cwd does not change in a run), so that a sweep
        # resolves and searches each folder once, not each of its files; a file is not stat'ed.
        folder = str(path) if is_folder else os.path.dirname(str(path)) or "."
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(Path(folder).resolve())
        return self._by_folder[folder]

    def config_key(self, path: Path | str, is_folder: bool = False) -> Path | None:
        """Which configuration ``path`` (a file, or the files of a folder) is checked with: its
        config file (None: the defaults, or --config), the same in every process of a run."""
        return self._load(self.config_path(path, is_folder))

    def for_key(self, key: Path | None) -> tuple[Config, list[Rule]]:
        return self._by_config[self._load(key)]

    def for_folder(self, path: Path | str) -> tuple[Config, list[Rule]]:
        """The settings for the files of a folder (or of the folder a file is in)."""
        return self.for_key(self.config_key(path, is_folder=os.path.isdir(path)))

    def known_keys(self, path: Path | str) -> frozenset[str]:
        return self._known[self.config_key(path)]

    def files_read(self) -> list[Path]:
        """The configuration files read so far (with those they extend) and the rule files of
        their ``extra-rules`` and of ``--rules-dir``: files no output of the run may overwrite."""
        out: list[Path] = []
        for config, _ in self._by_config.values():
            out += [Path(s) for s in config.sources if not s.startswith(("preset:", "(built-in"))]
            folders: list[Path | str] = [*config.extra_rules, *self.rules_dirs]
            for folder in folders:
                out += sorted(Path(folder).glob("*.yaml"))
        return out

    def rules_in_use(self) -> dict[str, Rule]:
        """code → Rule, every rule selected for any file so far (SARIF lists them)."""
        return {r.code: r for _, rules in self._by_config.values() for r in rules}

    def _load(self, found: Path | None) -> Path | None:
        from linter.rulebook import load_rule_dirs

        key = None if self.explicit else found
        if key not in self._by_config:
            config = self.explicit or load_config(key)
            try:
                rules = load_rule_dirs([*config.extra_rules, *self.rules_dirs])
            except RuleError as exc:
                raise ConfigError(str(exc)) from None
            self._by_config[key] = (config, configured_rules(config, rules, self.select, self.ignore))
            self._known[key] = frozenset(k for r in rules for k in (r.code, r.slug))
        return key


def show_config(config: Config, rules: list[Rule]) -> str:
    """The effective settings as YAML, with the files they came from and the rules that run."""
    import yaml

    head = "".join(f"# from: {s}\n" for s in config.sources)
    body = {**config.as_dict(), "rules": [f"{r.code} {r.slug} [{r.severity}]" for r in rules]}
    return head + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, default_flow_style=False)
