"""A progress bar on stderr for long sweeps, shown only where a person is watching.

    with Progress(total=len(paths), enabled=wants_progress(len(paths), fmt)) as bar:
        for result in results:
            bar.note("a file's error, printed above the bar")
            bar.advance()

Shown when stderr is a terminal and there are many files; never under pre-commit (which may hand
hooks a pseudo-terminal, and sets ``PRE_COMMIT=1``), in CI, on a dumb terminal, or when the run
writes machine output (the bar is on stderr anyway, but a JSON/SARIF run is a machine's run).
The bar redraws at most ten times a second and is erased at the end, so it leaves nothing behind.
"""

from __future__ import annotations

import os
import sys
import time

MANY_FILES = 20  # below this, a run is over before a bar is worth reading


def wants_progress(n_files: int, fmt: str = "text", stream=None) -> bool:
    """Whether to draw a progress bar: many files, a terminal, not under pre-commit or CI."""
    stream = stream or sys.stderr
    if n_files < MANY_FILES or fmt not in ("text", "html"):
        return False
    if os.environ.get("PRE_COMMIT") or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


class Progress:
    """The progress bar on stderr (drawn only when ``enabled``)."""

    WIDTH = 30

    def __init__(self, total: int, enabled: bool, stream=None, lang: str = "zh"):
        self.total, self.enabled, self.lang = total, enabled, lang
        self.stream = stream or sys.stderr
        self.done = 0
        self.start = self._last = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done >= self.total:
            self._last = now
            self._draw(now)

    def note(self, message: str) -> None:
        """Print a line to stderr above the bar (a file's error), the bar redrawn below it."""
        if not self.enabled:
            print(message, file=self.stream)
            return
        self.stream.write(f"\r\033[K{message}\n")
        self._draw(time.monotonic())

    def _draw(self, now: float) -> None:
        fraction = self.done / self.total if self.total else 1.0
        filled = int(fraction * self.WIDTH)
        elapsed = now - self.start
        eta = elapsed / self.done * (self.total - self.done) if self.done else 0.0
        from linter.i18n import progress_text

        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] "
            + progress_text(self.done, self.total, fraction, elapsed, eta, self.lang)
        )
        self.stream.flush()

    def clear(self) -> None:
        """Erase the bar (it is redrawn at the next advance): output is about to go to the terminal."""
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def close(self) -> None:
        self.clear()
        self.enabled = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
