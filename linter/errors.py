"""The one kind of error indicator-lint reports to a person: one line saying where, then what, in
Chinese and in English.

Every error that a command reports instead of a traceback derives from ``LintError`` (a file that
cannot be read, a rule file or configuration that is not valid, an output that must not be
written, a check that crashed …). Each carries where it is (``path``, ``line``) and its text in
both languages, given apart, and is printed one way::

    error = InputError("a.txt", "空文件", "empty file", line=3)
    str(error)          → "a.txt:3: 空文件 / empty file"     both languages: logs, JSON, results
    error.text("zh")    → "a.txt:3: 空文件"                  the line a person reads (--lang),
    error.text("en")    → "a.txt:3: empty file"              escaped for a terminal (``shown``)

An error that ends the run (``ends_run``: a broken configuration, an output refused) is printed
after ``indicator-lint: ``, as a command-line tool names itself; one about a single input file is
not (the file's name leads). A message about a rule file, a configuration, a suppression sidecar
or a baseline names YAML and JSON keys and is written in English alone (``zh=None``), as
yamllint's and ruff's are. An internal error (``internal``: a bug of ours) is printed in both
languages whatever ``lang``: whoever reports it needs the exception named in the English.
"""

from __future__ import annotations

from pathlib import Path

from linter.safetext import shown

PROGRAM = "indicator-lint: "


class LintError(Exception):
    """An error for a person, in one line: ``path`` (and ``line``), then ``zh`` / ``en``."""

    ends_run = False  # printed after "indicator-lint: ": the run stops, no one file is at fault
    internal = False  # a bug of ours: both languages always

    def __init__(self, path: str | Path | None, zh: str | None, en: str, line: int | None = None):
        self.path = "" if path is None else str(path)
        self.zh, self.en, self.line = zh, en, line
        super().__init__(self.said(None))

    @property
    def where(self) -> str:
        """The path, with ``:line`` when there is one."""
        return f"{self.path}:{self.line}" if self.line else self.path

    def said(self, lang: str | None) -> str:
        """Where and what, in ``lang`` (both languages for None), as data: nothing escaped."""
        if self.zh is None:
            what = self.en
        elif lang is None or self.internal:
            what = f"{self.zh} / {self.en}"
        else:
            what = self.zh if lang == "zh" else self.en
        return f"{self.where}: {what}" if self.where else what

    def text(self, lang: str | None = None) -> str:
        """The line to print on a terminal, in ``lang`` alone when given."""
        return shown((PROGRAM if self.ends_run else "") + self.said(lang))

    def __str__(self) -> str:
        return self.said(None)

    def __reduce__(self):  # (rebuilt from its fields: a subclass may add more in its own __init__)
        return _rebuilt, (type(self), dict(self.__dict__))


def _rebuilt(cls: type[LintError], state: dict) -> LintError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.said(None))
    return error


class SettingsError(LintError):
    """A rule file, a configuration, a suppression sidecar or a baseline that is not valid, said in
    English alone: ``SettingsError(path, en, line=None)``, the text naming the key at fault."""

    ends_run = True

    def __init__(self, path: str | Path | None, en: str, line: int | None = None):
        super().__init__(path, None, en, line)
