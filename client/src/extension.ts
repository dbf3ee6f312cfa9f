// The VS Code client: starts the bundled normref language server over IPC for the languages in
// normref.languages, and adds what LSP cannot express: an output channel and a restart command.
// The server learns the display language from the client's initialize request (`locale`).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function languages(): string[] {
  return vscode.workspace.getConfiguration('normref').get<string[]>('languages', ['markdown', 'plaintext']);
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme: saved files, untitled drafts, remote workspaces.
    documentSelector: languages().map((language) => ({ language })),
    synchronize: { configurationSection: 'normref' },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient('normref', 'normref', serverOptions, clientOptions);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  await client.start();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop().catch((error: unknown) => output?.appendLine(`normref: ${vscode.l10n.t('stop failed: {0}', String(error))}`));
  await start(context);
  output?.appendLine(`normref: ${vscode.l10n.t('language server restarted')}`);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('normref', { log: true });
  context.subscriptions.push(
    output,
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
