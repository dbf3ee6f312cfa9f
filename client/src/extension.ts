// The VS Code client: starts the bundled normref language server over IPC for the languages in
// normref.languages, and adds what LSP cannot express: an output channel, a restart command, the
// status bar, commands and walkthrough of ui.ts, the coverage report, and the listing and reading
// of the workspace for the server's index. The server learns the display language from the
// client's initialize request (`locale`).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CoverageView } from './coverage-view';
import { languages } from './languages';
import { registerUi, type Ui } from './ui';
import { policyFileWatcher, serveWorkspaceFiles } from './workspace-files';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let ui: Ui | undefined;
/** What the running client registered: gone with it on restart. */
let registrations: vscode.Disposable[] = [];

function createClient(context: vscode.ExtensionContext, watcher: vscode.FileSystemWatcher): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme: saved files, untitled drafts, remote workspaces.
    documentSelector: languages().map((language) => ({ language })),
    synchronize: { configurationSection: 'normref', fileEvents: watcher },
    // The server indexes the workspace through us: we list and read it (files.exclude, remote and virtual folders).
    initializationOptions: { workspaceFiles: true },
    outputChannel: output,
    traceOutputChannel: output,
    middleware: ui?.middleware,
  };
  return new LanguageClient('normref', 'normref', serverOptions, clientOptions);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const watcher = policyFileWatcher();
  client = createClient(context, watcher);
  registrations = [watcher, ...serveWorkspaceFiles(client)];
  await client.start();
  ui?.clientStarted();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const running = client;
  client = undefined;
  for (const r of registrations.splice(0)) r.dispose();
  if (running) await running.stop().catch((error: unknown) => output?.appendLine(`normref: ${vscode.l10n.t('stop failed: {0}', String(error))}`));
  await start(context);
  output?.appendLine(`normref: ${vscode.l10n.t('language server restarted')}`);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('normref', { log: true });
  const coverage = new CoverageView();
  ui = registerUi(context, () => client);
  context.subscriptions.push(
    output,
    coverage,
    vscode.commands.registerCommand('normref.showCoverage', () => (client ? coverage.show(client) : undefined)),
    vscode.commands.registerCommand('normref.restartServer', () => restart(context)),
    vscode.commands.registerCommand('normref.showOutput', () => output?.show()),
    // The document selector is fixed when the client starts: a change of languages needs a restart.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('normref.languages')) void restart(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
