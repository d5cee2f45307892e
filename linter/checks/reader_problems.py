"""Rows the reader could not place (``Document.problems``), reported where they were found.

A reader never drops a row silently: what it cannot read becomes a Problem, and this check turns
each into a finding so the reviewer sees the row and can fix the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.checks import Hit, Param
from linter.model import Document

PARAMS: dict[str, Param] = {}
ARGS = ("problem",)


def check(doc: Document, params: dict) -> Iterator[Hit]:
    """The hits of the rows the reader could not place, where they were found."""
    tables = {t.name: t for t in doc.tables}
    for problem in doc.problems:
        yield Hit(
            location=problem.location,
            table=tables.get(problem.table or ""),
            args={"problem": {"zh": problem.message, "en": problem.message_en or problem.message}},
        )
