"""One lint run over many files, as ``check`` and ``baseline`` both need it.

For each file: its configuration (found upward, or ``--config``), the rules that config selects
(engines cached per config file), ``per-file-ignores``, then the suppressions written in or beside
the file. The commands add reading, formatting and exit codes around it.

    run = LintRun(config=None, rules_dirs=[], select=[], ignore=[], lang="zh")
    for path in run.input_files(["tables"]):
        doc = read_path(path)
        findings = run.check(path, doc)      # ConfigError / SuppressionError / CheckFailed on failure
"""

from __future__ import annotations

from pathlib import Path

from linter.config import Settings, ignored_for, is_ignored
from linter.model import Document, Finding


class LintRun:
    def __init__(self, config: str | None = None, rules_dirs: list[str] = (), select: list[str] = (),
                 ignore: list[str] = (), lang: str = "zh", report_unused_noqa: bool = False):
        self.settings = Settings(config, rules_dirs, select, ignore)  # --config is read (and checked) now
        self.lang, self.report_unused_noqa = lang, report_unused_noqa
        self._engines: dict[int, object] = {}
        self.rules_seen: dict[str, object] = {}  # code → Rule, every rule that ran (for SARIF)

    @staticmethod
    def input_files(paths) -> list[Path]:
        """The table files to check; suppression sidecars beside the tables are not tables."""
        from linter.readers import iter_input_files
        from linter.suppress import is_sidecar

        return [p for p in iter_input_files(paths) if not is_sidecar(p)]

    def rules_for(self, path: Path | str):
        config, rules = self.settings.for_file(path)
        return config, rules

    def check(self, path: Path | str, doc: Document) -> list[Finding]:
        from linter import suppress
        from linter.engine import Engine, finding_sort_key

        config, rules = self.settings.for_file(path)
        engine = self._engines.get(id(rules))
        if engine is None:
            engine = self._engines[id(rules)] = Engine(rules)
            self.rules_seen.update({r.code: r for r in rules})
        found = engine.run(doc, lang=self.lang)
        ignored = ignored_for(config, path)
        if ignored:
            found = [f for f in found if not is_ignored(f, ignored)]
        suppressions = suppress.suppressions_for(path, doc)
        found = suppress.apply(found, suppressions, doc)
        if self.report_unused_noqa:
            known = {k for r in rules for k in (r.code, r.slug)}
            found += suppress.unused_findings(suppressions, known | self._all_rule_keys(), self.lang)
            found.sort(key=finding_sort_key)
        return found

    def _all_rule_keys(self) -> set[str]:
        """Codes and slugs of every loaded rule, selected or not (a noqa for an ignored rule is known)."""
        if not hasattr(self, "_keys"):
            from linter.rulebook import load_rule_dirs

            self._keys = {k for r in load_rule_dirs(self.settings.rules_dirs) for k in (r.code, r.slug)}
        return self._keys
