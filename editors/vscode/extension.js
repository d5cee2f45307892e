'use strict';
// indicator-lint for VS Code: starts `<indicatorLint.path> <indicatorLint.args…> lsp` (linter/lsp.py)
// over stdin/stdout for the YAML files that indicatorLint.files names, and starts it again when one
// of the extension's settings changes. Plain JavaScript, loaded as it is: no build step.

const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

const SECTION = 'indicatorLint';
const NAME = 'indicator-lint';
// The server reads every document it is sent as canonical YAML (linter/lsp.py, read_yaml): it is
// sent the documents VS Code opens in its yaml language (.yaml, .yml), and no other language.
const LANGUAGE = 'yaml';

let client; // the LanguageClient started last, while it runs
let output; // one output channel for every start, so that a restart does not open another
let queue = Promise.resolve(); // starts and stops, one after the other (settings can change twice quickly)

function settings() {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    command: config.get('path') || NAME,
    args: config.get('args') || [],
    files: config.get('files') || [],
  };
}

// The first local workspace folder: the server's working directory, and what a relative
// indicatorLint.path (.venv/bin/indicator-lint) is relative to.
function workspaceRoot() {
  const folder = (vscode.workspace.workspaceFolders || []).find((f) => f.uri.scheme === 'file');
  return folder ? folder.uri.fsPath : undefined;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

// The file `command` runs, or undefined when there is none. Checked before starting, because a
// missing command otherwise surfaces only as the language client's "couldn't create connection".
// A command with a slash is a path (~ and ${workspaceFolder} expanded, a relative one taken from
// the workspace folder); a bare name is looked for on PATH, on Windows with PATHEXT's endings
// (pip installs indicator-lint.exe there).
function findCommand(command, root) {
  let name = command.replace(/^~(?=$|[\\/])/, os.homedir());
  if (name.includes('${workspaceFolder}')) {
    if (!root) return undefined;
    name = name.split('${workspaceFolder}').join(root);
  }
  const endings =
    process.platform === 'win32'
      ? ['', ...(process.env.PATHEXT || '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)]
      : [''];
  let candidates;
  if (/[\\/]/.test(name)) {
    if (!path.isAbsolute(name) && !root) return undefined;
    candidates = [path.resolve(root || '', name)];
  } else {
    candidates = (process.env.PATH || '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, name));
  }
  for (const candidate of candidates) {
    for (const ending of endings) {
      if (isExecutable(candidate + ending)) return candidate + ending;
    }
  }
  return undefined;
}

function notFound(command) {
  const message =
    `indicator-lint: 找不到命令 “${command}” / command "${command}" not found. ` +
    `Install it with pip install 'indicator-lint[lsp]', or set indicatorLint.path to its full path ` +
    `(the virtual environment's .venv/bin/indicator-lint).`;
  output.appendLine(message);
  vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
    if (choice === 'Open Settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', SECTION);
    }
  });
}

async function start() {
  const { command, args, files } = settings();
  if (files.length === 0) {
    output.appendLine('indicatorLint.files is empty: the language server is not started.');
    return;
  }
  const root = workspaceRoot();
  const executable = findCommand(command, root);
  if (!executable) {
    notFound(command);
    return;
  }
  const serverOptions = {
    // No `transport`: for a command, TransportKind.stdio appends --stdio, which `indicator-lint
    // lsp` refuses; a command without one speaks over stdin/stdout.
    command: executable,
    args: [...args, 'lsp'],
    options: root ? { cwd: root } : {},
  };
  const clientOptions = {
    documentSelector: files.map((pattern) => ({ scheme: 'file', language: LANGUAGE, pattern })),
    outputChannel: output,
  };
  output.appendLine(`Starting ${[executable, ...serverOptions.args].join(' ')}`);
  const started = new LanguageClient(SECTION, NAME, serverOptions, clientOptions);
  client = started;
  try {
    await started.start();
  } catch (error) {
    // The language client has already shown its own message with a link to this output.
    output.appendLine(`The language server did not start: ${error && error.message}`);
    if (client === started) client = undefined;
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (error) {
      output.appendLine(`Stopping the language server: ${error && error.message}`);
    }
  }
}

function restart() {
  queue = queue
    .then(stop)
    .then(start)
    .catch((error) => output.appendLine(`indicator-lint: ${error && error.message}`)); // keeps the queue going
  return queue;
}

function activate(context) {
  output = vscode.window.createOutputChannel(NAME);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(`${SECTION}.restart`, restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) restart();
    }),
  );
  return restart();
}

function deactivate() {
  queue = queue.then(stop);
  return queue;
}

module.exports = { activate, deactivate };
