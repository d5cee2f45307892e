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

One module per job, in the order a configuration goes through them:

    files.py      find the file that applies to a folder; read its raw mapping (YAML or TOML)
    validate.py   check one file's keys and types, and make its own settings a Config
    extends.py    follow ``extends`` (files and presets) and merge the chain, base first
    apply.py      the rules a Config selects, with its severities and parameters; per-file ignores
    folders.py    Settings: per folder, which configuration applies, read once and cached
    model.py      Config and its parts (and ConfigError); show.py prints one (``--show-config``)
"""

from __future__ import annotations

from linter.config.apply import configured_rules, ignored_for, is_ignored
from linter.config.extends import PRESETS, load_config, merge
from linter.config.files import CONFIG_NAMES, find_config
from linter.config.folders import Settings
from linter.config.model import Config, ConfigError, FileIgnore
from linter.config.show import show_config
from linter.config.validate import KEYS

__all__ = [
    "CONFIG_NAMES",
    "KEYS",
    "PRESETS",
    "Config",
    "ConfigError",
    "FileIgnore",
    "Settings",
    "configured_rules",
    "find_config",
    "ignored_for",
    "is_ignored",
    "load_config",
    "merge",
    "show_config",
]
