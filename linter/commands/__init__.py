"""One module per sub-command of ``indicator-lint`` (see linter/cli.py)."""
