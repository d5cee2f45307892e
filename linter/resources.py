"""Where the grammar, rule and schema files live, in a checkout and in an installed wheel.

The wheel maps the top-level folders into ``linter.data.*`` (see pyproject.toml); in a source
checkout the folders sit next to the package. Both cases resolve to a plain directory.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The directory holding the shipped ``grammar``, ``rules`` or ``schema`` files."""
    installed = _PACKAGE / "data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
