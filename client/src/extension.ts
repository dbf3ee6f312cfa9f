// The VS Code client in Node (desktop VS Code, code-server, remotes): starts the bundled normref
// language server over IPC. What it shares with the web client is in activation.ts.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, deactivateClient } from './activation';

function createClient(context: vscode.ExtensionContext, clientOptions: LanguageClientOptions): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return new LanguageClient('normref', 'normref', serverOptions, clientOptions);
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateClient(context, createClient);
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
