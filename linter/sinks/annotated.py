"""``check --annotate OUT``: a copy of the one file checked, its findings marked, written at the end
(a Word document for a .docx, a workbook for anything else: ``linter.annotate``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from linter.outputs import OutputError
from linter.results import FileResult
from linter.sinks import Sink


class AnnotatedCopy(Sink):
    """The annotated copy of the one file checked, to ``out``."""

    keeps_findings = True  # (and the run keeps the document: RunSpec.keep_doc)

    def __init__(self, out: str | Path, lang: str = "zh"):
        self.out, self.lang = out, lang
        self.result: FileResult | None = None

    def add(self, result: FileResult) -> None:
        self.result = result  # one file: --annotate takes no more

    def finish(self) -> Counter:
        from linter.annotate import AnnotateError, write_annotated

        result = self.result
        if result is None or result.doc is None:
            return Counter()  # the file could not be read: its error is printed already (exit code 2)
        findings = [f for f in result.findings if f.location.path == result.path]
        try:
            write_annotated(result.path, result.doc, findings, self.out, lang=self.lang)
        except AnnotateError as exc:  # (the sink's error, as any output's: the command prints it)
            raise OutputError(exc.path, exc.zh, exc.en) from None
        return Counter()
