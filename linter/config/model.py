"""What a configuration is once read: ``Config`` (the effective settings for some files, and where
each came from), its ``per-file-ignores`` entries, and the error a configuration that is not valid
raises."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from linter.errors import SettingsError


class ConfigError(SettingsError):
    """A configuration file that is not valid: ``ConfigError(path, en, line=None)``, naming the key."""


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
