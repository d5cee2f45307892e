'use strict';
// Runs editors/vscode/extension.js under node with stand-ins for the `vscode` module and
// vscode-languageclient (neither loads outside VS Code), and prints what the extension did as JSON
// lines, for tests/test_vscode_extension.py.
//
//   node vscode_harness.js '{"settings": {...}, "workspace": "/dir", "change": {...}}'
//
// The settings a test does not give are package.json's defaults, as VS Code gives them. The
// harness activates the extension, then (with "change") changes the settings and tells the
// extension so, then deactivates it.

const fs = require('fs');
const Module = require('module');
const path = require('path');

const EXTENSION = path.join(__dirname, '..', 'editors', 'vscode');
const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8'));
const scenario = JSON.parse(process.argv[2] || '{}');

function say(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

let settings = { ...(scenario.settings || {}) };
const listeners = [];
const commands = {};

function getConfiguration(section) {
  const properties = manifest.contributes.configuration.properties;
  return {
    get(key) {
      const full = `${section}.${key}`;
      return full in settings ? settings[full] : (properties[full] || {}).default;
    },
  };
}

const vscode = {
  workspace: {
    getConfiguration,
    workspaceFolders: scenario.workspace
      ? [{ uri: { scheme: 'file', fsPath: scenario.workspace }, name: 'w', index: 0 }]
      : undefined,
    onDidChangeConfiguration(listener) {
      listeners.push(listener);
      return { dispose() {} };
    },
  },
  window: {
    createOutputChannel: () => ({ appendLine() {}, append() {}, show() {}, dispose() {} }),
    showErrorMessage(message, ...items) {
      say({ event: 'error', message, items });
      return Promise.resolve(undefined);
    },
  },
  commands: {
    registerCommand(name, callback) {
      commands[name] = callback;
      return { dispose() {} };
    },
    executeCommand: () => Promise.resolve(),
  },
};

let clients = 0;
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    this.number = ++clients;
    say({
      event: 'client',
      number: this.number,
      id,
      name,
      serverOptions,
      documentSelector: clientOptions.documentSelector,
    });
  }
  async start() {
    say({ event: 'start', number: this.number });
    if (scenario.startFails) throw new Error('the server exited');
  }
  async stop() {
    say({ event: 'stop', number: this.number });
  }
}

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscode;
  if (request === 'vscode-languageclient/node') return { LanguageClient };
  return load.call(this, request, ...rest);
};

(async () => {
  const extension = require(path.join(EXTENSION, manifest.main));
  await extension.activate({ subscriptions: [] });
  say({ event: 'commands', names: Object.keys(commands) });
  if (scenario.change) {
    const changed = Object.keys(scenario.change);
    settings = { ...settings, ...scenario.change };
    const event = {
      affectsConfiguration: (s) => changed.some((key) => key === s || key.startsWith(`${s}.`)),
    };
    listeners.forEach((listener) => listener(event));
  }
  await extension.deactivate();
  say({ event: 'deactivated' });
})().catch((error) => {
  say({ event: 'failed', message: String((error && error.stack) || error) });
  process.exitCode = 1;
});
