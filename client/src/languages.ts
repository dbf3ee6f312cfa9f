// The language ids of the documents normref reads (setting normref.languages).
import * as vscode from 'vscode';

export function languages(): string[] {
  return vscode.workspace.getConfiguration('normref').get<string[]>('languages', ['markdown', 'plaintext']);
}
