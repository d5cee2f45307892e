"""The VS Code extension (editors/vscode) against the server it starts, ``indicator-lint lsp``.

Without node: its manifest is valid and names the command, the sub-command and the file types the
server handles. With node (tests/vscode_harness.js runs extension.js with stand-ins for VS Code's
modules): the command line it builds from its settings, its message for a missing command, its
restart on a settings change; and that command line, run, is a language server that publishes
diagnostics for a YAML table. VS Code itself is not run here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import click
import pytest
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig

from linter.cli import main
from linter.discovery import YAML_EXTENSIONS

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "editors" / "vscode"
HARNESS = Path(__file__).with_name("vscode_harness.js")
NODE = shutil.which("node")
needs_node = pytest.mark.node  # skipped without node, a failure under INDICATOR_LINT_REQUIRE_NODE=1


def manifest() -> dict:
    return json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))


def setting(name: str) -> dict:
    return manifest()["contributes"]["configuration"]["properties"][name]


def test_manifest_names_the_extension_and_its_files():
    m = manifest()
    assert (m["name"], m["publisher"]) == ("indicator-lint", "indicator-lint")
    assert m["engines"]["vscode"].startswith("^1.")
    assert (EXTENSION / m["main"]).is_file() and (EXTENSION / "README.md").is_file()
    assert "vscode-languageclient" in m["dependencies"]
    # package-lock.json comes from npm install on this very package.json
    lock = json.loads((EXTENSION / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["name"] == m["name"]
    assert lock["packages"][""]["dependencies"] == m["dependencies"]
    assert lock["packages"][""]["devDependencies"] == m["devDependencies"]
    assert all(c["command"].startswith("indicatorLint.") for c in m["contributes"]["commands"])


def test_settings_name_the_command_that_runs_the_server():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts[setting("indicatorLint.path")["default"]] == "linter.cli:main"
    assert setting("indicatorLint.args")["default"] == []
    # The extension appends "lsp" alone: the sub-command exists and needs nothing more.
    lsp = main.get_command(click.Context(main), "lsp")
    assert lsp is not None and not [p for p in lsp.params if p.required]
    restricted = manifest()["capabilities"]["untrustedWorkspaces"]["restrictedConfigurations"]
    assert set(restricted) == {"indicatorLint.path", "indicatorLint.args"}  # they choose what runs


def test_documents_sent_are_the_yaml_the_server_reads():
    # linter/lsp.py reads each document with read_yaml: canonical YAML, the extensions check
    # reads as YAML, which VS Code opens in its yaml language.
    assert manifest()["activationEvents"] == ["onLanguage:yaml"]
    globs = setting("indicatorLint.files")["default"]
    assert all(g.startswith("**/*.") for g in globs)
    assert {g.removeprefix("**/*") for g in globs} == YAML_EXTENSIONS


def harness(scenario: dict, path_dirs: list[str] | None = None) -> list[dict]:
    env = dict(os.environ)
    if path_dirs is not None:
        env["PATH"] = os.pathsep.join(path_dirs)
    proc = subprocess.run(
        [NODE, str(HARNESS), json.dumps(scenario)], capture_output=True, text=True, env=env, timeout=60
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def clients(events: list[dict]) -> list[dict]:
    return [e for e in events if e["event"] == "client"]


def executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@needs_node
def test_extension_js_is_valid_javascript():
    proc = subprocess.run([NODE, "--check", str(EXTENSION / "extension.js")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@needs_node
@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in commands are shell scripts")
def test_default_settings_start_the_command_on_path_with_lsp(tmp_path):
    command = executable(tmp_path / "bin" / "indicator-lint")
    events = harness({}, [str(tmp_path / "empty"), str(command.parent)])
    [client] = clients(events)
    assert client["serverOptions"]["command"] == str(command)
    assert client["serverOptions"]["args"] == ["lsp"]
    # no transport: TransportKind.stdio would append --stdio, which `indicator-lint lsp` refuses
    assert "transport" not in client["serverOptions"]
    assert client["documentSelector"] == [
        {"scheme": "file", "language": "yaml", "pattern": "**/*.yaml"},
        {"scheme": "file", "language": "yaml", "pattern": "**/*.yml"},
    ]
    assert not [e for e in events if e["event"] == "error"]
    assert {"event": "commands", "names": ["indicatorLint.restart"]} in events
    assert [e["event"] for e in events][-2:] == ["stop", "deactivated"]


@needs_node
def test_a_missing_command_is_one_clear_message_and_no_server(tmp_path):
    events = harness({"settings": {"indicatorLint.path": "no-such-indicator-lint"}}, [str(tmp_path)])
    assert not clients(events)
    [error] = [e for e in events if e["event"] == "error"]
    assert '"no-such-indicator-lint" not found' in error["message"]
    assert "indicatorLint.path" in error["message"] and error["items"] == ["Open Settings"]


@needs_node
@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in commands are shell scripts")
def test_a_relative_path_is_taken_from_the_workspace_folder(tmp_path):
    command = executable(tmp_path / ".venv" / "bin" / "indicator-lint")
    events = harness(
        {"settings": {"indicatorLint.path": ".venv/bin/indicator-lint"}, "workspace": str(tmp_path)}, []
    )
    [client] = clients(events)
    assert client["serverOptions"]["command"] == str(command)
    assert client["serverOptions"]["options"] == {"cwd": str(tmp_path)}
    # without a workspace folder it is relative to nothing: not found, said so
    events = harness({"settings": {"indicatorLint.path": ".venv/bin/indicator-lint"}}, [])
    assert not clients(events) and [e for e in events if e["event"] == "error"]


@needs_node
@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in commands are shell scripts")
def test_a_settings_change_restarts_the_server_with_the_new_settings(tmp_path):
    command = executable(tmp_path / "indicator-lint")
    events = harness(
        {"change": {"indicatorLint.args": ["-X"], "indicatorLint.files": ["**/tables/**/*.yaml"]}},
        [str(tmp_path)],
    )
    steps = [(e["event"], e.get("number")) for e in events if e["event"] in ("client", "start", "stop")]
    assert steps == [("client", 1), ("start", 1), ("stop", 1), ("client", 2), ("start", 2), ("stop", 2)]
    second = clients(events)[1]
    assert second["serverOptions"] == {"command": str(command), "args": ["-X", "lsp"], "options": {}}
    assert second["documentSelector"] == [
        {"scheme": "file", "language": "yaml", "pattern": "**/tables/**/*.yaml"}
    ]


@needs_node
def test_a_failed_start_is_left_to_the_client_and_stops_nothing(tmp_path):
    # vscode-languageclient shows its own message for a server that dies on start; the extension
    # must not then try to stop it (it would throw "Client is not running").
    events = harness(
        {
            "settings": {"indicatorLint.path": sys.executable, "indicatorLint.args": ["-m", "linter"]},
            "startFails": True,
        }
    )
    assert [e["event"] for e in events] == ["client", "start", "commands", "deactivated"]


@pytest.mark.slow
@needs_node
@pytest.mark.asyncio
async def test_the_command_line_the_extension_builds_serves_a_yaml_table(tmp_path, table_text):
    # The installed indicator-lint (pip install -e puts it in this Python's scripts folder), found
    # by the extension on PATH with its default settings, started as the extension starts it.
    script = shutil.which(
        "indicator-lint", path=os.pathsep.join([sysconfig.get_path("scripts"), os.environ["PATH"]])
    )
    assert script, "indicator-lint is not installed (pip install -e '.[test]')"
    [client_event] = clients(harness({}, [str(Path(script).parent)]))
    server = client_event["serverOptions"]
    assert Path(server["command"]) == Path(script)

    client = await ClientServerConfig(server_command=[server["command"], *server["args"]]).start()
    try:
        await client.initialize_session(t.InitializeParams(capabilities=t.ClientCapabilities()))
        path = tmp_path / "t.yaml"
        path.write_text(table_text, encoding="utf-8")
        client.text_document_did_open(
            t.DidOpenTextDocumentParams(
                text_document=t.TextDocumentItem(
                    uri=path.as_uri(),
                    language_id=client_event["documentSelector"][0]["language"],
                    version=1,
                    text=table_text,
                )
            )
        )
        await client.wait_for_notification(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        assert {d.code for d in client.diagnostics[path.as_uri()]} == {"IL201", "IL204"}
        await client.shutdown_session()
    finally:
        await client.stop()
