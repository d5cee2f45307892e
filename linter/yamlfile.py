"""Loading a settings YAML file (a rule file, a config, a suppression sidecar) with one-line errors,
and the nesting guard that it and the table reader both need."""

from __future__ import annotations

from pathlib import Path
from typing import Any

# No table or setting nests anywhere near this deep. PyYAML's C composer recurses once per level
# and, past some 20,000 levels, overflows the C stack: the process dies, no exception is raised
# (with libyaml 0.2.5; 0.2.6 refuses more than 1000 levels itself, as this does).
MAX_NESTING = 1000


def nesting_too_deep(text: str, limit: int = MAX_NESTING) -> bool:
    """Whether ``text`` nests YAML collections more than ``limit`` deep. Every level needs one of
    ``[ { - : ?``, so a text with fewer of them passes at once; otherwise libyaml's event parser,
    which keeps its own stack instead of recursing, counts the depth."""
    if sum(map(text.count, "[{-:?")) <= limit:
        return False
    import yaml

    starts, ends = (yaml.SequenceStartEvent, yaml.MappingStartEvent), (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    depth = 0
    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, starts):
                depth += 1
                if depth > limit:
                    return True
            elif isinstance(event, ends):
                depth -= 1
    except yaml.YAMLError as exc:
        # libyaml 0.2.6 (PyYAML 6.0.4) stops at its own limit of 1000 levels, while scanning ahead
        # of the events; anything else broken is left for loading to report, with its line.
        return getattr(exc, "problem", None) == "exceeded maximum nesting depth"
    return False


def load_yaml_file(path: Path, error: type[Exception]) -> Any:
    """The file's data; ``error("path[:line]: …")`` when it cannot be read or is not YAML."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
    try:
        text = path.read_text(encoding="utf-8")
        if nesting_too_deep(text):
            raise error(f"{path}: not valid YAML: nested more than {MAX_NESTING} levels deep")
        return yaml.load(text, Loader=loader)  # noqa: S506 — a safe loader
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise error(f"{path}{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
