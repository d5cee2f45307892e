"""Loading a settings YAML file (a rule file, a config, a suppression sidecar) with one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load_yaml_file(path: Path, error: type[Exception]) -> Any:
    """The file's data; ``error("path[:line]: …")`` when it cannot be read or is not YAML."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 — a safe loader
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise error(f"{path}{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
