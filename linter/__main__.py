"""``python -m linter``: the ``indicator-lint`` command."""

from linter.cli import main

main()
