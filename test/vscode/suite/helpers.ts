// What the extension-host suites (extension.spec.ts, controls.spec.ts, diagnostics.spec.ts) share: polling the providers until
// the server answers, activating the extension, opening a workspace file, reading hovers and completions.
// Not a *.spec.ts: index.ts loads the spec files it lists, and this module only through their imports.
// The web suite (test/vscode/web-suite) shares it, bundled for the browser: hence no Node module here.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'normref.normref';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fails the test with message unless value is truthy (node:assert is not in the browser). */
export function ensure(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

export type Log = (...args: unknown[]) => void;
export type Poll = <T>(what: string, fn: () => Thenable<T> | Promise<T>, ok: (v: T) => boolean, timeoutMs: number) => Promise<T>;

/** A console logger whose lines start with tag, e.g. '[normref suite]'. */
export function logger(tag: string): Log {
  return (...args) => console.log(tag, ...args);
}

/** A poll that logs through log: polls fn until it returns a value accepted by ok, or throws after timeoutMs with the last value. */
export function poller(log: Log): Poll {
  return async <T>(what: string, fn: () => Thenable<T> | Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> => {
    const start = Date.now();
    let last: T | undefined;
    let lastErr: unknown;
    while (Date.now() - start < timeoutMs) {
      try {
        last = await fn();
        if (ok(last)) {
          log(`${what}: ok after ${Date.now() - start} ms`);
          return last;
        }
      } catch (err) {
        lastErr = err;
      }
      await sleep(250);
    }
    throw new Error(`${what}: no answer within ${timeoutMs} ms (last: ${JSON.stringify(last)}${lastErr ? `, error: ${String(lastErr)}` : ''})`);
  };
}

/** Opens and shows a markdown file of the first workspace folder. */
export async function openWorkspaceFile(name: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ensure(folder, 'no workspace folder is open');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  await vscode.window.showTextDocument(doc);
  ensure(doc.languageId === 'markdown', `${name} opened as ${doc.languageId}, not markdown`);
  return doc;
}

/** The installed normref extension; fails when it is not installed. */
export function normrefExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  ensure(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext;
}

/** Activates ext (if VS Code has not yet) and waits until it is active. */
export async function activated(poll: Poll, ext: vscode.Extension<unknown>): Promise<void> {
  await poll('extension active', async () => ext.isActive || (await ext.activate(), ext.isActive), (v) => v, 30_000);
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The text of all hovers at pos, joined by newlines ('' when there are none). */
export async function hoverAt(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
  return hoverText(hovers);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The text that accepting the item would insert (the API gives insertText, or a textEdit, or neither). */
export function insertedText(item: vscode.CompletionItem): string {
  const legacy = item as vscode.CompletionItem & { textEdit?: vscode.TextEdit };
  if (legacy.textEdit) return legacy.textEdit.newText;
  if (typeof item.insertText === 'string') return item.insertText;
  if (item.insertText instanceof vscode.SnippetString) return item.insertText.value;
  return labelOf(item);
}

/** The range that accepting the item would replace, as the API returns it (Range or {inserting, replacing}). */
export function replacedRange(item: vscode.CompletionItem): vscode.Range | undefined {
  const legacy = item as vscode.CompletionItem & { textEdit?: vscode.TextEdit };
  if (legacy.textEdit) return legacy.textEdit.range;
  const r = item.range;
  if (!r) return undefined;
  return r instanceof vscode.Range ? r : r.replacing;
}

/** Polls the completion provider at pos until its list has an item accepted by ok; on a timeout, logs the first labels. */
export async function pollCompletion(
  poll: Poll,
  log: Log,
  what: string,
  uri: vscode.Uri,
  pos: vscode.Position,
  ok: (item: vscode.CompletionItem) => boolean,
): Promise<vscode.CompletionList> {
  const complete = () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos);
  try {
    return await poll(what, complete, (l) => !!l && l.items.some(ok), 15_000);
  } catch (err) {
    const l = await complete();
    log('completion labels:', JSON.stringify(l?.items.slice(0, 30).map(labelOf)));
    throw err;
  }
}

/** Polls the link provider until it returns at least one document link. */
export function pollLinks(poll: Poll, what: string, uri: vscode.Uri): Promise<vscode.DocumentLink[]> {
  return poll(what, () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri, 100), (l) => !!l && l.length > 0, 15_000);
}
