"""Per-file configuration for one run: which configuration each file is checked with, each folder's
looked up once and each configuration's rules built once.

    settings = Settings(explicit=None, rules_dirs=[], select=[], ignore=[])
    key = settings.config_key("tables/a.txt")      # the config file that applies (None: defaults)
    config, rules = settings.for_key(key)          # its Config and the rules to run under it
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from linter.config.apply import configured_rules
from linter.config.extends import load_config
from linter.config.files import find_config
from linter.config.model import Config, ConfigError
from linter.rulebook import Rule, RuleError


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
                raise ConfigError(exc.path, exc.en, exc.line) from None
            self._by_config[key] = (config, configured_rules(config, rules, self.select, self.ignore))
            self._known[key] = frozenset(k for r in rules for k in (r.code, r.slug))
        return key
