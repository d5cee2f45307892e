"""Which formatter writes the report, and calling it with what it needs.

With no ``--format``, GitHub Actions (the ``GITHUB_ACTIONS`` variable set, and not to false) gets
workflow annotations and everything else gets text, as ruff does.
"""

from __future__ import annotations

import os

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")


def choose_format(fmt: str | None, environ=None) -> str:
    """The format asked for, or ``github`` under GitHub Actions and ``text`` elsewhere."""
    if fmt:
        return fmt
    environ = os.environ if environ is None else environ
    value = environ.get("GITHUB_ACTIONS", "").strip().lower()
    return "github" if value and value not in ("false", "0") else "text"


STREAMED = ("text", "json", "github")  # written a file at a time; SARIF and JUnit need the whole run


def writer_for(fmt: str, colour: bool = False, lang: str = "zh"):
    """The streaming writer of a format in STREAMED: ``start()``, ``file(findings)`` per file, ``finish(files)``."""
    if fmt == "json":
        from linter.formatters.json import JsonWriter

        return JsonWriter(colour)
    if fmt == "github":
        from linter.formatters.github import GithubWriter

        return GithubWriter(colour)
    from linter.formatters.text import TextWriter

    return TextWriter(colour, lang)


def render(
    fmt: str, findings, files, rules=(), lang: str = "zh", statistics: bool = False, colour: bool = False
) -> str:
    """The whole run's output in a format that is written at the end (SARIF, JUnit, GitLab, statistics …)."""
    if statistics:
        from linter.formatters.statistics import format_statistics

        return format_statistics(findings, files, as_json=fmt == "json", lang=lang)
    if fmt == "json":
        from linter.formatters.json import format_json

        return format_json(findings, files)
    if fmt == "sarif":
        from linter.formatters.sarif import format_sarif

        return format_sarif(findings, files, rules=rules, lang=lang)
    if fmt == "github":
        from linter.formatters.github import format_github

        return format_github(findings, files)
    if fmt == "gitlab":
        from linter.formatters.gitlab import format_gitlab

        return format_gitlab(findings, files)
    if fmt == "junit":
        from linter.formatters.junit import format_junit

        return format_junit(findings, files)
    from linter.formatters.text import format_text

    return format_text(findings, files, colour=colour, lang=lang)


def wants_colour(choice: str | None, stream, environ=None) -> bool:
    """``--color always|never|auto`` (auto: a terminal, and ``NO_COLOR`` unset or empty, as no-color.org asks)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR", ""):
        return False
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()
