"""Installed copies of the top-level grammar/, rules/ and schema/ folders (see pyproject.toml)."""
