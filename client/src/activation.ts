// What the Node client (extension.ts) and the web client (browser.ts) share: the output channel,
// the commands, the document selector and the restart when normref.languages changes. Each entry
// only says how its language server is started. Nothing here needs workspace trust: normref reads
// the text of open documents and the bundled catalog, and runs no code of the workspace.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';

/** Makes a (not yet started) client of the entry's server with the shared options. */
export type ClientFactory = (context: vscode.ExtensionContext, options: LanguageClientOptions) => BaseLanguageClient;
/** Runs once a client has started (the web client sends it the catalog then); not awaited. */
export type OnStarted = (context: vscode.ExtensionContext, client: BaseLanguageClient) => Promise<void>;

let client: BaseLanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function languages(): string[] {
  return vscode.workspace.getConfiguration('normref').get<string[]>('languages', ['markdown', 'plaintext']);
}

function clientOptions(): LanguageClientOptions {
  return {
    // Any scheme: saved files, untitled drafts, remote and virtual workspaces.
    documentSelector: languages().map((language) => ({ language })),
    synchronize: { configurationSection: 'normref' },
    outputChannel: output,
    traceOutputChannel: output,
  };
}

async function start(context: vscode.ExtensionContext, create: ClientFactory, onStarted?: OnStarted): Promise<void> {
  const started = create(context, clientOptions());
  client = started;
  await started.start();
  onStarted?.(context, started).catch((error: unknown) => output?.error(`normref: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
}

async function restart(context: vscode.ExtensionContext, create: ClientFactory, onStarted?: OnStarted): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop().catch((error: unknown) => output?.appendLine(`normref: stop failed: ${String(error)}`));
  await start(context, create, onStarted);
  output?.appendLine('normref: language server restarted');
}

export async function activateClient(context: vscode.ExtensionContext, create: ClientFactory, onStarted?: OnStarted): Promise<void> {
  output = vscode.window.createOutputChannel('normref', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('normref.restartServer', () => restart(context, create, onStarted)),
    vscode.commands.registerCommand('normref.showOutput', () => output?.show()),
    // The document selector is fixed when the client starts: a change of languages needs a restart.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('normref.languages')) void restart(context, create, onStarted);
    }),
  );
  await start(context, create, onStarted);
}

export async function deactivateClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}
