"""One lint run over many files, as ``check``, ``report`` and ``baseline`` need it.

For each file: its configuration (found upward, or ``--config``), the rules that config selects
(engines cached per config file), ``per-file-ignores``, then the suppressions written in or beside
the file. The commands add reading, formatting and exit codes around it.

    run = LintRun(config=None, rules_dirs=[], select=[], ignore=[], lang="zh")
    for path in iter_input_files(["tables"]):
        doc = read_path(path)
        findings = run.check(path, doc)      # ConfigError / SuppressionError / CheckFailed on failure

    result = check_file(run, path, RunSpec(digest=…))   # reading too; every failure in the result

Files by the hundred go through ``linter.runners.check_files``, in this process or several.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.config import Settings, ignored_for, is_ignored
from linter.model import Document, Finding
from linter.results import FileEntry, FileResult


@dataclass(frozen=True)
class RunOptions:
    """A LintRun's settings: all a spawned worker process needs to set up the same run."""

    config: str | None = None
    rules_dirs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str = "zh"
    report_unused_noqa: bool = False


@dataclass(frozen=True)
class RunSpec:
    """How each file of a run is checked and what of it comes back, the same in every process
    (picklable: a spawned worker receives it, so ``digest`` is a module-level function or a
    ``functools.partial`` of one).

    ``digest(doc, findings)`` turns the document into something small to keep, in the process that
    read it (``FileResult.digest``): ``check`` renders a file's output there, the report its
    tables. Without ``keep_findings`` only the findings' severities come back; ``keep_doc``
    (--annotate) keeps the document itself, and the run in one process."""

    verbose: bool = False
    digest: Callable[[Document, list[Finding]], Any] | None = None
    keep_findings: bool = True
    keep_doc: bool = False


if TYPE_CHECKING:  # the engine loads with the first file checked
    from linter.engine import Engine


class LintRun:
    """What checking files needs, set up once: the settings, an Engine per configuration, the verdicts to share."""

    def __init__(
        self,
        config: str | None = None,
        rules_dirs: Sequence[str] = (),
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        lang: str = "zh",
        report_unused_noqa: bool = False,
    ):
        self.settings = Settings(config, rules_dirs, select, ignore)  # --config is read (and checked) now
        self.options = RunOptions(
            config, tuple(rules_dirs), tuple(select), tuple(ignore), lang, report_unused_noqa
        )
        self._engines: dict[Path | None, Engine] = {}  # one Engine per configuration (Settings.config_key)

    @classmethod
    def from_options(cls, options: RunOptions) -> LintRun:
        return cls(**dataclasses.asdict(options))

    @property
    def lang(self) -> str:
        return self.options.lang

    @property
    def report_unused_noqa(self) -> bool:
        return self.options.report_unused_noqa

    @property
    def rules_seen(self) -> dict:
        """code → Rule, every rule selected for the files so far (SARIF lists them)."""
        return self.settings.rules_in_use()

    def check_configs(self, paths: list[Path]) -> None:
        """Read the configuration of every folder among ``paths`` now (cached per folder): a broken
        one stops the run with ConfigError or RuleError before any output is written."""
        # Folder by folder (configurations are found per folder): a sweep's ten thousand files
        # are in a handful of folders. In order, so that the first broken one is reported.
        for folder in dict.fromkeys(os.path.dirname(str(path)) or "." for path in paths):
            self.settings.config_key(folder, is_folder=True)

    def check(self, path: Path | str, doc: Document) -> list[Finding]:
        from linter import suppress
        from linter.engine import Engine, finding_sort_key

        key = self.settings.config_key(path)
        config, rules = self.settings.for_key(key)
        engine = self._engines.get(key)
        if engine is None:
            engine = self._engines[key] = Engine(rules)
        found = engine.run(doc, lang=self.lang)
        ignored = ignored_for(config, path)
        if ignored:
            found = [f for f in found if not is_ignored(f, ignored)]
        suppressions = suppress.suppressions_for(path, doc)
        found = suppress.apply(found, suppressions, doc)
        invalid = suppress.invalid_findings(suppressions, self.lang)  # always: they silence nothing
        if self.report_unused_noqa:
            invalid += suppress.unused_findings(suppressions, self.settings.known_keys(path), self.lang)
        if invalid:
            found = sorted(found + invalid, key=finding_sort_key)
        return found

    def shared_verdicts(self) -> dict:
        """The row verdicts reached here since last asked, per configuration (``Engine.shared_verdicts``)."""
        return {key: shared for key, engine in self._engines.items() if (shared := engine.shared_verdicts())}

    def learn_verdicts(self, verdicts: dict) -> None:
        """Take another process's ``shared_verdicts`` as if reached here."""
        from linter.engine import Engine

        for key, shared in verdicts.items():
            engine = self._engines.get(key)
            if engine is None:
                engine = self._engines[key] = Engine(self.settings.for_key(key)[1])
            engine.learn_verdicts(shared)


# --------------------------------------------------------------------------- one file


def check_file(run: LintRun, path: Path, spec: RunSpec | None = None) -> FileResult:
    """Read and check one file; every failure becomes part of the result, nothing is raised."""
    from linter.config import ConfigError
    from linter.crash import describe
    from linter.engine import CheckFailed, RuleError
    from linter.readers import InputError, read_path
    from linter.suppress import SuppressionError

    spec = spec or RunSpec()
    try:
        doc = read_path(path, verbose=spec.verbose)
    except InputError as exc:
        return FileResult(FileEntry(str(path), str(exc)), messages=[str(exc)])
    try:
        findings = run.check(path, doc)
        digest = spec.digest(doc, findings) if spec.digest is not None else None
    except (RuleError, ConfigError) as exc:
        return FileResult(FileEntry(str(path)), fatal=f"indicator-lint: {exc}")
    except Exception as exc:  # noqa: BLE001 — a file that trips a bug of ours: one line, the others still checked
        error = (
            str(exc)
            if isinstance(exc, (CheckFailed, SuppressionError))
            else (
                f"{path}: 检查失败（内部错误 {describe(exc)}） / could not be checked (internal error {describe(exc)})"
            )
        )
        return FileResult(FileEntry(str(path), error, len(doc.tables)), messages=[error])
    return FileResult(
        FileEntry(str(path), None, len(doc.tables), len(findings)),
        findings=findings if spec.keep_findings else [],
        severities=Counter(f.severity for f in findings),
        doc=doc if spec.keep_doc else None,
        digest=digest,
    )


def check_quietly(run: LintRun, path: Path, spec: RunSpec) -> FileResult:
    """check_file, with what the reader prints on stderr (--verbose notes) kept in the result's
    messages: they are printed in file order, whichever process checked the file."""
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        result = check_file(run, path, spec)
    result.messages[:0] = err.getvalue().splitlines()
    return result


def unchecked(path: Path, zh: str, en: str) -> FileResult:
    """A file a lost worker was checking or had been given: an input error of its own (exit code 2)."""
    error = f"{path}: 未检查（{zh}） / not checked ({en})"
    return FileResult(FileEntry(str(path), error), messages=[error])
