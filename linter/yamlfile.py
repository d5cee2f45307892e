"""Loading a settings YAML file (a rule file, a config, a suppression sidecar) with one-line errors,
and the nesting guard that it and the table reader both need."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.errors import SettingsError

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

    starts, ends = (
        (yaml.SequenceStartEvent, yaml.MappingStartEvent),
        (yaml.SequenceEndEvent, yaml.MappingEndEvent),
    )
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


@functools.cache
def _unique_key_loader():
    """libyaml's safe loader (when present: ~10x faster), refusing a key written twice in one
    mapping: YAML would keep the last silently, and a setting would vanish with no word."""
    import yaml

    from linter.safetext import quoted

    if TYPE_CHECKING:  # one static base for the checker: the two have the same interface
        from yaml import SafeLoader as base
    else:
        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class UniqueKeyLoader(base):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # a merged mapping (<<) may be overridden; a collection is no key
                key = self.construct_object(key_node)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {quoted(key)}", key_node.start_mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep)

    return UniqueKeyLoader


def load_yaml_file(path: Path, error: type[SettingsError]) -> Any:
    """The file's data; ``error(path, "…", line)``, one line, when it cannot be read or is not
    YAML (a key written twice in a mapping included)."""
    import yaml

    from linter.safetext import clipped

    try:
        text = path.read_text(encoding="utf-8")
        if nesting_too_deep(text):
            raise error(path, f"not valid YAML: nested more than {MAX_NESTING} levels deep")
        return yaml.load(text, Loader=_unique_key_loader())  # a safe loader (SafeLoader's subclass)
    except (OSError, UnicodeDecodeError) as exc:
        raise error(path, f"cannot read: {clipped(str(exc), 200)}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise error(
            path, f"not valid YAML: {clipped(str(getattr(exc, 'problem', exc)), 200)}", line
        ) from None
