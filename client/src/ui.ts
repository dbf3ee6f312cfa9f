// What the extension adds to VS Code beyond LSP, for the desktop and the web entry alike: the
// status bar item and the edition quick pick behind it, the links toggle, and the walkthrough.
import * as vscode from 'vscode';
import type { BaseLanguageClient, Middleware } from 'vscode-languageclient';
import { registerDeclareEdition } from './declare-edition';
import { registerToggleLinks } from './links-toggle';
import { EditionStatus } from './status-bar';
import { Walkthrough } from './walkthrough';

export interface Ui {
  /** For the language client's options. */
  middleware: Middleware;
  /** Says that a (re)started client is running: the status bar asks it. */
  clientStarted(): void;
}

export function registerUi(context: vscode.ExtensionContext, client: () => BaseLanguageClient | undefined): Ui {
  const status = new EditionStatus(client);
  const walkthrough = new Walkthrough(context.extensionUri);
  context.subscriptions.push(status, walkthrough, registerDeclareEdition(client), registerToggleLinks());
  return { middleware: walkthrough.middleware, clientStarted: () => status.refresh() };
}
