"""``check --baseline``: only the findings the baseline does not accept reach the output.

The baseline spends its counts file by file in input order, as it would on the whole run at once;
at the end, the entries it accepted that no longer occur (fixed since) are listed on stderr,
before the output is written. The sink it filters for takes the findings from the results, not a
digest rendered before the filtering (``choose`` never gives it a ``StreamedSink``).
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import click

from linter.results import FileResult
from linter.sinks import Sink


class Baselined(Sink):
    """``inner`` fed each result without the findings ``baseline`` accepts."""

    keeps_findings = True

    def __init__(self, inner: Sink, baseline):
        self.inner, self.baseline = inner, baseline  # linter.baseline.Baseline
        self.digest, self.progress_as = inner.digest, inner.progress_as
        self.checked: list[str] = []

    def start(self, bar=None) -> None:
        self.inner.start(bar)

    def add(self, result: FileResult) -> None:
        if not result.failed:
            self.checked.append(result.path)
        self.inner.add(dataclasses.replace(result, findings=self.baseline.new_findings(result.findings)))

    def finish(self) -> Counter:
        from linter.safetext import shown

        stale = self.baseline.stale(self.checked)
        if stale:
            click.echo(
                f"indicator-lint: 基线中有 {len(stale)} 条已修复的条目（重写基线即可删除） / {len(stale)} baseline "
                f"entr{'y is' if len(stale) == 1 else 'ies are'} stale (fixed since; rewrite the baseline to drop "
                f"them):",
                err=True,
            )
            for entry in stale:
                click.echo(f"  {shown(str(entry))}", err=True)
        return self.inner.finish()

    def close(self) -> None:
        self.inner.close()
