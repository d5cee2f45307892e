"""A configuration file with the chain it ``extends`` (other files, presets) merged in, base first.

``extends`` names a preset (default, strict) or a file relative to the one naming it, or a list
of them; a circle of files extending each other is an error. Merging: ``select`` replaces, lists
add up, mappings merge key by key (``merge``).
"""

from __future__ import annotations

from pathlib import Path

from linter.config.files import PRESETS, preset_path, read_settings
from linter.config.model import Config, ConfigError
from linter.config.validate import check_keys, parse
from linter.safetext import clipped


def load_config(path: Path | str | None) -> Config:
    """The Config of one file (its ``extends`` chain applied), or the defaults for None."""
    if path is None:
        return Config(sources=["(built-in defaults)"])
    path = Path(path)
    if not path.is_file():
        raise ConfigError(path, "no such configuration file")
    return _load(path, seen=())


def _load(path: Path, seen: tuple[str, ...]) -> Config:
    key = str(path.resolve())
    if key in seen:
        raise ConfigError(path, "key 'extends': the configurations extend each other in a circle")
    data, root = read_settings(path)
    check_keys(data, path)
    extends = data.get("extends")
    if extends is None:
        config = Config()
    else:
        names = extends if isinstance(extends, list) else [extends]
        if not all(isinstance(n, str) and n.strip() for n in names):
            raise ConfigError(path, "key 'extends' must be a preset name or a file path, or a list of them")
        config = Config()
        for name in names:
            base_path = preset_path(name) if name in PRESETS else root / name
            if not base_path.is_file():
                raise ConfigError(
                    path,
                    f"key 'extends': '{clipped(name)}' is neither a preset "
                    f"({', '.join(PRESETS)}) nor an existing file",
                )
            config = merge(config, _load(base_path, (*seen, key)))
    return merge(config, parse(data, path, root))


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
