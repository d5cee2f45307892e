"""``indicator-lint lsp`` end to end, with pytest-lsp: the server runs as editors run it (a process
over stdin/stdout); the test client opens a document, reads the diagnostics, hovers, takes a
code action and applies it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "linter", "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(t.InitializeParams(capabilities=t.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


async def opened(client: LanguageClient, path: Path, text: str) -> list[t.Diagnostic]:
    uri = path.as_uri()
    client.text_document_did_open(
        t.DidOpenTextDocumentParams(
            text_document=t.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        )
    )
    await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])


def apply(text: str, edit: t.WorkspaceEdit, uri: str) -> str:
    lines = text.splitlines(keepends=True)
    for e in sorted(edit.changes[uri], key=lambda e: -e.range.start.line):
        line = lines[e.range.start.line]
        end = "\n" if line.endswith("\n") else ""
        body = line[:-1] if end else line
        lines[e.range.start.line] = (
            body[: e.range.start.character] + e.new_text + body[e.range.end.character :] + end
        )
    return "".join(lines)


@pytest.mark.asyncio
async def test_diagnostics_hover_and_code_actions(client: LanguageClient, tmp_path, cli, table_text):
    path = tmp_path / "t.yaml"
    text = table_text.replace('"4"', '"≧4次"')
    path.write_text(text, encoding="utf-8")
    diagnostics = await opened(client, path, text)
    check = json.loads(cli("check", "--format", "json", path).stdout)["findings"]
    assert sorted(
        (d.code, d.range.start.line + 1, d.range.start.character + 1, d.message) for d in diagnostics
    ) == sorted((f["code"], f["line"], f["column"], f["message"]) for f in check)
    assert {d.code for d in diagnostics} >= {"IL290", "IL204"}
    rate = next(d for d in diagnostics if d.code == "IL204")
    assert rate.severity == t.DiagnosticSeverity.Error and rate.code_description.href.endswith(
        "rate-not-percent.md"
    )

    hover = await client.text_document_hover_async(
        t.HoverParams(text_document=t.TextDocumentIdentifier(uri=path.as_uri()), position=rate.range.start)
    )
    assert "IL204 rate-not-percent" in hover.contents.value and "依据 / Basis" in hover.contents.value

    uri = path.as_uri()
    sign = next(d for d in diagnostics if d.code == "IL290")
    actions = await client.text_document_code_action_async(
        t.CodeActionParams(
            text_document=t.TextDocumentIdentifier(uri=uri),
            range=sign.range,
            context=t.CodeActionContext(diagnostics=[sign]),
        )
    )
    fix = next(a for a in actions if a.title.startswith("修复 IL290"))
    fixed = apply(text, fix.edit, uri)
    assert '点评反馈会次数: "≥4次"' in fixed
    client.text_document_did_change(
        t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    after = list(client.diagnostics[uri])
    assert len(after) == len(diagnostics) - 1 and "IL290" not in {d.code for d in after}

    actions = await client.text_document_code_action_async(
        t.CodeActionParams(
            text_document=t.TextDocumentIdentifier(uri=uri),
            range=rate.range,
            context=t.CodeActionContext(diagnostics=[rate]),
        )
    )
    noqa = next(a for a in actions if "noqa: IL204" in a.title)
    suppressed = apply(fixed, noqa.edit, uri)
    assert "安全生产事故率: 5次  # noqa: IL204 理由" in suppressed
    client.text_document_did_change(
        t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=suppressed)],
        )
    )
    await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "IL204" not in {d.code for d in client.diagnostics[uri]}
    assert len(client.diagnostics[uri]) == len(after) - 1


@pytest.mark.asyncio
async def test_broken_yaml_is_one_diagnostic(client: LanguageClient, tmp_path):
    path = tmp_path / "b.yaml"
    diagnostics = await opened(client, path, "tables:\n  - name: x\n    nmae: y\n")
    assert len(diagnostics) == 1 and diagnostics[0].severity == t.DiagnosticSeverity.Error


@pytest.mark.asyncio
async def test_the_configuration_and_noqa_sidecars_are_no_tables(client: LanguageClient, tmp_path):
    # An editor sends every YAML file it opens; these two are read by check as what they are.
    for name, text in (
        (".indicator-lint.yaml", "extends: strict\n"),
        ("t.xlsx.noqa.yaml", "- code: IL201\n"),
    ):
        assert await opened(client, tmp_path / name, text) == []
    assert (
        len(await opened(client, tmp_path / "ci.yml", "name: ci\non: [push]\n")) == 1
    )  # other YAML: read as a table
