"""Finding the configuration file that applies to a folder (or a preset by name), and reading one
file's raw settings.

In each folder from the file's own up to the filesystem root, ``.indicator-lint.yaml`` and then
``pyproject.toml`` with a ``[tool.indicator-lint]`` table; the first one found applies. Someone
else's pyproject.toml (no table of ours, or broken TOML without our table in it) is passed over.
"""

from __future__ import annotations

import re
from pathlib import Path

from linter.config.model import ConfigError
from linter.yamlfile import load_yaml_file

CONFIG_NAMES = (".indicator-lint.yaml", "pyproject.toml")
PRESETS = ("default", "strict")  # the configurations shipped in linter/presets, for ``extends``
_PRESET_DIR = Path(__file__).resolve().parent.parent / "presets"


def preset_path(name: str) -> Path:
    """The file of a preset (``extends: strict``)."""
    return _PRESET_DIR / f"{name}.yaml"


def is_preset(path: Path) -> bool:
    """Whether ``path`` is one of the presets shipped with the linter (named ``preset:<name>``)."""
    return path.resolve().parent == _PRESET_DIR


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


def read_settings(path: Path) -> tuple[dict, Path]:
    """The raw settings mapping of a config file and the folder its relative paths start from."""
    root = path.resolve().parent
    if path.name == "pyproject.toml" or path.suffix == ".toml":
        table = _pyproject_table(path, strict=True)
        if table is None:
            raise ConfigError(path, "no [tool.indicator-lint] table")
        return table, root
    data = load_yaml_file(path, ConfigError)
    if data is None:
        return {}, root
    if not isinstance(data, dict):
        raise ConfigError(path, "a configuration file must be a mapping of keys")
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
            raise ConfigError(path, f"not valid TOML: {exc}") from None
        return None
    table = data.get("tool", {}).get("indicator-lint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(path, "[tool.indicator-lint] must be a table")
    return table
