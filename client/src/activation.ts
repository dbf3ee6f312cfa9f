// What the Node client (extension.ts) and the web client (browser.ts) share: the output channel,
// the commands, the status bar and walkthrough of ui.ts, the coverage report, the listing and
// reading of the workspace for the server's index, the document selector and the restart when
// normref.languages changes. Each entry only says how its language server is started. Nothing
// here needs workspace trust: normref reads the text of documents and the bundled catalog, and
// runs no code of the workspace. The server learns the display language from `locale` in initialize.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { CoverageView } from './coverage-view';
import { languages } from './languages';
import { registerUi, type Ui } from './ui';
import { policyFileWatcher, serveWorkspaceFiles } from './workspace-files';

/** Makes a (not yet started) client of the entry's server with the shared options. */
export type ClientFactory = (context: vscode.ExtensionContext, options: LanguageClientOptions) => BaseLanguageClient;
/** Runs once a client has started (the web client sends it the catalog then); not awaited. */
export type OnStarted = (context: vscode.ExtensionContext, client: BaseLanguageClient) => Promise<void>;

let client: BaseLanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let ui: Ui | undefined;
/** What the running client registered: gone with it on restart. */
let registrations: vscode.Disposable[] = [];

function clientOptions(watchers: vscode.FileSystemWatcher[]): LanguageClientOptions {
  return {
    // Any scheme: saved files, untitled drafts, remote and virtual workspaces.
    documentSelector: languages().map((language) => ({ language })),
    synchronize: { configurationSection: 'normref', fileEvents: watchers },
    // The server indexes the workspace through us: we list and read it (files.exclude, remote and
    // virtual folders, the web). In Restricted Mode it reads no custom data of the workspace.
    initializationOptions: { workspaceFiles: true, trusted: vscode.workspace.isTrusted },
    outputChannel: output,
    traceOutputChannel: output,
    middleware: ui?.middleware,
  };
}

async function start(context: vscode.ExtensionContext, create: ClientFactory, onStarted?: OnStarted): Promise<void> {
  // Policies for the index; YAML for normref.customData, read again when one of its files changes.
  const watchers = [policyFileWatcher(), vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}')];
  const started = create(context, clientOptions(watchers));
  client = started;
  registrations = [...watchers, ...serveWorkspaceFiles(started)];
  await started.start();
  ui?.clientStarted();
  onStarted?.(context, started).catch((error: unknown) => output?.error(`normref: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
}

async function restart(context: vscode.ExtensionContext, create: ClientFactory, onStarted?: OnStarted): Promise<void> {
  const running = client;
  client = undefined;
  for (const r of registrations.splice(0)) r.dispose();
  if (running) await running.stop().catch((error: unknown) => output?.appendLine(`normref: ${vscode.l10n.t('stop failed: {0}', String(error))}`));
  await start(context, create, onStarted);
  output?.appendLine(`normref: ${vscode.l10n.t('language server restarted')}`);
}

export async function activateClient(context: vscode.ExtensionContext, create: ClientFactory, onStarted?: OnStarted): Promise<void> {
  output = vscode.window.createOutputChannel('normref', { log: true });
  const coverage = new CoverageView();
  ui = registerUi(context, () => client);
  context.subscriptions.push(
    output,
    coverage,
    vscode.commands.registerCommand('normref.showCoverage', () => (client ? coverage.show(client) : undefined)),
    vscode.commands.registerCommand('normref.restartServer', () => restart(context, create, onStarted)),
    vscode.commands.registerCommand('normref.showOutput', () => output?.show()),
    // The document selector is fixed when the client starts: a change of languages needs a restart.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('normref.languages')) void restart(context, create, onStarted);
    }),
    // Trusted now: a server that may read the workspace's custom data.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart(context, create, onStarted)),
  );
  await start(context, create, onStarted);
}

export async function deactivateClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}
