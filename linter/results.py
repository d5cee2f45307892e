"""What checking one file gives, as the runners hand it to the output sinks.

    FileResult(entry=FileEntry("a.txt", tables=2, findings=5), findings=[…], severities=Counter(…),
               digest=…)

``entry`` is the file's line in a report's list of files (every format lists them; JSON as
``{"path", "error", "tables", "findings"}``). ``digest`` is what the run's digest function made of
the document in the process that read it (``RunSpec.digest``: a file's rendered text output, its
departments for the findings workbook, its section of the HTML report), so that documents never
travel between processes nor pile up in memory; its type is the digest function's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from linter.model import Document, Finding

D = TypeVar("D")


@dataclass(frozen=True, slots=True)
class FileEntry:
    """A file's line in a report: ``error`` (one line) when it could not be read or checked."""

    path: str
    error: str | None = None
    tables: int = 0
    findings: int = 0  # found in it (before a baseline takes any away)

    def as_dict(self) -> dict:
        """The entry as JSON lists it, keys in this order."""
        return {"path": self.path, "error": self.error, "tables": self.tables, "findings": self.findings}


@dataclass
class FileResult(Generic[D]):
    """What checking one file gave, small enough to send back from a worker process."""

    entry: FileEntry
    findings: list[Finding] = field(default_factory=list)  # empty unless the run keeps them
    severities: Counter = field(default_factory=Counter)  # the findings' severities, kept when they are not
    messages: list[str] = field(default_factory=list)  # for stderr, in order
    fatal: str | None = None  # a broken rule or configuration: the whole run stops (exit 2)
    doc: Document | None = None  # only when asked for (--annotate)
    digest: D | None = None  # ``RunSpec.digest(doc, findings)``, made where the document was read

    @property
    def path(self) -> str:
        return self.entry.path

    @property
    def failed(self) -> bool:
        """The file could not be read or checked (an input error: exit code 2)."""
        return self.entry.error is not None
