"""``indicator-lint lsp``: a language server (pygls) for canonical YAML target tables.

* Diagnostics on open, change and save: the findings ``check`` gives for the file (its folder's
  configuration, its ``# noqa`` comments), from the editor's text, not the disk's.
* Hover on a flagged line: the rule's title, rationale and basis, and a link to its page.
* Code actions: the rule's fix where it has one (unsafe ones marked so), and adding
  ``# noqa: CODE 理由`` to the line.

Started by an editor over stdin/stdout; docs/editors.md shows VS Code and Neovim set-ups.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer

from linter import __version__, regexes

SEVERITY = {
    "error": t.DiagnosticSeverity.Error,
    "warning": t.DiagnosticSeverity.Warning,
    "info": t.DiagnosticSeverity.Information,
}
NOQA_REASON = "理由"  # the placeholder reason the noqa action writes, for the user to replace


class TableServer(LanguageServer):
    """The language server: lints a table as it is edited and keeps its findings for hover and fixes."""

    def __init__(self):
        super().__init__("indicator-lint", __version__)
        self._run = None
        self.findings: dict[str, list] = {}  # uri → the last findings published

    @property
    def run(self):
        if self._run is None:
            from linter.lintrun import LintRun

            self._run = LintRun(None, [], [], [], "zh", False)
        return self._run

    def rules(self, path: str) -> dict:
        from linter.fixes import _rules_for

        return _rules_for(self.run, path)


server = TableServer()


def uri_path(uri: str) -> str:
    """The file path of a ``file:`` URI (another URI as it is)."""
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def lint_text(ls: TableServer, uri: str, text: str):
    """(document, findings) of the text; (None, [the reader's error as a finding-like tuple])."""
    from linter.readers import InputError
    from linter.readers.yaml_reader import read_yaml

    path = uri_path(uri)
    try:
        doc = read_yaml(text, path)
    except InputError as exc:
        return None, str(exc)
    doc.source_text = text  # its noqa comments count, as in check
    return doc, ls.run.check(path, doc)


def _line_end(text: str, line: int) -> int:
    lines = text.splitlines()
    return len(lines[line]) if 0 <= line < len(lines) else 0


def not_a_table(path: str) -> bool:
    """The YAML files beside tables that are no table: the configuration and a table's noqa
    sidecar (check skips the sidecar too). An editor sends them as it sends tables."""
    from linter.config import CONFIG_NAMES
    from linter.discovery import SIDECAR_SUFFIX

    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name == CONFIG_NAMES[0] or name.endswith(SIDECAR_SUFFIX)


def diagnostics(ls: TableServer, uri: str, text: str) -> list[t.Diagnostic]:
    """The editor's diagnostics for the text of ``uri``: one per finding, or the reader's error."""
    from linter.formatters.sarif import help_uri

    if not_a_table(uri_path(uri)):
        ls.findings[uri] = []
        return []
    doc, found = lint_text(ls, uri, text)
    if doc is None:  # broken YAML, an unknown key: one diagnostic where the reader says
        m = re.search(r":(\d+):", found)
        line = int(m.group(1)) - 1 if m else 0
        ls.findings[uri] = []
        return [
            t.Diagnostic(
                range=t.Range(
                    start=t.Position(line=line, character=0),
                    end=t.Position(line=line, character=_line_end(text, line)),
                ),
                message=found,
                severity=t.DiagnosticSeverity.Error,
                source="indicator-lint",
            )
        ]
    ls.findings[uri] = found
    rules = ls.rules(uri_path(uri))
    out = []
    for f in found:
        line = max(f.location.line - 1, 0)
        start = max(f.location.column - 1, 0)
        rule = rules.get(f.code)
        href = help_uri(rule) if rule is not None else None
        out.append(
            t.Diagnostic(
                range=t.Range(
                    start=t.Position(line=line, character=start),
                    end=t.Position(line=line, character=max(_line_end(text, line), start + 1)),
                ),
                message=f.message,
                severity=SEVERITY.get(f.severity, t.DiagnosticSeverity.Warning),
                code=f.code,
                source="indicator-lint",
                code_description=t.CodeDescription(href=href) if href else None,
                data={"rule": f.rule},
            )
        )
    return out


def publish(ls: TableServer, uri: str) -> None:
    """Lint the open document ``uri`` and send its diagnostics."""
    document = ls.workspace.get_text_document(uri)
    ls.text_document_publish_diagnostics(
        t.PublishDiagnosticsParams(
            uri=uri, diagnostics=diagnostics(ls, uri, document.source), version=document.version
        )
    )


@server.feature(t.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: TableServer, params: t.DidOpenTextDocumentParams):
    """A table opened: lint it."""
    publish(ls, params.text_document.uri)


@server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: TableServer, params: t.DidChangeTextDocumentParams):
    """A table edited: lint it again."""
    publish(ls, params.text_document.uri)


@server.feature(t.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: TableServer, params: t.DidSaveTextDocumentParams):
    """A table saved: lint it again."""
    publish(ls, params.text_document.uri)


@server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: TableServer, params: t.DidCloseTextDocumentParams):
    """A table closed: forget its findings and clear its diagnostics."""
    ls.findings.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(
        t.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
    )


@server.feature(t.TEXT_DOCUMENT_HOVER)
def hover(ls: TableServer, params: t.HoverParams):
    """The rules of the findings on the hovered line: title, rationale, basis and a link to their page."""
    from linter.formatters.sarif import help_uri

    uri, line = params.text_document.uri, params.position.line + 1
    rules = ls.rules(uri_path(uri))
    parts = []
    for f in ls.findings.get(uri, []):
        rule = rules.get(f.code)
        if f.location.line != line or rule is None:
            continue
        href = help_uri(rule)
        parts.append(
            f"**{rule.code} {rule.slug}** — {rule.title['zh']} / {rule.title['en']}\n\n"
            f"{rule.rationale['zh']}\n\n{rule.rationale['en']}\n\n依据 / Basis: {rule.basis}"
            + (f"\n\n[{rule.slug}]({href})" if href else "")
        )
    if not parts:
        return None
    return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


def _line_edit(uri: str, line_no: int, old: str, new: str) -> t.WorkspaceEdit:
    edit = t.TextEdit(
        range=t.Range(
            start=t.Position(line=line_no, character=0), end=t.Position(line=line_no, character=len(old))
        ),
        new_text=new,
    )
    return t.WorkspaceEdit(changes={uri: [edit]})


def noqa_line(line: str, code: str) -> str:
    """The line with ``code`` added to its ``# noqa``, or a ``# noqa: CODE 理由`` appended."""
    from linter.suppress import _comment_start, parse_noqa

    at = _comment_start(line) if "#" in line else -1
    if at >= 0:
        noqa = parse_noqa(line[at:])
        if noqa is not None and noqa[1]:
            m = regexes.compile(
                r"#\s*noqa\s*[:：]\s*[A-Za-z0-9_\-]+(?:[ \t]*[,，、][ \t]*[A-Za-z0-9_\-]+)*", re.I
            ).search(line, at)
            if m:
                return line[: m.end()] + f", {code}" + line[m.end() :]
    return f"{line.rstrip()}  # noqa: {code} {NOQA_REASON}"


@server.feature(t.TEXT_DOCUMENT_CODE_ACTION)
def code_action(ls: TableServer, params: t.CodeActionParams):
    """The fixes of the findings in range (an unsafe one labelled so), as edits of the document."""
    from linter.fixes import fix_yaml

    uri = params.text_document.uri
    text = ls.workspace.get_text_document(uri).source
    lines = text.splitlines()
    doc, found = lint_text(ls, uri, text)
    if doc is None:
        return []
    rules = ls.rules(uri_path(uri))
    first, last = params.range.start.line + 1, params.range.end.line + 1
    actions = []
    for f in found:
        if not first <= f.location.line <= last or f.location.line > len(lines):
            continue
        line_no = f.location.line - 1
        rule = rules.get(f.code)
        if rule is not None and rule.fix:
            fixed = fix_yaml(uri_path(uri), text, doc, [f], {f.code: rule}, unsafe=True)
            if fixed.applied:
                new_line = fixed.after.splitlines()[line_no]
                title = f"修复 {f.code} / Fix {f.code}" + (
                    "" if rule.fix["safe"] else "（改变含义 / unsafe）"
                )
                actions.append(
                    t.CodeAction(
                        title=title,
                        kind=t.CodeActionKind.QuickFix,
                        is_preferred=rule.fix["safe"],
                        edit=_line_edit(uri, line_no, lines[line_no], new_line),
                    )
                )
        actions.append(
            t.CodeAction(
                title=f"以 # noqa: {f.code} 屏蔽（写明理由）/ Suppress {f.code} with a reason",
                kind=t.CodeActionKind.QuickFix,
                edit=_line_edit(uri, line_no, lines[line_no], noqa_line(lines[line_no], f.code)),
            )
        )
    return actions


def main() -> None:
    """Serve the language server protocol on standard input and output."""
    server.start_io()
